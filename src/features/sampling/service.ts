import "server-only";
import { toFen } from "@/domain/money";
import { and, asc, eq, sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  evaluations,
  evaluationScores,
  evaluationTransitions,
  fiscalYears,
  samplingBatches,
  samplingGroups,
  samplingSelections,
} from "@/server/schema";
import { creatingDistrictId } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { drawCandidates } from "./draw-inputs";
import { redWarningProjectIds } from "./queries";
import { actingBatch } from "./scope";
import { balanceGroups, drawSample } from "./rules";
import type { CloseBatchInput, CreateBatchInput, StartBatchInput } from "./schemas";

export type ServiceContext = { db: DbOrTx; user: CurrentUser };

/**
 * Finance draws a batch: the draw from the year's filed self-evaluations of the district's projects
 * (every district's for the province's own batch), split into balanced groups.
 */
export async function createBatch(input: CreateBatchInput, { db, user }: ServiceContext) {
  const [year] = await db
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, input.year));
  if (!year) throw new AppError("VALIDATION", "VALIDATION", { year: ["fiscalYearUnknown"] });
  const districtId = creatingDistrictId(user);
  const candidates = await drawCandidates(db, input.year, user);
  const drawn = drawSample({
    candidates,
    sampleSize: input.sampleSize,
    seed: input.seed,
    minAmountFen: input.minAmount ? toFen(input.minAmount) : null,
    includeLastYearFail: input.includeLastYearFail,
    includeRedWarnings: input.includeRedWarnings,
    redWarningIds: input.includeRedWarnings ? await redWarningProjectIds(db, input.year) : new Set(),
  });
  if (!drawn.ok) {
    const message =
      drawn.error === "mustIncludeExceedsSize"
        ? { key: "errors.sampling.mustIncludeExceedsSize", values: { count: drawn.mustInclude } }
        : { key: "errors.sampling.sizeExceedsPopulation", values: { count: drawn.population } };
    throw new AppError("VALIDATION", "VALIDATION", { sampleSize: [message] });
  }
  if (input.groupCount > input.sampleSize) {
    throw new AppError("VALIDATION", "VALIDATION", { groupCount: ["sampling.moreGroupsThanProjects"] });
  }
  const [batch] = await db
    .insert(samplingBatches)
    .values({
      year: input.year,
      districtId,
      name: input.name,
      sampleSize: input.sampleSize,
      seed: input.seed,
      minAmount: input.minAmount ?? null,
      includeLastYearFail: input.includeLastYearFail,
      includeRedWarnings: input.includeRedWarnings,
      groupCount: input.groupCount,
      populationSize: drawn.population,
      createdBy: user.id,
    })
    .onConflictDoNothing()
    .returning({ id: samplingBatches.id });
  if (!batch) throw new AppError("VALIDATION", "VALIDATION", { name: ["sampling.batchNameTaken"] });
  const groups = await db
    .insert(samplingGroups)
    .values(
      Array.from({ length: input.groupCount }, (_, i) => ({
        batchId: batch.id,
        name: `G${i + 1}`,
        sortOrder: i,
      })),
    )
    .returning({ id: samplingGroups.id, sortOrder: samplingGroups.sortOrder });
  const groupAt = new Map(groups.map((g) => [g.sortOrder, g.id]));
  const funds = new Map(candidates.map((c) => [c.projectId, c.budgetFen]));
  const split = balanceGroups(
    drawn.selections.map((s) => ({ projectId: s.projectId, fundsFen: funds.get(s.projectId)! })),
    input.groupCount,
  );
  await db.insert(samplingSelections).values(
    drawn.selections.map((s, i) => ({
      batchId: batch.id,
      projectId: s.projectId,
      reason: s.reason,
      stratum: s.stratum,
      groupId: groupAt.get(split.get(s.projectId)!)!,
      sortOrder: i,
    })),
  );
  return { id: batch.id, selected: drawn.selections.length, mustInclude: drawn.mustInclude };
}

/**
 * DRAFT → STARTED: every group needs members and a lead; each selected project gets a SAMPLED
 * evaluation whose starting sheet copies the unit's self-evaluation lines (max points, actual value,
 * points), with the self-evaluation's budget and executed amounts.
 */
