import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/server/db";
import {
  evaluations,
  evaluationScores,
  evaluationTransitions,
  organisations,
  projects,
  samplingBatches,
  samplingGroupMembers,
  samplingGroups,
  samplingSelections,
  users,
} from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { memberOfEvaluationGroup, sampledEvaluationScope } from "./scope";

type Reader = Pick<CurrentUser, "id" | "role" | "districtId" | "provinceWide">;
const unitOrg = alias(organisations, "unit_org");
const deptOrg = alias(organisations, "dept_org");
const selfEval = alias(evaluations, "self_eval");
const selfLine = alias(evaluationScores, "self_line");

/**
 * A sampled project's score sheet beside the unit's own figures, or null when the user may not reach
 * it (only finance admin and the members of the group holding it may).
 */
export async function getSampledSheet(user: Reader, evaluationId: string) {
  const [head] = await db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      version: evaluations.version,
      year: evaluations.year,
      summary: evaluations.summary,
      totalScore: evaluations.totalScore,
      grade: evaluations.grade,
      budgetTotal: evaluations.budgetTotal,
      executedTotal: evaluations.executedTotal,
      batchId: evaluations.batchId,
      batchName: samplingBatches.name,
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      unitName: unitOrg.name,
      departmentName: deptOrg.name,
      reason: samplingSelections.reason,
      stratum: samplingSelections.stratum,
      groupId: samplingGroups.id,
      groupOrder: samplingGroups.sortOrder,
      selfId: selfEval.id,
      selfTotal: selfEval.totalScore,
      selfGrade: selfEval.grade,
      selfSummary: selfEval.summary,
      selfImprovement: selfEval.improvement,
      member: memberOfEvaluationGroup(user.id).mapWith(Boolean),
    })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .innerJoin(samplingBatches, eq(samplingBatches.id, evaluations.batchId))
    .innerJoin(
      samplingSelections,
      and(eq(samplingSelections.batchId, evaluations.batchId), eq(samplingSelections.projectId, projects.id)),
    )
    .leftJoin(samplingGroups, eq(samplingGroups.id, samplingSelections.groupId))
    .leftJoin(selfEval, and(eq(selfEval.projectId, projects.id), eq(selfEval.type, "SELF")))
    .where(and(eq(evaluations.id, evaluationId), sampledEvaluationScope(user)));
  if (!head) return null;
  const [lines, members, history] = await Promise.all([
    db
      .select({
        id: evaluationScores.id,
        level1: evaluationScores.level1,
        level2: evaluationScores.level2,
        name: evaluationScores.name,
        targetText: evaluationScores.targetText,
        maxPoints: evaluationScores.maxPoints,
        actualValue: evaluationScores.actualValue,
        points: evaluationScores.points,
        note: evaluationScores.note,
        selfActual: selfLine.actualValue,
        selfPoints: selfLine.points,
        selfNote: selfLine.note,
      })
      .from(evaluationScores)
      .leftJoin(
        selfLine,
        and(
          eq(selfLine.evaluationId, sql`${head.selfId ?? null}::uuid`),
          eq(selfLine.sortOrder, evaluationScores.sortOrder),
        ),
      )
      .where(eq(evaluationScores.evaluationId, head.id))
      .orderBy(asc(evaluationScores.sortOrder)),
    head.groupId
      ? db
          .select({ id: users.id, name: users.displayName })
          .from(samplingGroupMembers)
          .innerJoin(users, eq(users.id, samplingGroupMembers.userId))
          .where(eq(samplingGroupMembers.groupId, head.groupId))
          .orderBy(asc(users.username))
      : [],
    db
      .select({
        from: evaluationTransitions.fromStatus,
        to: evaluationTransitions.toStatus,
        at: evaluationTransitions.createdAt,
        comment: evaluationTransitions.comment,
        actor: users.displayName,
      })
      .from(evaluationTransitions)
      .leftJoin(users, eq(users.id, evaluationTransitions.actorId))
      .where(eq(evaluationTransitions.evaluationId, head.id))
      .orderBy(asc(evaluationTransitions.createdAt)),
  ]);
  return { head, lines, members, history };
}
export type SampledSheet = NonNullable<Awaited<ReturnType<typeof getSampledSheet>>>;
