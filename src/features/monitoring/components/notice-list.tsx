import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { NoticeRow } from "../report-queries";
import { NoticeStatusBadge } from "./badges";
import { AnswerNoticeForm, CloseNoticeForm } from "./notice-forms";

const day = (d: Date | string | null) =>
  d ? new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(d)) : "";

/** Each notice as a tracked item: what finance asked, by when, the answer, and how it was closed. */
export function NoticeList({
  notices,
  projectId,
  today,
  canAnswer,
  canClose,
  showRound = false,
  rectification,
}: {
  notices: NoticeRow[];
  projectId: string;
  today: string;
  canAnswer: boolean;
  canClose: boolean;
  showRound?: boolean;
  /** The rectification items raised from a notice (and finance's link to raise one). */
  rectification?: (noticeId: string) => ReactNode;
}) {
  const t = useTranslations("monitoring.notices");
  const tk = useTranslations("monitoring.noticeKind");
  if (notices.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ul className="space-y-4">
      {notices.map((n) => {
        const overdue = n.status === "OPEN" && n.dueDate !== null && n.dueDate < today;
        return (
          <li key={n.id} className="rounded-md border border-slate-200 p-3" data-testid="notice">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-semibold text-slate-800">{tk(n.kind)}</span>
              <NoticeStatusBadge status={n.status} />
              {overdue && <Badge tone="red">{t("overdue")}</Badge>}
              <span className="text-xs text-slate-500">
                {showRound && `${n.roundName} · `}
                {t("issuedOn", { date: day(n.createdAt), by: n.issuedBy ?? "—" })}
                {n.dueDate && ` · ${t("due", { date: n.dueDate })}`}
              </span>
            </div>
            <p className="mt-2 text-sm whitespace-pre-line text-slate-700">{n.content}</p>
            {n.targetSheetId && (
              <p className="mt-1 text-sm">
                <Link href={`/targets/${projectId}`} className="text-brand-700 hover:underline">
                  {t("newVersion")}
                </Link>
              </p>
            )}
            {n.reply && (
              <div className="mt-2 rounded bg-slate-50 p-2 text-sm text-slate-700">
                <div className="text-xs font-medium text-slate-500">
                  {t("replyBy", { by: n.repliedBy ?? "—", date: day(n.repliedAt) })}
                </div>
                <p className="whitespace-pre-line">{n.reply}</p>
              </div>
            )}
            {n.closingNote && (
              <p className="mt-2 text-xs text-slate-600">
                {t("closingNote")}：{n.closingNote}
              </p>
            )}
            {rectification && <div className="mt-3">{rectification(n.id)}</div>}
            {canAnswer && n.status === "OPEN" && (
              <div className="mt-3">
                <AnswerNoticeForm noticeId={n.id} version={n.version} />
              </div>
            )}
            {canClose && n.status === "ANSWERED" && (
              <div className="mt-3">
                <CloseNoticeForm noticeId={n.id} version={n.version} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
