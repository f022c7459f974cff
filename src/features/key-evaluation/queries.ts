import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/server/db";
import {
  evaluationAssignees,
  evaluations,
  evaluationTemplates,
  fiscalYears,
  organisations,
  projects,
  users,
} from "@/server/schema";
import { departmentScope, offeredStaff, projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { findingsOf, historyOf, sheetLines } from "@/features/evaluations/sheet-queries";
import type { KeyStatus } from "./flow";
import { KEY_PAGE_SIZE } from "./schemas";
import { keyEvaluationScope } from "./scope";

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

const deptOrg = alias(organisations, "dept_org");
const unitOrg = alias(organisations, "unit_org");

export type KeyListFilters = {
  year: number;
  status?: KeyStatus;
  dept?: string;
  q?: string;
  /** 行政区划 picked by a province-level user: carried in links; the reader is narrowed to it. */
  district?: string;
  page: number;
};

export async function keyFilterOptions(user: Reader) {
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

const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function keyListConditions(user: Reader, f: Omit<KeyListFilters, "page">): SQL {
  return and(
    keyEvaluationScope(user),
    eq(evaluations.year, f.year),
    f.status ? eq(evaluations.status, f.status) : undefined,
    f.dept ? eq(projects.departmentId, f.dept) : undefined,
    f.q ? sql`(${projects.name} ilike ${escapeLike(f.q)} or ${projects.code} = ${f.q})` : undefined,
  )!;
}

/** The lead reviewer's name of the evaluation (a correlated read, one row per evaluation). */
const leadName = sql<string | null>`(select u.display_name from ${evaluationAssignees} a
  join ${users} u on u.id = a.user_id where a.evaluation_id = ${evaluations.id} and a.lead = 1 limit 1)`;

export const keyRowColumns = {
  id: evaluations.id,
  code: projects.code,
  name: projects.name,
  departmentName: deptOrg.name,
  unitName: unitOrg.name,
  specialArea: projects.specialArea,
  status: evaluations.status,
  budgetTotal: evaluations.budgetTotal,
  executedTotal: evaluations.executedTotal,
  totalScore: evaluations.totalScore,
  grade: evaluations.grade,
  dueDate: evaluations.dueDate,
  leadName,
};

/** The user's key evaluations of a year, a page of them, with counts by status and the funds total. */
export async function listKeyEvaluations(user: Reader, f: KeyListFilters) {
  const base = keyListConditions(user, { ...f, status: undefined });
  const where = and(base, f.status ? eq(evaluations.status, f.status) : undefined);
  const [rows, counts, [sum]] = await Promise.all([
    db
      .select(keyRowColumns)
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
      .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
      .where(where)
      .orderBy(asc(projects.code))
      .limit(KEY_PAGE_SIZE)
      .offset((f.page - 1) * KEY_PAGE_SIZE),
    db
      .select({ status: evaluations.status, n: sql<number>`count(*)::int` })
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .where(base)
      .groupBy(evaluations.status),
    db
      .select({ budget: sql<string>`coalesce(sum(${evaluations.budgetTotal}), 0)::text` })
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .where(where),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Record<string, number>;
  const total = f.status ? (byStatus[f.status] ?? 0) : counts.reduce((a, c) => a + c.n, 0);
  return { rows, byStatus, total, budget: sum?.budget ?? "0" };
}
export type KeyRow = Awaited<ReturnType<typeof listKeyEvaluations>>["rows"][number];

/** One key evaluation in the user's scope with its sheet, findings, reviewers and history; or null. */
export async function getKeyEvaluation(user: Reader, id: string) {
  const [head] = await db
    .select({
      ...keyRowColumns,
      projectId: projects.id,
      year: evaluations.year,
      version: evaluations.version,
      summary: evaluations.summary,
      templateName: evaluationTemplates.name,
      templateCode: evaluationTemplates.code,
      submittedAt: evaluations.submittedAt,
      completedAt: evaluations.completedAt,
      gradeExcellent: fiscalYears.gradeExcellent,
      gradeGood: fiscalYears.gradeGood,
      gradePass: fiscalYears.gradePass,
      // Whether the project's own page is open to this user (a reviewer may score outside its division).
      projectVisible: sql<boolean>`(${projectScope(user)})`,
    })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .innerJoin(fiscalYears, eq(fiscalYears.year, evaluations.year))
    .leftJoin(evaluationTemplates, eq(evaluationTemplates.id, evaluations.templateId))
    .where(and(eq(evaluations.id, id), keyEvaluationScope(user)));
  if (!head) return null;
  const [lines, findings, history, reviewers] = await Promise.all([
    sheetLines(db, id),
    findingsOf(db, id),
    historyOf(db, id),
    db
      .select({ id: users.id, name: users.displayName, lead: evaluationAssignees.lead })
      .from(evaluationAssignees)
      .innerJoin(users, eq(users.id, evaluationAssignees.userId))
      .where(eq(evaluationAssignees.evaluationId, id))
      .orderBy(desc(evaluationAssignees.lead), asc(users.displayName)),
  ]);
  return { head, lines, findings, history, reviewers };
}
export type KeyEvaluationDetail = NonNullable<Awaited<ReturnType<typeof getKeyEvaluation>>>;

/** The key evaluations of a project the user may see (for the project page's card). */
export async function projectKeyEvaluations(user: Reader, projectId: string) {
  return db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      totalScore: evaluations.totalScore,
      grade: evaluations.grade,
      dueDate: evaluations.dueDate,
      leadName,
    })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .where(and(eq(evaluations.projectId, projectId), keyEvaluationScope(user)));
}

export const CANDIDATE_PAGE_SIZE = 15;

/** Projects of a year finance may pick, with whether each already has a key evaluation. */
export async function candidateProjects(
  user: Reader,
  f: { year: number; dept?: string; q?: string; page: number },
) {
  const where = and(
    eq(projects.year, f.year),
    projectScope(user),
    f.dept ? eq(projects.departmentId, f.dept) : undefined,
    f.q ? sql`(${projects.name} ilike ${escapeLike(f.q)} or ${projects.code} = ${f.q})` : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        departmentName: deptOrg.name,
        districtId: projects.districtId,
        kind: projects.kind,
        specialArea: projects.specialArea,
        budget: sql<string>`(${projects.budgetCurrent} + ${projects.budgetCarryover} + ${projects.budgetOther})::text`,
        keyed: sql<boolean>`exists (select 1 from ${evaluations} e where e.project_id = ${projects.id} and e.type = 'KEY')`,
      })
      .from(projects)
      .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
      .where(where)
      .orderBy(
        desc(sql`${projects.budgetCurrent} + ${projects.budgetCarryover} + ${projects.budgetOther}`),
        asc(projects.code),
      )
      .limit(CANDIDATE_PAGE_SIZE)
      .offset((f.page - 1) * CANDIDATE_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(projects)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}
export type CandidateProject = Awaited<ReturnType<typeof candidateProjects>>["rows"][number];

/**
 * The active finance reviewers finance may assign: the finance staff of the projects' district (the
 * province's own for a province-level project). A district's finance is offered its district's; a
 * province-level administrator everyone, with each one's district, and the form keeps those of the
 * picked projects' district.
 */
export async function financeReviewers(user: Reader) {
  return db
    .select({
      id: users.id,
      name: users.displayName,
      username: users.username,
      orgName: organisations.name,
      districtId: organisations.districtId,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.role, "FINANCE_REVIEWER"), eq(users.active, true), offeredStaff(user)))
    .orderBy(asc(organisations.sortOrder), asc(users.displayName));
}
