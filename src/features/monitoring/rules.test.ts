import { describe, expect, it } from "vitest";
import {
  checkIndicator,
  isOverdue,
  parseDecimal,
  periodEnd,
  progressRatio,
  timeElapsedPercent,
  warningColour,
} from "./rules";

const T = { red: 60, yellow: 80 };

describe("time elapsed", () => {
  it("is months ÷ 12 of the year", () => {
    expect(timeElapsedPercent(12)).toBe(100);
    expect(timeElapsedPercent(6)).toBe(50);
    expect(timeElapsedPercent(7)).toBeCloseTo(58.333, 3);
  });

  it("refuses a period outside 1..12 months", () => {
    expect(() => timeElapsedPercent(0)).toThrow();
    expect(() => timeElapsedPercent(13)).toThrow();
    expect(() => timeElapsedPercent(6.5)).toThrow();
  });

  it("ends the period on the month's last day", () => {
    expect(periodEnd(2020, 7)).toBe("2020-07-31");
    expect(periodEnd(2020, 2)).toBe("2020-02-29");
    expect(periodEnd(2021, 2)).toBe("2021-02-28");
    expect(periodEnd(2020, 12)).toBe("2020-12-31");
  });
});

describe("budget execution ÷ time elapsed", () => {
  it("divides the execution rate by the share of the year gone", () => {
    // 1–6 月: half the year; 30 of 100 executed is 30% ÷ 50% = 60%.
    expect(progressRatio("30.00", "100.00", 6)).toBe("60.00");
    // 1–7 月: 50% executed ÷ 58.33% = 85.71%.
    expect(progressRatio("500000.00", "1000000.00", 7)).toBe("85.71");
    expect(progressRatio("10", "0", 7)).toBeNull();
  });

  it("colours at the boundaries: 59.99% red, 60% yellow, 79.99% yellow, 80% green", () => {
    // With the whole year gone (12 months) the ratio is the execution rate itself.
    expect(warningColour("5999.00", "10000.00", 12, T)).toBe("RED");
    expect(warningColour("6000.00", "10000.00", 12, T)).toBe("YELLOW");
    expect(warningColour("7999.00", "10000.00", 12, T)).toBe("YELLOW");
    expect(warningColour("8000.00", "10000.00", 12, T)).toBe("GREEN");
    expect(warningColour("12000.00", "10000.00", 12, T)).toBe("GREEN");
  });

  it("is exact at the line for part of a year", () => {
    // 1–6 月, budget 10,000: 60% ratio is exactly 3,000 executed; one fen less is red.
    expect(warningColour("2999.99", "10000.00", 6, T)).toBe("RED");
    expect(warningColour("3000.00", "10000.00", 6, T)).toBe("YELLOW");
    expect(warningColour("3999.99", "10000.00", 6, T)).toBe("YELLOW");
    expect(warningColour("4000.00", "10000.00", 6, T)).toBe("GREEN");
    // 1–7 月, budget 12,000: 60% ratio is 4,200 executed, 80% is 5,600.
    expect(warningColour("4199.99", "12000.00", 7, T)).toBe("RED");
    expect(warningColour("4200.00", "12000.00", 7, T)).toBe("YELLOW");
    expect(warningColour("5600.00", "12000.00", 7, T)).toBe("GREEN");
  });

  it("follows the year's thresholds", () => {
    expect(warningColour("6500.00", "10000.00", 12, T)).toBe("YELLOW");
    expect(warningColour("6500.00", "10000.00", 12, { red: 70, yellow: 90 })).toBe("RED");
    expect(warningColour("6500.00", "10000.00", 12, { red: 50, yellow: 65 })).toBe("GREEN");
  });

  it("has no colour without a budget", () => {
    expect(warningColour("0", "0", 7, T)).toBeNull();
  });
});

describe("indicator deviation", () => {
  const gte = { operator: "GTE", direction: "HIGHER_BETTER", targetValue: "120" } as const;
  const lte = { operator: "LTE", direction: "LOWER_BETTER", targetValue: "120" } as const;
  const eq = { operator: "EQ", direction: "EXACT", targetValue: "120" } as const;

  it("pro-rates the target to the period", () => {
    expect(checkIndicator(gte, "60", 6, 20).prorated).toBe(60);
    expect(checkIndicator(gte, "70", 7, 20).prorated).toBe(70);
  });

  it("flags a shortfall of more than 20% on a ≥ indicator, not exactly 20%, and not an excess", () => {
    // 1–6 月: pro-rated 60; 48 is exactly 20% short.
    expect(checkIndicator(gte, "48", 6, 20)).toMatchObject({ flagged: false, deviation: -20 });
    expect(checkIndicator(gte, "47.9", 6, 20).flagged).toBe(true);
    expect(checkIndicator(gte, "200", 6, 20).flagged).toBe(false);
  });

  it("flags an excess of more than 20% on a ≤ indicator, where lower is better", () => {
    expect(checkIndicator(lte, "72", 6, 20)).toMatchObject({ flagged: false, deviation: 20 });
    expect(checkIndicator(lte, "72.1", 6, 20).flagged).toBe(true);
    expect(checkIndicator(lte, "10", 6, 20).flagged).toBe(false);
  });

  it("flags either way on an = indicator", () => {
    expect(checkIndicator(eq, "47", 6, 20).flagged).toBe(true);
    expect(checkIndicator(eq, "73", 6, 20).flagged).toBe(true);
    expect(checkIndicator(eq, "60", 6, 20).flagged).toBe(false);
  });

  it("never flags a 定性 indicator or a progress that is not a number", () => {
    const qual = { operator: "QUALITATIVE", direction: "EXACT", targetValue: "明显改善" } as const;
    expect(checkIndicator(qual, "尚未改善", 7, 20)).toEqual({
      prorated: null,
      deviation: null,
      flagged: false,
    });
    expect(checkIndicator(gte, "进展顺利", 7, 20).flagged).toBe(false);
    expect(checkIndicator(gte, "", 7, 20).flagged).toBe(false);
  });

  it("uses the year's deviation threshold", () => {
    expect(checkIndicator(gte, "50", 6, 20).flagged).toBe(false);
    expect(checkIndicator(gte, "50", 6, 10).flagged).toBe(true);
  });

  it("parses decimals exactly", () => {
    expect(parseDecimal("1,200.50")).toEqual({ n: 120050n, d: 100n });
    expect(parseDecimal("abc")).toBeNull();
  });
});

describe("overdue", () => {
  it("is an unfiled report after its due date", () => {
    expect(isOverdue(false, "2020-08-31", "2020-09-01")).toBe(true);
    expect(isOverdue(false, "2020-08-31", "2020-08-31")).toBe(false);
    expect(isOverdue(true, "2020-08-31", "2020-09-01")).toBe(false);
  });
});
