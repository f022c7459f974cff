import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CardNote } from "./chart-card";
import { Table, Td, Th } from "@/components/ui/table";
import type { MoneyUnit } from "@/domain/money";
import { sumYuan } from "@/domain/money";
import { integer, money, projectsHref, rate, UNIT_KEY } from "../format";
import type { KindRow } from "../queries";

/** 部门预算专项 and 政府投资项目 side by side, with the year's total. */
export async function KindBlock({
  rows,
  year,
  district,
  unit,
  className,
}: {
  rows: KindRow[];
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
  const total = {
    projects: rows.reduce((s, r) => s + r.projects, 0),
    budget: sumYuan(...rows.map((r) => r.budget)),
    executed: sumYuan(...rows.map((r) => r.executed)),
  };
  return (
    <Card
      title={t("kind.title")}
      className={className}
      actions={<CardNote>{t("unitNote", { unit: u })}</CardNote>}
    >
      <Table>
        <caption className="sr-only">{t("kind.title")}</caption>
        <thead>
          <tr>
            <Th>{t("columns.kind")}</Th>
            <Th align="right">{t("columns.projects")}</Th>
            <Th align="right">{t("columns.budget")}</Th>
            <Th align="right">{t("columns.executed")}</Th>
            <Th align="right">{t("columns.rate")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.kind}>
              <Td className="min-w-24">
                <Link
                  className="text-brand-700 hover:underline"
                  href={projectsHref({ year, kind: r.kind, district })}
                >
                  {te(`projectKind.${r.kind}`)}
                </Link>
              </Td>
              <Td align="right">{integer(r.projects)}</Td>
              <Td align="right">{money(r.budget, unit)}</Td>
              <Td align="right">{money(r.executed, unit)}</Td>
              <Td align="right">{rate(r.executed, r.budget)}</Td>
            </tr>
          ))}
          <tr className="bg-slate-50 font-medium">
            <Td>{t("total")}</Td>
            <Td align="right">{integer(total.projects)}</Td>
            <Td align="right">{money(total.budget, unit)}</Td>
            <Td align="right">{money(total.executed, unit)}</Td>
            <Td align="right">{rate(total.executed, total.budget)}</Td>
          </tr>
        </tbody>
      </Table>
    </Card>
  );
}
