import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { chartValue, money } from "../format";
import type { OrgRow } from "../queries";
import { HorizontalBarChart } from "./bar-chart";
import { ChartCard } from "./chart-card";

/** The departments holding the most 全年预算 (rows arrive largest first). */
export async function RankingBlock({
  rows,
  top = 10,
  className,
  districts = false,
}: {
  rows: OrgRow[];
  top?: number;
  className?: string;
  /** The rows are districts (the province's page), not departments. */
  districts?: boolean;
}) {
  const [t, tc] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  const shown = rows.slice(0, top);
  return (
    <ChartCard
      className={className}
      title={t(districts ? "ranking.titleDistricts" : "ranking.title", { n: shown.length })}
      note={t("unitNote", { unit: tc("unitYi") })}
      chart={
        <HorizontalBarChart
          valueName={t("columns.budget")}
          rows={shown.map((r) => ({
            label: r.name,
            value: chartValue(r.budget, "yi"),
            text: money(r.budget, "yi"),
            details: [t("units.projectsN", { n: r.projects })],
          }))}
        />
      }
      table={
        <Table>
          <caption className="sr-only">
            {t(districts ? "ranking.titleDistricts" : "ranking.title", { n: shown.length })}
          </caption>
          <thead>
            <tr>
              <Th align="right">{t("columns.rank")}</Th>
              <Th>{t("columns.department")}</Th>
              <Th align="right">{t("columns.projects")}</Th>
              <Th align="right">
                {t("columns.withUnit", { column: t("columns.budget"), unit: tc("unitYi") })}
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((r, i) => (
              <tr key={r.id}>
                <Td align="right">{i + 1}</Td>
                <Td>{r.name}</Td>
                <Td align="right">{r.projects}</Td>
                <Td align="right">{money(r.budget, "yi")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}
