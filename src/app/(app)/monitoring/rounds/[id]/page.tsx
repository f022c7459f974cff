import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ReportFilters, reportListHref } from "@/features/monitoring/components/report-filters";
import { ProgressTable, ReportTable } from "@/features/monitoring/components/report-table";
import {
  getRound,
  listReports,
  REPORTS_PAGE_SIZE,
  type ReportListFilters,
} from "@/features/monitoring/queries";
import { REPORT_STATUSES } from "@/features/monitoring/constants";
import { warningListParamsSchema } from "@/features/monitoring/schemas";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { departmentFilter } from "@/features/projects/queries";
import { requireUser } from "@/server/session";
import { z } from "zod";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const statusParam = z
  .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(REPORT_STATUSES).optional())
  .catch(undefined);

export default async function RoundPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "monitoring.read")) notFound();
  const [{ id }, raw, t] = await Promise.all([params, searchParams, getTranslations("monitoring")]);
  if (!z.guid().safeParse(id).success) notFound();
  const p = warningListParamsSchema.parse(raw);
  // A province-level user's 行政区划 (from the round list) narrows the round's progress and reports.
  const { reader, district } = await districtReader(user, p.district);
  const [data, departments] = await Promise.all([
    getRound(reader, id),
    departmentFilter(reader, undefined, p.dept),
  ]);
  if (!data) notFound();
  const { round, byDepartment } = data;
  const filters: ReportListFilters = {
    status: statusParam.parse(raw.status),
    colour: p.colour,
    dept: p.dept && departments.options.some((d) => d.id === p.dept) ? p.dept : undefined,
    flagged: p.flagged === "1",
    q: p.q || undefined,
    district,
    page: p.page ?? 1,
  };
  const path = `/monitoring/rounds/${round.id}`;
  const { rows, total } = await listReports(reader, round.id, filters);
  const pages = Math.max(1, Math.ceil(total / REPORTS_PAGE_SIZE));
  if (filters.page > pages) redirect(reportListHref(path, filters, { page: pages }));
  const rule =
    round.scopeRule === "MIN_AMOUNT"
      ? t("scopeRuleLine.MIN_AMOUNT", { amount: (Number(round.minAmount) / 10000).toFixed(2) })
      : t(`scopeRuleLine.${round.scopeRule}`);
  return (
    <>
      <Link
        href={district ? `/monitoring?district=${district}` : "/monitoring"}
        className="mb-2 inline-block text-sm text-brand-700 hover:underline"
      >
        ← {t("title")}
      </Link>
      <PageHeader
        title={round.name}
        description={`${t("round.facts", { year: round.year, months: round.periodMonths, due: round.dueDate })} · ${rule}`}
      />
      <div className="space-y-5">
        <Card title={t("round.byDepartment")}>
          <ProgressTable rows={byDepartment} label={t("round.byDepartment")} />
        </Card>
        <section aria-labelledby="reports-title">
          <h2 id="reports-title" className="mb-3 text-sm font-semibold text-slate-800">
            {t("round.reports")}
          </h2>
          <ReportFilters path={path} filters={filters} departments={departments} />
          {rows.length === 0 ? (
            <EmptyState title={t("round.empty.title")} body={t("round.empty.body")} />
          ) : (
            <>
              <ReportTable rows={rows} />
              <Pagination
                page={filters.page}
                pageSize={REPORTS_PAGE_SIZE}
                total={total}
                hrefFor={(page) => reportListHref(path, filters, { page })}
              />
            </>
          )}
        </section>
      </div>
    </>
  );
}
