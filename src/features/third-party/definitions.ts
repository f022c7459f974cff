import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { declareSchema, engageSchema, rateSchema, reportSchema, reviewSchema } from "./schemas";
import { declare, engage, rate, review, saveReport } from "./service";

// Definitions and bodies live outside the "use server" file so integration tests run exactly what
// the browser runs (runAction), with a user of their choosing. Each writes its audit row.

export const engageAgencyDefinition = {
  name: "engageAgency",
  permission: "thirdParty.engage",
  schema: engageSchema,
} satisfies ActionDefinition<typeof engageSchema>;
export async function runEngageAgency(
  input: typeof engageSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const done = await engage(input, { db: tx, user });
  await audit({
    action: "engagement.created",
    entityType: "evaluation",
    entityId: done.evaluationId,
    changes: {
      engagementId: done.id,
      agencyId: done.agencyId,
      subject: done.subjectName,
      fee: input.fee,
      deadline: input.deadline,
    },
  });
  return done;
}

export const declareEngagementDefinition = {
  name: "declareEngagement",
  permission: "thirdParty.declare",
  schema: declareSchema,
} satisfies ActionDefinition<typeof declareSchema>;
export async function runDeclareEngagement(
  input: typeof declareSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const done = await declare(input, { db: tx, user });
  await audit({
    action: "engagement.declared",
    entityType: "evaluation",
    entityId: done.evaluationId,
    changes: { engagementId: done.engagementId, team: input.staffIds, declaration: input.declaration },
  });
  return done;
}

export const saveEngagementReportDefinition = {
  name: "saveEngagementReport",
  permission: "thirdParty.fill",
  schema: reportSchema,
} satisfies ActionDefinition<typeof reportSchema>;
export async function runSaveEngagementReport(
  input: typeof reportSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const done = await saveReport(input, { db: tx, user });
  await audit({
    action: done.submitted ? "engagement.submitted" : "engagement.saved",
    entityType: "evaluation",
    entityId: done.evaluationId,
    changes: done.submitted
      ? { total: done.total, grade: done.grade, findings: input.findings.length }
      : { version: done.version, findings: input.findings.length },
  });
  return done;
}

export const reviewEngagementDefinition = {
  name: "reviewEngagement",
  permission: "thirdParty.review",
  schema: reviewSchema,
} satisfies ActionDefinition<typeof reviewSchema>;
export async function runReviewEngagement(
  input: typeof reviewSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const done = await review(input, { db: tx, user });
  await audit({
    action: done.decision === "ACCEPT" ? "engagement.accepted" : "engagement.returned",
    entityType: "evaluation",
    entityId: done.evaluationId,
    changes:
      done.decision === "ACCEPT"
        ? { total: done.total, grade: done.grade, comment: input.comment }
        : { reason: input.comment },
  });
  return done;
}

export const rateEngagementDefinition = {
  name: "rateEngagement",
  permission: "thirdParty.rate",
  schema: rateSchema,
} satisfies ActionDefinition<typeof rateSchema>;
export async function runRateEngagement(
  input: typeof rateSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const done = await rate(input, { db: tx, user });
  await audit({
    action: "engagement.rated",
    entityType: "evaluation",
    entityId: input.evaluationId,
    changes: { engagementId: done.engagementId, agencyId: done.agencyId, score: done.score },
  });
  return done;
}
