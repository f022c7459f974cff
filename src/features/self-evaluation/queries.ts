import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { EvaluationStatus, Grade } from "@/domain/evaluation";
import { db } from "@/server/db";
import {
  evaluationRounds,
  evaluations,
  evaluationScores,
  evaluationTransitions,
  fiscalYears,
  organisations,
  projects,
  users,
} from "@/server/schema";
import { applicableRecords, coveringRecords, departmentScope, projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { FILED_STATUSES, type SelfStatus } from "./flow";
import { yearRules } from "./service";

type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;
export const SELF_PAGE_SIZE = 25;

const deptOrg = alias(organisations, "dept_org");
const unitOrg = alias(organisations, "unit_org");

export type EvaluationListFilters = {
  year: number;
  status?: SelfStatus | "NONE";
  grade?: Grade;
  dept?: string;
  q?: string;
  /** 行政区划 picked by a province-level user: carried in links; the reading is narrowed by the reader. */
  district?: string;
  page: number;
};

const filedList = sql.raw(FILED_STATUSES.map((s) => `'${s}'`).join(", "));

/**
 * The self-evaluation round of a year that covers a district's projects: the district's own, else the
 * province's (for no district, the province's own round).
 */
export async function selfRound(districtId: string | null, year: number) {
  const [round] = await db
    .select()
    .from(evaluationRounds)
    .where(
      and(
        eq(evaluationRounds.type, "SELF"),
        eq(evaluationRounds.year, year),
        coveringRecords(districtId, evaluationRounds.districtId),
      ),
    )
    .orderBy(sql`${evaluationRounds.districtId} nulls last`)
    .limit(1);
  return round ?? null;
}

export async function selfFilterOptions(user: Reader) {
  const [years, rounds, departments] = await Promise.all([
    db.select({ year: fiscalYears.year }).from(fiscalYears).orderBy(desc(fiscalYears.year)),
    // The rounds the user's work goes by, one per year: the district's or the province's (a year has
    // either the province's round or its districts' own); a province-level user's, any of them.
    db
      .selectDistinctOn([evaluationRounds.year], {
        year: evaluationRounds.year,
        dueDate: evaluationRounds.dueDate,
        districtId: evaluationRounds.districtId,
      })
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.type, "SELF"), applicableRecords(user, evaluationRounds.districtId)))
      .orderBy(desc(evaluationRounds.year), sql`${evaluationRounds.districtId} nulls first`),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(departmentScope(user))
      .orderBy(asc(organisations.sortOrder)),
  ]);
  return { years: years.map((y) => y.year), rounds, departments };
}

function listConditions(user: Reader, f: EvaluationListFilters): SQL {
  return and(
    projectScope(user),
    eq(projects.year, f.year),
    f.dept ? eq(projects.departmentId, f.dept) : undefined,
    f.q
      ? sql`(${projects.name} ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or ${projects.code} = ${f.q})`
      : undefined,
  )!;
}

const selfJoin = and(eq(evaluations.projectId, projects.id), eq(evaluations.type, "SELF"));

/** The user's projects of a year with their self-evaluation, and counts by status. */
export async function listSelfEvaluations(user: Reader, f: EvaluationListFilters) {
  const base = listConditions(user, f);
  const statusCond =
    f.status === "NONE"
      ? sql`${evaluations.id} is null`
      : f.status
        ? eq(evaluations.status, f.status)
        : undefined;
  const gradeCond = f.grade ? eq(evaluations.grade, f.grade) : undefined;
  const [rows, counts] = await Promise.all([
    db
      .select({
        projectId: projects.id,
        code: projects.code,
        name: projects.name,
        departmentName: deptOrg.name,
        unitName: unitOrg.name,
        status: evaluations.status,
        totalScore: evaluations.totalScore,
        grade: evaluations.grade,
        updatedAt: evaluations.updatedAt,
      })
      .from(projects)
      .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
      .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
      .leftJoin(evaluations, selfJoin)
      .where(and(base, statusCond, gradeCond))
      .orderBy(asc(projects.code))
      .limit(SELF_PAGE_SIZE)
      .offset((f.page - 1) * SELF_PAGE_SIZE),
    db
      .select({ status: evaluations.status, n: sql<number>`count(*)::int` })
      .from(projects)
      .leftJoin(evaluations, selfJoin)
      .where(and(base, gradeCond))
      .groupBy(evaluations.status),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status ?? "NONE", c.n])) as Record<string, number>;
  const total = f.status ? (byStatus[f.status] ?? 0) : counts.reduce((a, c) => a + c.n, 0);
  return { rows, byStatus, total };
}

