import type { AgencyStatus } from "@/server/schema/agencies";

// 第三方机构 rules (SPEC §6): who may be engaged, and how an engagement is rated. Pure.

export const VIOLATION_YEARS = 3;

export type EngagementRefusal = "notActive" | "blacklisted" | "recentViolation" | "conflict";

export type AgencyRecord = {
  status: AgencyStatus;
  blacklistedOn: string | null;
  violations: { occurredOn: string }[];
  conflictDepartmentIds: string[];
};

/** The day `years` years before an ISO date (29 February falls back to 28 February). */
export function yearsBefore(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${y - years}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * Why an agency may not evaluate a department today, or an empty list when it may: it must be
 * active, never blacklisted, without a violation in the last three years, and without a declared
 * conflict of interest with the department.
 */
export function engagementRefusals(
  agency: AgencyRecord,
  departmentId: string,
  today: string,
): EngagementRefusal[] {
  const out: EngagementRefusal[] = [];
  if (agency.status !== "ACTIVE") out.push("notActive");
  if (agency.blacklistedOn || agency.status === "BLACKLISTED") out.push("blacklisted");
  const since = yearsBefore(today, VIOLATION_YEARS);
  if (agency.violations.some((v) => v.occurredOn > since && v.occurredOn <= today))
    out.push("recentViolation");
  if (agency.conflictDepartmentIds.includes(departmentId)) out.push("conflict");
  return out;
}

// 机构评价: 100 points over four criteria.
export const RATING_CRITERIA = { quality: 40, timeliness: 20, independence: 20, compliance: 20 } as const;
export type RatingCriterion = keyof typeof RATING_CRITERIA;

/** A rating's total from its breakdown, refusing a criterion above its points. */
export function ratingTotal(breakdown: Partial<Record<RatingCriterion, number>>): number | null {
  let sum = 0;
  for (const [k, max] of Object.entries(RATING_CRITERIA) as [RatingCriterion, number][]) {
    const v = breakdown[k];
    if (v === undefined || !Number.isFinite(v) || v < 0 || v > max) return null;
    sum += v;
  }
  return Math.round(sum * 100) / 100;
}
