import "server-only";
import { and, asc, count, desc, eq, inArray, max, sql, type SQL } from "drizzle-orm";
import { needsPreAssessmentSql } from "@/features/years/pre-assessment-rule";
import { db } from "@/server/db";
import { districts, fiscalYears, organisations, projects } from "@/server/schema";
import { PROJECT_STAGES, type ProjectKind, type ProjectStage } from "@/server/schema/enums";
import { cachedAggregate } from "@/server/aggregate-cache";
import { projectScope, scopeKey, withScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

// Every figure here is aggregated in SQL over the projects the user may read (projectScope), so a
// reviewer's dashboard is their divisions' departments and a filer's is their unit. Amounts come back
// as exact numeric strings (yuan); rates are computed from them for display (src/domain/money.ts).
// The year-level aggregates are served from the aggregate cache while the data has not changed
// (src/server/aggregate-cache.ts), filed under the user's scopeKey.

type Reader = Pick<CurrentUser, "role" | "orgId" | "districtId" | "provinceWide">;

const budget = sql`(${projects.budgetCurrent} + ${projects.budgetCarryover} + ${projects.budgetOther})`;
const executed = sql`(${projects.executedCurrent} + ${projects.executedCarryover} + ${projects.executedOther})`;
const sumOf = (expr: SQL, filter?: SQL) =>
  filter
    ? sql<string>`coalesce(sum(${expr}) filter (where ${filter}), 0)::text`
    : sql<string>`coalesce(sum(${expr}), 0)::text`;
const countOf = (filter?: SQL) =>
  (filter ? sql<number>`count(*) filter (where ${filter})::int` : sql<number>`count(*)::int`).mapWith(Number);

export type Totals = { projects: number; budget: string; executed: string };
const totals = { projects: countOf(), budget: sumOf(budget), executed: sumOf(executed) };

/** The fiscal years that exist, for the year selector. */
export async function fiscalYearOptions(): Promise<number[]> {
  const rows = await db.select({ year: fiscalYears.year }).from(fiscalYears).orderBy(asc(fiscalYears.year));
  return rows.map((r) => r.year);
}

/**
 * The year a dashboard opens on: the latest year whose projects have reached evaluation (in the
 * demo's work year 2021 that is 2020), else the latest year. Reads no amounts, so it is not scoped.
 */
export async function defaultDashboardYear(): Promise<number | null> {
  return cachedAggregate("dashboards.defaultYear", [], async () => {
    const [[evaluated], [latest]] = await Promise.all([
      db
        .select({ year: max(projects.year) })
        .from(projects)
        .where(inArray(projects.stage, ["SELF_EVALUATION", "EVALUATED", "CLOSED"])),
      db.select({ year: max(fiscalYears.year) }).from(fiscalYears),
    ]);
    return evaluated?.year ?? latest?.year ?? null;
  });
}

export type Headline = Totals & {
  departments: number;
  initialBudget: string;
  requested: string;
  investmentProjects: number;
  investmentBudget: string;
  preAssessmentProjects: number;
  preAssessmentRequested: string;
  preAssessmentThreshold: string | null;
};

/** The year's headline figures within the user's scope. */
export async function headline(user: Reader, year: number): Promise<Headline> {
  return cachedAggregate("dashboards.headline", [scopeKey(user), year], async () => {
    const investment = sql`${projects.kind} = 'GOV_INVESTMENT'`;
    const needsPre = needsPreAssessmentSql();
    const [[row], [fy]] = await Promise.all([
      db
        .select({
          ...totals,
          departments: sql<number>`count(distinct ${projects.departmentId})::int`.mapWith(Number),
          initialBudget: sumOf(sql`${projects.initialBudget}`),
          requested: sumOf(sql`${projects.requestedAmount}`),
          investmentProjects: countOf(investment),
          investmentBudget: sumOf(budget, investment),
          preAssessmentProjects: countOf(needsPre),
          preAssessmentRequested: sumOf(sql`${projects.requestedAmount}`, needsPre),
        })
        .from(projects)
        .where(withScope(projectScope(user), eq(projects.year, year))),
      db
        .select({ threshold: fiscalYears.preAssessmentThreshold })
        .from(fiscalYears)
        .where(eq(fiscalYears.year, year)),
    ]);
    return { ...row!, preAssessmentThreshold: fy?.threshold ?? null };
  });
}

export type StageRow = { stage: ProjectStage; projects: number; requested: string; budget: string };

/** Counts and funds by stage of the chain, every stage present (zero when empty), in chain order. */
export async function stageBreakdown(user: Reader, year: number): Promise<StageRow[]> {
  return cachedAggregate("dashboards.stageBreakdown", [scopeKey(user), year], async () => {
    const rows = await db
      .select({
        stage: projects.stage,
        projects: countOf(),
        requested: sumOf(sql`${projects.requestedAmount}`),
        budget: sumOf(budget),
      })
      .from(projects)
      .where(withScope(projectScope(user), eq(projects.year, year)))
      .groupBy(projects.stage);
    const byStage = new Map(rows.map((r) => [r.stage, r]));
    return PROJECT_STAGES.map(
      (stage) => byStage.get(stage) ?? { stage, projects: 0, requested: "0.00", budget: "0.00" },
    );
  });
}

export type OrgRow = Totals & { id: string; name: string };

/** Totals per department (or per unit), largest 全年预算 first. */
export async function orgBreakdown(user: Reader, year: number, by: "department" | "unit"): Promise<OrgRow[]> {
  return cachedAggregate("dashboards.orgBreakdown", [scopeKey(user), year, by], async () => {
    const column = by === "department" ? projects.departmentId : projects.unitId;
    return db
      .select({ id: organisations.id, name: organisations.name, ...totals })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, column))
      .where(withScope(projectScope(user), eq(projects.year, year)))
      .groupBy(organisations.id, organisations.name, organisations.sortOrder)
      .orderBy(sql`sum(${budget}) desc`, asc(organisations.sortOrder));
  });
}

