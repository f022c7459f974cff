import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { EvaluationStatus } from "@/domain/evaluation";
import { engagementRefusals, VIOLATION_YEARS, yearsBefore } from "@/features/agencies/rules";
import { db } from "@/server/db";
import {
  agencyProfiles,
  agencyRatings,
  agencyStaff,
  agencyViolations,
  engagements,
  engagementTeam,
  evaluations,
  evaluationTransitions,
  fiscalYears,
  organisations,
  projects,
  users,
} from "@/server/schema";
import { departmentScope, districtScope, offeredAgencies, projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { todayInChina } from "./service";
import { engagementScope, subjectDepartment } from "./scope";

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;
const agencyOrg = alias(organisations, "agency_org");
const deptOrg = alias(organisations, "dept_org");
const subjectOrg = alias(organisations, "subject_org");
const engager = alias(users, "engager");
const declarer = alias(users, "declarer");

export const PAGE_SIZE = 20;
/** The list's status filter: 待声明 covers a project's DRAFT and a department-wide RECEIVED. */
export const LIST_STATUSES = ["DRAFT", "SCORING", "SUBMITTED", "RETURNED", "SETTLED"] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

export type ListFilters = {
  year?: number;
  status?: ListStatus;
  agency?: string;
  dept?: string;
  q?: string;
  /** 行政区划 picked by a province-level user: carried in links; the reader is narrowed to it. */
  district?: string;
  page: number;
};

const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const statusCondition = (s: ListStatus): SQL =>
  s === "DRAFT" ? inArray(evaluations.status, ["DRAFT", "RECEIVED"]) : eq(evaluations.status, s);

function listWhere(user: Reader, f: ListFilters, withStatus = true) {
  return and(
    engagementScope(user),
    f.year ? eq(evaluations.year, f.year) : undefined,
    withStatus && f.status ? statusCondition(f.status) : undefined,
    f.agency ? eq(engagements.agencyId, f.agency) : undefined,
    f.dept ? sql`${subjectDepartment} = ${f.dept}` : undefined,
    f.q
      ? or(
          ilike(projects.name, escapeLike(f.q)),
          ilike(projects.code, escapeLike(f.q)),
          ilike(subjectOrg.name, escapeLike(f.q)),
        )
      : undefined,
  );
}

const listColumns = {
  engagementId: engagements.id,
  evaluationId: evaluations.id,
  type: evaluations.type,
  year: evaluations.year,
  status: evaluations.status,
  totalScore: evaluations.totalScore,
  grade: evaluations.grade,
  projectId: projects.id,
  projectCode: projects.code,
  projectName: projects.name,
  subjectName: subjectOrg.name,
  departmentName: deptOrg.name,
  agencyId: engagements.agencyId,
  agencyName: agencyOrg.name,
  fee: engagements.fee,
  deadline: engagements.deadline,
  declaredAt: engagements.declaredAt,
  rating: agencyRatings.score,
};

function listFrom() {
  return db
    .select(listColumns)
    .from(engagements)
    .innerJoin(evaluations, eq(evaluations.id, engagements.evaluationId))
    .innerJoin(agencyOrg, eq(agencyOrg.id, engagements.agencyId))
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .leftJoin(subjectOrg, eq(subjectOrg.id, evaluations.subjectOrgId))
    .leftJoin(deptOrg, sql`${deptOrg.id} = ${subjectDepartment}`)
    .leftJoin(agencyRatings, eq(agencyRatings.engagementId, engagements.id))
    .$dynamic();
}
export type EngagementRow = Awaited<ReturnType<ReturnType<typeof listFrom>["execute"]>>[number];

/**
 * The engagements a user may see with the filters, a page at a time. An agency sees its open work by
 * deadline first; everyone else the latest engagements first.
 */
export async function listEngagements(user: Reader, f: ListFilters) {
  const order =
    user.role === "AGENCY"
      ? [
          sql`case when ${evaluations.status} in ('SUBMITTED', 'SETTLED') then 1 else 0 end`,
          asc(engagements.deadline),
        ]
      : [desc(engagements.engagedAt), asc(projects.code)];
  const [rows, byStatusRows] = await Promise.all([
    listFrom()
      .where(listWhere(user, f))
      .orderBy(...order, asc(engagements.id))
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE),
    db
      .select({ status: evaluations.status, n: count() })
      .from(engagements)
      .innerJoin(evaluations, eq(evaluations.id, engagements.evaluationId))
      .leftJoin(projects, eq(projects.id, evaluations.projectId))
      .leftJoin(subjectOrg, eq(subjectOrg.id, evaluations.subjectOrgId))
      .where(listWhere(user, f, false))
      .groupBy(evaluations.status),
  ]);
  const byStatus: Record<string, number> = {};
  for (const r of byStatusRows) {
    const key = r.status === "RECEIVED" ? "DRAFT" : r.status;
    byStatus[key] = (byStatus[key] ?? 0) + r.n;
  }
  const total = f.status ? (byStatus[f.status] ?? 0) : Object.values(byStatus).reduce((a, b) => a + b, 0);
  return { rows, byStatus, total };
}

