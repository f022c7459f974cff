import "server-only";
import { eq } from "drizzle-orm";
import { departmentRecipients, financeRecipients, notify } from "@/features/notifications/service";
import { samplingBatches, samplingFeedback, samplingGroups } from "@/server/schema";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { acknowledgeFeedback, saveFeedback } from "./feedback-service";
import {
  acknowledgeFeedbackSchema,
  closeBatchSchema,
  createBatchSchema,
  moveProjectSchema,
  saveFeedbackSchema,
  saveSampledScoresSchema,
  setGroupMembersSchema,
  startBatchSchema,
  type AcknowledgeFeedbackInput,
  type CloseBatchInput,
  type CreateBatchInput,
  type MoveProjectInput,
  type SaveFeedbackInput,
  type SaveSampledScoresInput,
  type SetGroupMembersInput,
  type StartBatchInput,
} from "./schemas";
import { saveSampledScores } from "./scoring-service";
import { moveProject, setGroupMembers } from "./groups-service";
import { closeBatch, createBatch, startBatch } from "./service";

// Definitions and bodies of the actions, outside the "use server" file so integration tests run
// exactly what the browser runs (runAction) with a user of their choosing.

const batchEntity = (id: string) => ({ entityType: "sampling_batch", entityId: id });

export const createBatchDefinition = {
  name: "createSamplingBatch",
  permission: "sampling.manage",
  schema: createBatchSchema,
} satisfies ActionDefinition<typeof createBatchSchema>;

export async function runCreateBatch(input: CreateBatchInput, { user, tx, audit }: ActionContext) {
  const batch = await createBatch(input, { db: tx, user });
  await audit({ action: "samplingBatch.created", ...batchEntity(batch.id), changes: { ...input, ...batch } });
  return batch;
}

export const setGroupMembersDefinition = {
  name: "setSamplingGroupMembers",
  permission: "sampling.manage",
  schema: setGroupMembersSchema,
} satisfies ActionDefinition<typeof setGroupMembersSchema>;

export async function runSetGroupMembers(input: SetGroupMembersInput, { user, tx, audit }: ActionContext) {
  const done = await setGroupMembers(input, { db: tx, user });
  await audit({
    action: "samplingBatch.groupChanged",
    ...batchEntity(done.batchId),
    changes: { groupId: input.groupId, leadId: input.leadId, memberIds: input.memberIds },
  });
  // Each member is told once per group (saving the group again tells only newcomers).
  const [group] = await tx
    .select({ name: samplingGroups.name, batchName: samplingBatches.name })
    .from(samplingGroups)
    .innerJoin(samplingBatches, eq(samplingBatches.id, samplingGroups.batchId))
    .where(eq(samplingGroups.id, input.groupId));
  for (const userId of new Set(input.memberIds))
    await notify(tx, {
      recipientIds: [userId],
      kind: "ASSIGNED",
      titleKey: "samplingGroupAssigned",
      params: { group: group?.name ?? "", batch: group?.batchName ?? "" },
      link: `/sampling/${done.batchId}`,
      entityType: "sampling_batch",
      entityId: done.batchId,
      dedupeKey: `sampling-group:${input.groupId}`,
    });
  return done;
}

export const moveProjectDefinition = {
  name: "moveSampledProject",
  permission: "sampling.manage",
  schema: moveProjectSchema,
} satisfies ActionDefinition<typeof moveProjectSchema>;

export async function runMoveProject(input: MoveProjectInput, { user, tx, audit }: ActionContext) {
  const done = await moveProject(input, { db: tx, user });
  await audit({
    action: "samplingBatch.projectMoved",
    ...batchEntity(done.batchId),
    changes: { projectId: input.projectId, groupId: [done.from, done.to] },
  });
  return done;
}

export const startBatchDefinition = {
  name: "startSamplingBatch",
  permission: "sampling.manage",
  schema: startBatchSchema,
} satisfies ActionDefinition<typeof startBatchSchema>;

export async function runStartBatch(input: StartBatchInput, { user, tx, audit }: ActionContext) {
  const done = await startBatch(input, { db: tx, user });
  await audit({
    action: "samplingBatch.started",
    ...batchEntity(done.id),
    changes: { status: ["DRAFT", "STARTED"], evaluations: done.evaluations },
  });
  return done;
}

