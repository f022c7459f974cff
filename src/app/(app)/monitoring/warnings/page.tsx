import Form from "next/form";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { ExportButton } from "@/components/ui/export-button";
import { Card, StatCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { ReportFilters, reportListHref } from "@/features/monitoring/components/report-filters";
import { ReportTable } from "@/features/monitoring/components/report-table";
import {
  listReports,
  listRounds,
  REPORTS_PAGE_SIZE,
  type ReportListFilters,
} from "@/features/monitoring/queries";
import { warningListParamsSchema } from "@/features/monitoring/schemas";
import { warningCounts } from "@/features/monitoring/warning-queries";
import { DistrictFilter } from "@/features/districts/components/district-filter";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { departmentFilter } from "@/features/projects/queries";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WarningsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "monitoring.warnings")) notFound();
  const [raw, t] = await Promise.all([searchParams, getTranslations("monitoring")]);
  const p = warningListParamsSchema.parse(raw);
  // A province-level user's 行政区划 narrows the rounds, the counts, the list and its export.
  const { reader, district, options: districts } = await districtReader(user, p.district);
  const [rounds, departments] = await Promise.all([
    listRounds(reader),
    departmentFilter(reader, undefined, p.dept),
  ]);
  const districtField = districts.length > 0 && (
    <DistrictFilter id="w-district" options={districts} district={district} className="w-36" />
  );
  const round = rounds.find((r) => r.id === p.round) ?? rounds[0];
  if (!round)
    return (
      <>
        <PageHeader title={t("warnings.title")} description={t("warnings.description")} />
        {districtField && (
          <Form action="/monitoring/warnings" className="mb-4 flex flex-wrap items-end gap-3">
            {districtField}
            <Button type="submit" variant="secondary">
              {t("warnings.switch")}
            </Button>
          </Form>
        )}
        <EmptyState title={t("warnings.noRound")} body={t("rounds.empty.body")} />
      </>
    );
  const filters: ReportListFilters = {
    colour: p.colour,
    dept: p.dept && departments.options.some((d) => d.id === p.dept) ? p.dept : undefined,
    flagged: p.flagged === "1",
    q: p.q || undefined,
    district,
    page: p.page ?? 1,
    filedOnly: true,
  };
  const path = "/monitoring/warnings";
  const [counts, { rows, total }] = await Promise.all([
    warningCounts(reader, round.id),
    listReports(reader, round.id, filters),
  ]);
  const pages = Math.max(1, Math.ceil(total / REPORTS_PAGE_SIZE));
  if (filters.page > pages) redirect(reportListHref(path, { ...filters, round: round.id }, { page: pages }));
  const href = (patch: Partial<ReportListFilters>) =>
    reportListHref(path, { ...filters, round: round.id }, { ...patch, page: 1 });
  const exportQs = reportListHref("/monitoring/warnings/export", {
    ...filters,
    q: undefined,
    page: 1,
    round: round.id,
  });
  return (
    <>
      <PageHeader
        title={t("warnings.title")}
        description={t("warnings.description")}
        actions={<ExportButton href={exportQs}>{t("warnings.export")}</ExportButton>}
      />
      <Form action={path} className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("warnings.round")}>
        {districtField}
        <div>
          <label htmlFor="w-round" className="mb-1 block text-xs font-medium text-slate-600">
            {t("warnings.round")}
          </label>
          <select id="w-round" name="round" defaultValue={round.id} className={`${inputClass} min-w-72`}>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("warnings.switch")}
        </Button>
      </Form>
      <div className="mb-5 grid grid-cols-2 gap-4 lg:grid-cols-5">
        <StatCard
          label={t("warnings.filed")}
          value={counts.totals.total}
          hint={t("warnings.ofTotal", { total: round.total })}
        />
        <StatCard label={t("colour.RED")} value={counts.totals.RED} href={href({ colour: "RED" })} />
        <StatCard label={t("colour.YELLOW")} value={counts.totals.YELLOW} href={href({ colour: "YELLOW" })} />
        <StatCard label={t("colour.GREEN")} value={counts.totals.GREEN} href={href({ colour: "GREEN" })} />
        <StatCard
          label={t("warnings.flaggedReports")}
          value={counts.totals.flagged}
          href={href({ flagged: true })}
        />
      </div>
      <Card title={t("warnings.byDepartment")} className="mb-5">
        {counts.byDepartment.length === 0 ? (
          <p className="text-sm text-slate-500">{t("warnings.noneFiled")}</p>
        ) : (
          <div className="max-h-96 overflow-y-auto">
            <Table aria-label={t("warnings.byDepartment")}>
              <thead>
                <tr>
                  <Th>{t("progress.department")}</Th>
                  <Th align="right">{t("warnings.filed")}</Th>
                  <Th align="right">{t("colour.RED")}</Th>
                  <Th align="right">{t("colour.YELLOW")}</Th>
                  <Th align="right">{t("colour.GREEN")}</Th>
                  <Th align="right">{t("warnings.flaggedReports")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {counts.byDepartment.map((d) => (
                  <tr key={d.id}>
                    <Td>{d.name}</Td>
                    <Td align="right">{d.total}</Td>
                    <Td align="right">
                      {d.RED ? <span className="font-medium text-red-700">{d.RED}</span> : 0}
                    </Td>
                    <Td align="right">{d.YELLOW}</Td>
                    <Td align="right">{d.GREEN}</Td>
                    <Td align="right">{d.flagged}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Card>
      <ReportFilters
        path={path}
        filters={filters}
        departments={departments}
        withStatus={false}
        round={round.id}
      />
      {rows.length === 0 ? (
        <EmptyState title={t("warnings.empty.title")} body={t("warnings.empty.body")} />
      ) : (
        <>
          <ReportTable rows={rows} />
          <Pagination
            page={filters.page}
            pageSize={REPORTS_PAGE_SIZE}
            total={total}
            hrefFor={(page) => reportListHref(path, { ...filters, round: round.id }, { page })}
          />
        </>
      )}
    </>
  );
}