/**
 * A province-level user's year by 行政区划: one row per district (the province's page lists districts,
 * not its thousands of departments). The aggregate reads projects only and is cached with the others;
 * the district names (a hundred rows) are read beside it.
 */
export async function districtBreakdown(user: Reader, year: number): Promise<OrgRow[]> {
  const [rows, names] = await Promise.all([
    cachedAggregate("dashboards.districtBreakdown", [scopeKey(user), year], async () =>
      db
        .select({ id: projects.districtId, ...totals })
        .from(projects)
        .where(withScope(projectScope(user), eq(projects.year, year)))
        .groupBy(projects.districtId)
        .orderBy(sql`sum(${budget}) desc`),
    ),
    db.select({ id: districts.id, name: districts.name, code: districts.code }).from(districts),
  ]);
  const byId = new Map(names.map((d) => [d.id, d.name]));
  return rows.flatMap((r) => (r.id ? [{ ...r, id: r.id, name: byId.get(r.id) ?? r.id }] : []));
}

export type KindRow = Totals & { kind: ProjectKind };

export async function kindBreakdown(user: Reader, year: number): Promise<KindRow[]> {
  return cachedAggregate("dashboards.kindBreakdown", [scopeKey(user), year], async () => {
    return db
      .select({ kind: projects.kind, ...totals })
      .from(projects)
      .where(withScope(projectScope(user), eq(projects.year, year)))
      .groupBy(projects.kind)
      .orderBy(asc(projects.kind));
  });
}

export type TrendRow = Totals & { year: number };

/** Projects and funds per fiscal year (every year present, zero when empty), oldest first. */
export async function yearTrend(user: Reader): Promise<TrendRow[]> {
  return cachedAggregate("dashboards.yearTrend", [scopeKey(user)], async () => {
    const [years, rows] = await Promise.all([
      fiscalYearOptions(),
      db
        .select({ year: projects.year, ...totals })
        .from(projects)
        .where(projectScope(user))
        .groupBy(projects.year),
    ]);
    const byYear = new Map(rows.map((r) => [r.year, r]));
    return years.map((year) => byYear.get(year) ?? { year, projects: 0, budget: "0.00", executed: "0.00" });
  });
}

export type ProjectRateRow = { id: string; code: string; name: string; unitName: string } & Omit<
  Totals,
  "projects"
>;

/** The projects spending least of their budget (those with a budget), lowest rate first. */
export async function lowestExecution(user: Reader, year: number, limit = 6): Promise<ProjectRateRow[]> {
  return db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      unitName: organisations.name,
      budget: sql<string>`${budget}::text`,
      executed: sql<string>`${executed}::text`,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.unitId))
    .where(withScope(projectScope(user), eq(projects.year, year), sql`${budget} > 0`))
    .orderBy(sql`${executed} / ${budget}`, asc(projects.code))
    .limit(limit);
}

export type DraftRow = {
  id: string;
  code: string;
  name: string;
  unitName: string;
  requested: string;
  updatedAt: Date;
};

/** 待提交的项目申报: the user's projects still at the filing stage in the latest fiscal year. */
export async function draftProjects(
  user: Reader,
  limit = 8,
): Promise<{ year: number | null; total: number; rows: DraftRow[] }> {
  const [latest] = await db.select({ year: max(fiscalYears.year) }).from(fiscalYears);
  const year = latest?.year ?? null;
  if (year === null) return { year, total: 0, rows: [] };
  const where = and(projectScope(user), eq(projects.year, year), eq(projects.stage, "DRAFT"));
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(projects).where(where),
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        unitName: organisations.name,
        requested: projects.requestedAmount,
        updatedAt: projects.updatedAt,
      })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.unitId))
      .where(where)
      .orderBy(desc(projects.updatedAt), asc(projects.code))
      .limit(limit),
  ]);
  return { year, total: total?.n ?? 0, rows };
}
