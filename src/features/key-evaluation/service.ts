import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { projectTemplateCode } from "@/domain/evaluation-templates";
import { sumYuan } from "@/domain/money";
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
import { notifyKeyEvaluation } from "@/features/notifications/evaluation-hand-offs";
import type { DbOrTx } from "@/server/db";
import { AppError, type FieldMessage } from "@/server/errors";
import {
  evaluationAssignees,
  evaluations,
  evaluationScores,
  organisations,
  projects,
  users,
} from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { KEY_EDITABLE } from "./flow";
import type { CreateKeyInput, ReviewKeyInput, SaveKeySheetInput } from "./schemas";
import { assignedTo, keyEvaluationScope } from "./scope";

export type ServiceContext = {
  db: DbOrTx;
  user: Pick<CurrentUser, "id" | "role" | "orgId" | "districtId" | "provinceWide">;
};

/**
 * Finance opens key evaluations of chosen projects of a year: each gets its special area's template
 * of that year, status SCORING, the project's 全年预算数 and 执行数, and the same reviewers with one
 * lead. A project that already has a key evaluation is refused on the project field, and nothing is
 * created.
 */
export async function createKeyEvaluations(input: CreateKeyInput, { db, user }: ServiceContext) {
  const reviewerIds = [...new Set(input.reviewerIds)];
  // Each with their organisation's district: a project's reviewers are its district's finance staff.
  const reviewers = await db
    .select({ id: users.id, districtId: organisations.districtId })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(inArray(users.id, reviewerIds), eq(users.role, "FINANCE_REVIEWER"), eq(users.active, true)));
  const errors: Record<string, FieldMessage[]> = {};
  if (reviewers.length !== reviewerIds.length) errors.reviewerIds = ["keyEvaluation.notReviewer"];
  const ids = [...new Set(input.projectIds)];
  const found = await db
    .select({
      id: projects.id,
      name: projects.name,
      districtId: projects.districtId,
      specialArea: projects.specialArea,
      budgetCurrent: projects.budgetCurrent,
      budgetCarryover: projects.budgetCarryover,
      budgetOther: projects.budgetOther,
      executedCurrent: projects.executedCurrent,
      executedCarryover: projects.executedCarryover,
      executedOther: projects.executedOther,
      keyed: sql<boolean>`exists (select 1 from ${evaluations} e where e.project_id = ${projects.id} and e.type = 'KEY')`,
    })
    .from(projects)
    // Projects of the user's own district only: another district's read as not found.
    .where(and(inArray(projects.id, ids), eq(projects.year, input.year), projectScope(user)));
  if (found.length !== ids.length) throw new AppError("NOT_FOUND");
  // Another district's reviewer (or the province's, for a district's project) is not one to assign.
  if (found.some((p) => reviewers.some((r) => r.districtId !== p.districtId)))
    errors.reviewerIds = ["keyEvaluation.notReviewer"];
  const taken = found.filter((p) => p.keyed);
  if (taken.length)
    errors.projectIds = taken.map((p) => ({
      key: "errors.keyEvaluation.alreadyEvaluated",
      values: { name: p.name },
    }));
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "VALIDATION", errors);

  const created: { id: string; projectId: string }[] = [];
  for (const p of found) {
    const template = await templateFor(db, input.year, projectTemplateCode(p.specialArea));
    let ev: { id: string };
    try {
      ev = await createFromTemplate(db, {
        type: "KEY",
        year: input.year,
        projectId: p.id,
        templateId: template.id,
        dueDate: input.dueDate,
        budgetTotal: sumYuan(p.budgetCurrent, p.budgetCarryover, p.budgetOther),
        executedTotal: sumYuan(p.executedCurrent, p.executedCarryover, p.executedOther),
        status: "SCORING",
        createdBy: user.id,
      });
    } catch (e) {
      // Someone opened one for this project between the check and the insert.
      if (e instanceof AppError && e.messageKey === "evaluations.alreadyExists")
        throw new AppError("VALIDATION", "VALIDATION", {
          projectIds: [{ key: "errors.keyEvaluation.alreadyEvaluated", values: { name: p.name } }],
        });
      throw e;
    }
    await db
      .insert(evaluationAssignees)
      .values(
        reviewerIds.map((userId) => ({ evaluationId: ev.id, userId, lead: userId === input.leadId ? 1 : 0 })),
      );
    await notifyKeyEvaluation(db, ev.id, "assigned");
    created.push({ id: ev.id, projectId: p.id });
  }
  return created;
}

