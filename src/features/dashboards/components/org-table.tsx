"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { toFen, type MoneyUnit } from "@/domain/money";
import { integer, money, projectsHref, rate, rateValue } from "../format";
import type { OrgRow } from "../queries";

type Key = "name" | "projects" | "budget" | "executed" | "rate";
const FIRST_DIR: Record<Key, "asc" | "desc"> = {
  name: "asc",
  projects: "desc",
  budget: "desc",
  executed: "desc",
  rate: "desc",
};

function compare(a: OrgRow, b: OrgRow, key: Key): number {
  switch (key) {
    case "name":
      return a.name.localeCompare(b.name, "zh-CN");
    case "projects":
      return a.projects - b.projects;
    case "budget":
    case "executed": {
      const d = toFen(a[key]) - toFen(b[key]);
      return d === 0n ? 0 : d < 0n ? -1 : 1;
    }
    case "rate":
      return (rateValue(a.executed, a.budget) ?? -1) - (rateValue(b.executed, b.budget) ?? -1);
  }
}

/**
 * Departments (or units) with their funds and 执行率. Rows arrive aggregated by the server; sorting
 * them here is a view choice. Largest 全年预算 first; the first rows show until the user asks for all.
 */
export function OrgTable({
  rows,
  kind,
  unit,
  linkYear,
  district,
  initialRows = 20,
}: {
  rows: OrgRow[];
  kind: "department" | "unit" | "district";
  /** Amounts print in this unit; the card around the table names it. */
  unit: MoneyUnit;
  /** When set, a department's name opens the project list filtered to it, a district's its dashboard. */
  linkYear?: number;
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
  initialRows?: number;
}) {
  const t = useTranslations("dashboard");
  const [sort, setSort] = useState<{ key: Key; dir: "asc" | "desc" }>({ key: "budget", dir: "desc" });
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => {
    const out = [...rows].sort((a, b) => compare(a, b, sort.key));
    return sort.dir === "desc" ? out.reverse() : out;
  }, [rows, sort]);
  const shown = all ? sorted : sorted.slice(0, initialRows);

  const header = (key: Key, label: string, align: "left" | "right" = "right") => {
    const active = sort.key === key;
    return (
      <Th align={align} aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
        <button
          type="button"
          onClick={() =>
            setSort(active ? { key, dir: sort.dir === "asc" ? "desc" : "asc" } : { key, dir: FIRST_DIR[key] })
          }
          className={`inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 ${active ? "text-slate-900" : ""}`}
        >
          {label}
          <span aria-hidden="true" className={active ? "text-brand-600" : "text-slate-300"}>
            {active ? (sort.dir === "asc" ? "▲" : "▼") : "▼"}
          </span>
        </button>
      </Th>
    );
  };

  return (
    <div>
      <Table>
        <caption className="sr-only">{t(`orgTable.caption.${kind}`)}</caption>
        <thead>
          <tr>
            <Th align="right" className="w-10">
              {t("columns.rank")}
            </Th>
            {header("name", t(`columns.${kind}`), "left")}
            {header("projects", t("columns.projects"))}
            {header("budget", t("columns.budget"))}
            {header("executed", t("columns.executed"))}
            {header("rate", t("columns.rate"))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((r, i) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <Td align="right" className="text-slate-400">
                {i + 1}
              </Td>
              <Td className="font-medium whitespace-nowrap text-slate-800">
                {linkYear ? (
                  <Link
                    className="text-brand-700 hover:underline"
                    href={
                      kind === "district"
                        ? `/dashboard?year=${linkYear}&district=${r.id}`
                        : projectsHref({ year: linkYear, dept: r.id, district })
                    }
                  >
                    {r.name}
                  </Link>
                ) : (
                  r.name
                )}
              </Td>
              <Td align="right">{integer(r.projects)}</Td>
              <Td align="right">{money(r.budget, unit)}</Td>
              <Td align="right">{money(r.executed, unit)}</Td>
              <Td align="right">{rate(r.executed, r.budget)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {rows.length > initialRows && (
        <div className="mt-3 flex justify-center">
          <Button variant="secondary" size="sm" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? t("orgTable.showFewer", { n: initialRows }) : t("orgTable.showAll", { n: rows.length })}
          </Button>
        </div>
      )}
    </div>
  );
}
