import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { Card } from "@/components/ui/card";
import { sumYuan, toFen } from "@/domain/money";
import { money, rate, rateValue } from "../format";
import type { OrgRow } from "../queries";
import { HorizontalBarChart } from "./bar-chart";
import { ChartCard } from "./chart-card";

/** 执行率 of every department in scope, highest first, against the overall rate (dashed line). */
export async function DepartmentRateBlock({
  rows,
  className,
  districts = false,
}: {
  rows: OrgRow[];
  className?: string;
  /** The rows are districts (the province's page), not departments. */
  districts?: boolean;
}) {
  const [t, tc] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  const withRate = rows
    .map((r) => ({ ...r, value: rateValue(r.executed, r.budget) }))
    .filter((r): r is typeof r & { value: number } => r.value !== null)
    .sort((a, b) => b.value - a.value);
  const executed = sumYuan(...rows.map((r) => r.executed));
  // A year still being prepared has no spending: an empty chart of zeros would say nothing.
  if (toFen(executed) === 0n) {
    return (
      <Card title={t(districts ? "rateChart.titleDistricts" : "rateChart.title")} className={className}>
        <p className="py-8 text-center text-sm text-slate-500">{t("rateChart.noExecution")}</p>
      </Card>
    );
  }
  const overallText = rate(executed, sumYuan(...rows.map((r) => r.budget)));
  const overall = overallText === "—" ? undefined : Number(overallText.replace("%", ""));
  return (
    <ChartCard
      className={className}
      title={t(districts ? "rateChart.titleDistricts" : "rateChart.title")}
      note={overall === undefined ? undefined : t("rateChart.note", { rate: overallText })}
      chart={
        <HorizontalBarChart
          valueName={t("columns.rate")}
          rowHeight={26}
          domainMax={Math.max(100, ...withRate.map((r) => Math.ceil(r.value)))}
          reference={overall === undefined ? undefined : { value: overall, label: overallText }}
          rows={withRate.map((r) => ({
            label: r.name,
            value: r.value,
            text: rate(r.executed, r.budget),
            details: [
              `${t("columns.budget")} ${money(r.budget, "wan")} ${tc("unitWan")}`,
              `${t("columns.executed")} ${money(r.executed, "wan")} ${tc("unitWan")}`,
            ],
          }))}
        />
      }
      table={
        <Table>
          <caption className="sr-only">{t("rateChart.title")}</caption>
          <thead>
            <tr>
              <Th>{t("columns.department")}</Th>
              <Th align="right">{t("columns.rate")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {withRate.map((r) => (
              <tr key={r.id}>
                <Td>{r.name}</Td>
                <Td align="right">{rate(r.executed, r.budget)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}