/** The key evaluation as its assigned reviewer reaches it, with whether they lead; NOT_FOUND otherwise. */
async function assignedEvaluation(db: DbOrTx, evaluationId: string, userId: string) {
  const [ev] = await db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      year: evaluations.year,
      lead: sql<number>`(select ${evaluationAssignees.lead} from ${evaluationAssignees}
        where ${evaluationAssignees.evaluationId} = ${evaluations.id} and ${evaluationAssignees.userId} = ${userId})`,
    })
    .from(evaluations)
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.type, "KEY"), assignedTo(userId)));
  if (!ev) throw new AppError("NOT_FOUND");
  return ev;
}

/**
 * An assigned reviewer saves the points, notes, findings and summary (blank points allowed) at the
 * version loaded; with `submit` the lead sends it to finance: every line scored and the summary
 * written, the total and grade computed and stored.
 */
export async function saveKeySheet(input: SaveKeySheetInput, { db, user }: ServiceContext) {
  const ev = await assignedEvaluation(db, input.evaluationId, user.id);
  if (!KEY_EDITABLE.includes(ev.status))
    throw new AppError("INVALID_TRANSITION", "keyEvaluation.notEditable");
  if (input.submit && Number(ev.lead) !== 1) throw new AppError("FORBIDDEN", "keyEvaluation.leadOnly");
  let lines: { maxPoints: string; points: string }[];
  try {
    lines = await checkLines(db, ev.id, input.lines, input.submit);
  } catch (e) {
    if (input.submit && !input.summary && e instanceof AppError && e.code === "VALIDATION")
      throw new AppError(e.code, e.messageKey, {
        ...e.fieldErrors,
        summary: ["keyEvaluation.summaryRequired"],
      });
    throw e;
  }
  if (input.submit && !input.summary)
    throw new AppError("VALIDATION", "evaluations.cannotSubmit", {
      summary: ["keyEvaluation.summaryRequired"],
    });
  await writeSheetColumn(db, ev.id, "points", input.lines);
  await replaceFindings(db, ev.id, input.findings, user.id);
  if (!input.submit) {
    const row = await touchEvaluation(db, ev.id, input.version, { summary: input.summary });
    return { ...row, submitted: null };
  }
  const graded = await gradeSheet(db, ev.year, lines);
  const row = await moveEvaluation(db, {
    evaluationId: ev.id,
    from: ["SCORING", "RETURNED"],
    to: "SUBMITTED",
    version: input.version,
    actorId: user.id,
    set: { summary: input.summary, totalScore: graded.total, grade: graded.grade, submittedAt: new Date() },
  });
  await notifyKeyEvaluation(db, ev.id, "submitted");
  return { id: row.id, version: row.version, status: row.status, submitted: { from: row.from, ...graded } };
}

/**
 * Finance's decision on a submitted key evaluation: return it to the reviewers with a reason, or approve
 * it (SETTLED, the total and grade computed again from the sheet and stored, completed now).
 */
export async function reviewKeyEvaluation(input: ReviewKeyInput, { db, user }: ServiceContext) {
  const [ev] = await db
    .select({ id: evaluations.id, status: evaluations.status, year: evaluations.year })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .where(and(eq(evaluations.id, input.evaluationId), keyEvaluationScope(user)));
  if (!ev) throw new AppError("NOT_FOUND");
  if (ev.status !== "SUBMITTED") throw new AppError("INVALID_TRANSITION", "keyEvaluation.notSubmitted");
  if (input.decision === "RETURN") {
    const row = await moveEvaluation(db, {
      evaluationId: ev.id,
      from: "SUBMITTED",
      to: "RETURNED",
      version: input.version,
      actorId: user.id,
      comment: input.reason,
    });
    await notifyKeyEvaluation(db, ev.id, "returned", input.reason);
    return { ...row, graded: null };
  }
  const sheet = await db
    .select({ maxPoints: evaluationScores.maxPoints, points: evaluationScores.points })
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, ev.id));
  const graded = await gradeSheet(
    db,
    ev.year,
    sheet.map((l) => ({ maxPoints: l.maxPoints, points: l.points ?? "" })),
  );
  const row = await moveEvaluation(db, {
    evaluationId: ev.id,
    from: "SUBMITTED",
    to: "SETTLED",
    version: input.version,
    actorId: user.id,
    comment: input.reason,
    set: { totalScore: graded.total, grade: graded.grade, completedAt: new Date() },
  });
  await notifyKeyEvaluation(db, ev.id, "approved");
  return { ...row, graded };
}
