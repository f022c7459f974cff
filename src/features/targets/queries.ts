import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, queryRows } from "@/server/db";
import {
  fiscalYears,
  libraryIndicators,
  organisations,
  projects,
  targetIndicators,
  targetSheets,
  targetSheetTransitions,
  users,
} from "@/server/schema";
import { departmentScope, projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { DEPARTMENTS } from "@/server/seed/organisations-data";
import type { SheetStatus } from "./levels";
import { yearWeights } from "./service";

type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;
export const TARGETS_PAGE_SIZE = 25;

const deptOrg = alias(organisations, "dept_org");
const unitOrg = alias(organisations, "unit_org");

export type TargetListFilters = {
  year: number;
  status?: SheetStatus | "NONE";
  dept?: string;
  q?: string;
  /** 行政区划 picked by a province-level user: carried in links; the reader is narrowed to it. */
  district?: string;
  page: number;
};

/** The user's projects of a year with their latest sheet's status, and counts by status. */
export async function listTargetSheets(user: Reader, f: TargetListFilters) {
  const latest = sql`(select s.status from ${targetSheets} s where s.project_id = ${projects.id} order by s.version_no desc limit 1)`;
  const base = and(
    projectScope(user),
    eq(projects.year, f.year),
    f.dept ? eq(projects.departmentId, f.dept) : undefined,
    f.q ? sql`${projects.name} ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
  );
  const statusCond =
    f.status === "NONE" ? sql`${latest} is null` : f.status ? sql`${latest} = ${f.status}` : undefined;
  const [rows, counts] = await Promise.all([
    db
      .select({
        projectId: projects.id,
        code: projects.code,
        name: projects.name,
        departmentName: deptOrg.name,
        unitName: unitOrg.name,
        status: sql<SheetStatus | null>`${latest}`,
        versionNo: sql<
          number | null
        >`(select max(s.version_no) from ${targetSheets} s where s.project_id = ${projects.id})`,
      })
      .from(projects)
      .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
      .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
      .where(and(base, statusCond))
      .orderBy(asc(projects.code))
      .limit(TARGETS_PAGE_SIZE)
      .offset((f.page - 1) * TARGETS_PAGE_SIZE),
    db
      .select({ status: sql<SheetStatus | null>`${latest}`, n: sql<number>`count(*)::int` })
      .from(projects)
      .where(base)
      .groupBy(sql`1`),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status ?? "NONE", c.n])) as Record<string, number>;
  const total = f.status ? (byStatus[f.status] ?? 0) : counts.reduce((a, c) => a + c.n, 0);
  return { rows, byStatus, total };
}

export async function targetFilterOptions(user: Reader) {
  const [years, departments] = await Promise.all([
    db.select({ year: fiscalYears.year }).from(fiscalYears).orderBy(desc(fiscalYears.year)),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(departmentScope(user))
      .orderBy(asc(organisations.sortOrder)),
  ]);
  return { years: years.map((y) => y.year), departments };
}

/** One project's sheet page: the chosen version (default the latest), every version, its history. */
export async function getSheetView(user: Reader, projectId: string, versionNo?: number) {
  const [project] = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      year: projects.year,
      departmentName: deptOrg.name,
      departmentCode: deptOrg.code,
      unitName: unitOrg.name,
    })
    .from(projects)
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .where(and(eq(projects.id, projectId), projectScope(user)));
  if (!project) return null;
  const versions = await db
    .select({
      id: targetSheets.id,
      versionNo: targetSheets.versionNo,
      status: targetSheets.status,
      updatedAt: targetSheets.updatedAt,
    })
    .from(targetSheets)
    .where(eq(targetSheets.projectId, project.id))
    .orderBy(desc(targetSheets.versionNo));
  const chosen = versionNo ? versions.find((v) => v.versionNo === versionNo) : versions[0];
  const [sheet] = chosen ? await db.select().from(targetSheets).where(eq(targetSheets.id, chosen.id)) : [];
  const [indicators, history, weights] = await Promise.all([
    sheet
      ? db
          .select()
          .from(targetIndicators)
          .where(eq(targetIndicators.sheetId, sheet.id))
          .orderBy(asc(targetIndicators.sortOrder))
      : [],
    sheet
      ? db
          .select({
            id: targetSheetTransitions.id,
            from: targetSheetTransitions.fromStatus,
            to: targetSheetTransitions.toStatus,
            comment: targetSheetTransitions.comment,
            at: targetSheetTransitions.createdAt,
            actor: users.displayName,
          })
          .from(targetSheetTransitions)
          .leftJoin(users, eq(users.id, targetSheetTransitions.actorId))
          .where(eq(targetSheetTransitions.sheetId, sheet.id))
          .orderBy(desc(targetSheetTransitions.createdAt))
      : [],
    yearWeights(db, project.year),
  ]);
  const sector = DEPARTMENTS.find((d) => d.code === project.departmentCode)?.sector ?? "general";
  return {
    project,
    sector,
    versions,
    sheet: sheet ?? null,
    isLatest: !chosen || chosen.id === versions[0]?.id,
    indicators,
    history,
    weights,
  };
}
export type SheetView = NonNullable<Awaited<ReturnType<typeof getSheetView>>>;

/** The picker's choices: active library entries of the sector and the general ones. */
export async function pickerIndicators(sector: string) {
  return db
    .select({
      id: libraryIndicators.id,
      sector: libraryIndicators.sector,
      level1: libraryIndicators.level1,
      level2: libraryIndicators.level2,
      name: libraryIndicators.name,
      operator: libraryIndicators.operator,
      unit: libraryIndicators.unit,
      targetHint: libraryIndicators.targetHint,
    })
    .from(libraryIndicators)
    .where(
      and(eq(libraryIndicators.active, true), sql`${libraryIndicators.sector} in (${sector}, 'general')`),
    )
    .orderBy(asc(libraryIndicators.level1), asc(libraryIndicators.level2), asc(libraryIndicators.name));
}
export type PickerIndicator = Awaited<ReturnType<typeof pickerIndicators>>[number];

/** For the project page: the latest sheet's status and points, or null. */
export async function projectSheetSummary(user: Reader, projectId: string) {
  const rows = await queryRows<{ version_no: number; status: SheetStatus; n: number; points: string }>(
    db,
    sql`select s.version_no, s.status, count(i.id)::int as n, coalesce(sum(i.points), 0)::text as points
        from ${targetSheets} s join ${projects} on ${projects.id} = s.project_id
        left join ${targetIndicators} i on i.sheet_id = s.id
        where s.project_id = ${projectId} and ${projectScope(user)}
        group by s.id order by s.version_no desc limit 1`,
  );
  return rows[0] ?? null;
}
