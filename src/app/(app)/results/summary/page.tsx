import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit, sumYuan } from "@/domain/money";
import { ResultsNav } from "@/features/results/components/results-nav";
import { resultYears, summaryByDepartment } from "@/features/results/queries";
import { resultListParamsSchema } from "@/features/results/schemas";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResultsSummaryPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "results.read")) notFound();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const p = resultListParamsSchema.parse(raw);
  // A province-level user's 行政区划 narrows the summary and its export.
  const { reader, district, options: districts } = await districtReader(user, p.district);
  const [years, t, tc] = await Promise.all([
    resultYears(),
    getTranslations("results"),
    getTranslations("common"),
  ]);
  const year = p.year && years.includes(p.year) ? p.year : (years[0] ?? new Date().getFullYear() - 1);
  const rows = await summaryByDepartment(reader, year);
  const total = {
    projects: rows.reduce((a, r) => a + r.projects, 0),
    budget: sumYuan(...rows.map((r) => r.budget)),
    suggested: sumYuan(...rows.map((r) => r.suggested)),
    change: sumYuan(...rows.map((r) => r.change)),
  };
  const unit = t("unitNote", { unit: tc("unitWan") });
  const change = (v: string) => (
    <span className={v.startsWith("-") ? "text-red-700" : Number(v) > 0 ? "text-emerald-700" : ""}>
      {Number(v) > 0 ? "+" : ""}
      {inUnit(v, "wan", 2)}
    </span>
  );
  return (
    <>
      <PageHeader title={t("summaryTitle")} description={t("description")} />
      <ResultsNav
        years={years.length ? years : [year]}
        year={year}
        view="summary"
        exportHref={
          can(user.role, "results.export") && rows.length > 0
            ? `/results/summary/export?year=${year}${district ? `&district=${district}` : ""}`
            : null
        }
        districts={districts}
        district={district}
      />
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} />
      ) : (
        <Table aria-label={t("summaryTitle")}>
          <thead>
            <tr>
              <Th>{t("col.department")}</Th>
              <Th align="right">{t("col.projects")}</Th>
              <Th align="right">{t("col.grades")}</Th>
              <Th align="right">
                {t("col.budget")}
                <span className="block text-[11px] font-normal text-slate-500">{unit}</span>
              </Th>
              <Th align="right">
                {t("col.suggested")}
                <span className="block text-[11px] font-normal text-slate-500">{unit}</span>
              </Th>
              <Th align="right">
                {t("col.change")}
                <span className="block text-[11px] font-normal text-slate-500">{unit}</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.departmentId} data-testid="summary-row">
                <Td className="break-keep">{r.departmentName}</Td>
                <Td align="right">{r.projects}</Td>
                <Td align="right" className="whitespace-nowrap">
                  {r.excellent} / {r.good} / {r.pass} / {r.fail}
                </Td>
                <Td align="right">{inUnit(r.budget, "wan", 2)}</Td>
                <Td align="right">{inUnit(r.suggested, "wan", 2)}</Td>
                <Td align="right">{change(r.change)}</Td>
              </tr>
            ))}
            <tr className="bg-slate-50 font-semibold">
              <Td>{t("total")}</Td>
              <Td align="right">{total.projects}</Td>
              <Td />
              <Td align="right">{inUnit(total.budget, "wan", 2)}</Td>
              <Td align="right">{inUnit(total.suggested, "wan", 2)}</Td>
              <Td align="right">{change(total.change)}</Td>
            </tr>
          </tbody>
        </Table>
      )}
    </>
  );
}