export type CoverageRow = {
  departmentId: string;
  departmentName: string;
  projects: number;
  filed: number;
  received: number;
  averageScore: string | null;
};

/** 自评覆盖率 by department: projects, filed (submitted or later), received by finance, average total. */
export async function selfCoverage(user: Reader, year: number): Promise<CoverageRow[]> {
  return db
    .select({
      departmentId: deptOrg.id,
      departmentName: deptOrg.name,
      projects: sql<number>`count(*)::int`,
      filed: sql<number>`count(*) filter (where ${evaluations.status} in (${filedList}))::int`,
      received: sql<number>`count(*) filter (where ${evaluations.status} = 'RECEIVED')::int`,
      averageScore: sql<
        string | null
      >`(avg(${evaluations.totalScore}) filter (where ${evaluations.status} in (${filedList})))::numeric(6,2)::text`,
    })
    .from(projects)
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .leftJoin(evaluations, selfJoin)
    .where(and(projectScope(user), eq(projects.year, year)))
    .groupBy(deptOrg.id, deptOrg.name, deptOrg.sortOrder)
    .orderBy(asc(deptOrg.sortOrder));
}

/** One project's self-evaluation page: the project, the evaluation with its lines, the history. */
export async function getSelfEvaluationView(user: Reader, projectId: string) {
  const [project] = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      year: projects.year,
      districtId: projects.districtId,
      departmentName: deptOrg.name,
      unitName: unitOrg.name,
    })
    .from(projects)
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .where(and(eq(projects.id, projectId), projectScope(user)));
  if (!project) return null;
  const [evaluation] = await db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.projectId, project.id), eq(evaluations.type, "SELF")));
  const [lines, history, rules, round] = await Promise.all([
    evaluation
      ? db
          .select()
          .from(evaluationScores)
          .where(eq(evaluationScores.evaluationId, evaluation.id))
          .orderBy(asc(evaluationScores.sortOrder))
      : [],
    evaluation
      ? db
          .select({
            id: evaluationTransitions.id,
            from: evaluationTransitions.fromStatus,
            to: evaluationTransitions.toStatus,
            comment: evaluationTransitions.comment,
            at: evaluationTransitions.createdAt,
            actor: users.displayName,
          })
          .from(evaluationTransitions)
          .leftJoin(users, eq(users.id, evaluationTransitions.actorId))
          .where(eq(evaluationTransitions.evaluationId, evaluation.id))
          .orderBy(desc(evaluationTransitions.createdAt))
      : [],
    yearRules(db, project.year),
    selfRound(project.districtId, project.year),
  ]);
  return {
    project,
    evaluation: evaluation ? { ...evaluation, status: evaluation.status as EvaluationStatus } : null,
    lines,
    history,
    rules,
    round,
  };
}
export type SelfEvaluationView = NonNullable<Awaited<ReturnType<typeof getSelfEvaluationView>>>;

/** For the project page: the self-evaluation's status, total and grade, or null. */
export async function projectSelfSummary(user: Reader, projectId: string) {
  const [row] = await db
    .select({ status: evaluations.status, totalScore: evaluations.totalScore, grade: evaluations.grade })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .where(and(eq(evaluations.projectId, projectId), eq(evaluations.type, "SELF"), projectScope(user)));
  return row ?? null;
}
