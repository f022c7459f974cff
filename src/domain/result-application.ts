import type { EvaluationType, Grade } from "./evaluation";

// 结果应用: the budget suggested for next year from a project's deciding grade (no I/O).

export type SuggestionSettings = {
  suggestionExcellent: number;
  suggestionGood: number;
  suggestionPass: number;
  suggestionFail: number;
};

/** 优 priority support, 良 keep, 中 cut, 差 cut or cancel: the kind of suggestion by grade. */
export const SUGGESTION_KIND: Record<Grade, "PRIORITY" | "KEEP" | "CUT" | "CUT_OR_CANCEL"> = {
  EXCELLENT: "PRIORITY",
  GOOD: "KEEP",
  PASS: "CUT",
  FAIL: "CUT_OR_CANCEL",
};

/** The year's change in percent for a grade. */
export function suggestionPercent(grade: Grade, s: SuggestionSettings): number {
  switch (grade) {
    case "EXCELLENT":
      return s.suggestionExcellent;
    case "GOOD":
      return s.suggestionGood;
    case "PASS":
      return s.suggestionPass;
    case "FAIL":
      return s.suggestionFail;
  }
}

/**
 * The suggested next-year amount in yuan (2 decimals) for a budget and a change in percent, computed
 * on hundredths of a yuan as integers; never below zero (a cut of 100% or more cancels).
 */
export function suggestedAmount(budget: string, percent: number): string {
  const [whole, frac = ""] = budget.split(".");
  const negative = whole!.startsWith("-");
  const cents = BigInt(whole!.replace("-", "") + (frac + "00").slice(0, 2)) * (negative ? -1n : 1n);
  const scaled = cents * BigInt(100 + percent);
  // Round half away from zero to whole cents.
  let out = scaled / 100n;
  const rem = scaled % 100n;
  if (rem >= 50n) out += 1n;
  if (rem <= -50n) out -= 1n;
  if (out < 0n) out = 0n;
  const s = out.toString().padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Which completed evaluation decides: key or third-party over sampled over self. Lower wins. */
export const AUTHORITY: Partial<Record<EvaluationType, number>> = {
  KEY: 1,
  THIRD_PARTY: 1,
  SAMPLED: 2,
  SELF: 3,
};

/** The deciding evaluation among a project's completed ones; ties go to the latest completed. */
export function decidingEvaluation<
  E extends { type: EvaluationType; completedAt: Date | null; grade: Grade | null },
>(evaluations: E[]): E | null {
  const ranked = evaluations
    .filter((e) => e.grade && AUTHORITY[e.type] !== undefined)
    .sort(
      (a, b) =>
        AUTHORITY[a.type]! - AUTHORITY[b.type]! ||
        (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0),
    );
  return ranked[0] ?? null;
}
