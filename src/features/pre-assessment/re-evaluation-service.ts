import "server-only";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { needsPreAssessment } from "@/features/years/pre-assessment-rule";
import { AppError } from "@/server/errors";
import {
  expertGroupMembers,
  expertGroupProjects,
  expertGroups,
  expertReviews,
  preAssessments,
  projects,
  users,
} from "@/server/schema";
import { creatingDistrictId, districtPeople, districtScope } from "@/server/scope";
import { isSupporting, resolveRecommended } from "./rules";
import type { ConcludeInput, CreateExpertGroupInput, ExpertReviewInput, MarkBudgetedInput } from "./schemas";
import { scopedPreAssessment, scopedProject, transition, type ServiceContext } from "./service";

// 财政再评估: finance forms expert groups, experts score, finance concludes; and 纳入预算.

/**
 * Finance forms a group for chosen projects of a year; each project's assessment goes to the experts.
 * A district's group takes the district's projects and experts (the province's own, any district's).
 */
export async function createExpertGroup(input: CreateExpertGroupInput, { db, user }: ServiceContext) {
  const districtId = creatingDistrictId(user);
  const expertIds = [...new Set(input.expertIds)];
  const projectIds = [...new Set(input.projectIds)];
  if (!expertIds.includes(input.leadExpertId)) {
    throw new AppError("VALIDATION", "VALIDATION", { leadExpertId: ["preAssessment.leadNotMember"] });
  }
  const experts = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.id, expertIds),
        eq(users.role, "EXPERT"),
        eq(users.active, true),
        districtPeople(user),
      ),
    );
  if (experts.length !== expertIds.length) {
    throw new AppError("VALIDATION", "VALIDATION", { expertIds: ["preAssessment.notExpert"] });
  }
  const ready = await db
    .select({
      id: preAssessments.id,
      projectId: preAssessments.projectId,
      status: preAssessments.status,
      version: preAssessments.version,
    })
    .from(preAssessments)
    .innerJoin(projects, eq(projects.id, preAssessments.projectId))
    .leftJoin(expertGroupProjects, eq(expertGroupProjects.projectId, preAssessments.projectId))
    .where(
      and(
        inArray(preAssessments.projectId, projectIds),
        eq(projects.year, input.year),
        eq(preAssessments.status, "FINANCE_REVIEWING"),
        isNull(expertGroupProjects.groupId),
        districtScope(user, projects.districtId),
      ),
    );
  if (ready.length !== projectIds.length) {
    throw new AppError("VALIDATION", "VALIDATION", { projectIds: ["preAssessment.projectNotReady"] });
  }
  const [group] = await db
    .insert(expertGroups)
    .values({
      year: input.year,
      districtId,
      name: input.name,
      leadExpertId: input.leadExpertId,
      createdBy: user.id,
    })
    .onConflictDoNothing()
    .returning({ id: expertGroups.id });
  if (!group) throw new AppError("VALIDATION", "VALIDATION", { name: ["preAssessment.groupNameTaken"] });
  await db.insert(expertGroupMembers).values(expertIds.map((expertId) => ({ groupId: group.id, expertId })));
  await db
    .insert(expertGroupProjects)
    .values(projectIds.map((projectId) => ({ groupId: group.id, projectId })));
  for (const pa of ready) await transition(db, user, pa, "startExpertReview", pa.version, null);
  return { id: group.id, projects: projectIds.length, experts: expertIds.length };
}

/** An expert saves or submits their scores for a project of one of their groups. */
export async function saveExpertReview(input: ExpertReviewInput, { db, user }: ServiceContext) {
  // The expert scope: a project outside the expert's groups reads as not found.
  await scopedProject(db, user, input.projectId);
  const [place] = await db
    .select({ groupId: expertGroupProjects.groupId, status: preAssessments.status })
    .from(expertGroupProjects)
    .innerJoin(preAssessments, eq(preAssessments.projectId, expertGroupProjects.projectId))
    .innerJoin(
      expertGroupMembers,
      and(
        eq(expertGroupMembers.groupId, expertGroupProjects.groupId),
        eq(expertGroupMembers.expertId, user.id),
      ),
    )
    .where(eq(expertGroupProjects.projectId, input.projectId));
  if (!place) throw new AppError("NOT_FOUND");
  if (place.status !== "IN_EXPERT_REVIEW")
    throw new AppError("INVALID_TRANSITION", "preAssessment.reviewClosed");
  const values = {
    necessityScore: input.necessityScore,
    economyScore: input.economyScore,
    targetsScore: input.targetsScore,
    feasibilityScore: input.feasibilityScore,
    complianceScore: input.complianceScore,
    opinion: input.opinion,
    submitted: input.submit,
    submittedAt: input.submit ? new Date() : null,
    updatedAt: new Date(),
  };
  const [existing] = await db
    .select({ id: expertReviews.id, submitted: expertReviews.submitted, version: expertReviews.version })
    .from(expertReviews)
    .where(and(eq(expertReviews.projectId, input.projectId), eq(expertReviews.expertId, user.id)));
  if (!existing) {
    if (input.version !== 0) throw new AppError("CONFLICT");
    const [row] = await db
      .insert(expertReviews)
      .values({ ...values, groupId: place.groupId, projectId: input.projectId, expertId: user.id })
      .onConflictDoNothing()
      .returning({ id: expertReviews.id, version: expertReviews.version });
    if (!row) throw new AppError("CONFLICT");
    return { ...row, submitted: input.submit };
  }
  if (existing.submitted) throw new AppError("INVALID_TRANSITION", "preAssessment.reviewSubmitted");
  const [row] = await db
    .update(expertReviews)
    .set({ ...values, version: sql`${expertReviews.version} + 1` })
    .where(
      and(
        eq(expertReviews.id, existing.id),
        eq(expertReviews.version, input.version),
        eq(expertReviews.submitted, false),
      ),
    )
    .returning({ id: expertReviews.id, version: expertReviews.version });
  if (!row) throw new AppError("CONFLICT");
  return { ...row, submitted: input.submit };
}

