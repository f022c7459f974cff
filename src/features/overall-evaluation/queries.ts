import "server-only";
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { EvaluationStatus, GradeCutoffs } from "@/domain/evaluation";
import { findingsOf, historyOf, opinionsOf, sheetLines } from "@/features/evaluations/sheet-queries";
import { db } from "@/server/db";
import { engagements, evaluationOpinions, evaluations, fiscalYears, organisations } from "@/server/schema";
import { departmentScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { SUBJECT_KIND, type OverallType } from "./flow";
import { overallScope } from "./scope";
import { departmentExecution } from "./service";

export const OVERALL_PAGE_SIZE = 25;
type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

export type OverallFilters = {
  year?: number;
  status?: EvaluationStatus;
  org?: string;
  /** 行政区划 picked by a province-level user: carried in links; the reader is narrowed to it. */
  district?: string;
  page: number;
};

const agency = sql`(select o.name from ${engagements} g join ${organisations} o on o.id = g.agency_id
  where g.evaluation_id = ${evaluations.id})`;
const opinionCount = sql<number>`(select count(*)::int from ${evaluationOpinions} x
  where x.evaluation_id = ${evaluations.id})`;

function conditions(user: Reader, type: OverallType, f: OverallFilters, withStatus = true): SQL {
  return and(
    eq(evaluations.type, type),
    overallScope(user, type),
    f.year ? eq(evaluations.year, f.year) : undefined,
    withStatus && f.status ? eq(evaluations.status, f.status) : undefined,
    f.org ? eq(evaluations.subjectOrgId, f.org) : undefined,
  )!;
}

export const listColumns = {
  id: evaluations.id,
  year: evaluations.year,
  orgId: organisations.id,
  orgName: organisations.name,
  orgSort: organisations.sortOrder,
  status: evaluations.status,
  selfTotal: evaluations.selfTotalScore,
  total: evaluations.totalScore,
  grade: evaluations.grade,
  budget: evaluations.budgetTotal,
  executed: evaluations.executedTotal,
  dueDate: evaluations.dueDate,
  agencyName: sql<string | null>`${agency}`,
  opinions: opinionCount,
};

/** The evaluations of a type the user may see, newest year first, with counts by status. */
export async function listOverall(user: Reader, type: OverallType, f: OverallFilters) {
  const base = () =>
    db
      .select(listColumns)
      .from(evaluations)
      .innerJoin(organisations, eq(organisations.id, evaluations.subjectOrgId));
  const [rows, counts] = await Promise.all([
    base()
      .where(conditions(user, type, f))
      .orderBy(desc(evaluations.year), asc(organisations.sortOrder), asc(evaluations.id))
      .limit(OVERALL_PAGE_SIZE)
      .offset((f.page - 1) * OVERALL_PAGE_SIZE),
    db
      .select({ status: evaluations.status, n: count() })
      .from(evaluations)
      .innerJoin(organisations, eq(organisations.id, evaluations.subjectOrgId))
      .where(conditions(user, type, f, false))
      .groupBy(evaluations.status),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Record<string, number>;
  const total = f.status ? (byStatus[f.status] ?? 0) : counts.reduce((a, c) => a + c.n, 0);
  return { rows, byStatus, total };
}
export type OverallRow = Awaited<ReturnType<typeof listOverall>>["rows"][number];

/** The years, and the departments (or townships) the user may pick in the filter and the open form. */
export async function overallOptions(user: Reader, type: OverallType) {
  const [years, orgs] = await Promise.all([
    db.select({ year: fiscalYears.year }).from(fiscalYears).orderBy(desc(fiscalYears.year)),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        and(
          eq(organisations.kind, SUBJECT_KIND[type]),
          eq(organisations.active, true),
          departmentScope(user),
        ),
      )
      .orderBy(asc(organisations.sortOrder)),
  ]);
  return { years: years.map((y) => y.year), orgs };
}

async function cutoffsOf(year: number): Promise<GradeCutoffs> {
  const [y] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year));
  return { excellent: y?.gradeExcellent ?? 90, good: y?.gradeGood ?? 80, pass: y?.gradePass ?? 60 };
}

/** The engagement of a department-wide evaluation's field evaluation, if finance has made one. */
async function engagementOf(evaluationId: string) {
  const [row] = await db
    .select({
      agencyName: organisations.name,
      deadline: engagements.deadline,
      declaredAt: engagements.declaredAt,
      acceptedAt: engagements.acceptedAt,
    })
    .from(engagements)
    .innerJoin(organisations, eq(organisations.id, engagements.agencyId))
    .where(eq(engagements.evaluationId, evaluationId));
  return row ?? null;
}
export type EngagementSummary = NonNullable<Awaited<ReturnType<typeof engagementOf>>>;

/** One evaluation's page, or null when it does not exist or is out of the user's scope. */
export async function getOverallView(user: Reader, type: OverallType, id: string) {
  const [head] = await db
    .select({
      id: evaluations.id,
      type: evaluations.type,
      year: evaluations.year,
      status: evaluations.status,
      version: evaluations.version,
      orgId: organisations.id,
      orgName: organisations.name,
      orgCode: organisations.code,
      selfTotal: evaluations.selfTotalScore,
      total: evaluations.totalScore,
      grade: evaluations.grade,
      selfReport: evaluations.selfReport,
      improvement: evaluations.improvement,
      summary: evaluations.summary,
      budget: evaluations.budgetTotal,
      executed: evaluations.executedTotal,
      dueDate: evaluations.dueDate,
      submittedAt: evaluations.submittedAt,
      completedAt: evaluations.completedAt,
    })
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.subjectOrgId))
    .where(and(eq(evaluations.id, id), eq(evaluations.type, type), overallScope(user, type)));
  if (!head) return null;
  const dept = type === "DEPT_OVERALL";
  const [lines, history, findings, opinions, engagement, execution, cutoffs] = await Promise.all([
    sheetLines(db, id),
    historyOf(db, id),
    findingsOf(db, id),
    dept ? opinionsOf(db, id) : Promise.resolve([]),
    dept ? engagementOf(id) : Promise.resolve(null),
    dept ? departmentExecution(db, head.orgId, head.year) : Promise.resolve(null),
    cutoffsOf(head.year),
  ]);
  return { head, lines, history, findings, opinions, engagement, execution, cutoffs };
}
export type OverallView = NonNullable<Awaited<ReturnType<typeof getOverallView>>>;

/** For the export: every row of the filtered list (a few dozen subjects a year). */
export async function overallExportRows(user: Reader, type: OverallType, f: OverallFilters) {
  return db
    .select(listColumns)
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.subjectOrgId))
    .where(conditions(user, type, f))
    .orderBy(desc(evaluations.year), asc(organisations.sortOrder), asc(evaluations.id))
    .limit(10_000);
}
