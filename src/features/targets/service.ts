import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  fiscalYears,
  projects,
  targetIndicators,
  targetSheets,
  targetSheetTransitions,
} from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { EDITABLE_STATUSES, reviewTransition, transitionByName, type Transition } from "./flow";
import { directionOf, type SheetStatus } from "./levels";
import { checkSheet, issuesToFieldErrors, type Weights } from "./rules";
import type { AdjustSheetInput, IndicatorRow, ReviewSheetInput, SaveSheetInput } from "./schemas";

export type ServiceContext = { db: DbOrTx; user: CurrentUser };

export async function yearWeights(db: DbOrTx, year: number): Promise<Weights> {
  const [row] = await db
    .select({ o: fiscalYears.weightOutput, b: fiscalYears.weightBenefit, s: fiscalYears.weightSatisfaction })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, year));
  return { OUTPUT: row?.o ?? 50, BENEFIT: row?.b ?? 30, SATISFACTION: row?.s ?? 10 };
}

/** A project the user may see, or NOT_FOUND: scope comes from the record, never from the input. */
export async function scopedProject(db: DbOrTx, user: CurrentUser, projectId: string) {
  const [row] = await db
    .select({ id: projects.id, year: projects.year })
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(user)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** A sheet the user may see (through its project's scope), or NOT_FOUND. */
async function scopedSheet(db: DbOrTx, user: CurrentUser, sheetId: string) {
  const [row] = await db
    .select({
      id: targetSheets.id,
      projectId: targetSheets.projectId,
      year: targetSheets.year,
      versionNo: targetSheets.versionNo,
      status: targetSheets.status,
      version: targetSheets.version,
      overallGoal: targetSheets.overallGoal,
    })
    .from(targetSheets)
    .innerJoin(projects, eq(projects.id, targetSheets.projectId))
    .where(and(eq(targetSheets.id, sheetId), projectScope(user)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

function indicatorValues(sheetId: string, rows: IndicatorRow[]) {
  return rows.map((r, i) => ({
    sheetId,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    operator: r.operator,
    targetValue: r.targetValue,
    unit: r.unit,
    points: r.points || "0",
    direction: directionOf(r.operator),
    sortOrder: i,
    libraryIndicatorId: r.libraryIndicatorId ?? null,
  }));
}

/**
 * Save a sheet as a whole (goal and every row). Creates version 1 when the project has none yet;
 * otherwise only a DRAFT or RETURNED sheet, and only if nobody saved it since it was opened.
 */
export async function saveSheet(input: SaveSheetInput, { db, user }: ServiceContext) {
  const project = await scopedProject(db, user, input.projectId);
  let sheetId: string;
  let version: number;
  let status: SheetStatus;
  if (!input.sheetId) {
    const [created] = await db
      .insert(targetSheets)
      .values({ projectId: project.id, year: project.year, versionNo: 1, overallGoal: input.overallGoal })
      .onConflictDoNothing()
      .returning({ id: targetSheets.id, version: targetSheets.version, status: targetSheets.status });
    // Another filer created the sheet first: reload rather than overwrite.
    if (!created) throw new AppError("CONFLICT");
    await db
      .insert(targetSheetTransitions)
      .values({ sheetId: created.id, fromStatus: null, toStatus: "DRAFT", actorId: user.id });
    ({ id: sheetId, version, status } = created);
  } else {
    const sheet = await scopedSheet(db, user, input.sheetId);
    if (sheet.projectId !== project.id) throw new AppError("NOT_FOUND");
    if (!EDITABLE_STATUSES.includes(sheet.status)) throw new AppError("INVALID_TRANSITION");
    if (sheet.version !== input.version) throw new AppError("CONFLICT");
    const [row] = await db
      .update(targetSheets)
      .set({
        overallGoal: input.overallGoal,
        version: sql`${targetSheets.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(targetSheets.id, sheet.id),
          inArray(targetSheets.status, [...EDITABLE_STATUSES]),
          eq(targetSheets.version, input.version),
        ),
      )
      .returning({ id: targetSheets.id, version: targetSheets.version, status: targetSheets.status });
    if (!row) throw new AppError("CONFLICT");
    await db.delete(targetIndicators).where(eq(targetIndicators.sheetId, sheet.id));
    ({ id: sheetId, version, status } = row);
  }
  if (input.indicators.length)
    await db.insert(targetIndicators).values(indicatorValues(sheetId, input.indicators));
  return { sheetId, projectId: project.id, version, status, rows: input.indicators.length };
}

/**
 * The one way a sheet changes status: only if it is still where the caller saw it (status and
 * version), else someone moved it first → CONFLICT. Records the move with its comment.
 */
export async function transitionSheet(
  db: DbOrTx,
  user: CurrentUser,
  sheet: { id: string; status: SheetStatus; version: number },
  transition: Transition,
  comment: string,
) {
  if (!transition.roles.includes(user.role)) throw new AppError("FORBIDDEN");
  if (!transition.from.includes(sheet.status)) throw new AppError("INVALID_TRANSITION");
  if (transition.commentRequired && !comment.trim()) throw new AppError("VALIDATION");
  const now = new Date();
  const [row] = await db
    .update(targetSheets)
    .set({
      status: transition.to,
      version: sql`${targetSheets.version} + 1`,
      updatedAt: now,
      ...(transition.to === "SUBMITTED" ? { submittedAt: now } : {}),
      ...(transition.to === "APPROVED" ? { approvedAt: now } : {}),
    })
    .where(
      and(
        eq(targetSheets.id, sheet.id),
        eq(targetSheets.status, sheet.status),
        eq(targetSheets.version, sheet.version),
      ),
    )
    .returning({ id: targetSheets.id, version: targetSheets.version, status: targetSheets.status });
  if (!row) throw new AppError("CONFLICT");
  await db.insert(targetSheetTransitions).values({
    sheetId: sheet.id,
    fromStatus: sheet.status,
    toStatus: transition.to,
    actorId: user.id,
    comment: comment.trim(),
  });
  return { ...row, from: sheet.status, transition: transition.name, comment: comment.trim() };
}

/** 提交: save what the filer sees, run the quality checks, then move to SUBMITTED. */
export async function submitSheet(input: SaveSheetInput, ctx: ServiceContext) {
  const saved = await saveSheet(input, ctx);
  const weights = await yearWeights(ctx.db, (await scopedProject(ctx.db, ctx.user, input.projectId)).year);
  const issues = checkSheet(input, weights);
  // Refused with every problem on its row; the transaction (and so the save) rolls back.
  if (issues.length) throw new AppError("VALIDATION", "VALIDATION", issuesToFieldErrors(issues));
  return transitionSheet(
    ctx.db,
    ctx.user,
    { id: saved.sheetId, status: saved.status, version: saved.version },
    transitionByName("submit"),
    "",
  );
}

/** 审核: the department, then finance, approve or return (a return needs a comment). */
export async function reviewSheet(input: ReviewSheetInput, { db, user }: ServiceContext) {
  const sheet = await scopedSheet(db, user, input.sheetId);
  if (sheet.version !== input.version) throw new AppError("CONFLICT");
  const transition = reviewTransition(sheet.status, user.role, input.decision);
  if (!transition) throw new AppError("INVALID_TRANSITION");
  const moved = await transitionSheet(db, user, sheet, transition, input.comment);
  return { ...moved, projectId: sheet.projectId };
}

/**
 * 调整: an approved sheet never changes; the filer starts the next version as a DRAFT copy of it,
 * which goes through the whole flow again. Only the latest version can be adjusted.
 */
export async function adjustSheet(input: AdjustSheetInput, { db, user }: ServiceContext) {
  const sheet = await scopedSheet(db, user, input.sheetId);
  if (sheet.status !== "APPROVED") throw new AppError("INVALID_TRANSITION");
  if (sheet.version !== input.version) throw new AppError("CONFLICT");
  const [latest] = await db
    .select({ versionNo: targetSheets.versionNo })
    .from(targetSheets)
    .where(eq(targetSheets.projectId, sheet.projectId))
    .orderBy(desc(targetSheets.versionNo))
    .limit(1);
  if (latest!.versionNo !== sheet.versionNo) throw new AppError("CONFLICT");
  const [created] = await db
    .insert(targetSheets)
    .values({
      projectId: sheet.projectId,
      year: sheet.year,
      versionNo: sheet.versionNo + 1,
      supersedesId: sheet.id,
      overallGoal: sheet.overallGoal,
    })
    .onConflictDoNothing()
    .returning({ id: targetSheets.id, versionNo: targetSheets.versionNo });
  if (!created) throw new AppError("CONFLICT");
  const rows = await db
    .select()
    .from(targetIndicators)
    .where(eq(targetIndicators.sheetId, sheet.id))
    .orderBy(targetIndicators.sortOrder);
  if (rows.length) {
    await db.insert(targetIndicators).values(rows.map((r) => ({ ...r, id: undefined, sheetId: created.id })));
  }
  await db
    .insert(targetSheetTransitions)
    .values({ sheetId: created.id, fromStatus: null, toStatus: "DRAFT", actorId: user.id });
  return { id: created.id, versionNo: created.versionNo, projectId: sheet.projectId, supersedesId: sheet.id };
}
