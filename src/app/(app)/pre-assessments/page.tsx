import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PreListFilters } from "@/features/pre-assessment/components/pre-list-filters";
import { PreListTable } from "@/features/pre-assessment/components/pre-list-table";
import { YearTotalsCard } from "@/features/pre-assessment/components/year-totals-card";
import { listYear, yearTotals } from "@/features/pre-assessment/queries";
import {
  DEFAULT_PRE_YEAR,
  PRE_LIST_PAGE_SIZE,
  preListParamsSchema,
  type PreListFilters as Filters,
} from "@/features/pre-assessment/schemas";
import { departmentFilter, fiscalYearOptions } from "@/features/projects/queries";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";
import { ExportButton } from "@/components/ui/export-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PreAssessmentsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "preAssessment.read")) notFound();
  // Experts work from their groups only.
  if (user.role === "EXPERT") redirect("/pre-assessments/groups");
  const [raw, years, t] = await Promise.all([
    searchParams,
    fiscalYearOptions(),
    getTranslations("preAssessment"),
  ]);
  const p = preListParamsSchema.parse(raw);
  // A province-level user's 行政区划 narrows the list, its totals, departments and export.
  const { reader, district, options: districts } = await districtReader(user, p.district);
  const departments = await departmentFilter(reader, undefined, p.dept);
  const filters: Filters = {
    year:
      p.year && years.includes(p.year)
        ? p.year
        : years.includes(DEFAULT_PRE_YEAR)
          ? DEFAULT_PRE_YEAR
          : (years[0] ?? DEFAULT_PRE_YEAR),
    dept: p.dept && departments.options.some((d) => d.id === p.dept) ? p.dept : undefined,
    status: p.status,
    district,
    page: p.page ?? 1,
  };
  const finance = user.role === "FINANCE_ADMIN" || user.role === "FINANCE_REVIEWER";
  const [list, totals] = await Promise.all([
    listYear(reader, filters),
    finance ? yearTotals(reader, filters.year) : null,
  ]);
  const hrefFor = (page: number) => {
    const q = new URLSearchParams({ year: String(filters.year) });
    if (filters.dept) q.set("dept", filters.dept);
    if (filters.status) q.set("status", filters.status);
    if (filters.district) q.set("district", filters.district);
    if (page > 1) q.set("page", String(page));
    return `/pre-assessments?${q}`;
  };
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { year: filters.year })}
        actions={
          <>
            {list.total > 0 && (
              <ExportButton href={hrefFor(1).replace("/pre-assessments?", "/pre-assessments/export?")}>
                {t("export.button")}
              </ExportButton>
            )}
            {can(user.role, "preAssessment.manageGroups") && (
              <ButtonLink href={`/pre-assessments/groups?year=${filters.year}`} variant="secondary">
                {t("list.groups")}
              </ButtonLink>
            )}
          </>
        }
      />
      {totals && <YearTotalsCard year={filters.year} totals={totals} />}
      <PreListFilters filters={filters} years={years} departments={departments} districts={districts} />
      <p className="mb-2 text-sm text-slate-600" data-testid="pre-count">
        {t("list.count", { total: list.total, missing: list.missing })}
        <span className="ml-2 text-xs text-amber-700">{t("list.missingHint")}</span>
      </p>
      <PreListTable rows={list.rows} />
      <div className="mt-4">
        <Pagination page={filters.page} pageSize={PRE_LIST_PAGE_SIZE} total={list.total} hrefFor={hrefFor} />
      </div>
    </>
  );
}
