// 事后评价 arithmetic shared by every evaluation type (SPEC §6): scores and grades are computed,
// never typed. Points are handled in hundredths (integers) so sums are exact.

export const EVALUATION_TYPES = [
  "SELF",
  "SAMPLED",
  "KEY",
  "THIRD_PARTY",
  "DEPT_OVERALL",
  "TOWNSHIP_FISCAL",
] as const;
export type EvaluationType = (typeof EVALUATION_TYPES)[number];

export const EVALUATION_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "DEPT_APPROVED",
  "RECEIVED",
  "SCORING",
  "SETTLED",
] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export const GRADES = ["EXCELLENT", "GOOD", "PASS", "FAIL"] as const;
export type Grade = (typeof GRADES)[number];

/** 优 ≥ excellent, 良 ≥ good, 中 ≥ pass, else 差 (year settings, default 90 / 80 / 60). */
export type GradeCutoffs = { excellent: number; good: number; pass: number };
export const DEFAULT_CUTOFFS: GradeCutoffs = { excellent: 90, good: 80, pass: 60 };

/** Decimal text with up to two places → hundredths; null when it is not such a number. */
export function toHundredths(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === "number" ? value.toFixed(2) : value.trim();
  const m = /^(\d{1,4})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number(((m[2] ?? "") + "00").slice(0, 2));
}

export const hundredthsToText = (h: number) => (h / 100).toFixed(2);

/** The grade of a total given in hundredths: the boundary belongs to the higher grade (90.00 is 优). */
export function gradeOf(totalHundredths: number, cutoffs: GradeCutoffs = DEFAULT_CUTOFFS): Grade {
  if (totalHundredths >= cutoffs.excellent * 100) return "EXCELLENT";
  if (totalHundredths >= cutoffs.good * 100) return "GOOD";
  if (totalHundredths >= cutoffs.pass * 100) return "PASS";
  return "FAIL";
}

/**
 * 预算执行率 points = min(执行数 ÷ 全年预算数, 1) × weight, in hundredths, rounded half up. Amounts are
 * fen (integers) so the ratio is exact; a zero or missing budget earns nothing.
 */
export function executionPoints(budgetFen: bigint, executedFen: bigint, weight = 10): number {
  if (budgetFen <= 0n || executedFen <= 0n) return 0;
  const capped = executedFen > budgetFen ? budgetFen : executedFen;
  const num = capped * BigInt(weight * 100) * 2n;
  return Number((num / budgetFen + 1n) / 2n);
}

/** Points earned on an indicator, capped at its maximum; null while it is blank or not a number. */
export function cappedPoints(earned: string, maxHundredths: number): number | null {
  const h = toHundredths(earned);
  if (h === null) return null;
  return Math.min(h, maxHundredths);
}

export type ScoreLine = { points: string; maxPoints: string };

/** Sum of the indicator points (each capped) plus the execution points, in hundredths. */
export function totalScore(lines: ScoreLine[], execution: number): number {
  let sum = execution;
  for (const l of lines) sum += cappedPoints(l.points, toHundredths(l.maxPoints) ?? 0) ?? 0;
  return sum;
}
