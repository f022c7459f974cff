import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { needsPreAssessmentSql } from "@/features/years/pre-assessment-rule";
import { db, type DbOrTx } from "@/server/db";
import {
  expertGroupMembers,
  expertGroupProjects,
  expertGroups,
  expertReviews,
  organisations,
  preAssessmentHistory,
  preAssessments,
  projects,
  users,
} from "@/server/schema";
import { districtPeople, districtScope, projectScope, withScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { yearTotals as totalsOf, type YearTotals } from "./rules";
import { PRE_LIST_PAGE_SIZE, type PreListFilters } from "./schemas";
import { preAssessmentProjectScope } from "./scope";

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "districtId" | "provinceWide">;
const unitOrg = alias(organisations, "unit_org");
const deptOrg = alias(organisations, "dept_org");

function yearConditions(user: Reader, f: Omit<PreListFilters, "page">) {
  return withScope(
    projectScope(user),
    eq(projects.year, f.year),
    needsPreAssessmentSql(),
    f.dept ? eq(projects.departmentId, f.dept) : undefined,
    f.status === "MISSING"
      ? isNull(preAssessments.id)
      : f.status
        ? eq(preAssessments.status, f.status)
        : undefined,
  );
}

const listSelect = () =>
  db
    .select({
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      unitName: unitOrg.name,
      departmentName: deptOrg.name,
      stage: projects.stage,
      requestedAmount: projects.requestedAmount,
      status: preAssessments.status,
      conclusion: preAssessments.conclusion,
      recommendedAmount: preAssessments.recommendedAmount,
    })
    .from(projects)
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .leftJoin(preAssessments, eq(preAssessments.projectId, projects.id));

/** The year's projects that need a pre-assessment, in the user's scope, with where each stands. */
export async function listYear(user: Reader, f: PreListFilters) {
  const where = yearConditions(user, f);
  const [rows, [counts]] = await Promise.all([
    listSelect()
      .where(where)
      // Missing ones first: they are what the list is for.
      .orderBy(sql`${preAssessments.id} is not null`, asc(projects.code))
      .limit(PRE_LIST_PAGE_SIZE)
      .offset((f.page - 1) * PRE_LIST_PAGE_SIZE),
    db
      .select({
        total: sql<number>`count(*)::int`.mapWith(Number),
        missing: sql<number>`count(*) filter (where ${preAssessments.id} is null)::int`.mapWith(Number),
      })
      .from(projects)
      .leftJoin(preAssessments, eq(preAssessments.projectId, projects.id))
      .where(where),
  ]);
  return { rows, total: counts?.total ?? 0, missing: counts?.missing ?? 0 };
}

/** The same list for an export, by code after a cursor (every page, in batches). */
export async function listYearBatch(
  user: Reader,
  f: Omit<PreListFilters, "page">,
  after: string | null,
  size: number,
) {
  return listSelect()
    .where(and(yearConditions(user, f), after ? sql`${projects.code} > ${after}` : undefined))
    .orderBy(asc(projects.code))
    .limit(size);
}
export type PreListRow = Awaited<ReturnType<typeof listYear>>["rows"][number];

/**
 * 财政再评估 totals of a budget year: concluded pre-assessments of projects an expert group
 * re-evaluated, within the user's scope. Sums in SQL; the cut and its rate from those sums.
 */
export async function yearTotals(user: Reader, year: number, handle: DbOrTx = db): Promise<YearTotals> {
  const [row] = await handle
    .select({
      projects: sql<number>`count(*)::int`.mapWith(Number),
      requested: sql<string>`coalesce(sum(${projects.requestedAmount}), 0)::text`,
      recommended: sql<string>`coalesce(sum(${preAssessments.recommendedAmount}), 0)::text`,
    })
    .from(preAssessments)
    .innerJoin(projects, eq(projects.id, preAssessments.projectId))
    .innerJoin(expertGroupProjects, eq(expertGroupProjects.projectId, projects.id))
    .where(withScope(projectScope(user), eq(projects.year, year), eq(preAssessments.status, "CONCLUDED")));
  const t = totalsOf([]);
  if (!row || row.projects === 0) return t;
  return {
    ...totalsOf([{ requested: row.requested, recommended: row.recommended }]),
    projects: row.projects,
  };
}

/** Everything the detail page shows, or null when the project is out of the user's reach. */
export async function getPreAssessmentDetail(user: Reader, projectId: string) {
  const [project] = await db
    .select({
      id: projects.id,
      year: projects.year,
      code: projects.code,
      name: projects.name,
      stage: projects.stage,
      version: projects.version,
      kind: projects.kind,
      requestedAmount: projects.requestedAmount,
      unitName: unitOrg.name,
      departmentName: deptOrg.name,
    })
    .from(projects)
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .where(and(eq(projects.id, projectId), preAssessmentProjectScope(user)));
  if (!project) return null;
  const [[pa], [group]] = await Promise.all([
    db.select().from(preAssessments).where(eq(preAssessments.projectId, projectId)),
    db
      .select({ id: expertGroups.id, name: expertGroups.name, leadExpertId: expertGroups.leadExpertId })
      .from(expertGroupProjects)
      .innerJoin(expertGroups, eq(expertGroups.id, expertGroupProjects.groupId))
      .where(eq(expertGroupProjects.projectId, projectId)),
  ]);
  const [history, members, reviews] = await Promise.all([
    pa
      ? db
          .select({
            from: preAssessmentHistory.fromStatus,
            to: preAssessmentHistory.toStatus,
            comment: preAssessmentHistory.comment,
            at: preAssessmentHistory.at,
            actor: users.displayName,
          })
          .from(preAssessmentHistory)
          .leftJoin(users, eq(users.id, preAssessmentHistory.actorId))
          .where(eq(preAssessmentHistory.preAssessmentId, pa.id))
          .orderBy(asc(preAssessmentHistory.at))
      : [],
    group
      ? db
          .select({ id: users.id, name: users.displayName })
          .from(expertGroupMembers)
          .innerJoin(users, eq(users.id, expertGroupMembers.expertId))
          .where(eq(expertGroupMembers.groupId, group.id))
          .orderBy(asc(users.username))
      : [],
    // An expert sees their own review only; finance sees the group's.
    db
      .select()
      .from(expertReviews)
      .where(
        and(
          eq(expertReviews.projectId, projectId),
          user.role === "EXPERT" ? eq(expertReviews.expertId, user.id) : undefined,
        ),
      ),
  ]);
  return { project, pa: pa ?? null, history, group: group ?? null, members, reviews };
}
export type PreAssessmentDetail = NonNullable<Awaited<ReturnType<typeof getPreAssessmentDetail>>>;

/**
 * Expert groups of a year: the district's for finance (every district's for a province-level one),
 * the expert's own for an expert.
 */
export async function listGroups(user: Reader, year: number) {
  const groups = await db
    .select({ id: expertGroups.id, name: expertGroups.name, leadExpertId: expertGroups.leadExpertId })
    .from(expertGroups)
    .where(
      and(
        eq(expertGroups.year, year),
        user.role === "EXPERT"
          ? inArray(
              expertGroups.id,
              db
                .select({ id: expertGroupMembers.groupId })
                .from(expertGroupMembers)
                .where(eq(expertGroupMembers.expertId, user.id)),
            )
          : user.role === "FINANCE_ADMIN"
            ? districtScope(user, expertGroups.districtId)
            : sql`false`,
      ),
    )
    .orderBy(asc(expertGroups.name));
  const ids = groups.map((g) => g.id);
  if (ids.length === 0) return [];
  const [members, items] = await Promise.all([
    db
      .select({ groupId: expertGroupMembers.groupId, id: users.id, name: users.displayName })
      .from(expertGroupMembers)
      .innerJoin(users, eq(users.id, expertGroupMembers.expertId))
      .where(inArray(expertGroupMembers.groupId, ids))
      .orderBy(asc(users.username)),
    db
      .select({
        groupId: expertGroupProjects.groupId,
        projectId: projects.id,
        code: projects.code,
        name: projects.name,
        requestedAmount: projects.requestedAmount,
        status: preAssessments.status,
        reviewed: sql<boolean>`exists (select 1 from ${expertReviews} where ${expertReviews.projectId} = ${projects.id} and ${expertReviews.expertId} = ${user.id} and ${expertReviews.submitted})`,
      })
      .from(expertGroupProjects)
      .innerJoin(projects, eq(projects.id, expertGroupProjects.projectId))
      .leftJoin(preAssessments, eq(preAssessments.projectId, projects.id))
      .where(inArray(expertGroupProjects.groupId, ids))
      .orderBy(asc(projects.code)),
  ]);
  return groups.map((g) => ({
    ...g,
    members: members.filter((m) => m.groupId === g.id),
    projects: items.filter((p) => p.groupId === g.id),
  }));
}

/**
 * For the group form: the district's active experts, and the district's assessments of the year
 * finance accepted and not yet grouped (any district's for a province-level administrator).
 */
export async function groupFormOptions(user: Reader, year: number) {
  const [experts, candidates] = await Promise.all([
    db
      .select({ id: users.id, name: users.displayName, username: users.username })
      .from(users)
      .where(and(eq(users.role, "EXPERT"), eq(users.active, true), districtPeople(user)))
      .orderBy(asc(users.username)),
    db
      .select({
        projectId: projects.id,
        code: projects.code,
        name: projects.name,
        requestedAmount: projects.requestedAmount,
      })
      .from(preAssessments)
      .innerJoin(projects, eq(projects.id, preAssessments.projectId))
      .leftJoin(expertGroupProjects, eq(expertGroupProjects.projectId, projects.id))
      .where(
        and(
          eq(projects.year, year),
          eq(preAssessments.status, "FINANCE_REVIEWING"),
          isNull(expertGroupProjects.groupId),
          districtScope(user, projects.districtId),
        ),
      )
      .orderBy(asc(projects.code)),
  ]);
  return { experts, candidates };
}