/** Every row of the filtered list (the export), in pages by engagement id. */
export async function engagementsAfter(user: Reader, f: ListFilters, after: string | null, size: number) {
  return listFrom()
    .where(and(listWhere(user, f), after ? sql`${engagements.id} > ${after}` : undefined))
    .orderBy(asc(engagements.id))
    .limit(size);
}

/** The filters' choices within the user's scope. */
export async function filterOptions(user: Reader) {
  const [years, agencies, departments] = await Promise.all([
    db.select({ year: fiscalYears.year }).from(fiscalYears).orderBy(asc(fiscalYears.year)),
    user.role === "AGENCY"
      ? Promise.resolve([])
      : db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.kind, "AGENCY"))
          .orderBy(asc(organisations.sortOrder)),
    user.role === "AGENCY"
      ? Promise.resolve([])
      : db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(departmentScope(user))
          .orderBy(asc(organisations.kind), asc(organisations.sortOrder)),
  ]);
  return { years: years.map((y) => y.year), agencies, departments };
}

/** One engagement with its evaluation, subject, agency, team and rating; null when out of scope. */
export async function getEngagement(user: Reader, evaluationId: string) {
  const [row] = await db
    .select({
      engagement: engagements,
      evaluation: {
        id: evaluations.id,
        type: evaluations.type,
        year: evaluations.year,
        status: evaluations.status,
        version: evaluations.version,
        summary: evaluations.summary,
        totalScore: evaluations.totalScore,
        grade: evaluations.grade,
        selfTotalScore: evaluations.selfTotalScore,
        budgetTotal: evaluations.budgetTotal,
        executedTotal: evaluations.executedTotal,
        submittedAt: evaluations.submittedAt,
        completedAt: evaluations.completedAt,
      },
      projectId: projects.id,
      projectCode: projects.code,
      projectName: projects.name,
      subjectName: subjectOrg.name,
      departmentName: deptOrg.name,
      agencyName: agencyOrg.name,
      engagedByName: engager.displayName,
      declaredByName: declarer.displayName,
    })
    .from(engagements)
    .innerJoin(evaluations, eq(evaluations.id, engagements.evaluationId))
    .innerJoin(agencyOrg, eq(agencyOrg.id, engagements.agencyId))
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .leftJoin(subjectOrg, eq(subjectOrg.id, evaluations.subjectOrgId))
    .leftJoin(deptOrg, sql`${deptOrg.id} = ${subjectDepartment}`)
    .leftJoin(engager, eq(engager.id, engagements.engagedBy))
    .leftJoin(declarer, eq(declarer.id, engagements.declaredBy))
    .where(and(eq(engagements.evaluationId, evaluationId), engagementScope(user)))
    .limit(1);
  if (!row) return null;
  const [team, rating] = await Promise.all([
    db
      .select({ id: agencyStaff.id, name: agencyStaff.name, title: agencyStaff.title })
      .from(engagementTeam)
      .innerJoin(agencyStaff, eq(agencyStaff.id, engagementTeam.staffId))
      .where(eq(engagementTeam.engagementId, row.engagement.id))
      .orderBy(asc(agencyStaff.createdAt)),
    db
      .select({
        score: agencyRatings.score,
        breakdown: agencyRatings.breakdown,
        comment: agencyRatings.comment,
        ratedOn: agencyRatings.ratedOn,
      })
      .from(agencyRatings)
      .where(eq(agencyRatings.engagementId, row.engagement.id)),
  ]);
  return { ...row, team, rating: rating[0] ?? null };
}
export type EngagementView = NonNullable<Awaited<ReturnType<typeof getEngagement>>>;

