import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { DepartmentPerformance } from "../department-queries";
import { ChartCard } from "./chart-card";
import { withDistrict } from "../format";
import { DepartmentPerformanceTable } from "./department-performance-table";
import { ScoreGapChart } from "./score-gap-chart";
import { ExportButton } from "@/components/ui/export-button";

/** The finance dashboard's department table (sortable, exportable) and who over-scores themselves. */
export async function DepartmentPerformanceBlock({
  rows,
  year,
  district,
  top = 15,
}: {
  rows: DepartmentPerformance[];
  year: number;
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
  top?: number;
}) {
  const t = await getTranslations("dashboard.deptPerf");
  const gaps = rows
    .filter((r) => r.gap !== null && r.sampledSelfAverage !== null && r.sampledAverage !== null)
    .sort((a, b) => Number(b.gap) - Number(a.gap) || a.name.localeCompare(b.name, "zh-CN"))
    .slice(0, top);
  return (
    <>
      <Card
        title={t("title")}
        actions={
          <ExportButton href={withDistrict(`/dashboard/departments/export?year=${year}`, district)} size="sm">
            {t("export")}
          </ExportButton>
        }
      >
        <DepartmentPerformanceTable rows={rows} year={year} district={district} />
      </Card>
      <ChartCard
        title={t("chart.title", { n: gaps.length })}
        note={t("chart.note")}
        chart={
          gaps.length ? (
            <ScoreGapChart
              names={{
                self: t("chart.self"),
                sampled: t("chart.sampled"),
                unit: t("chart.unit"),
                axis: t("chart.axis"),
              }}
              rows={gaps.map((r) => ({
                label: r.name,
                self: Number(r.sampledSelfAverage),
                sampled: Number(r.sampledAverage),
                details: [t("chart.gap", { gap: r.gap! }), t("chart.projects", { n: r.sampled })],
              }))}
            />
          ) : (
            <EmptyState title={t("chart.empty")} />
          )
        }
        table={
          <Table data-testid="score-gap-table">
            <caption className="sr-only">{t("chart.title", { n: gaps.length })}</caption>
            <thead>
              <tr>
                <Th>{t("columns.department")}</Th>
                <Th align="right">{t("columns.sampled")}</Th>
                <Th align="right">{t("columns.sampledSelfAverage")}</Th>
                <Th align="right">{t("columns.sampledAverage")}</Th>
                <Th align="right">{t("columns.gap")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {gaps.map((r) => (
                <tr key={r.id}>
                  <Td>{r.name}</Td>
                  <Td align="right">{r.sampled}</Td>
                  <Td align="right">{r.sampledSelfAverage}</Td>
                  <Td align="right">{r.sampledAverage}</Td>
                  <Td align="right">{r.gap}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        }
      />
    </>
  );
}
