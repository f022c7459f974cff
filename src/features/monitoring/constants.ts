// The fixed lists of 事中监控 (SPEC §5), shared by the schema, the rules, the forms and the seed.

export const REPORT_STATUSES = [
  "NOT_FILED",
  "DRAFT",
  "SUBMITTED",
  "DEPT_APPROVED",
  "APPROVED",
  "RETURNED",
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** A report counts as filed once the unit has submitted it. */
export const FILED_STATUSES: readonly ReportStatus[] = ["SUBMITTED", "DEPT_APPROVED", "APPROVED"];

export const SCOPE_RULES = ["ALL", "MIN_AMOUNT", "DEPARTMENTS"] as const;
export type ScopeRule = (typeof SCOPE_RULES)[number];

export const LIKELIHOODS = ["CERTAIN", "POSSIBLE", "IMPOSSIBLE"] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const DEVIATION_REASONS = ["FUNDING", "SYSTEM", "STAFF", "HARDWARE", "OTHER"] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];

export const FUNDING_SOURCES = ["CURRENT", "CARRYOVER", "OTHER"] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const NOTICE_KINDS = ["CORRECTION", "SUSPEND_FUNDING", "STOP_FUNDING", "TARGET_ADJUSTMENT"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_STATUSES = ["OPEN", "ANSWERED", "CLOSED"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const WARNING_COLOURS = ["RED", "YELLOW", "GREEN"] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];
