import "server-only";
import { eq } from "drizzle-orm";
import { notifyProjectHandoff } from "@/features/notifications/hand-offs";
import { notify } from "@/features/notifications/service";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import type { DbOrTx } from "@/server/db";
import { preAssessments } from "@/server/schema";
import {
  concludePreAssessment,
  createExpertGroup,
  markBudgeted,
  saveExpertReview,
} from "./re-evaluation-service";
import {
  concludeSchema,
  createExpertGroupSchema,
  expertReviewSchema,
  markBudgetedSchema,
  reviewDecisionSchema,
  savePreAssessmentSchema,
  type ConcludeInput,
  type CreateExpertGroupInput,
  type ExpertReviewInput,
  type MarkBudgetedInput,
  type ReviewDecisionInput,
  type SavePreAssessmentInput,
} from "./schemas";
import { reviewPreAssessment, savePreAssessment } from "./service";

// Definitions and bodies of the actions, outside the "use server" file so integration tests run
// exactly what the browser runs (runAction) with a user of their choosing.

const entity = (id: string) => ({ entityType: "pre_assessment", entityId: id });

/** A hand-off on a pre-assessment: who is told is read from its project (see notifyProjectHandoff). */
async function handoff(
  tx: DbOrTx,
  id: string,
  h: {
    to: "filers" | "approvers" | "finance";
    kind: "SUBMITTED" | "RETURNED" | "APPROVED";
    titleKey: string;
    reason?: string;
  },
) {
  const [pa] = await tx
    .select({ projectId: preAssessments.projectId })
    .from(preAssessments)
    .where(eq(preAssessments.id, id));
  if (!pa) return;
  await notifyProjectHandoff(tx, {
    projectId: pa.projectId,
    ...h,
    link: `/pre-assessments/${pa.projectId}`,
    entityType: "pre_assessment",
    entityId: id,
  });
}

export const savePreAssessmentDefinition = {
  name: "savePreAssessment",
  permission: "preAssessment.fill",
  schema: savePreAssessmentSchema,
} satisfies ActionDefinition<typeof savePreAssessmentSchema>;

export async function runSavePreAssessment(
  input: SavePreAssessmentInput,
  { user, tx, audit }: ActionContext,
) {
  const saved = await savePreAssessment(input, { db: tx, user });
  await audit({
    action: "preAssessment.saved",
    ...entity(saved.id),
    changes: { projectId: input.projectId },
  });
  if (saved.submitted) {
    await audit({
      action: "preAssessment.transitioned",
      ...entity(saved.id),
      changes: { from: "DRAFT_OR_RETURNED", to: "SUBMITTED" },
    });
    await handoff(tx, saved.id, { to: "approvers", kind: "SUBMITTED", titleKey: "preAssessmentSubmitted" });
  }
  return { id: saved.id, version: saved.version, status: saved.status };
}

const reviewRun =
  (level: "dept" | "finance") =>
  async (input: ReviewDecisionInput, { user, tx, audit }: ActionContext) => {
    const moved = await reviewPreAssessment(input, level, { db: tx, user });
    await audit({
      action: "preAssessment.transitioned",
      ...entity(moved.id),
      changes: { from: moved.from, to: moved.status, comment: input.comment },
    });
    // Returned → the unit with the reason; approved by the department → finance covering it.
    if (moved.status === "RETURNED")
      await handoff(tx, moved.id, {
        to: "filers",
        kind: "RETURNED",
        titleKey: "preAssessmentReturned",
        reason: input.comment ?? "",
      });
    if (moved.status === "DEPT_APPROVED")
      await handoff(tx, moved.id, { to: "finance", kind: "SUBMITTED", titleKey: "preAssessmentForwarded" });
    return { id: moved.id, version: moved.version, status: moved.status };
  };

export const deptReviewDefinition = {
  name: "deptReviewPreAssessment",
  permission: "preAssessment.deptReview",
  schema: reviewDecisionSchema,
} satisfies ActionDefinition<typeof reviewDecisionSchema>;
export const runDeptReview = reviewRun("dept");

export const financeReviewDefinition = {
  name: "financeReviewPreAssessment",
  permission: "preAssessment.financeReview",
  schema: reviewDecisionSchema,
} satisfies ActionDefinition<typeof reviewDecisionSchema>;
export const runFinanceReview = reviewRun("finance");

export const createExpertGroupDefinition = {
  name: "createExpertGroup",
  permission: "preAssessment.manageGroups",
  schema: createExpertGroupSchema,
} satisfies ActionDefinition<typeof createExpertGroupSchema>;

export async function runCreateExpertGroup(
  input: CreateExpertGroupInput,
  { user, tx, audit }: ActionContext,
) {
  const group = await createExpertGroup(input, { db: tx, user });
  await audit({
    action: "expertGroup.created",
    entityType: "expert_group",
    entityId: group.id,
    changes: input,
  });
  // The group's experts are told of their assignment (each sees only the groups they sit in).
  await notify(tx, {
    recipientIds: input.expertIds,
    kind: "ASSIGNED",
    titleKey: "expertGroupAssigned",
    params: { group: input.name, projects: String(group.projects) },
    link: "/pre-assessments/groups",
    entityType: "expert_group",
    entityId: group.id,
  });
  return group;
}

export const saveExpertReviewDefinition = {
  name: "saveExpertReview",
  permission: "preAssessment.score",
  schema: expertReviewSchema,
} satisfies ActionDefinition<typeof expertReviewSchema>;

export async function runSaveExpertReview(input: ExpertReviewInput, { user, tx, audit }: ActionContext) {
  const review = await saveExpertReview(input, { db: tx, user });
  await audit({
    action: review.submitted ? "expertReview.submitted" : "expertReview.saved",
    entityType: "expert_review",
    entityId: review.id,
    changes: { ...input },
  });
  return review;
}

export const concludeDefinition = {
  name: "concludePreAssessment",
  permission: "preAssessment.conclude",
  schema: concludeSchema,
} satisfies ActionDefinition<typeof concludeSchema>;

export async function runConclude(input: ConcludeInput, { user, tx, audit }: ActionContext) {
  const done = await concludePreAssessment(input, { db: tx, user });
  await audit({
    action: "preAssessment.concluded",
    ...entity(done.id),
    changes: {
      from: done.from,
      conclusion: input.conclusion,
      recommendedAmount: done.recommendedAmount,
      override: done.override,
      note: input.note,
    },
  });
  await handoff(tx, done.id, { to: "filers", kind: "APPROVED", titleKey: "preAssessmentConcluded" });
  await handoff(tx, done.id, { to: "approvers", kind: "APPROVED", titleKey: "preAssessmentConcluded" });
  return { id: done.id, version: done.version, projectId: done.projectId };
}

export const markBudgetedDefinition = {
  name: "markBudgeted",
  permission: "projects.markBudgeted",
  schema: markBudgetedSchema,
} satisfies ActionDefinition<typeof markBudgetedSchema>;

export async function runMarkBudgeted(input: MarkBudgetedInput, { user, tx, audit }: ActionContext) {
  const row = await markBudgeted(input, { db: tx, user });
  await audit({
    action: "project.budgeted",
    entityType: "project",
    entityId: row.id,
    changes: { stage: [row.from, "BUDGETED"] },
  });
  return row;
}
