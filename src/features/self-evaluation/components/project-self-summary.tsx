import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { projectSelfSummary } from "../queries";
import { GradeBadge } from "./grade-badge";
import { SelfStatusBadge } from "./status-badge";

/** For the project page: the self-evaluation's status, total and grade, and a link to it. */
export async function ProjectSelfSummary({ user, projectId }: { user: CurrentUser; projectId: string }) {
  if (!can(user.role, "selfEvaluation.read")) return null;
  const [summary, t] = await Promise.all([
    projectSelfSummary(user, projectId),
    getTranslations("selfEvaluation.summary"),
  ]);
  if (!summary) return null;
  return (
    <Card
      title={t("title")}
      actions={
        <Link href={`/self-evaluations/${projectId}`} className="text-sm text-brand-700 hover:underline">
          {t("open")}
        </Link>
      }
    >
      <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700" data-testid="self-summary">
        <SelfStatusBadge status={summary.status} />
        {summary.totalScore && (
          <span>
            {t("total")} <span className="num font-semibold">{summary.totalScore}</span>
          </span>
        )}
        <GradeBadge grade={summary.grade} />
      </p>
    </Card>
  );
}
