import type { Role } from "@/server/schema/enums";
import type { SheetStatus } from "./levels";

// The target sheet's workflow as a table: one row per move, who may make it, and whether a comment
// is required. service.ts performs every move through one function that reads this table.
export type TransitionName = "submit" | "deptApprove" | "deptReturn" | "financeApprove" | "financeReturn";

export type Transition = {
  name: TransitionName;
  from: readonly SheetStatus[];
  to: SheetStatus;
  roles: readonly Role[];
  commentRequired: boolean;
  /** Submitting runs the quality checks first. */
  checksQuality: boolean;
};

export const TRANSITIONS: readonly Transition[] = [
  {
    name: "submit",
    from: ["DRAFT", "RETURNED"],
    to: "SUBMITTED",
    roles: ["DEPT_FILER"],
    commentRequired: false,
    checksQuality: true,
  },
  {
    name: "deptApprove",
    from: ["SUBMITTED"],
    to: "DEPT_APPROVED",
    roles: ["DEPT_APPROVER"],
    commentRequired: false,
    checksQuality: false,
  },
  {
    name: "deptReturn",
    from: ["SUBMITTED"],
    to: "RETURNED",
    roles: ["DEPT_APPROVER"],
    commentRequired: true,
    checksQuality: false,
  },
  {
    name: "financeApprove",
    from: ["DEPT_APPROVED"],
    to: "APPROVED",
    roles: ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
    commentRequired: false,
    checksQuality: false,
  },
  {
    name: "financeReturn",
    from: ["DEPT_APPROVED"],
    to: "RETURNED",
    roles: ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
    commentRequired: true,
    checksQuality: false,
  },
];

export const EDITABLE_STATUSES: readonly SheetStatus[] = ["DRAFT", "RETURNED"];

/** The review move a role makes on a sheet at this status: approve or return, or none. */
export function reviewTransition(
  status: SheetStatus,
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

export function transitionByName(name: TransitionName): Transition {
  return TRANSITIONS.find((t) => t.name === name)!;
}

/** May this role review (approve/return) a sheet at this status? For showing the review panel. */
export const canReview = (status: SheetStatus, role: Role) =>
  Boolean(reviewTransition(status, role, "approve"));
