import { toFen } from "@/domain/money";
import type { Direction, Operator } from "@/features/targets/levels";
import type { WarningColour } from "./constants";

// 双监控 rules (SPEC §5). Pure: no I/O. Amounts in yuan strings (exact), indicator values as typed
// decimals; every comparison is done on integers so a boundary (60%, 80%, 20%) is exact.

export type WarningThresholds = { red: number; yellow: number; deviation: number };

/** Time elapsed at the end of a period of `months` months, as a percentage of the year. */
export function timeElapsedPercent(months: number): number {
  if (!Number.isInteger(months) || months < 1 || months > 12) throw new Error(`Bad period: ${months}`);
  return (months * 100) / 12;
}

/** The last day of the period (months 1..n of the year), as YYYY-MM-DD. */
export function periodEnd(year: number, months: number): string {
  const last = new Date(Date.UTC(year, months, 0)).getUTCDate();
  return `${year}-${String(months).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/**
 * Budget execution rate ÷ time elapsed, in percent with two decimals (e.g. "85.71"), or null when
 * there is no budget. executed/budget ÷ months/12 × 100 = executed × 1200 ÷ (budget × months).
 */
export function progressRatio(executed: string, budget: string, months: number): string | null {
  const b = toFen(budget);
  if (b <= 0n) return null;
  timeElapsedPercent(months);
  const num = toFen(executed) * 1200n * 100n;
  const den = b * BigInt(months);
  let q = num / den;
  if ((num % den) * 2n >= den) q += 1n;
  return `${q / 100n}.${(q % 100n).toString().padStart(2, "0")}`;
}

/** Red below `red`%, yellow below `yellow`%, green from `yellow`%; null without a budget. */
export function warningColour(
  executed: string,
  budget: string,
  months: number,
  t: Pick<WarningThresholds, "red" | "yellow">,
): WarningColour | null {
  const b = toFen(budget);
  if (b <= 0n) return null;
  timeElapsedPercent(months);
  // ratio < limit  ⇔  executed × 1200 < limit × budget × months (all integers: exact at the line).
  const lhs = toFen(executed) * 1200n;
  const below = (limit: number) => lhs < BigInt(limit) * b * BigInt(months);
  if (below(t.red)) return "RED";
  if (below(t.yellow)) return "YELLOW";
  return "GREEN";
}

type Rational = { n: bigint; d: bigint };

/** A plain decimal ("12", "-3.5", "1,200") as an exact fraction, or null if it is not a number. */
export function parseDecimal(value: string): Rational | null {
  const m = /^\s*(-)?(\d+)(?:\.(\d+))?\s*$/.exec(value.replace(/,/g, ""));
  if (!m) return null;
  const [, sign, whole, frac = ""] = m;
  const n = BigInt(whole! + frac) * (sign ? -1n : 1n);
  return { n, d: 10n ** BigInt(frac.length) };
}

export type IndicatorCheck = {
  /** The target pro-rated to the period, as a number for display; null for 定性 or a non-number. */
  prorated: number | null;
  /** (progress − pro-rated) ÷ pro-rated, in percent; null when it cannot be computed. */
  deviation: number | null;
  flagged: boolean;
};

const NONE: IndicatorCheck = { prorated: null, deviation: null, flagged: false };

/**
 * Does an indicator's progress deviate from its pro-rated target (target × months ÷ 12) by more than
 * `threshold`%, in the bad direction? For a "≥" (higher better) indicator only a shortfall counts, for
 * a "≤" (lower better) one only an excess, for "=" either. A 定性 indicator is never flagged by
 * arithmetic, and neither is a progress that is not a number.
 */
export function checkIndicator(
  indicator: { operator: Operator; direction: Direction; targetValue: string },
  progress: string,
  months: number,
  threshold: number,
): IndicatorCheck {
  if (indicator.operator === "QUALITATIVE") return NONE;
  const target = parseDecimal(indicator.targetValue);
  if (!target) return NONE;
  timeElapsedPercent(months);
  // Pro-rated P = target × months / 12; progress V. Put both over the common denominator.
  const pn = target.n * BigInt(months);
  const pd = target.d * 12n;
  const prorated = Number(pn) / Number(pd);
  const value = parseDecimal(progress);
  if (!value) return { ...NONE, prorated };
  const a = pn * value.d; // P, scaled
  const b = value.n * pd; // V, same scale
  if (a <= 0n) return { prorated, deviation: null, flagged: false };
  const deviation = (Number(b - a) * 100) / Number(a);
  const limit = BigInt(threshold);
  const shortfall = 100n * (a - b) > limit * a;
  const excess = 100n * (b - a) > limit * a;
  const flagged =
    indicator.direction === "HIGHER_BETTER"
      ? shortfall
      : indicator.direction === "LOWER_BETTER"
        ? excess
        : shortfall || excess;
  return { prorated, deviation, flagged };
}

/** Is a report overdue: not filed and its round's due date (YYYY-MM-DD) has passed on `today`? */
export function isOverdue(filed: boolean, dueDate: string, today: string): boolean {
  return !filed && today > dueDate;
}

/** Today in the bureau's clock (Asia/Shanghai), as YYYY-MM-DD. */
export function bureauToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}
