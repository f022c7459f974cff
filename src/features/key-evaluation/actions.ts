"use server";

import { revalidatePath } from "next/cache";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  createKeyDefinition,
  reviewKeyDefinition,
  runCreateKey,
  runReviewKey,
  runSaveKeySheet,
  saveKeySheetDefinition,
} from "./definitions";

export type KeyFormState = ActionResult<unknown> | null;

const create = authAction(createKeyDefinition, runCreateKey);
const save = authAction(saveKeySheetDefinition, runSaveKeySheet);
const review = authAction(reviewKeyDefinition, runReviewKey);

// Revalidation happens after the transaction committed.
function refreshing(action: (prev: KeyFormState, form: FormData) => Promise<ActionResult<unknown>>) {
  return async (prev: KeyFormState, form: FormData): Promise<KeyFormState> => {
    const result = await action(prev, form);
    if (result.ok) {
      revalidatePath("/key-evaluations", "layout");
      revalidatePath("/projects", "layout");
    }
    return result;
  };
}

export const createKeyEvaluationsAction = refreshing(create);
export const saveKeySheetAction = refreshing(save);
export const reviewKeyEvaluationAction = refreshing(review);
