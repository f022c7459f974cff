import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { chartValue, integer, money, rate } from "../format";
import type { TrendRow } from "../queries";
import { ChartCard } from "./chart-card";
import { TrendChart } from "./trend-chart";

/** Projects and 全年预算 across the fiscal years, oldest first. */
export async function TrendBlock({ rows, className }: { rows: TrendRow[]; className?: string }) {
  const [t, tc] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  const yi = tc("unitYi");
  const budgetName = t("columns.withUnit", { column: t("columns.budget"), unit: yi });
  const projectsName = t("trend.projectsSeries");
  return (
    <ChartCard
      className={className}
      title={t("trend.title", { from: rows[0]?.year ?? "", to: rows.at(-1)?.year ?? "" })}
      chart={
        <TrendChart
          budgetName={budgetName}
          projectsName={projectsName}
          points={rows.map((r) => ({
            label: tc("yearValue", { year: r.year }),
            budget: chartValue(r.budget, "yi"),
            budgetText: money(r.budget, "yi"),
            projects: r.projects,
            projectsText: integer(r.projects),
          }))}
        />
      }
      table={
        <Table>
          <caption className="sr-only">
            {t("trend.title", { from: rows[0]?.year ?? "", to: rows.at(-1)?.year ?? "" })}
          </caption>
          <thead>
            <tr>
              <Th>{t("columns.year")}</Th>
              <Th align="right">{t("columns.projects")}</Th>
              <Th align="right">{budgetName}</Th>
              <Th align="right">{t("columns.withUnit", { column: t("columns.executed"), unit: yi })}</Th>
              <Th align="right">{t("columns.rate")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.year}>
                <Td>{tc("yearValue", { year: r.year })}</Td>
                <Td align="right">{integer(r.projects)}</Td>
                <Td align="right">{money(r.budget, "yi")}</Td>
                <Td align="right">{money(r.executed, "yi")}</Td>
                <Td align="right">{rate(r.executed, r.budget)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}
