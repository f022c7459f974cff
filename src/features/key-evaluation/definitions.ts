import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import {
  createKeySchema,
  reviewKeySchema,
  saveKeySheetSchema,
  type CreateKeyInput,
  type ReviewKeyInput,
  type SaveKeySheetInput,
} from "./schemas";
import { createKeyEvaluations, reviewKeyEvaluation, saveKeySheet } from "./service";

// Definitions and bodies of the actions, outside the "use server" file so integration tests run
// exactly what the browser runs (runAction) with a user of their choosing.

export const createKeyDefinition = {
  name: "createKeyEvaluations",
  permission: "keyEvaluation.manage",
  schema: createKeySchema,
} satisfies ActionDefinition<typeof createKeySchema>;

export async function runCreateKey(input: CreateKeyInput, { user, tx, audit }: ActionContext) {
  const created = await createKeyEvaluations(input, { db: tx, user });
  for (const c of created)
    await audit({
      action: "keyEvaluation.created",
      entityType: "evaluation",
      entityId: c.id,
      changes: {
        year: input.year,
        projectId: c.projectId,
        reviewerIds: input.reviewerIds,
        leadId: input.leadId,
        dueDate: input.dueDate,
      },
    });
  return { ids: created.map((c) => c.id), year: input.year };
}

export const saveKeySheetDefinition = {
  name: "saveKeyEvaluationSheet",
  permission: "keyEvaluation.score",
  schema: saveKeySheetSchema,
} satisfies ActionDefinition<typeof saveKeySheetSchema>;

export async function runSaveKeySheet(input: SaveKeySheetInput, { user, tx, audit }: ActionContext) {
  const saved = await saveKeySheet(input, { db: tx, user });
  await audit({
    action: saved.submitted ? "keyEvaluation.submitted" : "keyEvaluation.saved",
    entityType: "evaluation",
    entityId: saved.id,
    changes: {
      lines: input.lines.map((l) => ({ id: l.id, points: l.points })),
      findings: input.findings.length,
      ...(saved.submitted
        ? {
            status: [saved.submitted.from, "SUBMITTED"],
            totalScore: saved.submitted.total,
            grade: saved.submitted.grade,
          }
        : {}),
    },
  });
  return { id: saved.id, version: saved.version, status: saved.status };
}

export const reviewKeyDefinition = {
  name: "reviewKeyEvaluation",
  permission: "keyEvaluation.manage",
  schema: reviewKeySchema,
} satisfies ActionDefinition<typeof reviewKeySchema>;

export async function runReviewKey(input: ReviewKeyInput, { user, tx, audit }: ActionContext) {
  const done = await reviewKeyEvaluation(input, { db: tx, user });
  await audit({
    action: input.decision === "RETURN" ? "keyEvaluation.returned" : "keyEvaluation.approved",
    entityType: "evaluation",
    entityId: done.id,
    changes: {
      status: ["SUBMITTED", done.status],
      reason: input.reason,
      ...(done.graded ? { totalScore: done.graded.total, grade: done.graded.grade } : {}),
    },
  });
  return { id: done.id, version: done.version, status: done.status };
}
