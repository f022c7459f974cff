import "server-only";
import { notifyProjectHandoff } from "@/features/notifications/hand-offs";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { readIndicatorFile } from "./indicator-import-service";
import {
  adjustSheetSchema,
  readIndicatorFileSchema,
  reviewSheetSchema,
  saveSheetSchema,
  type AdjustSheetInput,
  type ReadIndicatorFileInput,
  type ReviewSheetInput,
  type SaveSheetInput,
} from "./schemas";
import { adjustSheet, reviewSheet, saveSheet, submitSheet } from "./service";

// Definitions and bodies live outside the "use server" file so integration tests run exactly what
// the browser runs (runAction), with a user of their choosing.

export const saveTargetSheetDefinition = {
  name: "saveTargetSheet",
  permission: "targets.fill",
  schema: saveSheetSchema,
} satisfies ActionDefinition<typeof saveSheetSchema>;

export async function runSaveTargetSheet(input: SaveSheetInput, { user, tx, audit }: ActionContext) {
  const saved = await saveSheet(input, { db: tx, user });
  await audit({
    action: "targetSheet.saved",
    entityType: "target_sheet",
    entityId: saved.sheetId,
    changes: { projectId: saved.projectId, rows: saved.rows, version: saved.version },
  });
  return saved;
}

export const submitTargetSheetDefinition = {
  name: "submitTargetSheet",
  permission: "targets.fill",
  schema: saveSheetSchema,
} satisfies ActionDefinition<typeof saveSheetSchema>;

export async function runSubmitTargetSheet(input: SaveSheetInput, { user, tx, audit }: ActionContext) {
  const moved = await submitSheet(input, { db: tx, user });
  await audit({
    action: "targetSheet.transitioned",
    entityType: "target_sheet",
    entityId: moved.id,
    changes: {
      transition: moved.transition,
      from: moved.from,
      to: moved.status,
      rows: input.indicators.length,
    },
  });
  if (moved.status === "SUBMITTED")
    await notifyProjectHandoff(tx, {
      projectId: input.projectId,
      to: "approvers",
      kind: "SUBMITTED",
      titleKey: "targetSheetSubmitted",
      link: `/targets/${input.projectId}`,
      entityType: "target_sheet",
      entityId: moved.id,
    });
  return { ...moved, projectId: input.projectId };
}

const reviewBody = async (input: ReviewSheetInput, { user, tx, audit }: ActionContext) => {
  const moved = await reviewSheet(input, { db: tx, user });
  await audit({
    action: "targetSheet.transitioned",
    entityType: "target_sheet",
    entityId: moved.id,
    changes: { transition: moved.transition, from: moved.from, to: moved.status, comment: moved.comment },
  });
  // Returned → the unit's filers with the reason; approved by the department → finance; approved by
  // finance → the unit's filers.
  const handoff =
    moved.status === "RETURNED"
      ? ({ to: "filers", kind: "RETURNED", titleKey: "targetSheetReturned" } as const)
      : moved.status === "DEPT_APPROVED"
        ? ({ to: "finance", kind: "SUBMITTED", titleKey: "targetSheetForwarded" } as const)
        : moved.status === "APPROVED"
          ? ({ to: "filers", kind: "APPROVED", titleKey: "targetSheetApproved" } as const)
          : null;
  if (handoff)
    await notifyProjectHandoff(tx, {
      projectId: moved.projectId,
      ...handoff,
      reason: moved.comment,
      link: `/targets/${moved.projectId}`,
      entityType: "target_sheet",
      entityId: moved.id,
      digest: ({ departmentId, year }) => `/targets?year=${year}&dept=${departmentId}&status=DEPT_APPROVED`,
    });
  return moved;
};

export const deptReviewTargetSheetDefinition = {
  name: "deptReviewTargetSheet",
  permission: "targets.deptReview",
  schema: reviewSheetSchema,
} satisfies ActionDefinition<typeof reviewSheetSchema>;
export const runDeptReviewTargetSheet = reviewBody;

export const financeReviewTargetSheetDefinition = {
  name: "financeReviewTargetSheet",
  permission: "targets.financeReview",
  schema: reviewSheetSchema,
} satisfies ActionDefinition<typeof reviewSheetSchema>;
export const runFinanceReviewTargetSheet = reviewBody;

export const adjustTargetSheetDefinition = {
  name: "adjustTargetSheet",
  permission: "targets.fill",
  schema: adjustSheetSchema,
} satisfies ActionDefinition<typeof adjustSheetSchema>;

export async function runAdjustTargetSheet(input: AdjustSheetInput, { user, tx, audit }: ActionContext) {
  const created = await adjustSheet(input, { db: tx, user });
  await audit({
    action: "targetSheet.adjusted",
    entityType: "target_sheet",
    entityId: created.id,
    changes: { supersedesId: created.supersedesId, versionNo: created.versionNo },
  });
  return created;
}

export const readIndicatorFileDefinition = {
  name: "readTargetIndicatorFile",
  permission: "targets.fill",
  schema: readIndicatorFileSchema,
} satisfies ActionDefinition<typeof readIndicatorFileSchema>;

/** Reading a file changes no record: no audit row (the save that follows is audited). */
export async function runReadIndicatorFile(input: ReadIndicatorFileInput, { user, tx }: ActionContext) {
  return readIndicatorFile(input, { db: tx, user });
}
