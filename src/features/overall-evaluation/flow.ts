import type { EvaluationStatus } from "@/domain/evaluation";
import type { OrgKind, Role } from "@/server/schema/enums";

// 部门整体绩效评价 and 乡镇财政运行综合绩效评价: the subject (a department or a township) scores itself
// first on the year's template; then an agency (department-wide, through the third-party module) or
// finance (township) scores it. The moves each module makes itself are listed here.

export const OVERALL_TYPES = ["DEPT_OVERALL", "TOWNSHIP_FISCAL"] as const;
export type OverallType = (typeof OVERALL_TYPES)[number];

/** The organisation kind each type evaluates. */
export const SUBJECT_KIND: Record<OverallType, OrgKind> = {
  DEPT_OVERALL: "DEPARTMENT",
  TOWNSHIP_FISCAL: "TOWNSHIP",
};

/** Where each type lives in the app. */
export const BASE_PATH: Record<OverallType, string> = {
  DEPT_OVERALL: "/dept-evaluations",
  TOWNSHIP_FISCAL: "/township-evaluations",
};

/** The statuses each type passes through, in order (the list filter offers these). */
export const STATUSES: Record<OverallType, readonly EvaluationStatus[]> = {
  DEPT_OVERALL: ["DRAFT", "RETURNED", "RECEIVED", "SCORING", "SUBMITTED", "SETTLED"],
  TOWNSHIP_FISCAL: ["DRAFT", "RETURNED", "SUBMITTED", "SETTLED"],
};

/** The subject fills its own points and report only while it holds the evaluation. */
export const SELF_EDITABLE: readonly EvaluationStatus[] = ["DRAFT", "RETURNED"];

/**
 * Submitting the self-evaluation: a department's goes to finance (RECEIVED: finance then engages an
 * agency for the field evaluation); a township's goes to finance for scoring (SUBMITTED).
 */
export const SUBMITTED_TO: Record<OverallType, EvaluationStatus> = {
  DEPT_OVERALL: "RECEIVED",
  TOWNSHIP_FISCAL: "SUBMITTED",
};

/** Who fills the subject's own column. */
export const SELF_ROLES: Record<OverallType, readonly Role[]> = {
  DEPT_OVERALL: ["DEPT_APPROVER"],
  TOWNSHIP_FISCAL: ["DEPT_FILER", "DEPT_APPROVER"],
};

/**
 * Finance sends the self-evaluation back with a reason: a department's while it waits for the field
 * evaluation (once the agency has declared and started, RECEIVED is left behind); a township's while
 * it waits to be scored.
 */
export const RETURNABLE_FROM: Record<OverallType, EvaluationStatus> = {
  DEPT_OVERALL: "RECEIVED",
  TOWNSHIP_FISCAL: "SUBMITTED",
};

export const canFillSelf = (type: OverallType, role: Role, status: EvaluationStatus) =>
  SELF_ROLES[type].includes(role) && SELF_EDITABLE.includes(status);

/** 人大 records its 审议意见 on a department-wide evaluation once the field evaluation is accepted. */
export const canRecordOpinion = (
  type: OverallType,
  user: { role: Role; orgKind: OrgKind | null },
  status: EvaluationStatus,
) => type === "DEPT_OVERALL" && user.role === "LEADER" && user.orgKind === "CONGRESS" && status === "SETTLED";