/** An agency's staff, for naming the team. */
export async function staffOf(agencyId: string) {
  return db
    .select({
      id: agencyStaff.id,
      name: agencyStaff.name,
      title: agencyStaff.title,
      qualification: agencyStaff.qualification,
    })
    .from(agencyStaff)
    .where(eq(agencyStaff.agencyId, agencyId))
    .orderBy(asc(agencyStaff.createdAt), asc(agencyStaff.id));
}

/**
 * The agencies finance may choose from, each with the reasons it may not be engaged whatever the
 * department (a declared conflict is checked against the chosen subject when engaging): those
 * registered to the finance's district and the province's shared library (no district). A
 * province-level administrator is given every one, with its district, and the form keeps those that
 * fit the chosen subject's district.
 */
export async function agencyChoices(user: Reader) {
  const today = todayInChina();
  const since = yearsBefore(today, VIOLATION_YEARS);
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      districtId: organisations.districtId,
      status: agencyProfiles.status,
      blacklistedOn: agencyProfiles.blacklistedOn,
      recent: sql<number>`(select count(*)::int from ${agencyViolations} v
        where v.agency_id = ${organisations.id} and v.occurred_on > ${since}::date and v.occurred_on <= ${today}::date)`.mapWith(
        Number,
      ),
    })
    .from(organisations)
    .innerJoin(agencyProfiles, eq(agencyProfiles.orgId, organisations.id))
    .where(and(eq(organisations.kind, "AGENCY"), offeredAgencies(user, organisations.districtId)))
    .orderBy(asc(organisations.sortOrder));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    districtId: r.districtId,
    refusals: engagementRefusals(
      {
        status: r.status,
        blacklistedOn: r.blacklistedOn,
        violations: r.recent ? [{ occurredOn: today }] : [],
        conflictDepartmentIds: [],
      },
      "",
      today,
    ),
  }));
}

/** Projects finance may engage an agency for: matching the search, not yet engaged. */
/** Projects of finance's own district not yet engaged for, largest first (the engage form's picker). */
export async function engageableProjects(user: Reader, year: number, q: string | undefined) {
  return db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      departmentName: deptOrg.name,
      districtId: projects.districtId,
      budget: sql<string>`(${projects.budgetCurrent} + ${projects.budgetCarryover} + ${projects.budgetOther})::text`,
    })
    .from(projects)
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .leftJoin(evaluations, and(eq(evaluations.projectId, projects.id), eq(evaluations.type, "THIRD_PARTY")))
    .where(
      and(
        eq(projects.year, year),
        projectScope(user),
        isNull(evaluations.id),
        q ? or(ilike(projects.name, escapeLike(q)), ilike(projects.code, escapeLike(q))) : undefined,
      ),
    )
    .orderBy(
      desc(sql`${projects.budgetCurrent} + ${projects.budgetCarryover} + ${projects.budgetOther}`),
      asc(projects.code),
    )
    .limit(15);
}

