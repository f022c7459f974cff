import type { Role } from "@/server/schema/enums";
import type { NoticeStatus, ReportStatus } from "./constants";

// The monitoring report's workflow as a table, like the target sheet's: one row per move, who may
// make it, and whether a comment is required. service.ts performs every move through one function.
export type ReportTransitionName =
  "submit" | "deptApprove" | "deptReturn" | "financeApprove" | "financeReturn";

export type ReportTransition = {
  name: ReportTransitionName;
  from: readonly ReportStatus[];
  to: ReportStatus;
  roles: readonly Role[];
  commentRequired: boolean;
};

export const EDITABLE_REPORT_STATUSES: readonly ReportStatus[] = ["NOT_FILED", "DRAFT", "RETURNED"];

export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  {
    name: "submit",
    from: EDITABLE_REPORT_STATUSES,
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
    name: "financeApprove",
    from: ["DEPT_APPROVED"],
    to: "APPROVED",
    roles: ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
    commentRequired: false,
  },
  {
    name: "financeReturn",
    from: ["DEPT_APPROVED"],
    to: "RETURNED",
    roles: ["FINANCE_ADMIN", "FINANCE_REVIEWER"],
    commentRequired: true,
  },
];

export function reportTransitionByName(name: ReportTransitionName): ReportTransition {
  return REPORT_TRANSITIONS.find((t) => t.name === name)!;
}

/** The review move a role makes on a report at this status: approve or return, or none. */
export function reportReviewTransition(
  status: ReportStatus,
  role: Role,
  decision: "approve" | "return",
): ReportTransition | undefined {
  return REPORT_TRANSITIONS.find(
    (t) =>
      t.name !== "submit" &&
      t.from.includes(status) &&
      t.roles.includes(role) &&
      (decision === "approve" ? t.to !== "RETURNED" : t.to === "RETURNED"),
  );
}

export const canReviewReport = (status: ReportStatus, role: Role) =>
  Boolean(reportReviewTransition(status, role, "approve"));

// A notice: finance issues it (OPEN), the department answers (ANSWERED), finance closes it (CLOSED)
// or sends it back for a better answer (OPEN again).
export const NOTICE_MOVES = {
  answer: { from: ["OPEN"], to: "ANSWERED" },
  close: { from: ["ANSWERED"], to: "CLOSED" },
  reopen: { from: ["ANSWERED"], to: "OPEN" },
} as const satisfies Record<string, { from: readonly NoticeStatus[]; to: NoticeStatus }>;
