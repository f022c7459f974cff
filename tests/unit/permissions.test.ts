import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { assertCan, can, PERMISSIONS, type Permission } from "@/server/permissions";
import { ROLES, type Role } from "@/server/schema/enums";

// Who may do what, written out from SPEC §1 as a grid a reader can check line by line.
// Columns: FINANCE_ADMIN, FINANCE_REVIEWER, EXPERT, DEPT_FILER, DEPT_APPROVER, AGENCY, LEADER, SYS_ADMIN, AUDITOR.
const EXPECTED: Record<Permission, string> = {
  "dashboard.view": "YYYYYYYYY",
  "account.changePassword": "YYYYYYYYY",
  "account.twoFactor": "YYYYYYYYY",
  "projects.read": "YY.YY.Y..",
  "projects.create": "...Y.....",
  "projects.update": "...Y.....",
  "projects.export": "YY.YY.Y..",
  "projects.markBudgeted": "Y........",
  "preAssessment.read": "YYYYY....",
  "preAssessment.fill": "...Y.....",
  "preAssessment.deptReview": "....Y....",
  "preAssessment.financeReview": "YY.......",
  "preAssessment.manageGroups": "Y........",
  "preAssessment.score": "..Y......",
  "preAssessment.conclude": "Y........",
  "targets.read": "YY.YY.Y..",
  "targets.fill": "...Y.....",
  "targets.deptReview": "....Y....",
  "targets.financeReview": "YY.......",
  "indicators.manage": "Y........",
  "selfEvaluation.read": "YY.YY.Y..",
  "selfEvaluation.open": "Y........",
  "selfEvaluation.fill": "...Y.....",
  "selfEvaluation.deptReview": "....Y....",
  "selfEvaluation.financeReview": "YY.......",
  "sampling.read": "YYY......",
  "sampling.manage": "Y........",
  "sampling.score": ".YY......",
  "sampling.export": "Y........",
  "sampling.feedback": "Y........",
  "sampling.feedbackRead": "...YY....",
  "sampling.acknowledge": "....Y....",
  "monitoring.read": "YY.YY.Y..",
  "monitoring.manageRounds": "Y........",
  "monitoring.importPayments": "Y........",
  "monitoring.fill": "...Y.....",
  "monitoring.deptReview": "....Y....",
  "monitoring.financeReview": "YY.......",
  "monitoring.respond": "YY.......",
  "monitoring.answerNotice": "...YY....",
  "monitoring.warnings": "YY....Y..",
  "attachments.read": "YYYYYYY..",
  "attachments.upload": "YYYYYY...",
  "attachments.delete": "YYYYYY...",
  "deptOverall.read": "YY..Y.Y..",
  "deptOverall.open": "Y........",
  "deptOverall.selfEvaluate": "....Y....",
  "deptOverall.return": "Y........",
  "deptOverall.opinion": "......Y..",
  "townshipEvaluation.read": "YY.YY.Y..",
  "townshipEvaluation.open": "Y........",
  "townshipEvaluation.selfEvaluate": "...YY....",
  "townshipEvaluation.score": "YY.......",
  "evaluationTemplates.read": "YY....Y..",
  "evaluationTemplates.manage": "Y........",
  "keyEvaluation.read": "YY.YY.Y..",
  "keyEvaluation.manage": "Y........",
  "keyEvaluation.score": ".Y.......",
  "keyEvaluation.export": "YY....Y..",
  "rectification.read": "YY.YY.Y..",
  "rectification.raise": "YY.......",
  "rectification.verify": "YY.......",
  "rectification.reply": "...YY....",
  "rectification.export": "YY.YY.Y..",
  "results.read": "YY.YY.Y..",
  "results.adjust": "Y........",
  "results.export": "YY....Y..",
  "assessment.read": "YY.YY.Y..",
  "assessment.export": "YY.YY.Y..",
  "todos.read": "YYYYYYY..",
  "agencies.read": "YY...YY..",
  "agencies.manage": "Y........",
  "agencies.editProfile": "Y....Y...",
  "thirdParty.read": "YY.YYYY..",
  "thirdParty.engage": "Y........",
  "thirdParty.declare": ".....Y...",
  "thirdParty.fill": ".....Y...",
  "thirdParty.review": "Y........",
  "thirdParty.rate": "Y........",
  "thirdParty.export": "YY....Y..",
  "years.read": "YY....Y..",
  "years.configure": "Y........",
  "dashboard.export": "YY.......",
  "reports.read": "YY....Y..",
  "reports.writePlan": "Y........",
  "years.create": "Y........",
  "users.read": ".......Y.",
  "users.manage": ".......Y.",
  "audit.read": "........Y",
  "audit.export": "........Y",
};

describe("permission table", () => {
  it("lists exactly the permissions of the grid", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = (Object.keys(EXPECTED) as Permission[]).flatMap((permission) =>
    ROLES.map(
      (role, i) => [permission, role, EXPECTED[permission][i] === "Y"] as [Permission, Role, boolean],
    ),
  );

  it.each(cases)("%s for %s: allowed=%s", (permission, role, allowed) => {
    expect(can(role, permission)).toBe(allowed);
    if (allowed) expect(() => assertCan({ role }, permission)).not.toThrow();
    else expect(() => assertCan({ role }, permission)).toThrow(AppError);
  });

  it("gives SYS_ADMIN and AUDITOR no business permission (三权分立)", () => {
    const business = (Object.keys(PERMISSIONS) as Permission[]).filter(
      (p) =>
        !p.startsWith("users.") &&
        !p.startsWith("audit.") &&
        p !== "dashboard.view" &&
        p !== "account.changePassword" &&
        p !== "account.twoFactor",
    );
    for (const p of business) {
      expect(can("SYS_ADMIN", p), p).toBe(false);
      expect(can("AUDITOR", p), p).toBe(false);
    }
  });
});
