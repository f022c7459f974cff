import { describe, expect, it } from "vitest";
import { DEFAULT_CUTOFFS, gradeOf, hundredthsToText, toHundredths, totalScore } from "@/domain/evaluation";
import { TEMPLATE_CODES, type TemplateCode } from "@/domain/evaluation-templates";
import { TEMPLATE_SEEDS } from "@/server/seed/evaluation-templates-data";

// A sheet copied from a template is scored line by line (no execution points on these templates): the
// total is the sum of the lines, each capped at its points, and the grade follows the year's cut-offs.

const sheetOf = (code: TemplateCode) => {
  const t = TEMPLATE_SEEDS.find((s) => s.code === code)!;
  return t.lines.map(([level1, , , max]) => ({ level1, maxPoints: max.toFixed(2) }));
};
const score = (lines: { maxPoints: string }[], points: (max: number, i: number) => string) =>
  totalScore(
    lines.map((l, i) => ({ maxPoints: l.maxPoints, points: points(toHundredths(l.maxPoints)!, i) })),
    0,
  );

describe("totals and grades on each template", () => {
  it.each(TEMPLATE_CODES)("%s: full marks make 100 and 优", (code) => {
    const total = score(sheetOf(code), (max) => hundredthsToText(max));
    expect(total).toBe(10_000);
    expect(gradeOf(total)).toBe("EXCELLENT");
  });

  it("GENERAL: losing every 产出 and 效益 point fails the project, whatever the rest", () => {
    const lines = sheetOf("PROJECT_GENERAL");
    const total = score(lines, (max, i) =>
      ["OUTPUT", "EFFECT"].includes(lines[i]!.level1) ? "0" : hundredthsToText(max),
    );
    // 产出 + 效益 carry at least 60 of the 100 points, so at most 40 remain.
    expect(total).toBeLessThanOrEqual(4_000);
    expect(gradeOf(total)).toBe("FAIL");
  });

  it("GENERAL and PPP: half of every line's points make 50, 差; a point over the line's maximum is not counted", () => {
    for (const code of ["PROJECT_GENERAL", "PROJECT_PPP"] as const) {
      const lines = sheetOf(code);
      expect(gradeOf(score(lines, (max) => hundredthsToText(max / 2)))).toBe("FAIL");
      expect(score(lines, (max) => hundredthsToText(max / 2))).toBe(5_000);
      expect(score(lines, (max) => hundredthsToText(max + 100))).toBe(10_000);
    }
  });

  it("a special-area template grades on the same cut-offs: 1 point short of each line crosses 良 and 中", () => {
    const lines = sheetOf("PROJECT_GOV_DEBT");
    const total = score(lines, (max, i) => hundredthsToText(i < 10 ? max - 100 : max));
    expect(total).toBe(9_000);
    expect(gradeOf(total)).toBe("EXCELLENT");
    const lower = score(lines, (max, i) => hundredthsToText(i < 11 ? max - 100 : max));
    expect(gradeOf(lower)).toBe("GOOD");
    expect(gradeOf(lower, { ...DEFAULT_CUTOFFS, excellent: 95, good: 92 })).toBe("PASS");
  });

  it("DEPT_OVERALL and TOWNSHIP_FISCAL: the total of a sheet with blanks counts only the scored lines", () => {
    for (const code of ["DEPT_OVERALL", "TOWNSHIP_FISCAL"] as const) {
      const lines = sheetOf(code);
      const expected = lines.reduce((s, l, i) => s + (i % 2 === 0 ? toHundredths(l.maxPoints)! : 0), 0);
      expect(score(lines, (max, i) => (i % 2 === 0 ? hundredthsToText(max) : ""))).toBe(expected);
    }
  });
});
