"use server";

import { revalidatePath } from "next/cache";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  concludeDefinition,
  createExpertGroupDefinition,
  deptReviewDefinition,
  financeReviewDefinition,
  markBudgetedDefinition,
  runConclude,
  runCreateExpertGroup,
  runDeptReview,
  runFinanceReview,
  runMarkBudgeted,
  runSaveExpertReview,
  runSavePreAssessment,
  saveExpertReviewDefinition,
  savePreAssessmentDefinition,
} from "./definitions";

export type PreFormState = ActionResult<unknown> | null;

const save = authAction(savePreAssessmentDefinition, runSavePreAssessment);
const deptReview = authAction(deptReviewDefinition, runDeptReview);
const financeReview = authAction(financeReviewDefinition, runFinanceReview);
const createGroup = authAction(createExpertGroupDefinition, runCreateExpertGroup);
const expertReview = authAction(saveExpertReviewDefinition, runSaveExpertReview);
const conclude = authAction(concludeDefinition, runConclude);
const budgeted = authAction(markBudgetedDefinition, runMarkBudgeted);

// Revalidation happens after the transaction committed.
function refreshing(action: (prev: PreFormState, form: FormData) => Promise<ActionResult<unknown>>) {
  return async (prev: PreFormState, form: FormData): Promise<PreFormState> => {
    const result = await action(prev, form);
    if (result.ok) {
      revalidatePath("/pre-assessments", "layout");
      revalidatePath("/projects", "layout");
    }
    return result;
  };
}

export const savePreAssessmentAction = refreshing(save);
export const deptReviewAction = refreshing(deptReview);
export const financeReviewAction = refreshing(financeReview);
export const createExpertGroupAction = refreshing(createGroup);
export const saveExpertReviewAction = refreshing(expertReview);
export const concludeAction = refreshing(conclude);
export const markBudgetedAction = refreshing(budgeted);
