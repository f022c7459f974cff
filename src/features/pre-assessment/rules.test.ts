import { describe, expect, it } from "vitest";
import {
  canTransition,
  cutAmount,
  cutRate,
  formatYearTotals,
  isSupporting,
  resolveRecommended,
  totalScore,
  yearTotals,
} from "./rules";

describe("scores", () => {
  it("adds the five dimensions, blanks as 0", () => {
    expect(totalScore({ necessity: 18, economy: 15, targets: 17, feasibility: 16, compliance: 20 })).toBe(86);
    expect(totalScore({ necessity: 18, economy: null })).toBe(18);
  });
});

describe("transition table", () => {
  it("lets the unit resubmit after a return, and nobody skip the department", () => {
    expect(canTransition("RETURNED", "submit")).toBe(true);
    expect(canTransition("SUBMITTED", "financeAccept")).toBe(false);
    expect(canTransition("DEPT_APPROVED", "financeAccept")).toBe(true);
    expect(canTransition("CONCLUDED", "deptReturn")).toBe(false);
    expect(canTransition("IN_EXPERT_REVIEW", "conclude")).toBe(true);
  });
});

describe("the recommended amount of a conclusion", () => {
  it("keeps the requested amount for 予以支持 and refuses another", () => {
    expect(resolveRecommended("SUPPORT", "5000000.00", undefined)).toEqual({
      ok: true,
      amount: "5000000.00",
    });
    expect(resolveRecommended("SUPPORT", "5000000.00", "4000000")).toEqual({
      ok: false,
      error: "supportMustKeepAmount",
    });
  });

  it("needs an amount strictly between 0 and requested for 调整后予以支持", () => {
    expect(resolveRecommended("SUPPORT_ADJUSTED", "5000000.00", "4200000.5")).toEqual({
      ok: true,
      amount: "4200000.50",
    });
    expect(resolveRecommended("SUPPORT_ADJUSTED", "5000000.00", "5000000").ok).toBe(false);
    expect(resolveRecommended("SUPPORT_ADJUSTED", "5000000.00", "0").ok).toBe(false);
    expect(resolveRecommended("SUPPORT_ADJUSTED", "5000000.00", undefined)).toEqual({
      ok: false,
      error: "recommendedRequired",
    });
  });

  it("sets 0 for 不予支持 whatever was typed", () => {
    expect(resolveRecommended("REJECT", "5000000.00", "100")).toEqual({ ok: true, amount: "0.00" });
    expect(isSupporting("REJECT")).toBe(false);
    expect(isSupporting("SUPPORT_ADJUSTED")).toBe(true);
  });
});

describe("核减额 and 核减率", () => {
  it("computes the cut exactly and the rate from unrounded amounts", () => {
    expect(cutAmount("12345678.91", "10000000.00")).toBe("2345678.91");
    expect(cutRate("3000000.00", "2000000.00")).toBe("33.33");
    expect(cutRate("0.00", "0.00")).toBeNull();
  });

  it("shows 16.39% for the report's figures where rounded 7.13 ÷ 43.52 would give 16.38%", () => {
    const t = yearTotals([
      { requested: "2352000000.00", recommended: "2000000000.00" },
      { requested: "2000000000.00", recommended: "1638720000.00" },
    ]);
    expect(t).toMatchObject({ projects: 2, requested: "4352000000.00", cut: "713280000.00" });
    expect(formatYearTotals(t)).toEqual({
      projects: "2",
      requestedYi: "43.52",
      cutYi: "7.13",
      cutRate: "16.39",
    });
    expect(cutRate("4352000000.00", String(4352000000 - 713000000) + ".00")).toBe("16.38");
  });

  it("totals an empty year as zero with no rate", () => {
    expect(formatYearTotals(yearTotals([]))).toEqual({
      projects: "0",
      requestedYi: "0.00",
      cutYi: "0.00",
      cutRate: "—",
    });
  });
});