export const closeBatchDefinition = {
  name: "closeSamplingBatch",
  permission: "sampling.manage",
  schema: closeBatchSchema,
} satisfies ActionDefinition<typeof closeBatchSchema>;

export async function runCloseBatch(input: CloseBatchInput, { user, tx, audit }: ActionContext) {
  const done = await closeBatch(input, { db: tx, user });
  await audit({
    action: "samplingBatch.closed",
    ...batchEntity(done.id),
    changes: { status: ["STARTED", "CLOSED"] },
  });
  return done;
}

export const saveSampledScoresDefinition = {
  name: "saveSampledScores",
  permission: "sampling.score",
  schema: saveSampledScoresSchema,
} satisfies ActionDefinition<typeof saveSampledScoresSchema>;

export async function runSaveSampledScores(
  input: SaveSampledScoresInput,
  { user, tx, audit }: ActionContext,
) {
  const saved = await saveSampledScores(input, { db: tx, user });
  await audit({
    action: saved.settled ? "sampledEvaluation.settled" : "sampledEvaluation.saved",
    entityType: "evaluation",
    entityId: saved.id,
    changes: {
      lines: input.lines.map((l) => ({ id: l.id, points: l.points })),
      ...(saved.settled ? { status: ["SCORING", "SETTLED"], ...saved.settled } : {}),
    },
  });
  return { id: saved.id, version: saved.version, status: saved.status };
}

async function batchName(tx: ActionContext["tx"], batchId: string) {
  const [b] = await tx
    .select({ name: samplingBatches.name })
    .from(samplingBatches)
    .where(eq(samplingBatches.id, batchId));
  return b?.name ?? "";
}

export const saveFeedbackDefinition = {
  name: "saveSamplingFeedback",
  permission: "sampling.feedback",
  schema: saveFeedbackSchema,
} satisfies ActionDefinition<typeof saveFeedbackSchema>;

export async function runSaveFeedback(input: SaveFeedbackInput, { user, tx, audit }: ActionContext) {
  const saved = await saveFeedback(input, { db: tx, user });
  await audit({
    action: input.publish ? "samplingFeedback.published" : "samplingFeedback.saved",
    entityType: "sampling_feedback",
    entityId: saved.id,
    changes: { batchId: input.batchId, departmentId: input.departmentId, status: saved.status },
  });
  // Published feedback goes to the department's approvers, who acknowledge it.
  if (saved.status === "PUBLISHED")
    await notify(tx, {
      recipientIds: await departmentRecipients(tx, input.departmentId, null),
      kind: "ASSIGNED",
      titleKey: "samplingFeedbackPublished",
      params: { batch: await batchName(tx, input.batchId) },
      link: `/sampling/${input.batchId}/feedback/${input.departmentId}`,
      entityType: "sampling_feedback",
      entityId: saved.id,
    });
  return saved;
}

export const acknowledgeFeedbackDefinition = {
  name: "acknowledgeSamplingFeedback",
  permission: "sampling.acknowledge",
  schema: acknowledgeFeedbackSchema,
} satisfies ActionDefinition<typeof acknowledgeFeedbackSchema>;

export async function runAcknowledgeFeedback(
  input: AcknowledgeFeedbackInput,
  { user, tx, audit }: ActionContext,
) {
  const done = await acknowledgeFeedback(input, { db: tx, user });
  await audit({
    action: "samplingFeedback.acknowledged",
    entityType: "sampling_feedback",
    entityId: done.id,
  });
  const [fb] = await tx
    .select({ batchId: samplingFeedback.batchId, departmentId: samplingFeedback.departmentId })
    .from(samplingFeedback)
    .where(eq(samplingFeedback.id, done.id));
  if (fb)
    await notify(tx, {
      recipientIds: await financeRecipients(tx, fb.departmentId),
      kind: "APPROVED",
      titleKey: "samplingFeedbackAcknowledged",
      params: { batch: await batchName(tx, fb.batchId), department: user.orgName ?? "" },
      link: `/sampling/${fb.batchId}/feedback/${fb.departmentId}`,
      entityType: "sampling_feedback",
      entityId: done.id,
    });
  return done;
}
