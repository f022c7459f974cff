import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, queryRows, type DbOrTx } from "@/server/db";
import {
  evaluations,
  organisations,
  projects,
  samplingBatches,
  samplingGroupMembers,
  samplingGroups,
  samplingSelections,
  users,
} from "@/server/schema";
import { districtPeople, mayActOn } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { batchDistrictScope } from "./scope";
import { COLOUR, FILED, REPORT_FROM } from "@/features/monitoring/sql";

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;
const unitOrg = alias(organisations, "unit_org");
const deptOrg = alias(organisations, "dept_org");
const selfEval = alias(evaluations, "self_eval");
const sampledEval = alias(evaluations, "sampled_eval");

/**
 * The year's projects with a red execution warning in 事中监控 (SPEC §5), for the draw's must-include
 * rule: a filed monitoring report of the year whose colour, under the year's current thresholds, is red.
 */
export async function redWarningProjectIds(handle: DbOrTx, year: number): Promise<Set<string>> {
  const rows = await queryRows<{ project_id: string }>(
    handle,
    sql`select distinct r.project_id from ${REPORT_FROM}
        where rd.year = ${year} and ${FILED} and ${COLOUR} = 'RED'`,
  );
  return new Set(rows.map((r) => r.project_id));
}

const budgetSql = sql<string>`(${projects.budgetCurrent} + ${projects.budgetCarryover} + ${projects.budgetOther})`;

/**
 * The batches a user may see: finance admin their district's (a province-level one every district's),
 * a reviewer or expert those they sit in.
 */
function batchScope(user: Reader): SQL | undefined {
  if (user.role === "FINANCE_ADMIN") return batchDistrictScope(user);
  if (user.role !== "FINANCE_REVIEWER" && user.role !== "EXPERT") return sql`false`;
  return inArray(
    samplingBatches.id,
    db
      .select({ id: samplingGroups.batchId })
      .from(samplingGroups)
      .innerJoin(samplingGroupMembers, eq(samplingGroupMembers.groupId, samplingGroups.id))
      .where(eq(samplingGroupMembers.userId, user.id)),
  );
}

/** The year's batches with their size and funds (sum of 全年预算数, from the stored amounts). */
export async function listBatches(user: Reader, year: number) {
  return db
    .select({
      id: samplingBatches.id,
      name: samplingBatches.name,
      status: samplingBatches.status,
      sampleSize: samplingBatches.sampleSize,
      populationSize: samplingBatches.populationSize,
      groupCount: samplingBatches.groupCount,
      createdAt: samplingBatches.createdAt,
      // Written out in full: Drizzle leaves columns unqualified in a one-table select list.
      funds: sql<string>`(select coalesce(sum(p.budget_current + p.budget_carryover + p.budget_other), 0)::text
        from sampling_selections s join projects p on p.id = s.project_id
        where s.batch_id = "sampling_batches"."id")`,
      settled: sql<number>`(select count(*)::int from evaluations e
        where e.batch_id = "sampling_batches"."id" and e.status = 'SETTLED')`.mapWith(Number),
    })
    .from(samplingBatches)
    .where(and(eq(samplingBatches.year, year), batchScope(user)))
    .orderBy(desc(samplingBatches.createdAt));
}
export type BatchListRow = Awaited<ReturnType<typeof listBatches>>[number];

/**
 * One batch for finance: its inputs, groups with members, and totals, and whether the user may act
 * on it (a province-level administrator reads the districts' batches); null when unknown or another
 * district's.
 */
export async function getBatch(user: Reader, batchId: string) {
  const [batch] = await db
    .select()
    .from(samplingBatches)
    .where(and(eq(samplingBatches.id, batchId), batchDistrictScope(user)));
  if (!batch) return null;
  const [groups, members] = await Promise.all([
    db
      .select({
        id: samplingGroups.id,
        sortOrder: samplingGroups.sortOrder,
        leadId: samplingGroups.leadId,
        projects: sql<number>`count(${samplingSelections.projectId})::int`.mapWith(Number),
        funds: sql<string>`coalesce(sum(${budgetSql}), 0)::text`,
      })
      .from(samplingGroups)
      .leftJoin(samplingSelections, eq(samplingSelections.groupId, samplingGroups.id))
      .leftJoin(projects, eq(projects.id, samplingSelections.projectId))
      .where(eq(samplingGroups.batchId, batchId))
      .groupBy(samplingGroups.id)
      .orderBy(asc(samplingGroups.sortOrder)),
    db
      .select({
        groupId: samplingGroupMembers.groupId,
        id: users.id,
        name: users.displayName,
        username: users.username,
        role: users.role,
      })
      .from(samplingGroupMembers)
      .innerJoin(samplingGroups, eq(samplingGroups.id, samplingGroupMembers.groupId))
      .innerJoin(users, eq(users.id, samplingGroupMembers.userId))
      .where(eq(samplingGroups.batchId, batchId))
      .orderBy(asc(users.username)),
  ]);
  return {
    batch,
    canAct: mayActOn(user, batch.districtId),
    groups: groups.map((g) => ({ ...g, members: members.filter((m) => m.groupId === g.id) })),
  };
}
export type BatchDetail = NonNullable<Awaited<ReturnType<typeof getBatch>>>;

/**
 * The selected projects of a batch with why and where each sits, the unit's self score and the
 * group's sampled score. Finance sees all; a group member only their groups' projects.
 */
