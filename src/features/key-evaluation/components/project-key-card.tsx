import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { GradeBadge } from "@/features/self-evaluation/components/grade-badge";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { projectKeyEvaluations } from "../queries";
import { KeyStatusBadge } from "./status-badge";

/** The project's 财政重点评价 on its page, when it has one the user may see. */
export async function ProjectKeyCard({ user, projectId }: { user: CurrentUser; projectId: string }) {
  if (!can(user.role, "keyEvaluation.read")) return null;
  const rows = await projectKeyEvaluations(user, projectId);
  if (!rows.length) return null;
  const t = await getTranslations("keyEvaluation.projectCard");
  return (
    <Card title={t("title")}>
      <ul className="space-y-2 text-sm">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <KeyStatusBadge status={r.status} />
            <span>
              {t("score")} <span className="num font-medium">{r.totalScore ?? "—"}</span>
            </span>
            <GradeBadge grade={r.grade} />
            <span className="text-xs text-slate-500">
              {t("lead", { name: r.leadName ?? "—" })} · {t("due", { date: r.dueDate ?? "—" })}
            </span>
            <Link href={`/key-evaluations/${r.id}`} className="text-brand-700 hover:underline">
              {t("open")}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
