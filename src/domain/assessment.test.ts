import { describe, expect, it } from "vitest";
import {
  GAP_LIMIT_POINTS,
  hundredthsText,
  rankByTotal,
  scorecard,
  toHundredths,
  type AssessmentWeights,
  type CriterionCounts,
} from "./assessment";

const WEIGHTS: AssessmentWeights = {
  targetsOnTime: 15,
  selfOnTime: 15,
  coverage: 20,
  targetQuality: 10,
  scoreGap: 15,
  notices: 10,
  rectification: 15,
};

const perfect = (): CriterionCounts => ({
  targetsOnTime: { done: 12, of: 12 },
  selfOnTime: { done: 12, of: 12 },
  coverage: { done: 12, of: 12 },
  targetQuality: { done: 12, of: 12 },
  scoreGap: { of: 2, gap: "-1.50" },
  notices: { done: 1, of: 1 },
  rectification: { done: 3, of: 3 },
});

const points = (c: ReturnType<typeof scorecard>, k: string) => c.criteria.find((x) => x.criterion === k)!;

describe("督考 scorecard arithmetic", () => {
  it("gives every weight in full when everything was done, and 100 in total", () => {
    const card = scorecard(perfect(), WEIGHTS);
    expect(card.criteria.map((c) => c.points)).toEqual([1500, 1500, 2000, 1000, 1500, 1000, 1500]);
    expect(card.total).toBe(10_000);
    expect(card.applicableWeight).toBe(100);
  });

  it("scores each share against its weight, rounding half up to the hundredth", () => {
    const counts = {
      ...perfect(),
      selfOnTime: { done: 10, of: 12 }, // 15 × 10/12 = 12.5
      coverage: { done: 11, of: 12 }, // 20 × 11/12 = 18.333… → 18.33
      rectification: { done: 2, of: 3 }, // 15 × 2/3 = 10
      notices: { done: 0, of: 4 },
    };
    const card = scorecard(counts, WEIGHTS);
    expect(points(card, "selfOnTime")).toMatchObject({ points: 1250, rate: 8333 });
    expect(points(card, "coverage")).toMatchObject({ points: 1833, rate: 9167 });
    expect(points(card, "rectification").points).toBe(1000);
    expect(points(card, "notices")).toMatchObject({ points: 0, rate: 0 });
    // 15 + 12.5 + 18.33 + 10 + 15 + 0 + 10 = 80.83 over all 100 points of weight.
    expect(card.earned).toBe(8083);
    expect(card.total).toBe(8083);
  });

  it("takes points for over-scoring in proportion up to the limit, none for under-scoring", () => {
    const at = (gap: string) =>
      points(scorecard({ ...perfect(), scoreGap: { of: 3, gap } }, WEIGHTS), "scoreGap");
    expect(at("0.00").points).toBe(1500);
    expect(at("-4.00").points).toBe(1500);
    expect(at("5.00")).toMatchObject({ points: 1125, rate: 7500 }); // 15 × (1 − 5/20)
    expect(at("3.33").points).toBe(1250); // 15 × 16.67/20 = 12.5025 → 12.50
    expect(at(String(GAP_LIMIT_POINTS)).points).toBe(0);
    expect(at("35.10").points).toBe(0);
  });

  it("leaves out what there was nothing to assess and brings the total back to 100", () => {
    const counts = {
      ...perfect(),
      notices: { done: 0, of: 0 },
      scoreGap: { of: 0, gap: null },
      coverage: { done: 6, of: 12 }, // 10 of 20
    };
    const card = scorecard(counts, WEIGHTS);
    expect(points(card, "notices")).toMatchObject({ points: null, rate: null });
    expect(points(card, "scoreGap").points).toBeNull();
    expect(card.applicableWeight).toBe(75);
    expect(card.earned).toBe(6500);
    // 65 of 75 → 86.666… → 86.67
    expect(card.total).toBe(8667);
  });

  it("has no total when nothing applies", () => {
    const none: CriterionCounts = {
      targetsOnTime: { done: 0, of: 0 },
      selfOnTime: { done: 0, of: 0 },
      coverage: { done: 0, of: 0 },
      targetQuality: { done: 0, of: 0 },
      scoreGap: { of: 0, gap: null },
      notices: { done: 0, of: 0 },
      rectification: { done: 0, of: 0 },
    };
    expect(scorecard(none, WEIGHTS).total).toBeNull();
  });

  it("follows the year's weights", () => {
    const weights = { ...WEIGHTS, coverage: 40, targetQuality: 0, scoreGap: 5 };
    const card = scorecard({ ...perfect(), coverage: { done: 3, of: 4 } }, weights);
    expect(points(card, "coverage").points).toBe(3000);
    expect(points(card, "targetQuality").points).toBe(0);
    expect(card.applicableWeight).toBe(100);
    // 15 + 15 + 30 + 0 + 5 + 10 + 15
    expect(card.total).toBe(9000);
  });

  it("ranks by total with shared ranks, unranked rows last", () => {
    const ranked = rankByTotal([
      { id: "a", total: 8000 },
      { id: "b", total: 9500 },
      { id: "c", total: null },
      { id: "d", total: 8000 },
      { id: "e", total: 7000 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ["b", 1],
      ["a", 2],
      ["d", 2],
      ["e", 4],
      ["c", null],
    ]);
  });

  it("reads and writes scores in hundredths", () => {
    expect(toHundredths("3.25")).toBe(325);
    expect(toHundredths("-1.5")).toBe(-150);
    expect(toHundredths("12")).toBe(1200);
    expect(hundredthsText(8083)).toBe("80.83");
    expect(hundredthsText(5)).toBe("0.05");
    expect(() => toHundredths("x")).toThrow();
  });
});
