import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { GradeBadge } from "@/features/self-evaluation/components/grade-badge";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { projectEngagements } from "../queries";
import { EngagementStatusBadge } from "./badges";

/** For the project page: the project's third-party evaluation, its agency, status and result. */
export async function ProjectThirdParty({ user, projectId }: { user: CurrentUser; projectId: string }) {
  if (!can(user.role, "thirdParty.read")) return null;
  const [rows, t] = await Promise.all([projectEngagements(user, projectId), getTranslations("thirdParty")]);
  if (!rows.length) return null;
  return (
    <Card title={t("projectCard.title")}>
      <ul className="space-y-2 text-sm" data-testid="project-third-party">
        {rows.map((r) => (
          <li key={r.evaluationId} className="flex flex-wrap items-center gap-3">
            <Link href={`/third-party/${r.evaluationId}`} className="text-brand-700 hover:underline">
              {r.agencyName}
            </Link>
            <EngagementStatusBadge status={r.status} />
            {r.totalScore && (
              <span>
                {t("projectCard.total")} <span className="num font-semibold">{r.totalScore}</span>
              </span>
            )}
            <GradeBadge grade={r.grade} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
