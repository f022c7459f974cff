import "server-only";
import { notifyProjectHandoff } from "@/features/notifications/hand-offs";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { importScoresSchema, type ImportScoresInput } from "./import-schema";
import { importScores } from "./import-service";
import {
  openRoundSchema,
  reviewEvaluationSchema,
  saveEvaluationSchema,
  type OpenRoundInput,
  type ReviewEvaluationInput,
  type SaveEvaluationInput,
} from "./schemas";
import { openRound, reviewEvaluation, saveEvaluation, submitEvaluation } from "./service";

// Definitions and bodies live outside the "use server" file so integration tests run exactly what
// the browser runs (runAction), with a user of their choosing.

export const openSelfRoundDefinition = {
  name: "openSelfEvaluationRound",
  permission: "selfEvaluation.open",
  schema: openRoundSchema,
} satisfies ActionDefinition<typeof openRoundSchema>;

export async function runOpenSelfRound(input: OpenRoundInput, { user, tx, audit }: ActionContext) {
  const opened = await openRound(input, { db: tx, user });
  await audit({
    action: "selfEvaluation.roundOpened",
    entityType: "evaluation_round",
    entityId: opened.roundId,
    changes: { year: input.year, dueDate: input.dueDate, created: opened.created },
  });
  return opened;
}

export const saveSelfEvaluationDefinition = {
  name: "saveSelfEvaluation",
  permission: "selfEvaluation.fill",
  schema: saveEvaluationSchema,
} satisfies ActionDefinition<typeof saveEvaluationSchema>;

export async function runSaveSelfEvaluation(input: SaveEvaluationInput, { user, tx, audit }: ActionContext) {
  const saved = await saveEvaluation(input, { db: tx, user });
  await audit({
    action: "selfEvaluation.saved",
    entityType: "evaluation",
    entityId: saved.id,
    changes: { projectId: saved.projectId, version: saved.version, lines: saved.lines },
  });
  return saved;
}

export const submitSelfEvaluationDefinition = {
  name: "submitSelfEvaluation",
  permission: "selfEvaluation.fill",
  schema: saveEvaluationSchema,
} satisfies ActionDefinition<typeof saveEvaluationSchema>;

export async function runSubmitSelfEvaluation(
  input: SaveEvaluationInput,
  { user, tx, audit }: ActionContext,
) {
  const moved = await submitEvaluation(input, { db: tx, user });
  await audit({
    action: "selfEvaluation.transitioned",
    entityType: "evaluation",
    entityId: moved.id,
    changes: {
      transition: moved.transition,
      from: moved.from,
      to: moved.status,
      total: moved.total,
      grade: moved.grade,
    },
  });
  await notifyProjectHandoff(tx, {
    projectId: moved.projectId,
    to: "approvers",
    kind: "SUBMITTED",
    titleKey: "selfEvaluationSubmitted",
    link: `/self-evaluations/${moved.projectId}`,
    entityType: "evaluation",
    entityId: moved.id,
  });
  return moved;
}

const reviewBody = async (input: ReviewEvaluationInput, { user, tx, audit }: ActionContext) => {
  const moved = await reviewEvaluation(input, { db: tx, user });
  await audit({
    action: "selfEvaluation.transitioned",
    entityType: "evaluation",
    entityId: moved.id,
    changes: { transition: moved.transition, from: moved.from, to: moved.status, comment: moved.comment },
  });
  // Returned → the unit's filers with the reason; approved by the department → finance; received by
  // finance → the unit's filers.
  const handoff =
    moved.status === "RETURNED"
      ? ({ to: "filers", kind: "RETURNED", titleKey: "selfEvaluationReturned" } as const)
      : moved.status === "DEPT_APPROVED"
        ? ({ to: "finance", kind: "SUBMITTED", titleKey: "selfEvaluationForwarded" } as const)
        : moved.status === "RECEIVED"
          ? ({ to: "filers", kind: "APPROVED", titleKey: "selfEvaluationReceived" } as const)
          : null;
  if (handoff)
    await notifyProjectHandoff(tx, {
      projectId: moved.projectId,
      ...handoff,
      reason: moved.comment,
      link: `/self-evaluations/${moved.projectId}`,
      entityType: "evaluation",
      entityId: moved.id,
      digest: ({ departmentId, year }) =>
        `/self-evaluations?year=${year}&dept=${departmentId}&status=DEPT_APPROVED`,
    });
  return moved;
};

export const deptReviewSelfEvaluationDefinition = {
  name: "deptReviewSelfEvaluation",
  permission: "selfEvaluation.deptReview",
  schema: reviewEvaluationSchema,
} satisfies ActionDefinition<typeof reviewEvaluationSchema>;
export const runDeptReviewSelfEvaluation = reviewBody;

export const financeReviewSelfEvaluationDefinition = {
  name: "financeReviewSelfEvaluation",
  permission: "selfEvaluation.financeReview",
  schema: reviewEvaluationSchema,
} satisfies ActionDefinition<typeof reviewEvaluationSchema>;
export const runFinanceReviewSelfEvaluation = reviewBody;

export const importSelfScoresDefinition = {
  name: "importSelfEvaluationScores",
  permission: "selfEvaluation.fill",
  schema: importScoresSchema,
} satisfies ActionDefinition<typeof importScoresSchema>;

export async function runImportSelfScores(input: ImportScoresInput, { user, tx, audit }: ActionContext) {
  const result = await importScores(input, { db: tx, user });
  await audit({
    action: "selfEvaluation.imported",
    entityType: "evaluation",
    changes: { file: input.file.name, evaluations: result.evaluations, lines: result.lines },
  });
  return result;
}
