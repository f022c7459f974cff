import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { projectTemplateCode } from "@/domain/evaluation-templates";
import { sumYuan } from "@/domain/money";
import {
  engagementRefusals,
  ratingTotal,
  type RatingCriterion,
  RATING_CRITERIA,
} from "@/features/agencies/rules";
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
import { notifyEngagement } from "@/features/notifications/evaluation-hand-offs";
import { queryRows, type DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  agencyConflicts,
  agencyProfiles,
  agencyRatings,
  agencyStaff,
  agencyViolations,
  engagements,
  engagementTeam,
  evaluations,
  organisations,
  projects,
} from "@/server/schema";
import { coveringRecords, districtScope, projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { AGENCY_EDITABLE, startStatus } from "./rules";
import type { DeclareInput, EngageInput, RateInput, ReportInput, ReviewInput } from "./schemas";
import { engagementScope } from "./scope";

export type ServiceContext = { db: DbOrTx; user: CurrentUser };

export const todayInChina = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

/**
 * The engagement on an evaluation as the user may reach it (scope from the record, never from the
 * browser), locked for the action; NOT_FOUND when unknown or out of scope.
 */
export async function engagementFor(db: DbOrTx, user: CurrentUser, evaluationId: string) {
  const [row] = await db
    .select({
      id: engagements.id,
      agencyId: engagements.agencyId,
      declaredAt: engagements.declaredAt,
      acceptedAt: engagements.acceptedAt,
      evaluationId: evaluations.id,
      type: evaluations.type,
      year: evaluations.year,
      status: evaluations.status,
      version: evaluations.version,
      summary: evaluations.summary,
    })
    .from(engagements)
    .innerJoin(evaluations, eq(evaluations.id, engagements.evaluationId))
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .where(and(eq(engagements.evaluationId, evaluationId), engagementScope(user)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** The registry facts the engagement rules read. Null when the id is not an agency's. */
export async function agencyRecord(db: DbOrTx, agencyId: string) {
  const [profile] = await db
    .select({ status: agencyProfiles.status, blacklistedOn: agencyProfiles.blacklistedOn })
    .from(agencyProfiles)
    .innerJoin(organisations, eq(organisations.id, agencyProfiles.orgId))
    .where(and(eq(agencyProfiles.orgId, agencyId), eq(organisations.kind, "AGENCY")));
  if (!profile) return null;
  const [violations, conflicts] = await Promise.all([
    db
      .select({ occurredOn: agencyViolations.occurredOn })
      .from(agencyViolations)
      .where(eq(agencyViolations.agencyId, agencyId)),
    db
      .select({ departmentId: agencyConflicts.departmentId })
      .from(agencyConflicts)
      .where(eq(agencyConflicts.agencyId, agencyId)),
  ]);
  return { ...profile, violations, conflictDepartmentIds: conflicts.map((c) => c.departmentId) };
}

/** 委托: check the agency may evaluate the department, then create (or attach to) the evaluation. */
export async function engage(input: EngageInput, { db, user }: ServiceContext) {
  if (user.role !== "FINANCE_ADMIN") throw new AppError("FORBIDDEN");
  let evaluationId: string;
  let departmentId: string;
  let subjectName: string;
  if (input.target === "PROJECT") {
    // A project of finance's own district only (another district's reads as unknown).
    const [p] = await db
      .select()
      .from(projects)
      .where(and(eq(projects.id, input.projectId!), projectScope(user)));
    if (!p) throw new AppError("VALIDATION", "VALIDATION", { projectId: ["thirdParty.projectNotFound"] });
    const [taken] = await db
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.type, "THIRD_PARTY"), eq(evaluations.projectId, p.id)));
    if (taken) throw new AppError("VALIDATION", "VALIDATION", { projectId: ["thirdParty.alreadyEngaged"] });
    departmentId = p.departmentId;
    subjectName = p.name;
    await checkEligible(db, input.agencyId, departmentId, p.districtId);
    const template = await templateFor(db, p.year, projectTemplateCode(p.specialArea));
    const ev = await createFromTemplate(db, {
      type: "THIRD_PARTY",
      year: p.year,
      projectId: p.id,
      templateId: template.id,
      dueDate: input.deadline,
      budgetTotal: sumYuan(p.budgetCurrent, p.budgetCarryover, p.budgetOther),
      executedTotal: sumYuan(p.executedCurrent, p.executedCarryover, p.executedOther),
      status: startStatus("THIRD_PARTY")!,
      createdBy: user.id,
    });
    evaluationId = ev.id;
  } else {
    const [ev] = await db
      .select({
        id: evaluations.id,
        status: evaluations.status,
        subjectOrgId: evaluations.subjectOrgId,
        name: organisations.name,
        districtId: organisations.districtId,
      })
      .from(evaluations)
      .innerJoin(organisations, eq(organisations.id, evaluations.subjectOrgId))
      .where(
        and(
          eq(evaluations.id, input.evaluationId!),
          eq(evaluations.type, "DEPT_OVERALL"),
          districtScope(user, organisations.districtId),
        ),
      )
      .for("update");
    if (!ev)
      throw new AppError("VALIDATION", "VALIDATION", { evaluationId: ["thirdParty.evaluationNotFound"] });
    if (ev.status !== startStatus("DEPT_OVERALL"))
      throw new AppError("VALIDATION", "VALIDATION", { evaluationId: ["thirdParty.notReceived"] });
    departmentId = ev.subjectOrgId!;
    subjectName = ev.name;
    await checkEligible(db, input.agencyId, departmentId, ev.districtId);
    evaluationId = ev.id;
  }
  const [row] = await db
    .insert(engagements)
    .values({
      evaluationId,
      agencyId: input.agencyId,
      fee: input.fee,
      deadline: input.deadline,
      scope: input.scope,
      engagedBy: user.id,
    })
    .onConflictDoNothing()
    .returning({ id: engagements.id });
  if (!row)
    throw new AppError("VALIDATION", "VALIDATION", {
      [input.target === "PROJECT" ? "projectId" : "evaluationId"]: ["thirdParty.alreadyEngaged"],
    });
  await notifyEngagement(db, evaluationId, "engaged");
  return { id: row.id, evaluationId, agencyId: input.agencyId, departmentId, subjectName };
}

/**
 * The agency may take the subject: registered to the subject's district or the province's shared
 * library (no district) — another district's reads as unknown — and not refused (rules.engagementRefusals).
 */
async function checkEligible(
  db: DbOrTx,
  agencyId: string,
  departmentId: string,
  subjectDistrictId: string | null,
) {
  const [registered] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, agencyId), coveringRecords(subjectDistrictId, organisations.districtId)));
  const record = registered ? await agencyRecord(db, agencyId) : null;
  if (!record) throw new AppError("VALIDATION", "VALIDATION", { agencyId: ["thirdParty.agencyNotFound"] });
  const refusals = engagementRefusals(record, departmentId, todayInChina());
  if (refusals.length)
    throw new AppError("VALIDATION", "VALIDATION", {
      agencyId: refusals.map((r) => `thirdParty.refused.${r}`),
    });
}

