import { describe, expect, it } from "vitest";
import { fenToYuanString, inUnit, ratePercent, sumYuan, toFen } from "./money";

describe("money", () => {
  it("parses yuan strings into fen exactly", () => {
    expect(toFen("1234.56")).toBe(123456n);
    expect(toFen("0.1")).toBe(10n);
    expect(toFen("-3")).toBe(-300n);
    expect(toFen(null)).toBe(0n);
    expect(() => toFen("12a")).toThrow();
  });

  it("adds without floating-point drift", () => {
    expect(sumYuan("0.10", "0.20")).toBe("0.30");
    expect(fenToYuanString(-5n)).toBe("-0.05");
  });

  it("shows amounts in 万元 and 亿元, rounding half up", () => {
    expect(inUnit("4352000000.00", "yi")).toBe("43.52");
    expect(inUnit("12345.00", "wan")).toBe("1.23");
    expect(inUnit("12350.00", "wan")).toBe("1.24");
    expect(inUnit("123456789.00", "wan")).toBe("12,345.68");
    expect(inUnit("-15000.00", "wan", 1)).toBe("-1.5");
  });

  it("computes rates from stored amounts, not from rounded figures", () => {
    // 7.13 ÷ 43.52 rounds to 16.38%; amounts a little above 7.13 亿 give the report's 16.39%.
    expect(ratePercent("713000000.00", "4352000000.00")).toBe("16.38");
    expect(ratePercent("713300000.00", "4352000000.00")).toBe("16.39");
    expect(ratePercent("1", "0")).toBeNull();
  });
});
