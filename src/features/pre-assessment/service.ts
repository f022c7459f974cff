import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { needsPreAssessment } from "@/features/years/pre-assessment-rule";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { fiscalYears, preAssessmentHistory, preAssessments, projects } from "@/server/schema";
import type { PreAssessment } from "@/server/schema/pre-assessment";
import type { CurrentUser } from "@/server/session";
import { DIMENSIONS, EDITABLE_STATUSES, isFullyScored, TRANSITIONS, type TransitionName } from "./rules";
import type { ReviewDecisionInput, SavePreAssessmentInput } from "./schemas";
import { preAssessmentProjectScope } from "./scope";

export type ServiceContext = { db: DbOrTx; user: CurrentUser };

/** A project the user may reach, with what the pre-assessment rules need, or NOT_FOUND. */
export async function scopedProject(db: DbOrTx, user: CurrentUser, projectId: string) {
  const [row] = await db
    .select({
      id: projects.id,
      year: projects.year,
      stage: projects.stage,
      version: projects.version,
      kind: projects.kind,
      novelty: projects.novelty,
      isMajor: projects.isMajor,
      requestedAmount: projects.requestedAmount,
      threshold: fiscalYears.preAssessmentThreshold,
    })
    .from(projects)
    .innerJoin(fiscalYears, eq(fiscalYears.year, projects.year))
    .where(and(eq(projects.id, projectId), preAssessmentProjectScope(user)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** A pre-assessment whose project the user may reach, or NOT_FOUND. */
export async function scopedPreAssessment(db: DbOrTx, user: CurrentUser, id: string) {
  const [row] = await db
    .select({ pa: preAssessments, requestedAmount: projects.requestedAmount, projectStage: projects.stage })
    .from(preAssessments)
    .innerJoin(projects, eq(projects.id, preAssessments.projectId))
    .where(and(eq(preAssessments.id, id), preAssessmentProjectScope(user)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * The one way a pre-assessment changes status: the transition table says from where and with which
 * permission; the update only lands if the record is still at the status and version the user saw,
 * else someone moved it first (CONFLICT). Writes the history row in the same transaction.
 */
export async function transition(
  db: DbOrTx,
  user: CurrentUser,
  pa: Pick<PreAssessment, "id" | "status">,
  name: TransitionName,
  expectedVersion: number,
  comment: string | null,
  extra: Partial<typeof preAssessments.$inferInsert> = {},
) {
  const t = TRANSITIONS[name];
  if (!t.from.includes(pa.status)) throw new AppError("INVALID_TRANSITION");
  if (t.commentRequired && !comment) {
    throw new AppError("VALIDATION", "VALIDATION", { comment: ["preAssessment.commentRequired"] });
  }
  const [row] = await db
    .update(preAssessments)
    .set({ ...extra, status: t.to, version: sql`${preAssessments.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(preAssessments.id, pa.id),
        eq(preAssessments.status, pa.status),
        eq(preAssessments.version, expectedVersion),
      ),
    )
    .returning({ id: preAssessments.id, version: preAssessments.version, status: preAssessments.status });
  if (!row) throw new AppError("CONFLICT");
  await db.insert(preAssessmentHistory).values({
    preAssessmentId: pa.id,
    fromStatus: pa.status,
    toStatus: t.to,
    comment,
    actorId: user.id,
  });
  return { ...row, from: pa.status };
}

const dimensionValues = (input: SavePreAssessmentInput) =>
  Object.fromEntries(
    DIMENSIONS.flatMap((d) => [
      [`${d}Score`, input[`${d}Score`] ?? null],
      [`${d}Text`, input[`${d}Text`]],
    ]),
  ) as Partial<typeof preAssessments.$inferInsert>;

/**
 * The unit saves its pre-assessment (creating it on first save) and, when asked, submits it to the
 * department. Only the filer of the project's unit reaches the project (scope); only a project that
 * needs one and has not moved past pre-assessment; only while the assessment is with the unit.
 */
export async function savePreAssessment(input: SavePreAssessmentInput, { db, user }: ServiceContext) {
  const project = await scopedProject(db, user, input.projectId);
  if (!needsPreAssessment(project, project.threshold)) {
    throw new AppError("INVALID_TRANSITION", "preAssessment.notRequired");
  }
  if (project.stage !== "DRAFT" && project.stage !== "PRE_ASSESSMENT") {
    throw new AppError("INVALID_TRANSITION", "preAssessment.projectStageLocked");
  }
  const values = dimensionValues(input);
  const [existing] = await db.select().from(preAssessments).where(eq(preAssessments.projectId, project.id));
  let saved: { id: string; version: number; status: PreAssessment["status"] };
  if (!existing) {
    if (input.version !== 0) throw new AppError("CONFLICT");
    const [row] = await db
      .insert(preAssessments)
      .values({ ...values, projectId: project.id, filedBy: user.id })
      .onConflictDoNothing({ target: preAssessments.projectId })
      .returning({ id: preAssessments.id, version: preAssessments.version, status: preAssessments.status });
    // Another filer created it between our read and write.
    if (!row) throw new AppError("CONFLICT");
    await db
      .insert(preAssessmentHistory)
      .values({ preAssessmentId: row.id, toStatus: "DRAFT", actorId: user.id });
    saved = row;
  } else {
    if (!EDITABLE_STATUSES.includes(existing.status))
      throw new AppError("INVALID_TRANSITION", "preAssessment.notEditable");
    const [row] = await db
      .update(preAssessments)
      .set({
        ...values,
        filedBy: user.id,
        version: sql`${preAssessments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(preAssessments.id, existing.id),
          eq(preAssessments.status, existing.status),
          eq(preAssessments.version, input.version),
        ),
      )
      .returning({ id: preAssessments.id, version: preAssessments.version, status: preAssessments.status });
    if (!row) throw new AppError("CONFLICT");
    saved = row;
  }
  if (!input.submit) return { ...saved, submitted: false };

  const scores = Object.fromEntries(DIMENSIONS.map((d) => [d, input[`${d}Score`]]));
  const missing = DIMENSIONS.filter((d) => input[`${d}Score`] === undefined || !input[`${d}Text`]);
  if (!isFullyScored(scores) || missing.length > 0) {
    const fieldErrors = Object.fromEntries(
      missing.map((d) => [
        input[`${d}Score`] === undefined ? `${d}Score` : `${d}Text`,
        ["preAssessment.incomplete"],
      ]),
    );
    throw new AppError("VALIDATION", "preAssessment.incomplete", fieldErrors);
  }
  const moved = await transition(db, user, saved, "submit", saved.version, null);
  // Submitting fixes the project's filing: it moves on to the pre-assessment stage.
  if (project.stage === "DRAFT") {
    await db
      .update(projects)
      .set({ stage: "PRE_ASSESSMENT", version: sql`${projects.version} + 1`, updatedAt: new Date() })
      .where(and(eq(projects.id, project.id), eq(projects.stage, "DRAFT")));
  }
  return { ...moved, submitted: true };
}

/** The department approves or returns; finance accepts or returns. Scope comes from the record. */
export async function reviewPreAssessment(
  input: ReviewDecisionInput,
  level: "dept" | "finance",
  { db, user }: ServiceContext,
) {
  const { pa } = await scopedPreAssessment(db, user, input.id);
  const name: TransitionName =
    level === "dept"
      ? input.decision === "approve"
        ? "deptApprove"
        : "deptReturn"
      : input.decision === "approve"
        ? "financeAccept"
        : "financeReturn";
  return transition(db, user, pa, name, input.version, input.comment);
}
