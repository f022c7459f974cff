import type { EvaluationStatus } from "@/domain/evaluation";
import type { Role } from "@/server/schema/enums";

// 单位自评's workflow as a table: the unit submits, the department approves or returns, finance
// receives it or returns it. service.ts makes every move through one function that reads this table.
export type TransitionName = "submit" | "deptApprove" | "deptReturn" | "financeReceive" | "financeReturn";

export type Transition = {
  name: TransitionName;
  from: readonly EvaluationStatus[];
  to: EvaluationStatus;
  roles: readonly Role[];
  commentRequired: boolean;
};

export const TRANSITIONS: readonly Transition[] = [
  {
    name: "submit",
    from: ["DRAFT", "RETURNED"],
    to: "SUBMITTED",
    roles: ["DEPT_FILER"],
    commentRequired: false,
  },
  {
    name: "deptApprove",
    from: ["SUBMITTED"],
    to: "DEPT_APPROVED",
    roles: ["DEPT_APPROVER"],
    commentRequired: false,
  },
  {
    name: "deptReturn",
    from: ["SUBMITTED"],
    to: "RETURNED",
    roles: ["DEPT_APPROVER"],
    commentRequired: true,
  },
  {
    name: "financeReceive",
    from: ["DEPT_APPROVED"],
    to: "RECEIVED",
    roles: ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
    commentRequired: false,
  },
  {
    name: "financeReturn",
    from: ["DEPT_APPROVED", "RECEIVED"],
    to: "RETURNED",
    roles: ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
    commentRequired: true,
  },
];

export const SELF_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "DEPT_APPROVED", "RECEIVED"] as const;
export type SelfStatus = (typeof SELF_STATUSES)[number];
export const EDITABLE_STATUSES: readonly EvaluationStatus[] = ["DRAFT", "RETURNED"];
/** Filed: counts towards coverage (submitted, whatever happened after, unless sent back). */
export const FILED_STATUSES: readonly EvaluationStatus[] = ["SUBMITTED", "DEPT_APPROVED", "RECEIVED"];

/** The review move a role makes at this status: approve (or receive) or return, or none. */
export function reviewTransition(
  status: EvaluationStatus,
  role: Role,
  decision: "approve" | "return",
): Transition | undefined {
  return TRANSITIONS.find(
    (t) =>
      t.name !== "submit" &&
      t.from.includes(status) &&
      t.roles.includes(role) &&
      (decision === "approve" ? t.to !== "RETURNED" : t.to === "RETURNED"),
  );
}

/** Which review panel a role sees at a status: the department's, finance's, or none. */
export function reviewStage(status: EvaluationStatus, role: Role): "dept" | "finance" | null {
  if (!reviewTransition(status, role, "return")) return null;
  return role === "DEPT_APPROVER" ? "dept" : "finance";
}

export const transitionByName = (name: TransitionName) => TRANSITIONS.find((t) => t.name === name)!;