export async function startBatch(input: StartBatchInput, { db, user }: ServiceContext) {
  await actingBatch(db, user, input.batchId);
  const groups = await db
    .select({
      id: samplingGroups.id,
      sortOrder: samplingGroups.sortOrder,
      leadId: samplingGroups.leadId,
      members: sql<number>`(select count(*)::int from sampling_group_members m where m.group_id = "sampling_groups"."id")`,
    })
    .from(samplingGroups)
    .where(eq(samplingGroups.batchId, input.batchId))
    .orderBy(asc(samplingGroups.sortOrder));
  if (groups.length === 0) throw new AppError("NOT_FOUND");
  if (groups.some((g) => !g.leadId || Number(g.members) === 0)) {
    throw new AppError("INVALID_TRANSITION", "sampling.groupsIncomplete");
  }
  const [{ n: ungrouped } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(samplingSelections)
    .where(and(eq(samplingSelections.batchId, input.batchId), sql`${samplingSelections.groupId} is null`));
  if (Number(ungrouped) > 0) throw new AppError("INVALID_TRANSITION", "sampling.groupsIncomplete");
  const [batch] = await db
    .update(samplingBatches)
    .set({ status: "STARTED", startedAt: new Date(), version: sql`${samplingBatches.version} + 1` })
    .where(
      and(
        eq(samplingBatches.id, input.batchId),
        eq(samplingBatches.status, "DRAFT"),
        eq(samplingBatches.version, input.batchVersion),
      ),
    )
    .returning({ id: samplingBatches.id, version: samplingBatches.version, year: samplingBatches.year });
  if (!batch) throw new AppError("CONFLICT");
  const selected = await db
    .select({ projectId: samplingSelections.projectId })
    .from(samplingSelections)
    .where(eq(samplingSelections.batchId, batch.id));
  const created = await queryRows<{ id: string; projectId: string }>(
    db,
    sql`insert into ${evaluations} (type, year, project_id, batch_id, status, budget_total, executed_total)
      select 'SAMPLED', self_eval.year, self_eval.project_id, ${batch.id}, 'SCORING',
        self_eval.budget_total, self_eval.executed_total
      from ${evaluations} self_eval
      join ${samplingSelections} sel on sel.project_id = self_eval.project_id and sel.batch_id = ${batch.id}
      where self_eval.type = 'SELF'
      on conflict do nothing
      returning id, project_id as "projectId"`,
  );
  // A project sampled by another batch meanwhile, or without a self-evaluation: nothing half-started.
  if (created.length !== selected.length) throw new AppError("INVALID_TRANSITION", "sampling.alreadySampled");
  await copySelfLines(db, batch.id);
  await db.insert(evaluationTransitions).values(
    created.map((e) => ({
      evaluationId: e.id,
      fromStatus: null,
      toStatus: "SCORING" as const,
      actorId: user.id,
    })),
  );
  return { id: batch.id, version: batch.version, evaluations: created.length };
}

/**
 * STARTED → CLOSED: once every sampled project is settled and every department with sampled projects
 * has its published feedback.
 */
export async function closeBatch(input: CloseBatchInput, { db, user }: ServiceContext) {
  await actingBatch(db, user, input.batchId);
  const [open] = await queryRows<{ unsettled: number; unpublished: number }>(
    db,
    sql`select
      (select count(*)::int from ${samplingSelections} sel
         left join ${evaluations} e on e.project_id = sel.project_id and e.batch_id = sel.batch_id
         where sel.batch_id = ${input.batchId} and e.status is distinct from 'SETTLED') as unsettled,
      (select count(distinct p.department_id)::int from ${samplingSelections} sel
         join projects p on p.id = sel.project_id
         where sel.batch_id = ${input.batchId} and not exists (
           select 1 from sampling_feedback f where f.batch_id = sel.batch_id
             and f.department_id = p.department_id and f.status = 'PUBLISHED')) as unpublished`,
  );
  const [batch] = await db
    .select({ status: samplingBatches.status })
    .from(samplingBatches)
    .where(eq(samplingBatches.id, input.batchId));
  if (!batch) throw new AppError("NOT_FOUND");
  if (batch.status !== "STARTED") throw new AppError("INVALID_TRANSITION");
  if (Number(open?.unsettled) > 0 || Number(open?.unpublished) > 0) {
    throw new AppError("INVALID_TRANSITION", "sampling.cannotClose");
  }
  const [row] = await db
    .update(samplingBatches)
    .set({ status: "CLOSED", version: sql`${samplingBatches.version} + 1` })
    .where(
      and(
        eq(samplingBatches.id, input.batchId),
        eq(samplingBatches.status, "STARTED"),
        eq(samplingBatches.version, input.batchVersion),
      ),
    )
    .returning({ id: samplingBatches.id, version: samplingBatches.version });
  if (!row) throw new AppError("CONFLICT");
  return row;
}

/** The unit's lines as the reviewers' starting sheet; the reviewer's note starts blank. */
async function copySelfLines(db: DbOrTx, batchId: string) {
  const self = sql`(select id, project_id from ${evaluations} where type = 'SELF')`;
  await db.execute(sql`
    insert into ${evaluationScores} (evaluation_id, target_indicator_id, level1, level2, name, target_text,
      max_points, actual_value, points, note, sort_order)
    select sampled.id, s.target_indicator_id, s.level1, s.level2, s.name, s.target_text,
      s.max_points, s.actual_value, s.points, '', s.sort_order
    from ${evaluations} sampled
    join ${self} self_eval on self_eval.project_id = sampled.project_id
    join ${evaluationScores} s on s.evaluation_id = self_eval.id
    where sampled.type = 'SAMPLED' and sampled.batch_id = ${batchId}`);
}
