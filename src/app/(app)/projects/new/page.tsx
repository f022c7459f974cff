import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ProjectForm } from "@/features/projects/components/project-form";
import { fiscalYearOptions, organisationName } from "@/features/projects/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export default async function NewProjectPage() {
  const user = await requireUser();
  if (!can(user.role, "projects.create") || !user.orgId) notFound();
  const [years, departmentName, t] = await Promise.all([
    fiscalYearOptions(),
    organisationName(user.departmentId),
    getTranslations("projects.form"),
  ]);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <ProjectForm
        mode="create"
        years={years}
        unitName={user.orgName ?? ""}
        departmentName={departmentName}
        // New filings are for the latest year, the one being prepared.
        initial={{
          year: years[0] ? String(years[0]) : undefined,
          kind: "DEPT_SPECIAL",
          specialArea: "GENERAL",
        }}
        cancelHref="/projects"
      />
    </div>
  );
}
