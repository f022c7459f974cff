"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  declareEngagementDefinition,
  engageAgencyDefinition,
  rateEngagementDefinition,
  reviewEngagementDefinition,
  runDeclareEngagement,
  runEngageAgency,
  runRateEngagement,
  runReviewEngagement,
  runSaveEngagementReport,
  saveEngagementReportDefinition,
} from "./definitions";

export type ThirdPartyFormState = ActionResult<unknown> | null;

const engageAction = authAction(engageAgencyDefinition, runEngageAgency);
const declareAction = authAction(declareEngagementDefinition, runDeclareEngagement);
const reportAction = authAction(saveEngagementReportDefinition, runSaveEngagementReport);
const reviewAction = authAction(reviewEngagementDefinition, runReviewEngagement);
const rateAction = authAction(rateEngagementDefinition, runRateEngagement);

export async function engageAgencyAction(
  prev: ThirdPartyFormState,
  form: FormData,
): Promise<ThirdPartyFormState> {
  const result = await engageAction(prev, form);
  if (!result.ok) return result;
  revalidatePath("/third-party");
  redirect(`/third-party/${result.data.evaluationId}?engaged=1`);
}

async function onEngagement(
  action: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>,
  prev: ThirdPartyFormState,
  form: FormData,
): Promise<ThirdPartyFormState> {
  const result = await action(prev, form);
  if (result.ok) {
    revalidatePath("/third-party");
    revalidatePath(`/third-party/${String(form.get("evaluationId") ?? "")}`);
  }
  return result;
}

export async function declareEngagementAction(prev: ThirdPartyFormState, form: FormData) {
  return onEngagement(declareAction, prev, form);
}
export async function saveEngagementReportAction(prev: ThirdPartyFormState, form: FormData) {
  return onEngagement(reportAction, prev, form);
}
export async function reviewEngagementAction(prev: ThirdPartyFormState, form: FormData) {
  return onEngagement(reviewAction, prev, form);
}
export async function rateEngagementAction(prev: ThirdPartyFormState, form: FormData) {
  const result = await onEngagement(rateAction, prev, form);
  if (result?.ok) revalidatePath("/agencies", "layout");
  return result;
}
