import { describe, expect, it } from "vitest";
import {
  decidingEvaluation,
  suggestedAmount,
  suggestionPercent,
  SUGGESTION_KIND,
} from "./result-application";

const settings = { suggestionExcellent: 10, suggestionGood: 0, suggestionPass: -10, suggestionFail: -30 };

describe("suggestionPercent", () => {
  it("takes the year's percent for each grade", () => {
    expect(suggestionPercent("EXCELLENT", settings)).toBe(10);
    expect(suggestionPercent("GOOD", settings)).toBe(0);
    expect(suggestionPercent("PASS", settings)).toBe(-10);
    expect(suggestionPercent("FAIL", settings)).toBe(-30);
  });
  it("follows other settings", () => {
    const other = { suggestionExcellent: 15, suggestionGood: 5, suggestionPass: -20, suggestionFail: -100 };
    expect(suggestionPercent("EXCELLENT", other)).toBe(15);
    expect(suggestionPercent("GOOD", other)).toBe(5);
    expect(suggestionPercent("PASS", other)).toBe(-20);
    expect(suggestionPercent("FAIL", other)).toBe(-100);
  });
  it("names the kind of suggestion by grade", () => {
    expect(SUGGESTION_KIND).toEqual({
      EXCELLENT: "PRIORITY",
      GOOD: "KEEP",
      PASS: "CUT",
      FAIL: "CUT_OR_CANCEL",
    });
  });
});

describe("suggestedAmount", () => {
  it("applies the percent on exact fen", () => {
    expect(suggestedAmount("1000000.00", 10)).toBe("1100000.00");
    expect(suggestedAmount("1000000.00", 0)).toBe("1000000.00");
    expect(suggestedAmount("1234567.89", -10)).toBe("1111111.10");
    expect(suggestedAmount("1234567.89", -30)).toBe("864197.52");
    expect(suggestedAmount("0.05", -30)).toBe("0.04"); // 3.5 fen rounds half up
    expect(suggestedAmount("100", 10)).toBe("110.00");
    expect(suggestedAmount("123.4", 10)).toBe("135.74");
  });
  it("cancels at -100% and never goes below zero", () => {
    expect(suggestedAmount("5000.00", -100)).toBe("0.00");
    expect(suggestedAmount("5000.00", -150)).toBe("0.00");
  });
});

describe("decidingEvaluation", () => {
  const at = (d: string) => new Date(d);
  it("prefers key or third-party over sampled over self", () => {
    const self = { type: "SELF" as const, grade: "EXCELLENT" as const, completedAt: at("2021-04-01") };
    const sampled = { type: "SAMPLED" as const, grade: "GOOD" as const, completedAt: at("2021-06-01") };
    const key = { type: "KEY" as const, grade: "PASS" as const, completedAt: at("2021-05-01") };
    expect(decidingEvaluation([self])).toBe(self);
    expect(decidingEvaluation([self, sampled])).toBe(sampled);
    expect(decidingEvaluation([sampled, key, self])).toBe(key);
  });
  it("breaks a tie between key and third-party by the latest completed; ignores ungraded", () => {
    const key = { type: "KEY" as const, grade: "PASS" as const, completedAt: at("2021-05-01") };
    const third = { type: "THIRD_PARTY" as const, grade: "GOOD" as const, completedAt: at("2021-07-01") };
    const ungraded = { type: "KEY" as const, grade: null, completedAt: at("2021-08-01") };
    expect(decidingEvaluation([key, third, ungraded])).toBe(third);
    expect(decidingEvaluation([ungraded])).toBeNull();
    expect(decidingEvaluation([])).toBeNull();
  });
});
