import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type DbOrTx } from "@/server/db";
import { fiscalYears, organisations, projects } from "@/server/schema";
import { cachedAggregate } from "@/server/aggregate-cache";
import {
  departmentScope,
  inDistrict,
  projectScope,
  readsWholeProvince,
  scopeKey,
  withScope,
} from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { PAGE_SIZE, type ProjectListFilters, type SortKey } from "./schemas";

type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

const unitOrg = alias(organisations, "unit_org");
const deptOrg = alias(organisations, "dept_org");

// 全年预算数 and 执行数 are the sums of the three funding sources; the rate is computed, never stored.
export const budgetTotal = sql<string>`(${projects.budgetCurrent} + ${projects.budgetCarryover} + ${projects.budgetOther})`;
export const executedTotal = sql<string>`(${projects.executedCurrent} + ${projects.executedCarryover} + ${projects.executedOther})`;
const executionRate = sql`(${executedTotal} / nullif(${budgetTotal}, 0))`;

const SORT_COLUMNS: Record<SortKey, SQL | AnyPgColumn> = {
  code: projects.code,
  name: projects.name,
  budget: budgetTotal,
  executed: executedTotal,
  rate: executionRate,
};

/** Escape LIKE wildcards so a search for "10%" means the text "10%". */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The `where` of the list and the export: the user's scope and the chosen filters. */
export function listCondition(user: Reader, f: ProjectListFilters): SQL {
  return withScope(
    projectScope(user),
    f.year !== "all" ? eq(projects.year, f.year) : undefined,
    f.dept ? eq(projects.departmentId, f.dept) : undefined,
    // Within the scope, never instead of it: a district user's own district still bounds the list.
    f.district ? eq(projects.districtId, f.district) : undefined,
    f.kind ? eq(projects.kind, f.kind) : undefined,
    f.stage ? eq(projects.stage, f.stage) : undefined,
    f.q
      ? or(ilike(projects.name, containsPattern(f.q)), ilike(projects.code, containsPattern(f.q)))
      : undefined,
  );
}

const listColumns = {
  id: projects.id,
  year: projects.year,
  code: projects.code,
  name: projects.name,
  unitName: unitOrg.name,
  departmentName: deptOrg.name,
  kind: projects.kind,
  novelty: projects.novelty,
  stage: projects.stage,
  budgetTotal: sql<string>`${budgetTotal}::text`,
  executedTotal: sql<string>`${executedTotal}::text`,
};
export type ProjectTotals = { count: number; budget: string; executed: string };

/**
 * One page of the list and the totals of the whole filtered set, queried in parallel. The page is
 * chosen on the projects table alone (the offset walks an index, not a join), then its 25 rows are
 * read with their organisations' names. A province-wide reader's totals (a count and two sums over
 * up to 130,000 projects a year) are kept with the year's aggregates until a project changes.
 */
export async function listProjects(user: Reader, f: ProjectListFilters) {
  const where = listCondition(user, f);
  const column = SORT_COLUMNS[f.sort];
  const direction = f.dir === "asc" ? sql`asc` : sql`desc`;
  const totalsQuery = () =>
    db
      .select({
        count: sql<number>`count(*)::int`.mapWith(Number),
        budget: sql<string>`coalesce(sum(${budgetTotal}), 0)::text`,
        executed: sql<string>`coalesce(sum(${executedTotal}), 0)::text`,
      })
      .from(projects)
      .where(where)
      .then(([row]) => row);
  const [rows, totals] = await Promise.all([
    db
      .select({ id: projects.id })
      .from(projects)
      .where(where)
      // Ties (equal amounts, a null rate) fall back to the code, so pages never overlap.
      .orderBy(sql`${column} ${direction} nulls last`, asc(projects.code), asc(projects.id))
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE)
      .then((page) => pageRows(page.map((p) => p.id))),
    readsWholeProvince(user)
      ? cachedAggregate(
          "projects.listTotals",
          [scopeKey(user), f.year, f.dept, f.district, f.kind, f.stage, f.q],
          totalsQuery,
        )
      : totalsQuery(),
  ]);
  const sums: ProjectTotals = totals ?? { count: 0, budget: "0", executed: "0" };
  return { rows, totals: sums };
}

/** The list's rows for these project ids, in the ids' order. */
async function pageRows(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(listColumns)
    .from(projects)
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .where(inArray(projects.id, ids));
  const at = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
}
export type ProjectListRow = Awaited<ReturnType<typeof listProjects>>["rows"][number];

/** Count only (the export writes it to the audit log before streaming). */
export async function countProjects(user: Reader, f: ProjectListFilters): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(projects)
    .where(listCondition(user, f));
  return row?.n ?? 0;
}

/** Where an export batch ends: (year, code) is unique, so it orders the rows completely. */
export type ExportCursor = { year: number; code: string };

/** One batch of the export, after a (year, code) cursor: keyset paging stays fast to the last row. */
export async function exportBatch(
  user: Reader,
  f: ProjectListFilters,
  after: ExportCursor | null,
  size: number,
) {
  return (
    db
      .select({
        ...listColumns,
        duration: projects.duration,
        isMajor: projects.isMajor,
        specialArea: projects.specialArea,
        requestedAmount: projects.requestedAmount,
        initialBudget: projects.initialBudget,
      })
      .from(projects)
      .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
      .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
      .where(
        and(
          listCondition(user, f),
          after ? sql`(${projects.year}, ${projects.code}) > (${after.year}, ${after.code})` : undefined,
        ),
      )
      // The unique (year, code) index's own order: each batch continues the index walk where the last
      // stopped, for one year or all of them, instead of sorting the filtered rows again.
      .orderBy(asc(projects.year), asc(projects.code))
      .limit(size)
  );
}
export type ProjectExportRow = Awaited<ReturnType<typeof exportBatch>>[number];

export type DepartmentChoices = { options: { id: string; name: string }[]; all: boolean };

/**
 * The department filter: its choices and the ids it accepts. A province-wide reader who has not
 * picked a district gets no list (a province has thousands of departments): only the department an
 * address names (a dashboard's link), when it is in the reader's scope. `all` is false then.
 */
export async function departmentFilter(
  user: Reader,
  district: string | undefined,
  named: unknown,
): Promise<DepartmentChoices> {
  const reader = inDistrict(user, district);
  if (!readsWholeProvince(reader)) {
    return { options: await departmentOptions(reader), all: true };
  }
  if (typeof named !== "string" || !z.guid().safeParse(named).success) return { options: [], all: false };
  const options = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, named), departmentScope(reader)));
  return { options, all: false };
}

/** Departments (and townships) the user may filter by. */
export async function departmentOptions(user: Reader): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(departmentScope(user))
    .orderBy(asc(organisations.kind), asc(organisations.sortOrder), asc(organisations.name));
}

/** The fiscal years that exist, latest first. */
export async function fiscalYearOptions(handle: DbOrTx = db): Promise<number[]> {
  const rows = await handle
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .orderBy(desc(fiscalYears.year));
  return rows.map((r) => r.year);
}

export async function organisationName(id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.name ?? null;
}

/** A project the user may read, or null (unknown id, malformed id, or outside their scope). */
export async function getProject(user: Reader, id: string) {
  if (!z.guid().safeParse(id).success) return null;
  const [row] = await db
    .select({
      project: projects,
      unitName: unitOrg.name,
      departmentName: deptOrg.name,
    })
    .from(projects)
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .where(and(eq(projects.id, id), projectScope(user)))
    .limit(1);
  return row ? { ...row.project, unitName: row.unitName, departmentName: row.departmentName } : null;
}
export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProject>>>;
