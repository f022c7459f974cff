"use server";

import { revalidatePath } from "next/cache";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  adjustTargetSheetDefinition,
  deptReviewTargetSheetDefinition,
  financeReviewTargetSheetDefinition,
  readIndicatorFileDefinition,
  runAdjustTargetSheet,
  runDeptReviewTargetSheet,
  runFinanceReviewTargetSheet,
  runReadIndicatorFile,
  runSaveTargetSheet,
  runSubmitTargetSheet,
  saveTargetSheetDefinition,
  submitTargetSheetDefinition,
} from "./definitions";

const save = authAction(saveTargetSheetDefinition, runSaveTargetSheet);
const submit = authAction(submitTargetSheetDefinition, runSubmitTargetSheet);
const deptReview = authAction(deptReviewTargetSheetDefinition, runDeptReviewTargetSheet);
const financeReview = authAction(financeReviewTargetSheetDefinition, runFinanceReviewTargetSheet);
const adjust = authAction(adjustTargetSheetDefinition, runAdjustTargetSheet);
const readIndicators = authAction(readIndicatorFileDefinition, runReadIndicatorFile);

export type SheetFormState = ActionResult<{ projectId: string; version: number; status: string }> | null;

/** The editor's one form: the pressed button's `intent` picks 保存 (draft) or 提交 (submit). */
export async function saveOrSubmitSheetAction(prev: SheetFormState, form: FormData): Promise<SheetFormState> {
  const result = form.get("intent") === "submit" ? await submit(prev, form) : await save(prev, form);
  if (result.ok) revalidatePath(`/targets/${result.data.projectId}`);
  return result as SheetFormState;
}

export type ReviewFormState = ActionResult<{ projectId: string }> | null;

export async function reviewSheetAction(prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const run = form.get("stage") === "finance" ? financeReview : deptReview;
  const result = await run(prev, form);
  if (result.ok) {
    revalidatePath(`/targets/${result.data.projectId}`);
    revalidatePath("/targets");
  }
  return result;
}

export async function adjustSheetAction(prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const result = await adjust(prev, form);
  if (result.ok) revalidatePath(`/targets/${result.data.projectId}`);
  return result;
}

export type IndicatorFileState = Awaited<ReturnType<typeof readIndicators>> | null;

/** 从模板导入指标: the rows of a filled template, or every bad row; the file is not sent back. */
export async function readIndicatorFileAction(
  prev: IndicatorFileState,
  form: FormData,
): Promise<IndicatorFileState> {
  const result = await readIndicators(prev, form);
  return result.ok ? result : { ...result, values: undefined };
}
