// 部门预算绩效管理工作考核 (督考, "以考促评"): the pure arithmetic of a department's scorecard (no I/O).
// The counts behind each criterion come from the data (features/assessment/queries.ts); the weights are
// the year's settings. Points are kept in hundredths (integers), so nothing drifts in floats.

export const ASSESSMENT_CRITERIA = [
  "targetsOnTime",
  "selfOnTime",
  "coverage",
  "targetQuality",
  "scoreGap",
  "notices",
  "rectification",
] as const;
export type AssessmentCriterion = (typeof ASSESSMENT_CRITERIA)[number];

/** The year-settings column holding each criterion's weight. */
export const WEIGHT_FIELD_OF = {
  targetsOnTime: "assessTargetsOnTime",
  selfOnTime: "assessSelfOnTime",
  coverage: "assessCoverage",
  targetQuality: "assessTargetQuality",
  scoreGap: "assessScoreGap",
  notices: "assessNotices",
  rectification: "assessRectification",
} as const satisfies Record<AssessmentCriterion, string>;

export type AssessmentWeights = Record<AssessmentCriterion, number>;

/**
 * An average over-scoring (self score above the sampled score) of this many points or more earns no
 * points for 自评质量; none or under-scoring earns them all; in between, in proportion.
 */
export const GAP_LIMIT_POINTS = 20;

/**
 * What was asked of the department and how much of it was done. A criterion with nothing to assess
 * (no denominator) is left out, and the total is brought back to 100 over the criteria that apply.
 */
export type CriterionCounts = {
  targetsOnTime: { done: number; of: number };
  selfOnTime: { done: number; of: number };
  coverage: { done: number; of: number };
  /** done = target sheets never returned, of those submitted. */
  targetQuality: { done: number; of: number };
  /** of = settled sampled projects; gap = their average self score minus sampled score (e.g. "3.25"). */
  scoreGap: { of: number; gap: string | null };
  notices: { done: number; of: number };
  rectification: { done: number; of: number };
};

export type CriterionScore = {
  criterion: AssessmentCriterion;
  weight: number;
  /** Points earned, in hundredths; null when nothing was there to assess. */
  points: number | null;
  /** The share achieved, in hundredths of a percent (10000 = 100%); null when not applicable. */
  rate: number | null;
};

export type Scorecard = {
  criteria: CriterionScore[];
  /** Points earned over the criteria that apply, in hundredths. */
  earned: number;
  /** Their weights together (points). */
  applicableWeight: number;
  /** The total out of 100, in hundredths; null when no criterion applies. */
  total: number | null;
};

/** a × b ÷ c rounded half up, for non-negative integers (exact: no float division of large values). */
function mulDiv(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((n * 2n + d) / (d * 2n));
}

/** "3.25" → 325; "-1.5" → -150. */
export function toHundredths(value: string): number {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?\d*$/.exec(value.trim());
  if (!m) throw new Error(`not a score: ${value}`);
  const n = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -n : n;
}

function ratio(weight: number, done: number, of: number): Pick<CriterionScore, "points" | "rate"> {
  if (of <= 0) return { points: null, rate: null };
  const d = Math.min(Math.max(done, 0), of);
  return { points: mulDiv(weight * 100, d, of), rate: mulDiv(10_000, d, of) };
}

/** The gap's share kept: 100% at no over-scoring, 0 at GAP_LIMIT_POINTS or more. */
function gapScore(weight: number, of: number, gap: string | null): Pick<CriterionScore, "points" | "rate"> {
  if (of <= 0 || gap === null) return { points: null, rate: null };
  const over = Math.min(Math.max(toHundredths(gap), 0), GAP_LIMIT_POINTS * 100);
  const kept = GAP_LIMIT_POINTS * 100 - over;
  return {
    points: mulDiv(weight * 100, kept, GAP_LIMIT_POINTS * 100),
    rate: mulDiv(10_000, kept, GAP_LIMIT_POINTS * 100),
  };
}

/** One department's scorecard from its counts and the year's weights. */
export function scorecard(counts: CriterionCounts, weights: AssessmentWeights): Scorecard {
  const criteria = ASSESSMENT_CRITERIA.map((criterion): CriterionScore => {
    const weight = weights[criterion];
    const part =
      criterion === "scoreGap"
        ? gapScore(weight, counts.scoreGap.of, counts.scoreGap.gap)
        : ratio(weight, counts[criterion].done, counts[criterion].of);
    return { criterion, weight, ...part };
  });
  const applying = criteria.filter((c) => c.points !== null);
  const earned = applying.reduce((sum, c) => sum + c.points!, 0);
  const applicableWeight = applying.reduce((sum, c) => sum + c.weight, 0);
  const total = applicableWeight > 0 ? mulDiv(earned, 100, applicableWeight) : null;
  return { criteria, earned, applicableWeight, total };
}

/**
 * Ranks by total, highest first: equal totals share a rank and the next rank skips (1, 2, 2, 4).
 * Rows with no total come last, unranked. The order among equals is kept as given.
 */
export function rankByTotal<R extends { total: number | null }>(rows: R[]): (R & { rank: number | null })[] {
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r.total ?? -1) - (a.r.total ?? -1) || a.i - b.i)
    .map(({ r }) => r);
  let rank = 0;
  return sorted.map((r, i) => {
    if (r.total === null) return { ...r, rank: null };
    if (i === 0 || sorted[i - 1]!.total !== r.total) rank = i + 1;
    return { ...r, rank };
  });
}

/** Hundredths as a fixed two-place string: 1234 → "12.34". */
export function hundredthsText(n: number): string {
  const sign = n < 0 ? "-" : "";
  const a = Math.abs(n);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}
