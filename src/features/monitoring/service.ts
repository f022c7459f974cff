import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { fenToYuanString, sumYuan, toFen } from "@/domain/money";
import type { DbOrTx } from "@/server/db";
import { AppError, type FieldMessage } from "@/server/errors";
import {
  monitoringProgress,
  monitoringReports,
  monitoringReportTransitions,
  monitoringRounds,
  projects,
  targetIndicators,
  targetSheets,
  treasuryPayments,
} from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import type { FundingSource, ReportStatus } from "./constants";
import {
  EDITABLE_REPORT_STATUSES,
  reportReviewTransition,
  reportTransitionByName,
  type ReportTransition,
} from "./flow";
import { periodEnd } from "./rules";
import type { ReviewReportInput, SaveReportInput } from "./schemas";

export type ServiceContext = { db: DbOrTx; user: CurrentUser };

/** A report the user may see (through its project's scope), with its round's period, or NOT_FOUND. */
export async function scopedReport(db: DbOrTx, user: CurrentUser, reportId: string) {
  const [row] = await db
    .select({
      id: monitoringReports.id,
      status: monitoringReports.status,
      version: monitoringReports.version,
      projectId: monitoringReports.projectId,
      targetSheetId: monitoringReports.targetSheetId,
      roundId: monitoringReports.roundId,
      year: monitoringRounds.year,
      periodMonths: monitoringRounds.periodMonths,
    })
    .from(monitoringReports)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
    .innerJoin(projects, eq(projects.id, monitoringReports.projectId))
    .where(and(eq(monitoringReports.id, reportId), projectScope(user)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** What the treasury paid for a project up to a day, by funding source (yuan strings). */
export async function paidToDate(db: DbOrTx, projectId: string, until: string) {
  const rows = await db
    .select({ source: treasuryPayments.source, total: sql<string>`sum(${treasuryPayments.amount})::text` })
    .from(treasuryPayments)
    .where(and(eq(treasuryPayments.projectId, projectId), sql`${treasuryPayments.paidOn} <= ${until}`))
    .groupBy(treasuryPayments.source);
  if (rows.length === 0) return null;
  const by = Object.fromEntries(rows.map((r) => [r.source, r.total])) as Partial<
    Record<FundingSource, string>
  >;
  return { CURRENT: sumYuan(by.CURRENT), CARRYOVER: sumYuan(by.CARRYOVER), OTHER: sumYuan(by.OTHER) };
}

/**
 * The one way a report changes status: only if it is still where the caller saw it (status and
 * version), else someone moved it first → CONFLICT. Records the move with its comment.
 */
export async function transitionReport(
  db: DbOrTx,
  user: CurrentUser,
  report: { id: string; status: ReportStatus; version: number },
  transition: ReportTransition,
  comment: string,
) {
  if (!transition.roles.includes(user.role)) throw new AppError("FORBIDDEN");
  if (!transition.from.includes(report.status)) throw new AppError("INVALID_TRANSITION");
  if (transition.commentRequired && !comment.trim()) throw new AppError("VALIDATION");
  const now = new Date();
  const [row] = await db
    .update(monitoringReports)
    .set({
      status: transition.to,
      version: sql`${monitoringReports.version} + 1`,
      updatedAt: now,
      ...(transition.to === "SUBMITTED" ? { submittedAt: now } : {}),
    })
    .where(
      and(
        eq(monitoringReports.id, report.id),
        eq(monitoringReports.status, report.status),
        eq(monitoringReports.version, report.version),
      ),
    )
    .returning({
      id: monitoringReports.id,
      version: monitoringReports.version,
      status: monitoringReports.status,
    });
  if (!row) throw new AppError("CONFLICT");
  await db.insert(monitoringReportTransitions).values({
    reportId: report.id,
    fromStatus: report.status,
    toStatus: transition.to,
    actorId: user.id,
    comment: comment.trim(),
  });
  return { ...row, from: report.status, transition: transition.name, comment: comment.trim() };
}

const SOURCES = [
  ["CURRENT", "executedCurrent"],
  ["CARRYOVER", "executedCarryover"],
  ["OTHER", "executedOther"],
] as const;

/**
 * 填报 (保存 or 提交): the unit's figures and each indicator's progress. A figure that differs from the
 * imported treasury payments needs a reason; submitting needs every indicator's progress.
 */
export async function saveReport(input: SaveReportInput, { db, user }: ServiceContext) {
  const report = await scopedReport(db, user, input.reportId);
  if (!EDITABLE_REPORT_STATUSES.includes(report.status)) throw new AppError("INVALID_TRANSITION");
  if (report.version !== input.version) throw new AppError("CONFLICT");
  const indicators = report.targetSheetId
    ? await db
        .select({ id: targetIndicators.id })
        .from(targetIndicators)
        .where(eq(targetIndicators.sheetId, report.targetSheetId))
    : [];
  const known = new Set(indicators.map((i) => i.id));
  if (Object.keys(input.progress).some((id) => !known.has(id))) throw new AppError("NOT_FOUND");

  const errors: Record<string, FieldMessage[]> = {};
  const paid = await paidToDate(db, report.projectId, periodEnd(report.year, report.periodMonths));
  const differs = paid && SOURCES.some(([s, f]) => toFen(paid[s]) !== toFen(input[f]));
  if (differs && !input.executedReason) errors.executedReason = ["monitoring.reasonRequired"];
  if (input.intent === "submit") {
    const required = { key: "validation.required" };
    if (!input.likelihood) errors.likelihood = [required];
    if (input.deviationReasons.includes("OTHER") && !input.deviationNote) errors.deviationNote = [required];
    for (const i of indicators)
      if (!input.progress[i.id]) errors[`progress.${i.id}`] = ["monitoring.progressRequired"];
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "VALIDATION", errors);

  const [row] = await db
    .update(monitoringReports)
    .set({
      executedCurrent: fenToYuanString(toFen(input.executedCurrent)),
      executedCarryover: fenToYuanString(toFen(input.executedCarryover)),
      executedOther: fenToYuanString(toFen(input.executedOther)),
      executedReason: differs ? input.executedReason : "",
      likelihood: input.likelihood ?? null,
      deviationReasons: input.deviationReasons,
      deviationNote: input.deviationNote,
      measures: input.measures,
      status: report.status === "NOT_FILED" ? "DRAFT" : report.status,
      version: sql`${monitoringReports.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(monitoringReports.id, report.id), eq(monitoringReports.version, input.version)))
    .returning({ version: monitoringReports.version, status: monitoringReports.status });
  if (!row) throw new AppError("CONFLICT");
  await db.delete(monitoringProgress).where(eq(monitoringProgress.reportId, report.id));
  const values = Object.entries(input.progress)
    .filter(([, v]) => v !== "")
    .map(([indicatorId, value]) => ({ reportId: report.id, indicatorId, value }));
  if (values.length) await db.insert(monitoringProgress).values(values);
  if (report.status === "NOT_FILED") {
    await db
      .insert(monitoringReportTransitions)
      .values({ reportId: report.id, fromStatus: "NOT_FILED", toStatus: "DRAFT", actorId: user.id });
  }
  const saved = { id: report.id, projectId: report.projectId, status: row.status, version: row.version };
  if (input.intent !== "submit") return { ...saved, transition: "save" as const };
  const moved = await transitionReport(db, user, saved, reportTransitionByName("submit"), "");
  return { ...saved, status: moved.status, version: moved.version, transition: "submit" as const };
}

/** 审核: the department, then finance, approve or return (a return needs a comment). */
export async function reviewReport(input: ReviewReportInput, { db, user }: ServiceContext) {
  const report = await scopedReport(db, user, input.reportId);
  if (report.version !== input.version) throw new AppError("CONFLICT");
  const transition = reportReviewTransition(report.status, user.role, input.decision);
  if (!transition) throw new AppError("INVALID_TRANSITION");
  const moved = await transitionReport(db, user, report, transition, input.comment);
  return { ...moved, projectId: report.projectId, roundId: report.roundId };
}

/** The project's latest target sheet, for a target adjustment. */
export async function latestSheet(db: DbOrTx, projectId: string) {
  const [row] = await db
    .select({ id: targetSheets.id, status: targetSheets.status, version: targetSheets.version })
    .from(targetSheets)
    .where(eq(targetSheets.projectId, projectId))
    .orderBy(desc(targetSheets.versionNo))
    .limit(1);
  return row ?? null;
}
