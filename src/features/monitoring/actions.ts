"use server";

import { revalidatePath } from "next/cache";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  answerNoticeDefinition,
  closeNoticeDefinition,
  deptReviewReportDefinition,
  financeReviewReportDefinition,
  importPaymentsDefinition,
  issueNoticeDefinition,
  openRoundDefinition,
  runAnswerNotice,
  runCloseNotice,
  runDeptReviewReport,
  runFinanceReviewReport,
  runImportPayments,
  runIssueNotice,
  runOpenRound,
  runSaveReport,
  saveReportDefinition,
} from "./definitions";

const open = authAction(openRoundDefinition, runOpenRound);
const save = authAction(saveReportDefinition, runSaveReport);
const deptReview = authAction(deptReviewReportDefinition, runDeptReviewReport);
const financeReview = authAction(financeReviewReportDefinition, runFinanceReviewReport);
const issue = authAction(issueNoticeDefinition, runIssueNotice);
const answer = authAction(answerNoticeDefinition, runAnswerNotice);
const close = authAction(closeNoticeDefinition, runCloseNotice);
const importRun = authAction(importPaymentsDefinition, runImportPayments);

export type MonitoringFormState = ActionResult<{ id: string }> | null;

export async function openRoundAction(
  prev: MonitoringFormState,
  form: FormData,
): Promise<MonitoringFormState> {
  const result = await open(prev, form);
  if (result.ok) revalidatePath("/monitoring");
  return result;
}

const touched = (reportId: string, projectId: string) => {
  revalidatePath(`/monitoring/reports/${reportId}`);
  revalidatePath(`/projects/${projectId}`);
};

export async function saveReportAction(
  prev: MonitoringFormState,
  form: FormData,
): Promise<MonitoringFormState> {
  const result = await save(prev, form);
  if (result.ok) touched(result.data.id, result.data.projectId);
  return result;
}

export async function reviewReportAction(
  prev: MonitoringFormState,
  form: FormData,
): Promise<MonitoringFormState> {
  const run = form.get("stage") === "finance" ? financeReview : deptReview;
  const result = await run(prev, form);
  if (result.ok) touched(result.data.id, result.data.projectId);
  return result;
}

export async function issueNoticeAction(
  prev: MonitoringFormState,
  form: FormData,
): Promise<MonitoringFormState> {
  const result = await issue(prev, form);
  if (result.ok) touched(result.data.reportId, result.data.projectId);
  return result;
}

export async function answerNoticeAction(
  prev: MonitoringFormState,
  form: FormData,
): Promise<MonitoringFormState> {
  const result = await answer(prev, form);
  if (result.ok) touched(result.data.reportId, result.data.projectId);
  return result;
}

export async function closeNoticeAction(
  prev: MonitoringFormState,
  form: FormData,
): Promise<MonitoringFormState> {
  const result = await close(prev, form);
  if (result.ok) touched(result.data.reportId, result.data.projectId);
  return result;
}

export type ImportState = Awaited<ReturnType<typeof importRun>> | null;

export async function importPaymentsAction(prev: ImportState, form: FormData): Promise<ImportState> {
  const result = await importRun(prev, form);
  if (result.ok && result.data.importId) revalidatePath("/monitoring/payments");
  // The file itself is not sent back to the form.
  return result.ok ? result : { ...result, values: undefined };
}
