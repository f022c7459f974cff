import { describe, expect, it } from "vitest";
import { cappedPoints, executionPoints, gradeOf, toHundredths, totalScore } from "./evaluation";

describe("预算执行率 points", () => {
  it("is min(执行数 ÷ 全年预算数, 1) × 10, in hundredths", () => {
    expect(executionPoints(100_000_00n, 93_210_00n)).toBe(932);
    expect(executionPoints(100_000_00n, 100_000_00n)).toBe(1000);
  });
  it("caps over-execution at the full points", () => {
    expect(executionPoints(100_000_00n, 130_000_00n)).toBe(1000);
  });
  it("gives nothing for a zero budget or nothing executed", () => {
    expect(executionPoints(0n, 5_000_00n)).toBe(0);
    expect(executionPoints(100_000_00n, 0n)).toBe(0);
  });
  it("rounds half up from the exact ratio", () => {
    // 1 ÷ 3 × 10 = 3.333… → 3.33; 2 ÷ 3 × 10 = 6.666… → 6.67; 0.0005 × 10 = 0.005 → 0.01.
    expect(executionPoints(300n, 100n)).toBe(333);
    expect(executionPoints(300n, 200n)).toBe(667);
    expect(executionPoints(2_000_000n, 1_000n)).toBe(1);
  });
  it("follows the year's weight", () => {
    expect(executionPoints(200n, 100n, 20)).toBe(1000);
  });
});

describe("grades", () => {
  it("puts each boundary in the higher grade", () => {
    expect(gradeOf(9000)).toBe("EXCELLENT");
    expect(gradeOf(8999)).toBe("GOOD");
    expect(gradeOf(8000)).toBe("GOOD");
    expect(gradeOf(7999)).toBe("PASS");
    expect(gradeOf(6000)).toBe("PASS");
    expect(gradeOf(5999)).toBe("FAIL");
    expect(gradeOf(0)).toBe("FAIL");
  });
  it("uses the year's cut-offs", () => {
    expect(gradeOf(8500, { excellent: 85, good: 75, pass: 60 })).toBe("EXCELLENT");
  });
});

describe("totals", () => {
  it("parses points to hundredths and refuses what is not a number", () => {
    expect(toHundredths("12.5")).toBe(1250);
    expect(toHundredths("0.01")).toBe(1);
    expect(toHundredths("7")).toBe(700);
    expect(toHundredths("1.234")).toBeNull();
    expect(toHundredths("-1")).toBeNull();
    expect(toHundredths("abc")).toBeNull();
    expect(toHundredths("")).toBeNull();
  });
  it("caps each indicator at its points", () => {
    expect(cappedPoints("25", 2000)).toBe(2000);
    expect(cappedPoints("", 2000)).toBeNull();
  });
  it("sums capped indicator points and the execution points exactly", () => {
    const lines = [
      { points: "19.99", maxPoints: "20" },
      { points: "35", maxPoints: "30" },
      { points: "", maxPoints: "10" },
      { points: "0.01", maxPoints: "30" },
    ];
    expect(totalScore(lines, 1000)).toBe(1999 + 3000 + 0 + 1 + 1000);
  });
});