/** Department-wide evaluations the department has filed (RECEIVED) and no agency yet holds. */
export async function awaitingFieldEvaluations(user: Reader) {
  return db
    .select({
      id: evaluations.id,
      year: evaluations.year,
      name: subjectOrg.name,
      districtId: subjectOrg.districtId,
      selfTotalScore: evaluations.selfTotalScore,
    })
    .from(evaluations)
    .innerJoin(subjectOrg, eq(subjectOrg.id, evaluations.subjectOrgId))
    .leftJoin(engagements, eq(engagements.evaluationId, evaluations.id))
    .where(
      and(
        eq(evaluations.type, "DEPT_OVERALL"),
        eq(evaluations.status, "RECEIVED"),
        isNull(engagements.id),
        districtScope(user, subjectOrg.districtId),
      ),
    )
    .orderBy(desc(evaluations.year), asc(subjectOrg.sortOrder));
}

/** The third-party evaluations of one project the user may see (the project page's card). */
export async function projectEngagements(user: Reader, projectId: string) {
  return listFrom()
    .where(and(eq(evaluations.projectId, projectId), engagementScope(user)))
    .orderBy(desc(engagements.engagedAt));
}

/** For an agency's dashboard: its engagements by deadline, its reviews, its rating over time. */
export async function agencyOverview(user: Reader) {
  if (user.role !== "AGENCY" || !user.orgId) return null;
  const agencyId = user.orgId;
  const [open, reviews, ratings, counts] = await Promise.all([
    listFrom()
      .where(
        and(
          engagementScope(user),
          inArray(evaluations.status, ["DRAFT", "RECEIVED", "SCORING", "RETURNED", "SUBMITTED"]),
        ),
      )
      .orderBy(asc(engagements.deadline))
      .limit(10),
    db
      .select({
        evaluationId: evaluationTransitions.evaluationId,
        toStatus: evaluationTransitions.toStatus,
        comment: evaluationTransitions.comment,
        at: evaluationTransitions.createdAt,
        projectName: projects.name,
        subjectName: subjectOrg.name,
      })
      .from(evaluationTransitions)
      .innerJoin(engagements, eq(engagements.evaluationId, evaluationTransitions.evaluationId))
      .innerJoin(evaluations, eq(evaluations.id, evaluationTransitions.evaluationId))
      .leftJoin(projects, eq(projects.id, evaluations.projectId))
      .leftJoin(subjectOrg, eq(subjectOrg.id, evaluations.subjectOrgId))
      .where(
        and(
          eq(engagements.agencyId, agencyId),
          eq(evaluationTransitions.fromStatus, "SUBMITTED"),
          inArray(evaluationTransitions.toStatus, ["RETURNED", "SETTLED"]),
        ),
      )
      .orderBy(desc(evaluationTransitions.createdAt))
      .limit(6),
    db
      .select({ ratedOn: agencyRatings.ratedOn, score: agencyRatings.score })
      .from(agencyRatings)
      .where(eq(agencyRatings.agencyId, agencyId))
      .orderBy(asc(agencyRatings.ratedOn), asc(agencyRatings.createdAt)),
    db
      .select({ status: evaluations.status, n: count() })
      .from(engagements)
      .innerJoin(evaluations, eq(evaluations.id, engagements.evaluationId))
      .where(eq(engagements.agencyId, agencyId))
      .groupBy(evaluations.status),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<
    Record<EvaluationStatus, number>
  >;
  return { open, reviews, ratings, byStatus };
}

/** The year's grade cut-offs (the sheet's live grade uses them). */
export async function cutoffsOf(year: number) {
  const [y] = await db
    .select({
      excellent: fiscalYears.gradeExcellent,
      good: fiscalYears.gradeGood,
      pass: fiscalYears.gradePass,
    })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, year));
  return y ?? { excellent: 90, good: 80, pass: 60 };
}

/** The reason finance gave when it last returned the report, if it is back with the agency. */
export async function lastReturn(evaluationId: string) {
  const [row] = await db
    .select({ comment: evaluationTransitions.comment, at: evaluationTransitions.createdAt })
    .from(evaluationTransitions)
    .where(
      and(
        eq(evaluationTransitions.evaluationId, evaluationId),
        eq(evaluationTransitions.toStatus, "RETURNED"),
      ),
    )
    .orderBy(desc(evaluationTransitions.createdAt))
    .limit(1);
  return row ?? null;
}
