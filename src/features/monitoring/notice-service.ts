import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { adjustSheet } from "@/features/targets/service";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { monitoringNotices, projects } from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { FILED_STATUSES } from "./constants";
import { NOTICE_MOVES } from "./flow";
import type { AnswerNoticeInput, CloseNoticeInput, IssueNoticeInput } from "./schemas";
import { latestSheet, scopedReport } from "./service";

type Ctx = { db: DbOrTx; user: CurrentUser };

/**
 * 财政处理: finance responds to a filed report with a tracked notice. Approving a target adjustment
 * starts the next version of the project's approved target sheet through the targets feature's own
 * adjustment (a DRAFT copy the unit revises and submits again); the notice points at it.
 */
export async function issueNotice(input: IssueNoticeInput, { db, user }: Ctx) {
  const report = await scopedReport(db, user, input.reportId);
  if (!FILED_STATUSES.includes(report.status))
    throw new AppError("INVALID_TRANSITION", "monitoring.notFiledYet");
  let targetSheetId: string | null = null;
  if (input.kind === "TARGET_ADJUSTMENT") {
    const sheet = await latestSheet(db, report.projectId);
    if (!sheet || sheet.status !== "APPROVED")
      throw new AppError("VALIDATION", "VALIDATION", { kind: ["monitoring.noApprovedSheet"] });
    const created = await adjustSheet({ sheetId: sheet.id, version: sheet.version }, { db, user });
    targetSheetId = created.id;
  }
  const [notice] = await db
    .insert(monitoringNotices)
    .values({
      reportId: report.id,
      projectId: report.projectId,
      kind: input.kind,
      content: input.content,
      dueDate: input.dueDate ?? null,
      targetSheetId,
      createdBy: user.id,
    })
    .returning({ id: monitoringNotices.id });
  return {
    id: notice!.id,
    reportId: report.id,
    projectId: report.projectId,
    kind: input.kind,
    targetSheetId,
  };
}

/** A notice the user may see (through its project's scope), or NOT_FOUND. */
async function scopedNotice(db: DbOrTx, user: CurrentUser, noticeId: string) {
  const [row] = await db
    .select({
      id: monitoringNotices.id,
      status: monitoringNotices.status,
      version: monitoringNotices.version,
      reportId: monitoringNotices.reportId,
      projectId: monitoringNotices.projectId,
    })
    .from(monitoringNotices)
    .innerJoin(projects, eq(projects.id, monitoringNotices.projectId))
    .where(and(eq(monitoringNotices.id, noticeId), projectScope(user)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

async function moveNotice(
  db: DbOrTx,
  notice: { id: string; status: string; version: number },
  version: number,
  move: (typeof NOTICE_MOVES)[keyof typeof NOTICE_MOVES],
  set: Partial<typeof monitoringNotices.$inferInsert>,
) {
  if (!(move.from as readonly string[]).includes(notice.status)) throw new AppError("INVALID_TRANSITION");
  if (notice.version !== version) throw new AppError("CONFLICT");
  const [row] = await db
    .update(monitoringNotices)
    .set({ ...set, status: move.to, version: sql`${monitoringNotices.version} + 1` })
    .where(
      and(
        eq(monitoringNotices.id, notice.id),
        eq(monitoringNotices.status, notice.status as never),
        eq(monitoringNotices.version, version),
      ),
    )
    .returning({ id: monitoringNotices.id, status: monitoringNotices.status });
  if (!row) throw new AppError("CONFLICT");
  return { ...row, from: notice.status };
}

/** The department answers an open notice with what it did. */
export async function answerNotice(input: AnswerNoticeInput, { db, user }: Ctx) {
  const notice = await scopedNotice(db, user, input.noticeId);
  const moved = await moveNotice(db, notice, input.version, NOTICE_MOVES.answer, {
    reply: input.reply,
    repliedBy: user.id,
    repliedAt: new Date(),
  });
  return { ...moved, reportId: notice.reportId, projectId: notice.projectId };
}

/** Finance closes an answered notice, or sends it back (with a note) for a better answer. */
export async function closeNotice(input: CloseNoticeInput, { db, user }: Ctx) {
  const notice = await scopedNotice(db, user, input.noticeId);
  const moved =
    input.decision === "close"
      ? await moveNotice(db, notice, input.version, NOTICE_MOVES.close, {
          closingNote: input.note,
          closedBy: user.id,
          closedAt: new Date(),
        })
      : await moveNotice(db, notice, input.version, NOTICE_MOVES.reopen, { closingNote: input.note });
  return { ...moved, reportId: notice.reportId, projectId: notice.projectId };
}
