import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { MoneyUnit } from "@/domain/money";
import { integer, money, projectsHref, UNIT_KEY } from "../format";
import type { StageRow } from "../queries";
import { HorizontalBarChart } from "./bar-chart";
import { ChartCard } from "./chart-card";

/** Where the year's projects stand in the chain 项目申报 → … → 结果应用, with their funds. */
export async function StageBlock({
  rows,
  year,
  district,
  unit,
  className,
}: {
  rows: StageRow[];
  year: number;
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
  unit: MoneyUnit;
  className?: string;
}) {
  const [t, tc, te] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("common"),
    getTranslations("enums"),
  ]);
  const u = tc(UNIT_KEY[unit]);
  const total = rows.reduce((s, r) => s + r.projects, 0);
  return (
    <ChartCard
      className={className}
      title={t("stage.title")}
      note={t("stage.note", { total: integer(total) })}
      chart={
        <HorizontalBarChart
          valueName={t("columns.projects")}
          labelWidth={124}
          rows={rows.map((r) => ({
            label: te(`stage.${r.stage}`),
            value: r.projects,
            text: t("units.projectsN", { n: integer(r.projects) }),
            details: [
              `${t("columns.budget")} ${money(r.budget, unit)} ${u}`,
              `${t("columns.requested")} ${money(r.requested, unit)} ${u}`,
            ],
          }))}
        />
      }
      table={
        <Table>
          <caption className="sr-only">{t("stage.title")}</caption>
          <thead>
            <tr>
              <Th>{t("columns.stage")}</Th>
              <Th align="right">{t("columns.projects")}</Th>
              <Th align="right">{t("columns.withUnit", { column: t("columns.requested"), unit: u })}</Th>
              <Th align="right">{t("columns.withUnit", { column: t("columns.budget"), unit: u })}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.stage}>
                <Td>
                  <Link
                    className="text-brand-700 hover:underline"
                    href={projectsHref({ year, stage: r.stage, district })}
                  >
                    {te(`stage.${r.stage}`)}
                  </Link>
                </Td>
                <Td align="right">{integer(r.projects)}</Td>
                <Td align="right">{money(r.requested, unit)}</Td>
                <Td align="right">{money(r.budget, unit)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}
