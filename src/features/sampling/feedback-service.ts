import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { AppError, type FieldMessage } from "@/server/errors";
import {
  evaluations,
  projects,
  samplingBatches,
  samplingFeedback,
  samplingSelections,
} from "@/server/schema";
import type { AcknowledgeFeedbackInput, SaveFeedbackInput } from "./schemas";
import { actingBatch } from "./scope";
import type { ServiceContext } from "./service";

// 反馈意见: finance writes one per department of a started batch and publishes it once every sampled
// project of the department is settled; the department's approver acknowledges it.

export async function saveFeedback(input: SaveFeedbackInput, { db, user }: ServiceContext) {
  await actingBatch(db, user, input.batchId);
  const [batch] = await db
    .select({ status: samplingBatches.status })
    .from(samplingBatches)
    .where(eq(samplingBatches.id, input.batchId));
  if (!batch) throw new AppError("NOT_FOUND");
  if (batch.status === "DRAFT") throw new AppError("INVALID_TRANSITION", "sampling.batchNotStarted");
  const [counts] = await db
    .select({
      selected: sql<number>`count(*)::int`,
      open: sql<number>`count(*) filter (where ${evaluations.status} is distinct from 'SETTLED')::int`,
    })
    .from(samplingSelections)
    .innerJoin(projects, eq(projects.id, samplingSelections.projectId))
    .leftJoin(
      evaluations,
      and(eq(evaluations.projectId, projects.id), eq(evaluations.batchId, input.batchId)),
    )
    .where(and(eq(samplingSelections.batchId, input.batchId), eq(projects.departmentId, input.departmentId)));
  // A department without sampled projects in the batch has no feedback to receive.
  if (!counts || Number(counts.selected) === 0) throw new AppError("NOT_FOUND");
  if (input.publish) {
    const errors: Record<string, FieldMessage[]> = {};
    if (!input.problems) errors.problems = ["sampling.problemsRequired"];
    if (!input.requirements) errors.requirements = ["sampling.requirementsRequired"];
    if (Object.keys(errors).length) throw new AppError("VALIDATION", "VALIDATION", errors);
    if (Number(counts.open) > 0) throw new AppError("INVALID_TRANSITION", "sampling.notAllSettled");
  }
  const now = new Date();
  const values = {
    problems: input.problems,
    requirements: input.requirements,
    updatedAt: now,
    ...(input.publish ? { status: "PUBLISHED" as const, publishedBy: user.id, publishedAt: now } : {}),
  };
  const [existing] = await db
    .select({ id: samplingFeedback.id, status: samplingFeedback.status })
    .from(samplingFeedback)
    .where(
      and(eq(samplingFeedback.batchId, input.batchId), eq(samplingFeedback.departmentId, input.departmentId)),
    );
  if (!existing) {
    if (input.version !== 0) throw new AppError("CONFLICT");
    const [row] = await db
      .insert(samplingFeedback)
      .values({ ...values, batchId: input.batchId, departmentId: input.departmentId })
      .onConflictDoNothing()
      .returning({
        id: samplingFeedback.id,
        version: samplingFeedback.version,
        status: samplingFeedback.status,
      });
    if (!row) throw new AppError("CONFLICT");
    return row;
  }
  if (existing.status === "PUBLISHED") throw new AppError("INVALID_TRANSITION", "sampling.feedbackPublished");
  const [row] = await db
    .update(samplingFeedback)
    .set({ ...values, version: sql`${samplingFeedback.version} + 1` })
    .where(
      and(
        eq(samplingFeedback.id, existing.id),
        eq(samplingFeedback.status, "DRAFT"),
        eq(samplingFeedback.version, input.version),
      ),
    )
    .returning({
      id: samplingFeedback.id,
      version: samplingFeedback.version,
      status: samplingFeedback.status,
    });
  if (!row) throw new AppError("CONFLICT");
  return row;
}

/** The department's approver acknowledges its published feedback; another department's is not found. */
export async function acknowledgeFeedback(input: AcknowledgeFeedbackInput, { db, user }: ServiceContext) {
  if (!user.departmentId) throw new AppError("NOT_FOUND");
  const [fb] = await db
    .select({ id: samplingFeedback.id, acknowledgedAt: samplingFeedback.acknowledgedAt })
    .from(samplingFeedback)
    .where(
      and(
        eq(samplingFeedback.id, input.id),
        eq(samplingFeedback.departmentId, user.departmentId),
        eq(samplingFeedback.status, "PUBLISHED"),
      ),
    );
  if (!fb) throw new AppError("NOT_FOUND");
  if (fb.acknowledgedAt) throw new AppError("INVALID_TRANSITION", "sampling.alreadyAcknowledged");
  const [row] = await db
    .update(samplingFeedback)
    .set({
      acknowledgedBy: user.id,
      acknowledgedAt: new Date(),
      version: sql`${samplingFeedback.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(samplingFeedback.id, fb.id),
        eq(samplingFeedback.version, input.version),
        isNull(samplingFeedback.acknowledgedAt),
      ),
    )
    .returning({ id: samplingFeedback.id, version: samplingFeedback.version });
  if (!row) throw new AppError("CONFLICT");
  return row;
}
