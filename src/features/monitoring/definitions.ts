import "server-only";
import { notifyProjectHandoff } from "@/features/notifications/hand-offs";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { answerNotice, closeNotice, issueNotice } from "./notice-service";
import { importPayments } from "./payments-service";
import {
  answerNoticeSchema,
  closeNoticeSchema,
  importPaymentsSchema,
  issueNoticeSchema,
  openRoundSchema,
  reviewReportSchema,
  saveReportSchema,
  type AnswerNoticeInput,
  type CloseNoticeInput,
  type ImportPaymentsInput,
  type IssueNoticeInput,
  type OpenRoundInput,
  type ReviewReportInput,
  type SaveReportInput,
} from "./schemas";
import { openRound } from "./round-service";
import { reviewReport, saveReport } from "./service";

// Definitions and bodies live outside the "use server" file so integration tests run exactly what
// the browser runs (runAction), with a user of their choosing.

export const openRoundDefinition = {
  name: "openMonitoringRound",
  permission: "monitoring.manageRounds",
  schema: openRoundSchema,
} satisfies ActionDefinition<typeof openRoundSchema>;

export async function runOpenRound(input: OpenRoundInput, { user, tx, audit }: ActionContext) {
  const round = await openRound(input, { db: tx, user });
  await audit({
    action: "monitoringRound.opened",
    entityType: "monitoring_round",
    entityId: round.id,
    changes: {
      year: input.year,
      name: input.name,
      periodMonths: input.periodMonths,
      dueDate: input.dueDate,
      scopeRule: input.scopeRule,
      minAmount: round.minAmount,
      departmentIds: round.departmentIds,
      reports: round.reports,
    },
  });
  return round;
}

export const saveReportDefinition = {
  name: "saveMonitoringReport",
  permission: "monitoring.fill",
  schema: saveReportSchema,
} satisfies ActionDefinition<typeof saveReportSchema>;

export async function runSaveReport(input: SaveReportInput, { user, tx, audit }: ActionContext) {
  const saved = await saveReport(input, { db: tx, user });
  await audit({
    action: saved.transition === "submit" ? "monitoringReport.transitioned" : "monitoringReport.saved",
    entityType: "monitoring_report",
    entityId: saved.id,
    changes: {
      transition: saved.transition,
      status: saved.status,
      executed: [input.executedCurrent, input.executedCarryover, input.executedOther],
      likelihood: input.likelihood ?? null,
    },
  });
  if (saved.transition === "submit")
    await notifyProjectHandoff(tx, {
      projectId: saved.projectId,
      to: "approvers",
      kind: "SUBMITTED",
      titleKey: "monitoringReportSubmitted",
      link: `/monitoring/reports/${saved.id}`,
      entityType: "monitoring_report",
      entityId: saved.id,
    });
  return saved;
}

const reviewBody = async (input: ReviewReportInput, { user, tx, audit }: ActionContext) => {
  const moved = await reviewReport(input, { db: tx, user });
  await audit({
    action: "monitoringReport.transitioned",
    entityType: "monitoring_report",
    entityId: moved.id,
    changes: { transition: moved.transition, from: moved.from, to: moved.status, comment: moved.comment },
  });
  // Returned → the unit with the reason; approved by the department → finance covering it.
  const handoff =
    moved.status === "RETURNED"
      ? ({ to: "filers", kind: "RETURNED", titleKey: "monitoringReportReturned" } as const)
      : moved.status === "DEPT_APPROVED"
        ? ({ to: "finance", kind: "SUBMITTED", titleKey: "monitoringReportForwarded" } as const)
        : null;
  if (handoff)
    await notifyProjectHandoff(tx, {
      projectId: moved.projectId,
      ...handoff,
      reason: moved.comment,
      link: `/monitoring/reports/${moved.id}`,
      entityType: "monitoring_report",
      entityId: moved.id,
      digest: ({ departmentId }) =>
        `/monitoring/rounds/${moved.roundId}?dept=${departmentId}&status=DEPT_APPROVED`,
    });
  return moved;
};

