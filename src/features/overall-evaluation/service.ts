import "server-only";
import { and, eq, sql } from "drizzle-orm";
import {
  checkLines,
  createFromTemplate,
  gradeSheet,
  moveEvaluation,
  replaceFindings,
  templateFor,
  touchEvaluation,
  writeSheetColumn,
} from "@/features/evaluations/sheet-service";
import type { DbOrTx } from "@/server/db";
import { notifyOverall } from "@/features/notifications/evaluation-hand-offs";
import { AppError, isAppError, type FieldMessage } from "@/server/errors";
import { evaluationOpinions, evaluations, fiscalYears, organisations } from "@/server/schema";
import { districtScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import {
  canFillSelf,
  canRecordOpinion,
  RETURNABLE_FROM,
  SELF_EDITABLE,
  SUBJECT_KIND,
  SUBMITTED_TO,
  type OverallType,
} from "./flow";
import type {
  OpenOverallInput,
  OpinionInput,
  ReturnInput,
  SaveSelfInput,
  ScoreTownshipInput,
} from "./schemas";
import { overallScope } from "./scope";

export type ServiceContext = { db: DbOrTx; user: CurrentUser };

const msg = (key: string): FieldMessage => ({ key: `overallEvaluation.errors.${key}` });

/** An evaluation of the type the user may see, or NOT_FOUND (unknown, another type, out of scope). */
export async function scopedOverall(db: DbOrTx, user: CurrentUser, type: OverallType, id: string) {
  const [row] = await db
    .select({
      id: evaluations.id,
      year: evaluations.year,
      status: evaluations.status,
      version: evaluations.version,
      subjectOrgId: evaluations.subjectOrgId,
    })
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.subjectOrgId))
    .where(and(eq(evaluations.id, id), eq(evaluations.type, type), overallScope(user, type)));
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, subjectOrgId: row.subjectOrgId! };
}

/**
 * 预算执行情况 of a department for a year: 全年预算数 and 执行数 summed over its projects (元, exact),
 * and how many projects that is.
 */
export async function departmentExecution(db: DbOrTx, departmentId: string, year: number) {
  const result = await db.execute(sql`
    select count(*)::int as projects,
           coalesce(sum(budget_current + budget_carryover + budget_other), 0)::numeric(18,2)::text as budget,
           coalesce(sum(executed_current + executed_carryover + executed_other), 0)::numeric(18,2)::text as executed
    from projects where department_id = ${departmentId} and year = ${year}`);
  const [row] = (result as unknown as { rows: { projects: number; budget: string; executed: string }[] })
    .rows;
  return { projects: row?.projects ?? 0, budget: row?.budget ?? "0.00", executed: row?.executed ?? "0.00" };
}

/**
 * 开展评价: finance opens the evaluation of a department (or township) for a year, its sheet copied
 * from the year's template; a department-wide one carries the department's budget execution. One per
 * subject and year: a second is refused on the subject field.
 */
export async function openOverall(type: OverallType, input: OpenOverallInput, { db, user }: ServiceContext) {
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, input.orgId),
        eq(organisations.kind, SUBJECT_KIND[type]),
        eq(organisations.active, true),
        // Of finance's own district only: another district's department reads as unknown.
        districtScope(user, organisations.districtId),
      ),
    );
  if (!org) throw new AppError("VALIDATION", "VALIDATION", { orgId: [msg("orgUnknown")] });
  const [year] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, input.year));
  if (!year) throw new AppError("VALIDATION", "VALIDATION", { year: ["fiscalYearUnknown"] });
  const [existing] = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(
      and(eq(evaluations.type, type), eq(evaluations.year, input.year), eq(evaluations.subjectOrgId, org.id)),
    );
  const exists = { orgId: [{ key: "overallEvaluation.errors.exists", values: { year: input.year } }] };
  if (existing) throw new AppError("VALIDATION", "VALIDATION", exists);
  const template = await templateFor(db, input.year, type);
  const exec = type === "DEPT_OVERALL" ? await departmentExecution(db, org.id, input.year) : null;
  try {
    const ev = await createFromTemplate(db, {
      type,
      year: input.year,
      subjectOrgId: org.id,
      templateId: template.id,
      dueDate: input.dueDate,
      budgetTotal: exec?.budget ?? null,
      executedTotal: exec?.executed ?? null,
      createdBy: user.id,
    });
    return { id: ev.id, type, year: input.year, orgId: org.id, orgName: org.name };
  } catch (e) {
    // Someone opened the same one a moment earlier.
    if (isAppError(e) && e.messageKey === "evaluations.alreadyExists")
      throw new AppError("VALIDATION", "VALIDATION", exists);
    throw e;
  }
}

/**
 * The subject saves its own points, notes and report; with `submit` it hands them in: every line
 * scored and the report written (a department also explains its budget execution), the self total
 * stored, and a department's execution figures taken afresh from its projects.
 */