/** How many members of the project's group have not submitted yet (0 when not in a group). */
async function pendingExperts(db: ServiceContext["db"], projectId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(expertGroupProjects)
    .innerJoin(expertGroupMembers, eq(expertGroupMembers.groupId, expertGroupProjects.groupId))
    .leftJoin(
      expertReviews,
      and(
        eq(expertReviews.projectId, expertGroupProjects.projectId),
        eq(expertReviews.expertId, expertGroupMembers.expertId),
        eq(expertReviews.submitted, true),
      ),
    )
    .where(and(eq(expertGroupProjects.projectId, projectId), isNull(expertReviews.id)));
  return row?.n ?? 0;
}

/**
 * Finance records the conclusion and the recommended amount (rules.resolveRecommended). Under expert
 * review it waits for every expert, unless finance overrides with a reason, which is kept. A
 * supporting conclusion moves the project on to target setting.
 */
export async function concludePreAssessment(input: ConcludeInput, { db, user }: ServiceContext) {
  const { pa, requestedAmount, projectStage } = await scopedPreAssessment(db, user, input.id);
  let override = false;
  if (pa.status === "IN_EXPERT_REVIEW" && (await pendingExperts(db, pa.projectId)) > 0) {
    if (!input.override) throw new AppError("INVALID_TRANSITION", "preAssessment.expertsPending");
    if (!input.note) {
      throw new AppError("VALIDATION", "VALIDATION", { note: ["preAssessment.overrideReasonRequired"] });
    }
    override = true;
  }
  const amount = resolveRecommended(input.conclusion, requestedAmount, input.recommendedAmount);
  if (!amount.ok) {
    throw new AppError("VALIDATION", "VALIDATION", { recommendedAmount: [`preAssessment.${amount.error}`] });
  }
  const moved = await transition(db, user, pa, "conclude", input.version, input.note, {
    conclusion: input.conclusion,
    recommendedAmount: amount.amount,
    conclusionNote: input.note,
    conclusionOverride: override,
    concludedBy: user.id,
    concludedAt: new Date(),
  });
  if (isSupporting(input.conclusion) && projectStage === "PRE_ASSESSMENT") {
    await db
      .update(projects)
      .set({ stage: "TARGET_SETTING", version: sql`${projects.version} + 1`, updatedAt: new Date() })
      .where(and(eq(projects.id, pa.projectId), eq(projects.stage, "PRE_ASSESSMENT")));
  }
  return { ...moved, projectId: pa.projectId, recommendedAmount: amount.amount, override };
}

/**
 * 纳入预算: finance moves a project into the budget. A project that needs a pre-assessment (the
 * year's rule) must have a supporting conclusion first.
 */
export async function markBudgeted(input: MarkBudgetedInput, { db, user }: ServiceContext) {
  const project = await scopedProject(db, user, input.projectId);
  if (project.stage !== "PRE_ASSESSMENT" && project.stage !== "TARGET_SETTING") {
    throw new AppError("INVALID_TRANSITION", "preAssessment.budgetStage");
  }
  if (needsPreAssessment(project, project.threshold)) {
    const [pa] = await db
      .select({ status: preAssessments.status, conclusion: preAssessments.conclusion })
      .from(preAssessments)
      .where(eq(preAssessments.projectId, project.id));
    if (!pa || pa.status !== "CONCLUDED" || !isSupporting(pa.conclusion)) {
      throw new AppError("INVALID_TRANSITION", "preAssessment.notSupported");
    }
  }
  const [row] = await db
    .update(projects)
    .set({ stage: "BUDGETED", version: sql`${projects.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(projects.id, project.id),
        eq(projects.stage, project.stage),
        eq(projects.version, input.version),
      ),
    )
    .returning({ id: projects.id, version: projects.version });
  if (!row) throw new AppError("CONFLICT");
  return { ...row, from: project.stage };
}