export async function batchSelections(user: Reader, batchId: string) {
  const memberOnly =
    user.role === "FINANCE_ADMIN"
      ? inArray(
          samplingSelections.batchId,
          db.select({ id: samplingBatches.id }).from(samplingBatches).where(batchDistrictScope(user)),
        )
      : inArray(
          samplingSelections.groupId,
          db
            .select({ id: samplingGroupMembers.groupId })
            .from(samplingGroupMembers)
            .where(eq(samplingGroupMembers.userId, user.id)),
        );
  return db
    .select({
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      unitName: unitOrg.name,
      departmentId: deptOrg.id,
      departmentName: deptOrg.name,
      budget: sql<string>`${budgetSql}::text`,
      reason: samplingSelections.reason,
      stratum: samplingSelections.stratum,
      groupId: samplingSelections.groupId,
      groupOrder: samplingGroups.sortOrder,
      selfTotal: selfEval.totalScore,
      selfGrade: selfEval.grade,
      evaluationId: sampledEval.id,
      status: sampledEval.status,
      sampledTotal: sampledEval.totalScore,
      sampledGrade: sampledEval.grade,
    })
    .from(samplingSelections)
    .innerJoin(projects, eq(projects.id, samplingSelections.projectId))
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .leftJoin(samplingGroups, eq(samplingGroups.id, samplingSelections.groupId))
    .leftJoin(selfEval, and(eq(selfEval.projectId, projects.id), eq(selfEval.type, "SELF")))
    .leftJoin(sampledEval, and(eq(sampledEval.projectId, projects.id), eq(sampledEval.batchId, batchId)))
    .where(and(eq(samplingSelections.batchId, batchId), memberOnly))
    .orderBy(asc(samplingGroups.sortOrder), asc(projects.code));
}
export type SelectionRow = Awaited<ReturnType<typeof batchSelections>>[number];

/** A reviewer's or expert's work: the projects of every group they sit in, newest batch first. */
export async function myGroupProjects(user: Reader) {
  if (user.role !== "FINANCE_REVIEWER" && user.role !== "EXPERT") return [];
  return db
    .select({
      batchId: samplingBatches.id,
      batchName: samplingBatches.name,
      year: samplingBatches.year,
      groupOrder: samplingGroups.sortOrder,
      lead: sql<boolean>`${samplingGroups.leadId} = ${user.id}`,
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      departmentName: deptOrg.name,
      budget: sql<string>`${budgetSql}::text`,
      selfTotal: selfEval.totalScore,
      evaluationId: sampledEval.id,
      status: sampledEval.status,
      sampledTotal: sampledEval.totalScore,
    })
    .from(samplingGroupMembers)
    .innerJoin(samplingGroups, eq(samplingGroups.id, samplingGroupMembers.groupId))
    .innerJoin(samplingBatches, eq(samplingBatches.id, samplingGroups.batchId))
    .innerJoin(samplingSelections, eq(samplingSelections.groupId, samplingGroups.id))
    .innerJoin(projects, eq(projects.id, samplingSelections.projectId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .leftJoin(selfEval, and(eq(selfEval.projectId, projects.id), eq(selfEval.type, "SELF")))
    .leftJoin(
      sampledEval,
      and(eq(sampledEval.projectId, projects.id), eq(sampledEval.batchId, samplingBatches.id)),
    )
    .where(eq(samplingGroupMembers.userId, user.id))
    .orderBy(desc(samplingBatches.createdAt), asc(projects.code));
}

/**
 * Per department of a batch: sampled projects, how many settled, and the average gap (self − sampled)
 * over the settled ones, computed in SQL from the stored totals.
 */
export async function departmentGaps(batchId: string) {
  return db
    .select({
      departmentId: deptOrg.id,
      departmentName: deptOrg.name,
      projects: sql<number>`count(*)::int`.mapWith(Number),
      settled: sql<number>`count(*) filter (where ${sampledEval.status} = 'SETTLED')::int`.mapWith(Number),
      selfAverage: sql<
        string | null
      >`round(avg(${selfEval.totalScore}) filter (where ${sampledEval.status} = 'SETTLED'), 2)::text`,
      sampledAverage: sql<
        string | null
      >`round(avg(${sampledEval.totalScore}) filter (where ${sampledEval.status} = 'SETTLED'), 2)::text`,
      averageGap: sql<
        string | null
      >`round(avg(${selfEval.totalScore} - ${sampledEval.totalScore}) filter (where ${sampledEval.status} = 'SETTLED'), 2)::text`,
    })
    .from(samplingSelections)
    .innerJoin(projects, eq(projects.id, samplingSelections.projectId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .leftJoin(selfEval, and(eq(selfEval.projectId, projects.id), eq(selfEval.type, "SELF")))
    .leftJoin(sampledEval, and(eq(sampledEval.projectId, projects.id), eq(sampledEval.batchId, batchId)))
    .where(eq(samplingSelections.batchId, batchId))
    .groupBy(deptOrg.id, deptOrg.name, deptOrg.sortOrder)
    .orderBy(asc(deptOrg.sortOrder));
}
export type DepartmentGapRow = Awaited<ReturnType<typeof departmentGaps>>[number];

/** Active finance reviewers and experts of the user's district, for the group members' choice. */
export async function reviewerOptions(user: Reader) {
  return db
    .select({ id: users.id, name: users.displayName, username: users.username, role: users.role })
    .from(users)
    .where(
      and(inArray(users.role, ["FINANCE_REVIEWER", "EXPERT"]), eq(users.active, true), districtPeople(user)),
    )
    .orderBy(asc(users.role), asc(users.username));
}