export async function saveSelf(type: OverallType, input: SaveSelfInput, { db, user }: ServiceContext) {
  const ev = await scopedOverall(db, user, type, input.evaluationId);
  if (!SELF_EDITABLE.includes(ev.status)) throw new AppError("INVALID_TRANSITION");
  if (!canFillSelf(type, user.role, ev.status)) throw new AppError("FORBIDDEN");
  if (ev.version !== input.version) throw new AppError("CONFLICT");
  const errors: Record<string, FieldMessage[]> = {};
  if (input.submit) {
    if (!input.selfReport) errors.selfReport = [msg("reportRequired")];
    if (type === "DEPT_OVERALL" && !input.improvement) errors.improvement = [msg("executionRequired")];
  }
  let checked: { maxPoints: string; points: string }[] = [];
  try {
    checked = await checkLines(db, ev.id, input.lines, input.submit);
  } catch (e) {
    if (!isAppError(e) || e.code !== "VALIDATION") throw e;
    Object.assign(errors, e.fieldErrors);
  }
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION", input.submit ? "evaluations.cannotSubmit" : "VALIDATION", errors);
  await writeSheetColumn(db, ev.id, "selfPoints", input.lines);
  const texts = { selfReport: input.selfReport, improvement: input.improvement, filedBy: user.id };
  if (!input.submit) {
    const row = await touchEvaluation(db, ev.id, input.version, texts);
    return { ...row, from: ev.status, submitted: false, selfTotal: null, lines: input.lines.length };
  }
  const graded = await gradeSheet(db, ev.year, checked);
  const exec = type === "DEPT_OVERALL" ? await departmentExecution(db, ev.subjectOrgId, ev.year) : null;
  const moved = await moveEvaluation(db, {
    evaluationId: ev.id,
    from: [...SELF_EDITABLE],
    to: SUBMITTED_TO[type],
    version: input.version,
    actorId: user.id,
    set: {
      ...texts,
      selfTotalScore: graded.total,
      submittedAt: new Date(),
      ...(exec ? { budgetTotal: exec.budget, executedTotal: exec.executed } : {}),
    },
  });
  await notifyOverall(db, ev.id, "submitted");
  return { ...moved, submitted: true, selfTotal: graded.total, lines: input.lines.length };
}

/** Finance sends the self-evaluation back, with the reason the subject will read. */
export async function returnOverall(type: OverallType, input: ReturnInput, { db, user }: ServiceContext) {
  const ev = await scopedOverall(db, user, type, input.evaluationId);
  if (ev.status !== RETURNABLE_FROM[type]) throw new AppError("INVALID_TRANSITION");
  const moved = await moveEvaluation(db, {
    evaluationId: ev.id,
    from: RETURNABLE_FROM[type],
    to: "RETURNED",
    version: input.version,
    actorId: user.id,
    comment: input.comment,
  });
  await notifyOverall(db, ev.id, "returned", input.comment);
  return moved;
}

/**
 * Finance scores a submitted township evaluation: points and notes beside the township's own,
 * findings and its 评价意见; with `submit` it settles it (every line scored, the opinion written),
 * storing the total and grade.
 */
export async function scoreTownship(input: ScoreTownshipInput, { db, user }: ServiceContext) {
  const ev = await scopedOverall(db, user, "TOWNSHIP_FISCAL", input.evaluationId);
  if (ev.status !== "SUBMITTED") throw new AppError("INVALID_TRANSITION");
  if (ev.version !== input.version) throw new AppError("CONFLICT");
  const errors: Record<string, FieldMessage[]> = {};
  if (input.submit && !input.summary) errors.summary = [msg("opinionRequired")];
  let checked: { maxPoints: string; points: string }[] = [];
  try {
    checked = await checkLines(db, ev.id, input.lines, input.submit);
  } catch (e) {
    if (!isAppError(e) || e.code !== "VALIDATION") throw e;
    Object.assign(errors, e.fieldErrors);
  }
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION", input.submit ? "evaluations.cannotSubmit" : "VALIDATION", errors);
  await writeSheetColumn(db, ev.id, "points", input.lines);
  await replaceFindings(db, ev.id, input.findings, user.id);
  if (!input.submit) {
    const row = await touchEvaluation(db, ev.id, input.version, { summary: input.summary });
    return { ...row, from: ev.status, settled: false, total: null, grade: null };
  }
  const graded = await gradeSheet(db, ev.year, checked);
  const moved = await moveEvaluation(db, {
    evaluationId: ev.id,
    from: "SUBMITTED",
    to: "SETTLED",
    version: input.version,
    actorId: user.id,
    set: { summary: input.summary, totalScore: graded.total, grade: graded.grade, completedAt: new Date() },
  });
  await notifyOverall(db, ev.id, "settled");
  return { ...moved, settled: true, total: graded.total, grade: graded.grade };
}

/** 人大审议意见: a leader records what was resolved on a settled department-wide evaluation. */
export async function recordOpinion(input: OpinionInput, { db, user }: ServiceContext) {
  const ev = await scopedOverall(db, user, "DEPT_OVERALL", input.evaluationId);
  // 人大 records 审议意见; a leader of 区委区政府 reads them.
  if (user.orgKind !== "CONGRESS") throw new AppError("FORBIDDEN");
  if (!canRecordOpinion("DEPT_OVERALL", user, ev.status)) throw new AppError("INVALID_TRANSITION");
  const [row] = await db
    .insert(evaluationOpinions)
    .values({ evaluationId: ev.id, authorId: user.id, body: input.body })
    .returning({ id: evaluationOpinions.id });
  return { id: row!.id, evaluationId: ev.id };
}
