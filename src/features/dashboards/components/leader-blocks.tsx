import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import { GRADES } from "@/domain/evaluation";
import { ratePercent, toFen, fenToYuanString } from "@/domain/money";
import { can } from "@/server/permissions";
import type { Role } from "@/server/schema/enums";
import type { DepartmentPerformance } from "../department-queries";
import { chartValue, integer, money, projectsHref, withDistrict } from "../format";
import type { GradeRow, PreAssessmentTrendRow } from "../leader-queries";
import type { TrendRow } from "../queries";
import { HorizontalBarChart } from "./bar-chart";
import { ChartCard } from "./chart-card";
import { GradeChart } from "./grade-chart";

const linkClass = "text-brand-700 hover:underline";
const share = (part: number, whole: number) => {
  const r = ratePercent(BigInt(part), BigInt(whole), 1);
  return r === null ? "—" : `${r}%`;
};

/** The list behind a figure, where the role may open one; otherwise the figure alone. */
function Figure({ href, children, label }: { href: string | null; children: ReactNode; label?: string }) {
  return href ? (
    <Link href={href} className={linkClass} aria-label={label}>
      {children}
    </Link>
  ) : (
    <>{children}</>
  );
}

/** 等级分布: the year's completed evaluations by type and grade; self-evaluation counts open the list. */
export async function GradeBlock({
  rows,
  year,
  district,
  role,
  className,
}: {
  rows: GradeRow[];
  year: number;
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
  role: Role;
  className?: string;
}) {
  const [t, tg] = await Promise.all([getTranslations("dashboard.grades"), getTranslations("enums.grade")]);
  const total = (r: GradeRow) => GRADES.reduce((a, g) => a + r[g], 0);
  const href = (r: GradeRow, grade?: string) =>
    r.type === "SELF" && can(role, "selfEvaluation.read")
      ? withDistrict(`/self-evaluations?year=${year}${grade ? `&grade=${grade}` : ""}`, district)
      : null;
  return (
    <ChartCard
      className={className}
      title={t("title", { year })}
      note={t("note")}
      chart={
        rows.length ? (
          <GradeChart
            grades={GRADES.map((g) => ({ key: g, name: tg(g) }))}
            rows={rows.map((r) => ({
              label: t(`types.${r.type}`),
              total: total(r),
              ...Object.fromEntries(GRADES.map((g) => [g, r[g]])),
              lines: GRADES.map((g) => t("tooltip", { grade: tg(g), n: r[g], share: share(r[g], total(r)) })),
            }))}
          />
        ) : (
          <p className="py-6 text-center text-sm text-slate-500">{t("empty")}</p>
        )
      }
      table={
        <Table data-testid="grade-table">
          <caption className="sr-only">{t("title", { year })}</caption>
          <thead>
            <tr>
              <Th>{t("type")}</Th>
              {GRADES.map((g) => (
                <Th key={g} align="right">
                  {tg(g)}
                </Th>
              ))}
              <Th align="right">{t("total")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.type}>
                <Td>{t(`types.${r.type}`)}</Td>
                {GRADES.map((g) => (
                  <Td key={g} align="right">
                    <Figure href={href(r, g)}>{integer(r[g])}</Figure>
                  </Td>
                ))}
                <Td align="right" className="font-medium">
                  <Figure href={href(r)}>{integer(total(r))}</Figure>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}

/** Across the budget years: projects and funds, and what 财政再评估 cut from the requests. */
export async function PreAssessmentTrendBlock({
  trend,
  pre,
  district,
  role,
  className,
}: {
  trend: TrendRow[];
  pre: PreAssessmentTrendRow[];
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
  role: Role;
  className?: string;
}) {
  const t = await getTranslations("dashboard.preTrend");
  const byYear = new Map(pre.map((p) => [p.year, p]));
  const rows = trend.map((r) => {
    const p = byYear.get(r.year) ?? { projects: 0, requested: "0.00", recommended: "0.00" };
    const cut = fenToYuanString(toFen(p.requested) - toFen(p.recommended));
    const rate = ratePercent(cut, p.requested, 2);
    return { ...r, pre: p, cut, rate: rate === null ? "—" : `${rate}%` };
  });
  return (
    <ChartCard
      className={className}
      title={t("title", { from: rows[0]?.year ?? "", to: rows.at(-1)?.year ?? "" })}
      note={t("chartValue")}
      chart={
        <HorizontalBarChart
          valueName={t("chartValue")}
          labelWidth={90}
          rows={rows.map((r) => ({
            label: String(r.year),
            value: chartValue(r.cut, "yi"),
            text: t("barText", { cut: money(r.cut, "yi"), rate: r.rate }),
            details: [t("details", { n: r.pre.projects, requested: money(r.pre.requested, "yi") })],
          }))}
        />
      }
      table={
        <Table data-testid="trend-table">
          <caption className="sr-only">
            {t("title", { from: rows[0]?.year ?? "", to: rows.at(-1)?.year ?? "" })}
          </caption>
          <thead>
            <tr>
              <Th>{t("year")}</Th>
              <Th align="right">{t("projects")}</Th>
              <Th align="right">{t("budget")}</Th>
              <Th align="right">{t("preProjects")}</Th>
              <Th align="right">{t("requested")}</Th>
              <Th align="right">{t("cut")}</Th>
              <Th align="right">{t("rate")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.year}>
                <Td>{r.year}</Td>
                <Td align="right">
                  <Figure href={can(role, "projects.read") ? projectsHref({ year: r.year, district }) : null}>
                    {integer(r.projects)}
                  </Figure>
                </Td>
                <Td align="right">{money(r.budget, "yi")}</Td>
                <Td align="right">{integer(r.pre.projects)}</Td>
                <Td align="right">{money(r.pre.requested, "yi")}</Td>
                <Td align="right">{money(r.cut, "yi")}</Td>
                <Td align="right">{r.rate}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}

/** Departments by their own average self score (highest first): each opens its self-evaluations. */
export async function SelfRankingBlock({
  rows,
  year,
  district,
  role,
  top = 15,
  className,
}: {
  rows: DepartmentPerformance[];
  year: number;
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
  role: Role;
  top?: number;
  className?: string;
}) {
  const t = await getTranslations("dashboard.selfRanking");
  const ranked = rows
    .filter((r) => r.selfAverage !== null)
    .sort((a, b) => Number(b.selfAverage) - Number(a.selfAverage) || a.name.localeCompare(b.name, "zh-CN"));
  const shown = ranked.slice(0, top);
  const href = (r: DepartmentPerformance) =>
    can(role, "selfEvaluation.read")
      ? withDistrict(`/self-evaluations?year=${year}&dept=${r.id}`, district)
      : null;
  return (
    <ChartCard
      className={className}
      title={t("title", { n: shown.length })}
      note={t("note")}
      chart={
        <HorizontalBarChart
          valueName={t("value")}
          domainMax={100}
          rows={shown.map((r) => ({
            label: r.name,
            value: Number(r.selfAverage),
            text: r.selfAverage!,
            details: [t("details", { n: r.selfFiled, sampled: r.sampledAverage ?? "—" })],
          }))}
        />
      }
      table={
        <Table data-testid="self-ranking-table">
          <caption className="sr-only">{t("title", { n: ranked.length })}</caption>
          <thead>
            <tr>
              <Th align="right">#</Th>
              <Th>{t("department")}</Th>
              <Th align="right">{t("filed")}</Th>
              <Th align="right">{t("average")}</Th>
              <Th align="right">{t("sampledAverage")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ranked.map((r, i) => (
              <tr key={r.id}>
                <Td align="right">{i + 1}</Td>
                <Td>
                  <Figure href={href(r)}>{r.name}</Figure>
                </Td>
                <Td align="right">{integer(r.selfFiled)}</Td>
                <Td align="right">{r.selfAverage}</Td>
                <Td align="right">{r.sampledAverage ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}
