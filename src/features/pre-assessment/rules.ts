import { fenToYuanString, inUnit, ratePercent, toFen } from "@/domain/money";
import type { Permission } from "@/server/permissions";
import type { PreAssessmentConclusion, PreAssessmentStatus } from "@/server/schema/pre-assessment";

// Pure rules of 事前绩效评估 and 财政再评估: scores, the workflow's transition table, the conclusion's
// amount rule and 核减额 / 核减率. No I/O: the service applies them, the forms preview them.

export const DIMENSIONS = ["necessity", "economy", "targets", "feasibility", "compliance"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_MAX = 20;

export type Scores = Record<Dimension, number | null | undefined>;

/** 得分合计: the sum of the five dimensions (out of 100); unscored dimensions count as 0. */
export function totalScore(scores: Partial<Scores>): number {
  return DIMENSIONS.reduce((sum, d) => sum + (scores[d] ?? 0), 0);
}

export function isFullyScored(scores: Partial<Scores>): boolean {
  return DIMENSIONS.every(
    (d) => Number.isInteger(scores[d]) && scores[d]! >= 0 && scores[d]! <= DIMENSION_MAX,
  );
}

/** The experts' average total, one decimal, or null before any expert submitted. */
export function averageTotal(totals: number[]): string | null {
  if (totals.length === 0) return null;
  return (Math.round((totals.reduce((a, b) => a + b, 0) * 10) / totals.length) / 10).toFixed(1);
}

export type TransitionName =
  | "submit"
  | "deptApprove"
  | "deptReturn"
  | "financeAccept"
  | "financeReturn"
  | "startExpertReview"
  | "conclude";

export type Transition = {
  from: readonly PreAssessmentStatus[];
  to: PreAssessmentStatus;
  permission: Permission;
  /** A return must say why. */
  commentRequired: boolean;
};

// The workflow: who moves a pre-assessment from where to where. One function (service.transition)
// performs every move with a version-checked update and an audit row.
export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: {
    from: ["DRAFT", "RETURNED"],
    to: "SUBMITTED",
    permission: "preAssessment.fill",
    commentRequired: false,
  },
  deptApprove: {
    from: ["SUBMITTED"],
    to: "DEPT_APPROVED",
    permission: "preAssessment.deptReview",
    commentRequired: false,
  },
  deptReturn: {
    from: ["SUBMITTED"],
    to: "RETURNED",
    permission: "preAssessment.deptReview",
    commentRequired: true,
  },
  financeAccept: {
    from: ["DEPT_APPROVED"],
    to: "FINANCE_REVIEWING",
    permission: "preAssessment.financeReview",
    commentRequired: false,
  },
  financeReturn: {
    from: ["DEPT_APPROVED", "FINANCE_REVIEWING"],
    to: "RETURNED",
    permission: "preAssessment.financeReview",
    commentRequired: true,
  },
  startExpertReview: {
    from: ["FINANCE_REVIEWING"],
    to: "IN_EXPERT_REVIEW",
    permission: "preAssessment.manageGroups",
    commentRequired: false,
  },
  // From FINANCE_REVIEWING finance concludes on the unit's report alone (no 再评估); from
  // IN_EXPERT_REVIEW once the experts submitted, or with an override reason.
  conclude: {
    from: ["FINANCE_REVIEWING", "IN_EXPERT_REVIEW"],
    to: "CONCLUDED",
    permission: "preAssessment.conclude",
    commentRequired: false,
  },
};

/** The unit edits its assessment only while it is with the unit. */
export const EDITABLE_STATUSES: readonly PreAssessmentStatus[] = ["DRAFT", "RETURNED"];

export function canTransition(from: PreAssessmentStatus, name: TransitionName): boolean {
  return TRANSITIONS[name].from.includes(from);
}

/** Conclusions that let the project into the budget (纳入预算). */
export function isSupporting(c: PreAssessmentConclusion | null | undefined): boolean {
  return c === "SUPPORT" || c === "SUPPORT_ADJUSTED";
}

/**
 * The recommended amount a conclusion allows, or an error key:
 * 予以支持 → the requested amount (a different amount is 调整后予以支持);
 * 调整后予以支持 → more than 0 and less than requested; 不予支持 → 0.
 */
export function resolveRecommended(
  conclusion: PreAssessmentConclusion,
  requested: string,
  typed: string | null | undefined,
): { ok: true; amount: string } | { ok: false; error: string } {
  const req = toFen(requested);
  if (conclusion === "REJECT") return { ok: true, amount: "0.00" };
  if (conclusion === "SUPPORT") {
    if (typed && toFen(typed) !== req) return { ok: false, error: "supportMustKeepAmount" };
    return { ok: true, amount: fenToYuanString(req) };
  }
  if (!typed) return { ok: false, error: "recommendedRequired" };
  const rec = toFen(typed);
  if (rec <= 0n || rec >= req) return { ok: false, error: "adjustedOutOfRange" };
  return { ok: true, amount: fenToYuanString(rec) };
}

/** 核减额 = 申报数 − 建议数, in yuan. */
export function cutAmount(requested: string, recommended: string): string {
  return fenToYuanString(toFen(requested) - toFen(recommended));
}

/** 核减率 = 核减额 ÷ 申报数, as a percentage string with two decimals, from the unrounded amounts. */
export function cutRate(requested: string, recommended: string): string | null {
  const req = toFen(requested);
  return ratePercent(req - toFen(recommended), req);
}

export type ConcludedAmounts = { requested: string; recommended: string };

export type YearTotals = { projects: number; requested: string; recommended: string; cut: string };

/** The year's 财政再评估 totals from each concluded project's stored amounts. */
export function yearTotals(rows: ConcludedAmounts[]): YearTotals {
  let req = 0n;
  let rec = 0n;
  for (const r of rows) {
    req += toFen(r.requested);
    rec += toFen(r.recommended);
  }
  return {
    projects: rows.length,
    requested: fenToYuanString(req),
    recommended: fenToYuanString(rec),
    cut: fenToYuanString(req - rec),
  };
}

/** The totals as the year card shows them: 亿元 with two decimals and the rate in percent. */
export function formatYearTotals(t: YearTotals) {
  return {
    projects: t.projects.toLocaleString("en-US"),
    requestedYi: inUnit(t.requested, "yi", 2),
    cutYi: inUnit(t.cut, "yi", 2),
    cutRate: ratePercent(t.cut, t.requested) ?? "—",
  };
}
