import type { EvaluationStatus, EvaluationType } from "@/domain/evaluation";

// 第三方评价 rules (SPEC §6), pure: the fee as typed in 万元, which status an engagement starts from
// and moves through, and when a deadline is overdue.

/** A fee in 万元 with at most four decimals (to the yuan). */
export const FEE_WAN_PATTERN = /^\d{1,8}(\.\d{1,4})?$/;

/** 万元 text → 元 text with two decimals, exactly (no floating point). */
export function wanToYuan(wan: string): string {
  const [whole, frac = ""] = wan.trim().split(".");
  const yuan = BigInt(whole!) * 10_000n + BigInt((frac + "0000").slice(0, 4));
  return `${yuan}.00`;
}

/**
 * Where the agency's work starts: a project's third-party evaluation is created in DRAFT for it; a
 * department-wide one waits in RECEIVED (the department has filed its own evaluation).
 */
export function startStatus(type: EvaluationType): EvaluationStatus | null {
  if (type === "THIRD_PARTY") return "DRAFT";
  if (type === "DEPT_OVERALL") return "RECEIVED";
  return null;
}

/** The agency fills its sheet and report in these statuses. */
export const AGENCY_EDITABLE: readonly EvaluationStatus[] = ["SCORING", "RETURNED"];

/** Overdue: the deadline has passed and the report is not yet with finance or accepted. */
export function isOverdue(deadline: string, status: EvaluationStatus, today: string): boolean {
  return deadline < today && status !== "SUBMITTED" && status !== "SETTLED";
}

/** Days from today to the deadline (negative when past). */
export function daysLeft(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
