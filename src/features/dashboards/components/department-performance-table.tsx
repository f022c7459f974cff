"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { ratePercent, toFen } from "@/domain/money";
import type { DepartmentPerformance } from "../department-queries";
import { integer, money, projectsHref } from "../format";

type Key =
  | "name"
  | "projects"
  | "budget"
  | "coverage"
  | "selfAverage"
  | "sampledAverage"
  | "gap"
  | "red"
  | "yellow"
  | "overdue";

const coverage = (r: DepartmentPerformance) => ratePercent(BigInt(r.selfFiled), BigInt(r.projects), 2);
const num = (v: string | null) => (v === null ? null : Number(v));

/** A value to sort by; a missing figure sorts below every present one. */
function sortValue(r: DepartmentPerformance, key: Exclude<Key, "name" | "budget">): number | null {
  switch (key) {
    case "projects":
    case "red":
    case "yellow":
    case "overdue":
      return r[key];
    case "coverage":
      return num(coverage(r));
    default:
      return num(r[key]);
  }
}

function compare(a: DepartmentPerformance, b: DepartmentPerformance, key: Key): number {
  if (key === "name") return a.name.localeCompare(b.name, "zh-CN");
  if (key === "budget") {
    const d = toFen(a.budget) - toFen(b.budget);
    return d === 0n ? 0 : d < 0n ? -1 : 1;
  }
  const [x, y] = [sortValue(a, key), sortValue(b, key)];
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return x - y;
}

const signed = (v: string | null) => (v === null ? "—" : Number(v) > 0 ? `+${v}` : v);

/**
 * Per department: funds, self-evaluation coverage and average, the sampled average and the gap, and
 * monitoring warnings, and overdue rectification items. Each header is a button that sorts by its column (again: the other way).
 */
export function DepartmentPerformanceTable({
  rows,
  year,
  district,
  initialRows = 20,
}: {
  rows: DepartmentPerformance[];
  year: number;
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
  initialRows?: number;
}) {
  const t = useTranslations("dashboard.deptPerf");
  const [sort, setSort] = useState<{ key: Key; dir: "asc" | "desc" }>({ key: "budget", dir: "desc" });
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => {
    const out = [...rows].sort((a, b) => compare(a, b, sort.key));
    return sort.dir === "desc" ? out.reverse() : out;
  }, [rows, sort]);
  const shown = all ? sorted : sorted.slice(0, initialRows);

  const header = (key: Key, align: "left" | "right" = "right") => {
    const active = sort.key === key;
    return (
      <Th align={align} aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
        <button
          type="button"
          data-sort={key}
          onClick={() =>
            setSort(
              active
                ? { key, dir: sort.dir === "asc" ? "desc" : "asc" }
                : { key, dir: key === "name" ? "asc" : "desc" },
            )
          }
          className={`inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 ${active ? "text-slate-900" : ""}`}
        >
          {t(`columns.${key === "name" ? "department" : key}`)}
          <span aria-hidden="true" className={active ? "text-brand-600" : "text-slate-300"}>
            {active && sort.dir === "asc" ? "▲" : "▼"}
          </span>
        </button>
      </Th>
    );
  };

  return (
    <div>
      <Table data-testid="department-performance">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            {header("name", "left")}
            {header("projects")}
            {header("budget")}
            {header("coverage")}
            {header("selfAverage")}
            {header("sampledAverage")}
            {header("gap")}
            {header("red")}
            {header("yellow")}
            {header("overdue")}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((r) => {
            const c = coverage(r);
            return (
              <tr key={r.id} className="hover:bg-slate-50">
                <Td className="font-medium whitespace-nowrap text-slate-800">
                  <Link
                    className="text-brand-700 hover:underline"
                    href={projectsHref({ year, dept: r.id, district })}
                  >
                    {r.name}
                  </Link>
                </Td>
                <Td align="right">{integer(r.projects)}</Td>
                <Td align="right">{money(r.budget, "wan")}</Td>
                <Td align="right">{c === null ? "—" : `${c}%`}</Td>
                <Td align="right">{r.selfAverage ?? "—"}</Td>
                <Td align="right">{r.sampledAverage ?? "—"}</Td>
                <Td align="right" className={r.gap !== null && Number(r.gap) > 0 ? "font-semibold" : ""}>
                  {signed(r.gap)}
                </Td>
                <Td align="right">{integer(r.red)}</Td>
                <Td align="right">{integer(r.yellow)}</Td>
                <Td align="right" className={r.overdue > 0 ? "font-semibold text-red-700" : ""}>
                  {integer(r.overdue)}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-slate-500">{t("gapNote")}</p>
      {rows.length > initialRows && (
        <div className="mt-3 flex justify-center">
          <Button variant="secondary" size="sm" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? t("showFewer", { n: initialRows }) : t("showAll", { n: rows.length })}
          </Button>
        </div>
      )}
    </div>
  );
}
