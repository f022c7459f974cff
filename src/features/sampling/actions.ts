"use server";

import { revalidatePath } from "next/cache";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  acknowledgeFeedbackDefinition,
  closeBatchDefinition,
  createBatchDefinition,
  moveProjectDefinition,
  runAcknowledgeFeedback,
  runCloseBatch,
  runCreateBatch,
  runMoveProject,
  runSaveFeedback,
  runSaveSampledScores,
  runSetGroupMembers,
  runStartBatch,
  saveFeedbackDefinition,
  saveSampledScoresDefinition,
  setGroupMembersDefinition,
  startBatchDefinition,
} from "./definitions";

export type SamplingFormState = ActionResult<unknown> | null;

const createBatch = authAction(createBatchDefinition, runCreateBatch);
const setMembers = authAction(setGroupMembersDefinition, runSetGroupMembers);
const move = authAction(moveProjectDefinition, runMoveProject);
const start = authAction(startBatchDefinition, runStartBatch);
const close = authAction(closeBatchDefinition, runCloseBatch);
const score = authAction(saveSampledScoresDefinition, runSaveSampledScores);
const feedback = authAction(saveFeedbackDefinition, runSaveFeedback);
const acknowledge = authAction(acknowledgeFeedbackDefinition, runAcknowledgeFeedback);

// Revalidation happens after the transaction committed.
function refreshing(action: (prev: SamplingFormState, form: FormData) => Promise<ActionResult<unknown>>) {
  return async (prev: SamplingFormState, form: FormData): Promise<SamplingFormState> => {
    const result = await action(prev, form);
    if (result.ok) {
      revalidatePath("/sampling", "layout");
      revalidatePath("/dashboard");
    }
    return result;
  };
}

export const createBatchAction = refreshing(createBatch);
export const setGroupMembersAction = refreshing(setMembers);
export const moveProjectAction = refreshing(move);
export const startBatchAction = refreshing(start);
export const closeBatchAction = refreshing(close);
export const saveSampledScoresAction = refreshing(score);
export const saveFeedbackAction = refreshing(feedback);
export const acknowledgeFeedbackAction = refreshing(acknowledge);
