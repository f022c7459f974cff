import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  samplingBatches,
  samplingGroupMembers,
  samplingGroups,
  samplingSelections,
  users,
} from "@/server/schema";
import type { MoveProjectInput, SetGroupMembersInput } from "./schemas";
import { districtPeople } from "@/server/scope";
import { actingBatch } from "./scope";
import type { ServiceContext } from "./service";

// Before a batch starts, finance sets each group's members and lead and may move projects between
// groups. Every change bumps the batch's version, so two people editing the same batch never
// silently overwrite each other.

const REVIEWER_ROLES = ["FINANCE_REVIEWER", "EXPERT"] as const;

/** A draft batch of the given id at the version the user saw, bumped; else CONFLICT or not editable. */
async function bumpDraftBatch(db: DbOrTx, batchId: string, version: number) {
  const [batch] = await db
    .select({ status: samplingBatches.status })
    .from(samplingBatches)
    .where(eq(samplingBatches.id, batchId));
  if (!batch) throw new AppError("NOT_FOUND");
  if (batch.status !== "DRAFT") throw new AppError("INVALID_TRANSITION", "sampling.batchStarted");
  const [row] = await db
    .update(samplingBatches)
    .set({ version: sql`${samplingBatches.version} + 1` })
    .where(
      and(
        eq(samplingBatches.id, batchId),
        eq(samplingBatches.status, "DRAFT"),
        eq(samplingBatches.version, version),
      ),
    )
    .returning({ id: samplingBatches.id, version: samplingBatches.version });
  if (!row) throw new AppError("CONFLICT");
  return row;
}

/** Before the start: a group's members (reviewers and experts, each in one group of the batch) and lead. */
export async function setGroupMembers(input: SetGroupMembersInput, { db, user }: ServiceContext) {
  const memberIds = [...new Set(input.memberIds)];
  const [group] = await db
    .select({ id: samplingGroups.id, batchId: samplingGroups.batchId })
    .from(samplingGroups)
    .where(eq(samplingGroups.id, input.groupId));
  if (!group) throw new AppError("NOT_FOUND");
  await actingBatch(db, user, group.batchId);
  if (!memberIds.includes(input.leadId)) {
    throw new AppError("VALIDATION", "VALIDATION", { leadId: ["sampling.leadNotMember"] });
  }
  const people = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.id, memberIds),
        inArray(users.role, [...REVIEWER_ROLES]),
        eq(users.active, true),
        districtPeople(user),
      ),
    );
  if (people.length !== memberIds.length) {
    throw new AppError("VALIDATION", "VALIDATION", { memberIds: ["sampling.notReviewer"] });
  }
  const elsewhere = await db
    .select({ userId: samplingGroupMembers.userId })
    .from(samplingGroupMembers)
    .innerJoin(samplingGroups, eq(samplingGroups.id, samplingGroupMembers.groupId))
    .where(
      and(
        eq(samplingGroups.batchId, group.batchId),
        sql`${samplingGroups.id} <> ${group.id}`,
        inArray(samplingGroupMembers.userId, memberIds),
      ),
    );
  if (elsewhere.length > 0) {
    throw new AppError("VALIDATION", "VALIDATION", { memberIds: ["sampling.memberInOtherGroup"] });
  }
  const batch = await bumpDraftBatch(db, group.batchId, input.batchVersion);
  await db.delete(samplingGroupMembers).where(eq(samplingGroupMembers.groupId, group.id));
  await db.insert(samplingGroupMembers).values(memberIds.map((userId) => ({ groupId: group.id, userId })));
  await db.update(samplingGroups).set({ leadId: input.leadId }).where(eq(samplingGroups.id, group.id));
  return { batchId: group.batchId, groupId: group.id, version: batch.version, members: memberIds.length };
}

/** Before the start: move a selected project to another group of the same batch. */
export async function moveProject(input: MoveProjectInput, { db, user }: ServiceContext) {
  await actingBatch(db, user, input.batchId);
  const [target] = await db
    .select({ id: samplingGroups.id })
    .from(samplingGroups)
    .where(and(eq(samplingGroups.id, input.groupId), eq(samplingGroups.batchId, input.batchId)));
  if (!target) throw new AppError("VALIDATION", "VALIDATION", { groupId: ["sampling.groupNotInBatch"] });
  const [selection] = await db
    .select({ groupId: samplingSelections.groupId })
    .from(samplingSelections)
    .where(
      and(eq(samplingSelections.batchId, input.batchId), eq(samplingSelections.projectId, input.projectId)),
    );
  if (!selection) throw new AppError("NOT_FOUND");
  const batch = await bumpDraftBatch(db, input.batchId, input.batchVersion);
  await db
    .update(samplingSelections)
    .set({ groupId: target.id })
    .where(
      and(eq(samplingSelections.batchId, input.batchId), eq(samplingSelections.projectId, input.projectId)),
    );
  return { batchId: input.batchId, version: batch.version, from: selection.groupId, to: target.id };
}
