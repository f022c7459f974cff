"use server";

import { revalidatePath } from "next/cache";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  deptReviewSelfEvaluationDefinition,
  financeReviewSelfEvaluationDefinition,
  importSelfScoresDefinition,
  openSelfRoundDefinition,
  runDeptReviewSelfEvaluation,
  runFinanceReviewSelfEvaluation,
  runImportSelfScores,
  runOpenSelfRound,
  runSaveSelfEvaluation,
  runSubmitSelfEvaluation,
  saveSelfEvaluationDefinition,
  submitSelfEvaluationDefinition,
} from "./definitions";

const save = authAction(saveSelfEvaluationDefinition, runSaveSelfEvaluation);
const submit = authAction(submitSelfEvaluationDefinition, runSubmitSelfEvaluation);
const deptReview = authAction(deptReviewSelfEvaluationDefinition, runDeptReviewSelfEvaluation);
const financeReview = authAction(financeReviewSelfEvaluationDefinition, runFinanceReviewSelfEvaluation);
const open = authAction(openSelfRoundDefinition, runOpenSelfRound);
const importScores = authAction(importSelfScoresDefinition, runImportSelfScores);

export type EvaluationFormState = ActionResult<{ projectId: string; version: number; status: string }> | null;

/** The form's one action: the pressed button's `intent` picks 保存草稿 or 提交. */
export async function saveOrSubmitEvaluationAction(
  prev: EvaluationFormState,
  form: FormData,
): Promise<EvaluationFormState> {
  const result = form.get("intent") === "submit" ? await submit(prev, form) : await save(prev, form);
  if (result.ok) {
    revalidatePath(`/self-evaluations/${result.data.projectId}`);
    revalidatePath("/self-evaluations");
  }
  return result as EvaluationFormState;
}

export type ReviewFormState = ActionResult<{ projectId: string }> | null;

export async function reviewEvaluationAction(
  prev: ReviewFormState,
  form: FormData,
): Promise<ReviewFormState> {
  const run = form.get("stage") === "finance" ? financeReview : deptReview;
  const result = await run(prev, form);
  if (result.ok) {
    revalidatePath(`/self-evaluations/${result.data.projectId}`);
    revalidatePath("/self-evaluations");
  }
  return result;
}

export type OpenRoundState = ActionResult<{ year: number; created: number }> | null;

export async function openRoundAction(prev: OpenRoundState, form: FormData): Promise<OpenRoundState> {
  const result = await open(prev, form);
  if (result.ok) revalidatePath("/self-evaluations");
  return result;
}

export type ImportState = Awaited<ReturnType<typeof importScores>> | null;

export async function importScoresAction(prev: ImportState, form: FormData): Promise<ImportState> {
  const result = await importScores(prev, form);
  if (result.ok) revalidatePath("/self-evaluations");
  // The uploaded file is not sent back to the browser.
  return result.ok ? result : { ...result, values: undefined };
}
