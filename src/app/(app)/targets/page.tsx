import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import {
  StatusCounts,
  TargetFilters,
  targetListHref,
  TargetTable,
} from "@/features/targets/components/target-list";
import {
  listTargetSheets,
  TARGETS_PAGE_SIZE,
  targetFilterOptions,
  type TargetListFilters,
} from "@/features/targets/queries";
import { targetListParamsSchema } from "@/features/targets/schemas";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Filers and approvers work on next year's budget (2022 in the demo); finance reads any year.
const DEFAULT_YEAR = 2022;

export default async function TargetsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "targets.read")) notFound();
  const [raw, t] = await Promise.all([searchParams, getTranslations("targets")]);
  const p = targetListParamsSchema.parse(raw);
  // A province-level user's 行政区划 narrows the list, its counts and filters.
  const { reader, district, options: districts } = await districtReader(user, p.district);
  const options = await targetFilterOptions(reader);
  const year =
    p.year && options.years.includes(p.year)
      ? p.year
      : options.years.includes(DEFAULT_YEAR)
        ? DEFAULT_YEAR
        : (options.years[0] ?? DEFAULT_YEAR);
  const filters: TargetListFilters = {
    year,
    status: p.status,
    dept: p.dept && options.departments.some((d) => d.id === p.dept) ? p.dept : undefined,
    q: p.q || undefined,
    district,
    page: p.page ?? 1,
  };
  const { rows, byStatus, total } = await listTargetSheets(reader, filters);
  const pages = Math.max(1, Math.ceil(total / TARGETS_PAGE_SIZE));
  if (filters.page > pages) redirect(targetListHref(filters, { page: pages }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <TargetFilters
        filters={filters}
        years={options.years}
        departments={options.departments.length > 1 ? options.departments : undefined}
        districts={districts.length > 0 ? districts : undefined}
      />
      <StatusCounts filters={filters} byStatus={byStatus} />
      {rows.length === 0 ? (
        <EmptyState title={t("empty.title")} body={t("empty.body")} />
      ) : (
        <>
          <TargetTable rows={rows} />
          <Pagination
            page={filters.page}
            pageSize={TARGETS_PAGE_SIZE}
            total={total}
            hrefFor={(page) => targetListHref(filters, { page })}
          />
        </>
      )}
    </>
  );
}
