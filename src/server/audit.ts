import type { DbOrTx } from "./db";
import { auditLog } from "./schema";
import type { AuditResult, Role } from "./schema/enums";

// The typed list of what gets audited. Add a name here before using it.
export const AUDIT_ACTIONS = [
  "auth.signedIn",
  "auth.signInFailed",
  "auth.signedOut",
  "auth.locked",
  "auth.lockEnded",
  "auth.addressSlowed",
  "auth.signInThrottled",
  "auth.passwordChanged",
  "auth.passwordExpired",
  "auth.totpEnrolled",
  "auth.totpFailed",
  "auth.totpReset",
  "auth.recoveryCodeUsed",
  "user.created",
  "user.updated",
  "user.disabled",
  "user.enabled",
  "user.passwordReset",
  "project.created",
  "project.updated",
  "project.exported",
  "projects.imported",
  "year.settingsUpdated",
  "year.created",
  "evaluationTemplate.saved",
  "evaluationTemplate.copied",
  "keyEvaluation.created",
  "keyEvaluation.saved",
  "keyEvaluation.submitted",
  "keyEvaluation.returned",
  "keyEvaluation.approved",
  "keyEvaluation.exported",
  "project.budgeted",
  "preAssessment.saved",
  "preAssessment.transitioned",
  "preAssessment.concluded",
  "preAssessment.exported",
  "expertGroup.created",
  "expertReview.saved",
  "expertReview.submitted",
  "targetSheet.saved",
  "targetSheet.transitioned",
  "targetSheet.adjusted",
  "selfEvaluation.roundOpened",
  "selfEvaluation.saved",
  "selfEvaluation.transitioned",
  "selfEvaluation.imported",
  "selfEvaluation.exported",
  "agency.created",
  "agency.updated",
  "agency.statusChanged",
  "agency.staffAdded",
  "agency.staffRemoved",
  "agency.violationRecorded",
  "agency.conflictDeclared",
  "engagement.created",
  "engagement.declared",
  "engagement.saved",
  "engagement.submitted",
  "engagement.returned",
  "engagement.accepted",
  "engagement.rated",
  "engagement.exported",
  "samplingBatch.created",
  "samplingBatch.groupChanged",
  "samplingBatch.projectMoved",
  "samplingBatch.started",
  "samplingBatch.closed",
  "sampledEvaluation.saved",
  "sampledEvaluation.settled",
  "samplingFeedback.saved",
  "samplingFeedback.published",
  "samplingFeedback.acknowledged",
  "samplingBatch.exported",
  "monitoringRound.opened",
  "monitoringReport.saved",
  "monitoringReport.transitioned",
  "monitoringNotice.issued",
  "monitoringNotice.answered",
  "monitoringNotice.closed",
  "monitoringNotice.reopened",
  "monitoring.exported",
  "payments.imported",
  "rectification.raised",
  "rectification.replied",
  "rectification.reopened",
  "rectification.closed",
  "rectification.exported",
  "resultApplication.saved",
  "resultApplication.exported",
  "assessment.exported",
  "indicator.created",
  "indicator.updated",
  "deptOverall.opened",
  "deptOverall.saved",
  "deptOverall.transitioned",
  "deptOverall.opinionRecorded",
  "deptOverall.exported",
  "townshipEvaluation.opened",
  "townshipEvaluation.saved",
  "townshipEvaluation.transitioned",
  "townshipEvaluation.scored",
  "townshipEvaluation.exported",
  "attachment.uploaded",
  "attachment.deleted",
  "attachment.downloaded",
  "dashboard.exported",
  "annualSummary.planSaved",
  "annualSummary.exported",
  "audit.exported",
  "audit.verified",
  "access.denied",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActor = { id: string; username: string; role: Role } | null;

export type AuditEntry = {
  actor: AuditActor;
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  result?: AuditResult;
  changes?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
};

/** Append one row. Pass the transaction of the change, so the row commits or rolls back with it. */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorUsername: entry.actor?.username ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    result: entry.result ?? "SUCCESS",
    changes: entry.changes ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 300) ?? null,
  });
}

/** The fields that differ between two versions of a record, as { field: [before, after] }. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && String(before[k]) !== String(v)) out[k] = [before[k], v];
  }
  return out;
}
