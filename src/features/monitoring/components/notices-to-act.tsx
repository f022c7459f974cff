import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { noticesToAct } from "../report-queries";
import { bureauToday } from "../rules";

/** 待办: notices the department must answer, or finance must close, each linking to its report. */
export async function NoticesToAct({ user }: { user: CurrentUser }) {
  const status = can(user.role, "monitoring.answerNotice")
    ? "OPEN"
    : can(user.role, "monitoring.respond")
      ? "ANSWERED"
      : null;
  if (!status) return null;
  const [rows, t] = await Promise.all([noticesToAct(user, status), getTranslations("monitoring")]);
  const today = bureauToday();
  return (
    <Card title={t(status === "OPEN" ? "todo.toAnswer" : "todo.toClose")} className="mb-5">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("todo.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <Badge tone="blue">{t(`noticeKind.${n.kind}`)}</Badge>
              <Link href={`/monitoring/reports/${n.reportId}`} className="text-brand-700 hover:underline">
                {n.projectName}
              </Link>
              <span className="num text-xs text-slate-400">{n.projectCode}</span>
              <span className="text-xs text-slate-500">{n.roundName}</span>
              {n.dueDate && (
                <span className="text-xs text-slate-500">{t("notices.due", { date: n.dueDate })}</span>
              )}
              {status === "OPEN" && n.dueDate && n.dueDate < today && (
                <Badge tone="red">{t("notices.overdue")}</Badge>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
