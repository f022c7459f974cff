import type { Role } from "./schema/enums";
import { AppError } from "./errors";

// Who may do what. This table is the document: every action and page checks one of these on the
// server, and a test walks it (every permission against every role). Scope (which records) is
// checked separately, from the record itself — see scope.ts.
export const PERMISSIONS = {
  "dashboard.view": [
    "FINANCE_ADMIN",
    "FINANCE_REVIEWER",
    "EXPERT",
    "DEPT_FILER",
    "DEPT_APPROVER",
    "AGENCY",
    "LEADER",
    "SYS_ADMIN",
    "AUDITOR",
  ],
  "account.changePassword": [
    "FINANCE_ADMIN",
    "FINANCE_REVIEWER",
    "EXPERT",
    "DEPT_FILER",
    "DEPT_APPROVER",
    "AGENCY",
    "LEADER",
    "SYS_ADMIN",
    "AUDITOR",
  ],
  "account.twoFactor": [
    "FINANCE_ADMIN",
    "FINANCE_REVIEWER",
    "EXPERT",
    "DEPT_FILER",
    "DEPT_APPROVER",
    "AGENCY",
    "LEADER",
    "SYS_ADMIN",
    "AUDITOR",
  ],
  "projects.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "projects.create": ["DEPT_FILER"],
  "projects.update": ["DEPT_FILER"],
  "projects.export": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "projects.markBudgeted": ["FINANCE_ADMIN"],
  "preAssessment.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "EXPERT", "DEPT_FILER", "DEPT_APPROVER"],
  "preAssessment.fill": ["DEPT_FILER"],
  "preAssessment.deptReview": ["DEPT_APPROVER"],
  "preAssessment.financeReview": ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
  "preAssessment.manageGroups": ["FINANCE_ADMIN"],
  "preAssessment.score": ["EXPERT"],
  "preAssessment.conclude": ["FINANCE_ADMIN"],
  "targets.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "targets.fill": ["DEPT_FILER"],
  "targets.deptReview": ["DEPT_APPROVER"],
  "targets.financeReview": ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
  "indicators.manage": ["FINANCE_ADMIN"],
  "selfEvaluation.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "selfEvaluation.open": ["FINANCE_ADMIN"],
  "selfEvaluation.fill": ["DEPT_FILER"],
  "selfEvaluation.deptReview": ["DEPT_APPROVER"],
  "selfEvaluation.financeReview": ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
  // 集中抽评: which batches and projects is decided by group membership (features/sampling/scope.ts).
  "sampling.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "EXPERT"],
  "sampling.manage": ["FINANCE_ADMIN"],
  "sampling.score": ["FINANCE_REVIEWER", "EXPERT"],
  "sampling.export": ["FINANCE_ADMIN"],
  "sampling.feedback": ["FINANCE_ADMIN"],
  "sampling.feedbackRead": ["DEPT_FILER", "DEPT_APPROVER"],
  "sampling.acknowledge": ["DEPT_APPROVER"],
  "monitoring.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "monitoring.manageRounds": ["FINANCE_ADMIN"],
  "monitoring.importPayments": ["FINANCE_ADMIN"],
  "monitoring.fill": ["DEPT_FILER"],
  "monitoring.deptReview": ["DEPT_APPROVER"],
  "monitoring.financeReview": ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
  "monitoring.respond": ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
  "monitoring.answerNotice": ["DEPT_FILER", "DEPT_APPROVER"],
  "monitoring.warnings": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "LEADER"],
  // Files on records: which records is decided by each record type's attachment policy.
  "attachments.read": [
    "FINANCE_ADMIN",
    "FINANCE_REVIEWER",
    "EXPERT",
    "DEPT_FILER",
    "DEPT_APPROVER",
    "AGENCY",
    "LEADER",
  ],
  "attachments.upload": [
    "FINANCE_ADMIN",
    "FINANCE_REVIEWER",
    "EXPERT",
    "DEPT_FILER",
    "DEPT_APPROVER",
    "AGENCY",
  ],
  "attachments.delete": [
    "FINANCE_ADMIN",
    "FINANCE_REVIEWER",
    "EXPERT",
    "DEPT_FILER",
    "DEPT_APPROVER",
    "AGENCY",
  ],
  // 部门整体绩效评价 and 乡镇财政运行综合绩效评价: which ones by the subject organisation
  // (features/overall-evaluation/scope.ts).
  "deptOverall.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_APPROVER", "LEADER"],
  "deptOverall.open": ["FINANCE_ADMIN"],
  "deptOverall.selfEvaluate": ["DEPT_APPROVER"],
  "deptOverall.return": ["FINANCE_ADMIN"],
  "deptOverall.opinion": ["LEADER"],
  "townshipEvaluation.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "townshipEvaluation.open": ["FINANCE_ADMIN"],
  "townshipEvaluation.selfEvaluate": ["DEPT_FILER", "DEPT_APPROVER"],
  "townshipEvaluation.score": ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
  // 评价指标体系: finance edits a year's templates; reviewers and leaders read them.
  "evaluationTemplates.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "LEADER"],
  "evaluationTemplates.manage": ["FINANCE_ADMIN"],
  // 财政重点评价: which evaluations is decided by assignment and project scope (features/key-evaluation/scope.ts).
  "keyEvaluation.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "keyEvaluation.manage": ["FINANCE_ADMIN"],
  "keyEvaluation.score": ["FINANCE_REVIEWER"],
  "keyEvaluation.export": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "LEADER"],
  // 整改: which items is decided by their department and unit (features/rectification/scope.ts).
  "rectification.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "rectification.raise": ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
  "rectification.verify": ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
  "rectification.reply": ["DEPT_FILER", "DEPT_APPROVER"],
  "rectification.export": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  // 结果应用: suggestions read within project scope; only finance admin adjusts them.
  "results.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "results.adjust": ["FINANCE_ADMIN"],
  "results.export": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "LEADER"],
  // 督考: the bureau's assessment of each department's performance-management work; a department
  // reads its own row only (which rows is the department scope).
  "assessment.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  "assessment.export": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "LEADER"],
  // 待办: each person reads their own notifications only; the system and audit administrators take
  // part in no hand-off (三权分立).
  "todos.read": [
    "FINANCE_ADMIN",
    "FINANCE_REVIEWER",
    "EXPERT",
    "DEPT_FILER",
    "DEPT_APPROVER",
    "AGENCY",
    "LEADER",
  ],
  "agencies.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "AGENCY", "LEADER"],
  "agencies.manage": ["FINANCE_ADMIN"],
  "agencies.editProfile": ["FINANCE_ADMIN", "AGENCY"],
  // 第三方评价: which engagements is decided from the record (features/third-party/scope.ts).
  "thirdParty.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "DEPT_FILER", "DEPT_APPROVER", "AGENCY", "LEADER"],
  "thirdParty.engage": ["FINANCE_ADMIN"],
  "thirdParty.declare": ["AGENCY"],
  "thirdParty.fill": ["AGENCY"],
  "thirdParty.review": ["FINANCE_ADMIN"],
  "thirdParty.rate": ["FINANCE_ADMIN"],
  "thirdParty.export": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "LEADER"],
  "years.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "LEADER"],
  "years.configure": ["FINANCE_ADMIN"],
  // The finance dashboard's department table as .xlsx (the figures are scoped like the dashboard).
  "dashboard.export": ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
  // 年度工作总结: the bureau's report of the work year; section 三 (next year's plan) is written by finance.
  "reports.read": ["FINANCE_ADMIN", "FINANCE_REVIEWER", "LEADER"],
  "reports.writePlan": ["FINANCE_ADMIN"],
  "years.create": ["FINANCE_ADMIN"],
  "users.read": ["SYS_ADMIN"],
  "users.manage": ["SYS_ADMIN"],
  "audit.read": ["AUDITOR"],
  "audit.export": ["AUDITOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(user: { role: Role }, permission: Permission): void {
  if (!can(user.role, permission)) throw new AppError("FORBIDDEN");
}