export const deptReviewReportDefinition = {
  name: "deptReviewMonitoringReport",
  permission: "monitoring.deptReview",
  schema: reviewReportSchema,
} satisfies ActionDefinition<typeof reviewReportSchema>;
export const runDeptReviewReport = reviewBody;

export const financeReviewReportDefinition = {
  name: "financeReviewMonitoringReport",
  permission: "monitoring.financeReview",
  schema: reviewReportSchema,
} satisfies ActionDefinition<typeof reviewReportSchema>;
export const runFinanceReviewReport = reviewBody;

export const issueNoticeDefinition = {
  name: "issueMonitoringNotice",
  permission: "monitoring.respond",
  schema: issueNoticeSchema,
} satisfies ActionDefinition<typeof issueNoticeSchema>;

export async function runIssueNotice(input: IssueNoticeInput, { user, tx, audit }: ActionContext) {
  const notice = await issueNotice(input, { db: tx, user });
  await audit({
    action: "monitoringNotice.issued",
    entityType: "monitoring_notice",
    entityId: notice.id,
    changes: {
      reportId: notice.reportId,
      kind: notice.kind,
      dueDate: input.dueDate ?? null,
      targetSheetId: notice.targetSheetId,
    },
  });
  if (notice.targetSheetId) {
    await audit({
      action: "targetSheet.adjusted",
      entityType: "target_sheet",
      entityId: notice.targetSheetId,
      changes: { noticeId: notice.id },
    });
  }
  // The unit (and its department) must answer the notice: a to-do for them, on the report's page.
  for (const to of ["filers", "approvers"] as const)
    await notifyProjectHandoff(tx, {
      projectId: notice.projectId,
      to,
      kind: "ASSIGNED",
      titleKey: "monitoringNoticeIssued",
      link: `/monitoring/reports/${notice.reportId}`,
      entityType: "monitoring_notice",
      entityId: notice.id,
    });
  return notice;
}

export const answerNoticeDefinition = {
  name: "answerMonitoringNotice",
  permission: "monitoring.answerNotice",
  schema: answerNoticeSchema,
} satisfies ActionDefinition<typeof answerNoticeSchema>;

export async function runAnswerNotice(input: AnswerNoticeInput, { user, tx, audit }: ActionContext) {
  const moved = await answerNotice(input, { db: tx, user });
  await audit({
    action: "monitoringNotice.answered",
    entityType: "monitoring_notice",
    entityId: moved.id,
    changes: { from: moved.from, to: moved.status },
  });
  await notifyProjectHandoff(tx, {
    projectId: moved.projectId,
    to: "finance",
    kind: "SUBMITTED",
    titleKey: "monitoringNoticeAnswered",
    link: `/monitoring/reports/${moved.reportId}`,
    entityType: "monitoring_notice",
    entityId: moved.id,
  });
  return moved;
}

export const closeNoticeDefinition = {
  name: "closeMonitoringNotice",
  permission: "monitoring.respond",
  schema: closeNoticeSchema,
} satisfies ActionDefinition<typeof closeNoticeSchema>;

export async function runCloseNotice(input: CloseNoticeInput, { user, tx, audit }: ActionContext) {
  const moved = await closeNotice(input, { db: tx, user });
  await audit({
    action: input.decision === "close" ? "monitoringNotice.closed" : "monitoringNotice.reopened",
    entityType: "monitoring_notice",
    entityId: moved.id,
    changes: { from: moved.from, to: moved.status, note: input.note },
  });
  return moved;
}

export const importPaymentsDefinition = {
  name: "importTreasuryPayments",
  permission: "monitoring.importPayments",
  schema: importPaymentsSchema,
} satisfies ActionDefinition<typeof importPaymentsSchema>;

export async function runImportPayments(input: ImportPaymentsInput, { user, tx, audit }: ActionContext) {
  const result = await importPayments(input, { db: tx, user });
  if (result.importId) {
    await audit({
      action: "payments.imported",
      entityType: "payment_import",
      entityId: result.importId,
      changes: { year: result.year, filename: result.filename, rows: result.count, total: result.total },
    });
  }
  return result;
}
