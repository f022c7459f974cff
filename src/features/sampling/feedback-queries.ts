import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/server/db";
import {
  evaluations,
  organisations,
  projects,
  samplingBatches,
  samplingFeedback,
  samplingSelections,
  users,
} from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { batchDistrictScope } from "./scope";

type Reader = Pick<CurrentUser, "id" | "role" | "departmentId" | "districtId" | "provinceWide">;
const unitOrg = alias(organisations, "unit_org");
const selfEval = alias(evaluations, "self_eval");
const sampledEval = alias(evaluations, "sampled_eval");
const publisher = alias(users, "publisher");
const acknowledger = alias(users, "acknowledger");

const isDepartmentReader = (user: Reader) => user.role === "DEPT_APPROVER" || user.role === "DEPT_FILER";

/**
 * The 反馈意见 of a batch to one department: finance sees it in any state (to write it); the
 * department's approver and filers only once published, and only their own. Null otherwise.
 */
export async function feedbackDocument(user: Reader, batchId: string, departmentId: string) {
  const finance = user.role === "FINANCE_ADMIN";
  if (!finance && !(isDepartmentReader(user) && user.departmentId === departmentId)) return null;
  const [head] = await db
    .select({
      batchId: samplingBatches.id,
      batchName: samplingBatches.name,
      batchStatus: samplingBatches.status,
      districtId: samplingBatches.districtId,
      year: samplingBatches.year,
      departmentId: organisations.id,
      departmentName: organisations.name,
      feedbackId: samplingFeedback.id,
      status: samplingFeedback.status,
      version: samplingFeedback.version,
      problems: samplingFeedback.problems,
      requirements: samplingFeedback.requirements,
      publishedAt: samplingFeedback.publishedAt,
      publishedBy: publisher.displayName,
      acknowledgedAt: samplingFeedback.acknowledgedAt,
      acknowledgedBy: acknowledger.displayName,
    })
    .from(samplingBatches)
    .innerJoin(organisations, eq(organisations.id, departmentId))
    .leftJoin(
      samplingFeedback,
      and(eq(samplingFeedback.batchId, samplingBatches.id), eq(samplingFeedback.departmentId, departmentId)),
    )
    .leftJoin(publisher, eq(publisher.id, samplingFeedback.publishedBy))
    .leftJoin(acknowledger, eq(acknowledger.id, samplingFeedback.acknowledgedBy))
    // Finance: a batch of their district (any for the province); a department: its own feedback.
    .where(and(eq(samplingBatches.id, batchId), finance ? batchDistrictScope(user) : undefined));
  if (!head) return null;
  if (!finance && head.status !== "PUBLISHED") return null;
  const rows = await db
    .select({
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      unitName: unitOrg.name,
      budget: sql<string>`(${projects.budgetCurrent} + ${projects.budgetCarryover} + ${projects.budgetOther})::text`,
      selfTotal: selfEval.totalScore,
      sampledTotal: sampledEval.totalScore,
      sampledGrade: sampledEval.grade,
      status: sampledEval.status,
    })
    .from(samplingSelections)
    .innerJoin(projects, eq(projects.id, samplingSelections.projectId))
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .leftJoin(selfEval, and(eq(selfEval.projectId, projects.id), eq(selfEval.type, "SELF")))
    .leftJoin(sampledEval, and(eq(sampledEval.projectId, projects.id), eq(sampledEval.batchId, batchId)))
    .where(and(eq(samplingSelections.batchId, batchId), eq(projects.departmentId, departmentId)))
    .orderBy(asc(projects.code));
  if (rows.length === 0) return null;
  return { head, rows };
}
export type FeedbackDocument = NonNullable<Awaited<ReturnType<typeof feedbackDocument>>>;

/** The feedback states of a batch by department (for finance's batch page). */
export async function feedbackStates(batchId: string) {
  return db
    .select({
      departmentId: samplingFeedback.departmentId,
      status: samplingFeedback.status,
      acknowledgedAt: samplingFeedback.acknowledgedAt,
    })
    .from(samplingFeedback)
    .where(eq(samplingFeedback.batchId, batchId));
}

/** The published feedback the user's department received, newest first. */
export async function myFeedback(user: Reader) {
  if (!isDepartmentReader(user) || !user.departmentId) return [];
  return db
    .select({
      id: samplingFeedback.id,
      batchId: samplingBatches.id,
      batchName: samplingBatches.name,
      year: samplingBatches.year,
      departmentId: samplingFeedback.departmentId,
      publishedAt: samplingFeedback.publishedAt,
      acknowledgedAt: samplingFeedback.acknowledgedAt,
      projects: sql<number>`(select count(*)::int from ${samplingSelections}
        join ${projects} on ${projects.id} = ${samplingSelections.projectId}
        where ${samplingSelections.batchId} = ${samplingBatches.id}
          and ${projects.departmentId} = ${samplingFeedback.departmentId})`.mapWith(Number),
    })
    .from(samplingFeedback)
    .innerJoin(samplingBatches, eq(samplingBatches.id, samplingFeedback.batchId))
    .where(
      and(eq(samplingFeedback.departmentId, user.departmentId), eq(samplingFeedback.status, "PUBLISHED")),
    )
    .orderBy(desc(samplingFeedback.publishedAt));
}
export type MyFeedbackRow = Awaited<ReturnType<typeof myFeedback>>[number];
