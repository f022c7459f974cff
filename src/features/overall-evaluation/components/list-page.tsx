import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import type { OverallType } from "../flow";
import { listOverall, OVERALL_PAGE_SIZE, overallOptions, type OverallFilters } from "../queries";
import { overallListParamsSchema } from "../schemas";
import { OverallFiltersForm, overallListHref, OverallStatusCounts, OverallTable } from "./list";
import { OpenOverallForm } from "./open-form";
import { typeNs } from "./status-badge";
import { ExportButton } from "@/components/ui/export-button";

/** The list page of either type: filters, counts, the open form for finance, the table, export. */
export async function OverallListPage({
  type,
  user,
  searchParams,
}: {
  type: OverallType;
  user: CurrentUser;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const p = overallListParamsSchema.parse(searchParams);
  // A province-level user's 行政区划 narrows the list, its counts, filters and export.
  const { reader, district, options: districts } = await districtReader(user, p.district);
  const [options, t] = await Promise.all([
    overallOptions(reader, type),
    getTranslations(`overallEvaluation.${typeNs(type)}`),
  ]);
  const filters: OverallFilters = {
    year: p.year && options.years.includes(p.year) ? p.year : undefined,
    status: p.status,
    org: p.org && options.orgs.some((o) => o.id === p.org) ? p.org : undefined,
    district,
    page: p.page ?? 1,
  };
  const { rows, byStatus, total } = await listOverall(reader, type, filters);
  const pages = Math.max(1, Math.ceil(total / OVERALL_PAGE_SIZE));
  if (filters.page > pages) redirect(overallListHref(type, filters, { page: pages }));
  const canOpen = can(user.role, type === "DEPT_OVERALL" ? "deptOverall.open" : "townshipEvaluation.open");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          rows.length > 0 && (
            <ExportButton href={overallListHref(type, filters, { page: 1 }, "/export")}>
              {t("export")}
            </ExportButton>
          )
        }
      />
      {canOpen && (
        <div className="mb-6">
          <OpenOverallForm type={type} years={options.years} orgs={options.orgs} />
        </div>
      )}
      <OverallFiltersForm
        type={type}
        filters={filters}
        years={options.years}
        orgs={options.orgs.length > 1 ? options.orgs : undefined}
        districts={districts.length > 0 ? districts : undefined}
      />
      <OverallStatusCounts type={type} filters={filters} byStatus={byStatus} />
      {rows.length === 0 ? (
        <EmptyState title={t("empty.title")} body={canOpen ? t("empty.bodyAdmin") : t("empty.body")} />
      ) : (
        <>
          <OverallTable type={type} rows={rows} />
          <Pagination
            page={filters.page}
            pageSize={OVERALL_PAGE_SIZE}
            total={total}
            hrefFor={(page) => overallListHref(type, filters, { page })}
          />
        </>
      )}
    </>
  );
}
