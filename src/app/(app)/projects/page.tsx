import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ProjectFilters } from "@/features/projects/components/project-filters";
import { ProjectTable } from "@/features/projects/components/project-table";
import { ProjectTotalsBar } from "@/features/projects/components/project-totals";
import { exportHref, listHref } from "@/features/projects/list-url";
import { resolveDistrict } from "@/features/districts/queries";
import { departmentFilter, fiscalYearOptions, listProjects } from "@/features/projects/queries";
import { PAGE_SIZE, resolveListFilters } from "@/features/projects/schemas";
import { previousSummaries } from "@/features/results/previous";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";
import { ExportButton } from "@/components/ui/export-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProjectsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "projects.read")) notFound();
  const raw = await searchParams;
  const [years, { district, options: districts }, t, tc] = await Promise.all([
    fiscalYearOptions(),
    resolveDistrict(user, raw.district),
    getTranslations("projects"),
    getTranslations("common"),
  ]);
  // A province-level user's district narrows the department choices too; without one, none are listed.
  const departments = await departmentFilter(user, district, raw.dept);
  const filters = resolveListFilters(raw, {
    years,
    departmentIds: departments.options.map((d) => d.id),
    districtIds: district ? [district] : [],
  });
  const { rows, totals } = await listProjects(user, filters);
  const previous = await previousSummaries(
    user,
    rows.map((r) => r.id),
  );
  const pages = Math.max(1, Math.ceil(totals.count / PAGE_SIZE));
  // A page past the end (an old link after filtering) shows the last page instead of nothing.
  if (filters.page > pages) redirect(listHref(filters, { page: pages }));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {can(user.role, "projects.create") && (
              <>
                <ButtonLink href="/projects/import" variant="secondary">
                  {t("import.button")}
                </ButtonLink>
                <ButtonLink href="/projects/new">{t("newProject")}</ButtonLink>
              </>
            )}
            {can(user.role, "projects.export") && totals.count > 0 && (
              <ExportButton href={exportHref(filters)}>{tc("export")}</ExportButton>
            )}
          </>
        }
      />
      <ProjectFilters
        filters={filters}
        years={years}
        departments={!departments.all || departments.options.length > 1 ? departments.options : undefined}
        departmentsNeedDistrict={!departments.all}
        districts={districts.length > 1 ? districts : undefined}
      />
      <ProjectTotalsBar
        totals={totals}
        unit={filters.money}
        unitHref={(money) => listHref(filters, { money })}
      />
      {rows.length === 0 ? (
        <EmptyState
          title={t("empty.title")}
          body={t("empty.body")}
          action={
            <ButtonLink href="/projects" variant="secondary">
              {t("empty.clear")}
            </ButtonLink>
          }
        />
      ) : (
        <>
          <ProjectTable rows={rows} filters={filters} previous={previous.size > 0 ? previous : undefined} />
          <Pagination
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={totals.count}
            hrefFor={(page) => listHref(filters, { page })}
          />
        </>
      )}
    </>
  );
}