/** 无利益冲突声明: the agency names its team and declares for it; the evaluation starts (→ SCORING). */
export async function declare(input: DeclareInput, { db, user }: ServiceContext) {
  if (user.role !== "AGENCY") throw new AppError("FORBIDDEN");
  const e = await engagementFor(db, user, input.evaluationId);
  if (e.declaredAt) throw new AppError("INVALID_TRANSITION", "thirdParty.alreadyDeclared");
  const staff = await db
    .select({ id: agencyStaff.id })
    .from(agencyStaff)
    .where(and(eq(agencyStaff.agencyId, e.agencyId), inArray(agencyStaff.id, input.staffIds)));
  if (staff.length !== new Set(input.staffIds).size)
    throw new AppError("VALIDATION", "VALIDATION", { staffIds: ["thirdParty.staffNotFound"] });
  const from = startStatus(e.type);
  if (!from) throw new AppError("NOT_FOUND");
  const moved = await moveEvaluation(db, {
    evaluationId: e.evaluationId,
    from,
    to: "SCORING",
    version: input.version,
    actorId: user.id,
  });
  const [row] = await db
    .update(engagements)
    .set({ declaredBy: user.id, declaredAt: new Date(), declaration: input.declaration })
    .where(and(eq(engagements.id, e.id), sql`${engagements.declaredAt} is null`))
    .returning({ id: engagements.id });
  if (!row) throw new AppError("CONFLICT");
  await db.insert(engagementTeam).values(staff.map((s) => ({ engagementId: e.id, staffId: s.id })));
  return { engagementId: e.id, evaluationId: e.evaluationId, version: moved.version, team: staff.length };
}

/**
 * The agency saves its sheet (column "points"), report and findings; with `submit` every line must be
 * scored and the report written, and it goes to finance (→ SUBMITTED) with its total and grade.
 */
