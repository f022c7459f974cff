import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { AttachmentList } from "@/features/attachments/components/attachment-list";
import { getProject } from "@/features/projects/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ projectId: string }> };

// The project's own files (申报材料), on a page of their own, linked from the project page.
export default async function ProjectAttachmentsPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "projects.read")) notFound();
  const { projectId } = await params;
  // Unknown, malformed and out-of-scope ids all read as not found.
  const project = await getProject(user, projectId);
  if (!project) notFound();
  const t = await getTranslations("attachments");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium text-slate-700">{project.name}</span>
            <span aria-hidden="true">·</span>
            <span className="num">{project.code}</span>
            <span aria-hidden="true">·</span>
            <span>{project.unitName}</span>
          </span>
        }
        actions={
          <ButtonLink href={`/projects/${project.id}`} variant="secondary">
            {t("backToProject")}
          </ButtonLink>
        }
      />
      <p className="mb-4 text-sm text-slate-500">{t("description")}</p>
      <AttachmentList entityType="project" entityId={project.id} canUpload />
    </>
  );
}
