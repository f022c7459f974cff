import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, queryRows } from "@/server/db";
import {
  fiscalYears,
  monitoringNotices,
  monitoringProgress,
  monitoringReports,
  monitoringReportTransitions,
  monitoringRounds,
  organisations,
  paymentImports,
  projects,
  targetIndicators,
  treasuryPayments,
  users,
} from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import type { NoticeKind, NoticeStatus } from "./constants";
import type { ReportRow } from "./queries";
import { periodEnd } from "./rules";
import { paidToDate } from "./service";
import { BUDGET, COLOUR, EXECUTED, FLAGGED, REPORT_FROM } from "./sql";

// Reads of one report, one project's monitoring, notices and payment imports, scoped to the user.

type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

const deptOrg = alias(organisations, "dept_org");
const unitOrg = alias(organisations, "unit_org");

export async function getReportView(user: Reader, reportId: string) {
  const [head] = await db
    .select({
      report: monitoringReports,
      round: monitoringRounds,
      project: {
        id: projects.id,
        code: projects.code,
        name: projects.name,
        year: projects.year,
        budgetCurrent: projects.budgetCurrent,
        budgetCarryover: projects.budgetCarryover,
        budgetOther: projects.budgetOther,
      },
      unitName: unitOrg.name,
      departmentName: deptOrg.name,
      thresholds: {
        red: fiscalYears.warningRed,
        yellow: fiscalYears.warningYellow,
        deviation: fiscalYears.indicatorDeviation,
      },
    })
    .from(monitoringReports)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
    .innerJoin(fiscalYears, eq(fiscalYears.year, monitoringRounds.year))
    .innerJoin(projects, eq(projects.id, monitoringReports.projectId))
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .where(and(eq(monitoringReports.id, reportId), projectScope(user)));
  if (!head) return null;
  const sheetId = head.report.targetSheetId;
  const [indicators, progress, history, notices, paid] = await Promise.all([
    sheetId
      ? db
          .select()
          .from(targetIndicators)
          .where(eq(targetIndicators.sheetId, sheetId))
          .orderBy(asc(targetIndicators.sortOrder))
      : [],
    db
      .select({ indicatorId: monitoringProgress.indicatorId, value: monitoringProgress.value })
      .from(monitoringProgress)
      .where(eq(monitoringProgress.reportId, reportId)),
    db
      .select({
        id: monitoringReportTransitions.id,
        from: monitoringReportTransitions.fromStatus,
        to: monitoringReportTransitions.toStatus,
        comment: monitoringReportTransitions.comment,
        at: monitoringReportTransitions.createdAt,
        actor: users.displayName,
      })
      .from(monitoringReportTransitions)
      .leftJoin(users, eq(users.id, monitoringReportTransitions.actorId))
      .where(eq(monitoringReportTransitions.reportId, reportId))
      .orderBy(desc(monitoringReportTransitions.createdAt)),
    reportNotices(sql`n.report_id = ${reportId}`),
    paidToDate(db, head.project.id, periodEnd(head.round.year, head.round.periodMonths)),
  ]);
  return {
    ...head,
    indicators,
    progress: Object.fromEntries(progress.map((p) => [p.indicatorId, p.value])) as Record<string, string>,
    history,
    notices,
    paid,
  };
}
export type ReportView = NonNullable<Awaited<ReturnType<typeof getReportView>>>;

export type NoticeRow = {
  id: string;
  reportId: string;
  kind: NoticeKind;
  status: NoticeStatus;
  content: string;
  dueDate: string | null;
  reply: string;
  closingNote: string;
  version: number;
  createdAt: Date;
  repliedAt: Date | null;
  closedAt: Date | null;
  targetSheetId: string | null;
  issuedBy: string | null;
  repliedBy: string | null;
  roundName: string;
};

/** Notices matching a condition on `n` (callers scope it through the report or the project). */
async function reportNotices(where: ReturnType<typeof sql>) {
  return queryRows<NoticeRow>(
    db,
    sql`select n.id, n.report_id as "reportId", n.kind, n.status, n.content, n.due_date::text as "dueDate",
          n.reply, n.closing_note as "closingNote", n.version, n.created_at as "createdAt",
          n.replied_at as "repliedAt", n.closed_at as "closedAt", n.target_sheet_id as "targetSheetId",
          ui.display_name as "issuedBy", ur.display_name as "repliedBy", rd.name as "roundName"
        from ${monitoringNotices} n join monitoring_reports r on r.id = n.report_id
        join monitoring_rounds rd on rd.id = r.round_id
        left join users ui on ui.id = n.created_by left join users ur on ur.id = n.replied_by
        where ${where} order by n.created_at desc`,
  );
}

/** For the project page: the project's reports in every round with colours, and its notices. */
export async function projectMonitoring(user: Reader, projectId: string) {
  const [reports, notices] = await Promise.all([
    queryRows<ReportRow & { dueDate: string }>(
      db,
      sql`select r.id, r.status, rd.name as "roundName", rd.due_date::text as "dueDate", rd.period_months as "periodMonths",
            ${EXECUTED}::text as executed, ${BUDGET}::text as budget, ${COLOUR} as colour, ${FLAGGED} as flagged
          from ${REPORT_FROM} where r.project_id = ${projectId} and ${projectScope(user)}
          order by rd.year desc, rd.period_months desc`,
    ),
    reportNotices(
      sql`n.project_id = ${projectId} and exists (select 1 from ${projects} where projects.id = n.project_id and ${projectScope(user)})`,
    ),
  ]);
  return { reports, notices };
}

/** The imports that paid the user's projects (a district's finance sees its district's imports only). */
export async function listPaymentImports(user: Reader, year?: number) {
  return db
    .select({
      id: paymentImports.id,
      year: paymentImports.year,
      filename: paymentImports.filename,
      rowCount: paymentImports.rowCount,
      total: paymentImports.total,
      createdAt: paymentImports.createdAt,
      by: users.displayName,
    })
    .from(paymentImports)
    .leftJoin(users, eq(users.id, paymentImports.importedBy))
    .where(
      and(
        year ? eq(paymentImports.year, year) : undefined,
        sql`exists (select 1 from ${treasuryPayments} join ${projects} on ${projects.id} = ${treasuryPayments.projectId}
          where ${treasuryPayments.importId} = ${paymentImports.id} and ${projectScope(user)})`,
      ),
    )
    .orderBy(desc(paymentImports.createdAt))
    .limit(50);
}

/** Notices waiting on the user: open ones for the department side, answered ones for finance. */
export async function noticesToAct(user: Reader, status: "OPEN" | "ANSWERED") {
  return queryRows<{
    id: string;
    reportId: string;
    kind: NoticeKind;
    dueDate: string | null;
    projectName: string;
    projectCode: string;
    roundName: string;
  }>(
    db,
    sql`select n.id, n.report_id as "reportId", n.kind, n.due_date::text as "dueDate",
          projects.name as "projectName", projects.code as "projectCode", rd.name as "roundName"
        from ${monitoringNotices} n join projects on projects.id = n.project_id
        join monitoring_reports r on r.id = n.report_id join monitoring_rounds rd on rd.id = r.round_id
        where n.status = ${status} and ${projectScope(user)}
        order by n.due_date nulls last, n.created_at limit 20`,
  );
}