export async function saveReport(input: ReportInput, { db, user }: ServiceContext) {
  if (user.role !== "AGENCY") throw new AppError("FORBIDDEN");
  const e = await engagementFor(db, user, input.evaluationId);
  if (!e.declaredAt) throw new AppError("INVALID_TRANSITION", "thirdParty.declareFirst");
  if (!AGENCY_EDITABLE.includes(e.status)) throw new AppError("INVALID_TRANSITION");
  const reportMissing = input.submit && !input.summary;
  let checked: Awaited<ReturnType<typeof checkLines>>;
  try {
    checked = await checkLines(db, e.evaluationId, input.lines, input.submit);
  } catch (err) {
    // Show every reason at once: the blank lines and the missing report.
    if (reportMissing && err instanceof AppError && err.fieldErrors)
      throw new AppError("VALIDATION", "evaluations.cannotSubmit", {
        ...err.fieldErrors,
        summary: ["thirdParty.reportRequired"],
      });
    throw err;
  }
  if (reportMissing)
    throw new AppError("VALIDATION", "evaluations.cannotSubmit", { summary: ["thirdParty.reportRequired"] });
  await writeSheetColumn(db, e.evaluationId, "points", input.lines);
  await replaceFindings(db, e.evaluationId, input.findings, user.id);
  if (!input.submit) {
    const saved = await touchEvaluation(db, e.evaluationId, input.version, { summary: input.summary });
    return { evaluationId: e.evaluationId, version: saved.version, submitted: false };
  }
  const { total, grade } = await gradeSheet(db, e.year, checked);
  const moved = await moveEvaluation(db, {
    evaluationId: e.evaluationId,
    from: [...AGENCY_EDITABLE],
    to: "SUBMITTED",
    version: input.version,
    actorId: user.id,
    set: { summary: input.summary, totalScore: total, grade, submittedAt: new Date(), filedBy: user.id },
  });
  await notifyEngagement(db, e.evaluationId, "submitted");
  return { evaluationId: e.evaluationId, version: moved.version, submitted: true, total, grade };
}

/** 质量审核: finance returns the report with its reasons (→ RETURNED) or accepts it (→ SETTLED). */
export async function review(input: ReviewInput, { db, user }: ServiceContext) {
  if (user.role !== "FINANCE_ADMIN") throw new AppError("FORBIDDEN");
  const e = await engagementFor(db, user, input.evaluationId);
  if (input.decision === "RETURN") {
    const moved = await moveEvaluation(db, {
      evaluationId: e.evaluationId,
      from: "SUBMITTED",
      to: "RETURNED",
      version: input.version,
      actorId: user.id,
      comment: input.comment,
    });
    await notifyEngagement(db, e.evaluationId, "returned", input.comment);
    return { evaluationId: e.evaluationId, decision: input.decision, version: moved.version };
  }
  if (e.status !== "SUBMITTED") throw new AppError("INVALID_TRANSITION");
  const lines = await checkedSheet(db, e.evaluationId);
  const { total, grade } = await gradeSheet(db, e.year, lines);
  const moved = await moveEvaluation(db, {
    evaluationId: e.evaluationId,
    from: "SUBMITTED",
    to: "SETTLED",
    version: input.version,
    actorId: user.id,
    comment: input.comment,
    set: { totalScore: total, grade, completedAt: new Date() },
  });
  await db.update(engagements).set({ acceptedAt: new Date() }).where(eq(engagements.id, e.id));
  await notifyEngagement(db, e.evaluationId, "accepted");
  return { evaluationId: e.evaluationId, decision: input.decision, version: moved.version, total, grade };
}

async function checkedSheet(db: DbOrTx, evaluationId: string) {
  const list = await queryRows<{ max_points: string; points: string | null }>(
    db,
    sql`select max_points::text, points::text from evaluation_scores where evaluation_id = ${evaluationId}`,
  );
  return list.map((r) => ({ maxPoints: r.max_points, points: r.points ?? "" }));
}

/** 机构评价: one rating per accepted engagement, 100 points over RATING_CRITERIA. */
export async function rate(input: RateInput, { db, user }: ServiceContext) {
  if (user.role !== "FINANCE_ADMIN") throw new AppError("FORBIDDEN");
  const e = await engagementFor(db, user, input.evaluationId);
  if (e.status !== "SETTLED" || !e.acceptedAt)
    throw new AppError("INVALID_TRANSITION", "thirdParty.rateAfterAccept");
  const breakdown = Object.fromEntries(
    (Object.keys(RATING_CRITERIA) as RatingCriterion[]).map((k) => [k, input[k]]),
  ) as Record<RatingCriterion, number>;
  const score = ratingTotal(breakdown);
  if (score === null) throw new AppError("VALIDATION");
  const [row] = await db
    .insert(agencyRatings)
    .values({
      agencyId: e.agencyId,
      engagementId: e.id,
      ratedOn: todayInChina(),
      score: score.toFixed(2),
      breakdown,
      comment: input.comment,
      ratedBy: user.id,
    })
    .onConflictDoNothing()
    .returning({ id: agencyRatings.id });
  if (!row) throw new AppError("INVALID_TRANSITION", "thirdParty.alreadyRated");
  return { id: row.id, engagementId: e.id, agencyId: e.agencyId, score: score.toFixed(2) };
}
