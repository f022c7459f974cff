import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ProjectForm } from "@/features/projects/components/project-form";
import { getProject } from "@/features/projects/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ id: string }> };

export default async function EditProjectPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "projects.update")) notFound();
  const { id } = await params;
  // Scoped read: a filer reaches only their own unit's projects; anything else is not found.
  const project = await getProject(user, id);
  if (!project) notFound();
  const [t, te] = await Promise.all([getTranslations("projects.form"), getTranslations("enums.stage")]);
  const back = `/projects/${project.id}`;

  if (project.stage !== "DRAFT") {
    return (
      <div className="mx-auto max-w-4xl">
        <PageHeader title={t("editTitle")} description={project.name} />
        <EmptyState
          title={t("lockedTitle")}
          body={t("lockedBody", { stage: te(project.stage) })}
          action={<ButtonLink href={back}>{t("backToProject")}</ButtonLink>}
        />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("editTitle")} description={t("editDescription")} />
      <ProjectForm
        mode="edit"
        id={project.id}
        version={project.version}
        code={project.code}
        year={project.year}
        initial={{
          name: project.name,
          kind: project.kind,
          novelty: project.novelty,
          duration: project.duration,
          isMajor: project.isMajor ? "on" : undefined,
          specialArea: project.specialArea,
          requestedAmount: project.requestedAmount,
          description: project.description ?? undefined,
        }}
        cancelHref={back}
      />
    </div>
  );
}
