import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { MoneyUnitSwitch } from "@/features/projects/components/money-unit-switch";
import { ProjectAmounts } from "@/features/projects/components/project-amounts";
import { ProjectFacts } from "@/features/projects/components/project-facts";
import { StageBadge } from "@/features/projects/components/stage-badge";
import { StageTimeline } from "@/features/projects/components/stage-timeline";
import { getProject } from "@/features/projects/queries";
import { projectListParamsSchema } from "@/features/projects/schemas";
import { ProjectKeyCard } from "@/features/key-evaluation/components/project-key-card";
import { ProjectMonitoring } from "@/features/monitoring/components/project-monitoring";
import { ProjectPreStatus } from "@/features/pre-assessment/components/project-pre-status";
import { ProjectRectification } from "@/features/rectification/components/project-rectification";
import { ProjectResults } from "@/features/results/components/project-results";
import { ProjectSelfSummary } from "@/features/self-evaluation/components/project-self-summary";
import { ProjectTargetSummary } from "@/features/targets/components/project-target-summary";
import { ProjectThirdParty } from "@/features/third-party/components/project-third-party";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProjectPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "projects.read")) notFound();
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  // Unknown, malformed and out-of-scope ids all read as not found.
  const project = await getProject(user, id);
  if (!project) notFound();
  const unit = projectListParamsSchema.pick({ money: true }).parse(raw).money ?? "wan";
  const [t, tc] = await Promise.all([getTranslations("projects"), getTranslations("common")]);
  const canEdit = can(user.role, "projects.update") && project.stage === "DRAFT";

  return (
    <>
      <PageHeader
        title={project.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="num">{project.code}</span>
            <span aria-hidden="true">·</span>
            <span>{project.unitName}</span>
            <span aria-hidden="true">·</span>
            <span>{project.departmentName}</span>
            <StageBadge stage={project.stage} />
          </span>
        }
        actions={
          <>
            {canEdit && <ButtonLink href={`/projects/${project.id}/edit`}>{tc("edit")}</ButtonLink>}
            <ButtonLink href={`/attachments/project/${project.id}`} variant="secondary">
              {t("detail.attachments")}
            </ButtonLink>
            <ButtonLink href={`/projects?year=${project.year}`} variant="secondary">
              {t("detail.backToList")}
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-5">
        <Card title={t("detail.stages")}>
          <StageTimeline stage={project.stage} />
        </Card>
        <Card title={t("detail.basicInfo")}>
          <ProjectFacts project={project} />
        </Card>
        <Card
          title={t("detail.amounts")}
          actions={
            <MoneyUnitSwitch
              value={unit}
              hrefFor={(money) => `/projects/${project.id}${money === "wan" ? "" : `?money=${money}`}`}
            />
          }
        >
          <ProjectAmounts project={project} unit={unit} />
        </Card>
        <ProjectPreStatus project={project} user={user} />
        <ProjectTargetSummary user={user} projectId={project.id} />
        <ProjectSelfSummary user={user} projectId={project.id} />
        <ProjectThirdParty user={user} projectId={project.id} />
        <ProjectMonitoring user={user} projectId={project.id} />
        <ProjectKeyCard user={user} projectId={project.id} />
        <ProjectResults user={user} projectId={project.id} />
        <ProjectRectification user={user} projectId={project.id} />
        {project.description && (
          <Card title={t("fields.description")}>
            <p className="text-sm leading-relaxed whitespace-pre-line text-slate-700">
              {project.description}
            </p>
          </Card>
        )}
      </div>
    </>
  );
}
