import { eq } from "drizzle-orm";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { needsPreAssessment } from "@/features/years/pre-assessment-rule";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { fiscalYears, preAssessments } from "@/server/schema";
import type { Project } from "@/server/schema/projects";
import type { CurrentUser } from "@/server/session";
import { PreStatusBadge } from "./status-badge";

/**
 * For the project page (which already checked the project is in the user's scope): whether it needs
 * a pre-assessment, where that stands, and a link to it. Renders nothing when none is needed.
 */
export async function ProjectPreStatus({ project, user }: { project: Project; user: CurrentUser }) {
  if (!can(user.role, "preAssessment.read")) return null;
  const [[fy], [pa], t] = await Promise.all([
    db
      .select({ threshold: fiscalYears.preAssessmentThreshold })
      .from(fiscalYears)
      .where(eq(fiscalYears.year, project.year)),
    db
      .select({ status: preAssessments.status, conclusion: preAssessments.conclusion })
      .from(preAssessments)
      .where(eq(preAssessments.projectId, project.id)),
    getTranslations("preAssessment"),
  ]);
  if (!pa && (!fy || !needsPreAssessment(project, fy.threshold))) return null;
  return (
    <Card title={t("title")}>
      <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="project-pre-status">
        <PreStatusBadge status={pa?.status ?? null} />
        {pa?.conclusion && <span>{t(`conclusion.${pa.conclusion}`)}</span>}
        <Link href={`/pre-assessments/${project.id}`} className="text-brand-700 hover:underline">
          {t("list.open")}
        </Link>
      </div>
    </Card>
  );
}
