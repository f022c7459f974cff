import { describe, expect, it } from "vitest";
import { gradeOf, hundredthsToText, totalScore } from "@/domain/evaluation";
import { templateKindOf, templateProblems, TEMPLATE_DIMENSIONS } from "@/domain/evaluation-templates";
import { TEMPLATE_SEEDS } from "@/server/seed/evaluation-templates-data";
import { canFillSelf, canRecordOpinion, RETURNABLE_FROM, SUBMITTED_TO } from "./flow";

const template = (code: "DEPT_OVERALL" | "TOWNSHIP_FISCAL") =>
  TEMPLATE_SEEDS.find((t) => t.code === code)!.lines.map(([level1, , , max]) => ({
    level1,
    maxPoints: max.toFixed(2),
  }));

describe("department-wide and township sheets: totals and grades from the seeded templates", () => {
  it.each(["DEPT_OVERALL", "TOWNSHIP_FISCAL"] as const)(
    "%s is a valid template of its kind's dimensions",
    (code) => {
      const lines = template(code);
      expect(templateProblems(templateKindOf(code), lines)).toEqual([]);
      const dims = new Set(lines.map((l) => l.level1));
      expect([...dims]).toEqual([...TEMPLATE_DIMENSIONS[templateKindOf(code)]]);
    },
  );

  it.each(["DEPT_OVERALL", "TOWNSHIP_FISCAL"] as const)(
    "%s: full marks are 100.00 优; the grade turns exactly at 90 / 80 / 60",
    (code) => {
      const lines = template(code);
      const full = lines.map((l) => ({ ...l, points: l.maxPoints }));
      expect(hundredthsToText(totalScore(full, 0))).toBe("100.00");
      expect(gradeOf(totalScore(full, 0))).toBe("EXCELLENT");
      // Take points off the first lines until the total reaches the target (in hundredths).
      const at = (target: number) => {
        let left = 10_000 - target;
        return lines.map((l) => {
          const max = Math.round(Number(l.maxPoints) * 100);
          const take = Math.min(left, max);
          left -= take;
          return { ...l, points: hundredthsToText(max - take) };
        });
      };
      for (const [target, grade] of [
        [9000, "EXCELLENT"],
        [8999, "GOOD"],
        [8000, "GOOD"],
        [7999, "PASS"],
        [6000, "PASS"],
        [5999, "FAIL"],
      ] as const) {
        const sheet = at(target);
        expect(totalScore(sheet, 0)).toBe(target);
        expect(gradeOf(totalScore(sheet, 0))).toBe(grade);
      }
      // Points above a line's maximum count only up to it; blanks count nothing.
      const over = full.map((l, i) => (i === 0 ? { ...l, points: String(Number(l.maxPoints) + 5) } : l));
      expect(totalScore(over, 0)).toBe(10_000);
      const blank = full.map((l, i) => (i === 0 ? { ...l, points: "" } : l));
      expect(totalScore(blank, 0)).toBe(10_000 - Math.round(Number(lines[0]!.maxPoints) * 100));
    },
  );
});

describe("who moves what", () => {
  it("a department's approver fills its own sheet only while it is a draft or returned; a township's filer and approver too", () => {
    expect(canFillSelf("DEPT_OVERALL", "DEPT_APPROVER", "DRAFT")).toBe(true);
    expect(canFillSelf("DEPT_OVERALL", "DEPT_APPROVER", "RETURNED")).toBe(true);
    expect(canFillSelf("DEPT_OVERALL", "DEPT_APPROVER", "RECEIVED")).toBe(false);
    expect(canFillSelf("DEPT_OVERALL", "DEPT_FILER", "DRAFT")).toBe(false);
    expect(canFillSelf("DEPT_OVERALL", "FINANCE_ADMIN", "DRAFT")).toBe(false);
    expect(canFillSelf("TOWNSHIP_FISCAL", "DEPT_FILER", "DRAFT")).toBe(true);
    expect(canFillSelf("TOWNSHIP_FISCAL", "DEPT_APPROVER", "RETURNED")).toBe(true);
    expect(canFillSelf("TOWNSHIP_FISCAL", "DEPT_FILER", "SUBMITTED")).toBe(false);
  });

  it("a department's submission waits for the field evaluation, a township's for finance; each is returned from there", () => {
    expect(SUBMITTED_TO).toEqual({ DEPT_OVERALL: "RECEIVED", TOWNSHIP_FISCAL: "SUBMITTED" });
    expect(RETURNABLE_FROM).toEqual(SUBMITTED_TO);
  });

  it("only a leader of 人大 records an opinion, only on a settled department-wide evaluation", () => {
    const congress = { role: "LEADER", orgKind: "CONGRESS" } as const;
    const government = { role: "LEADER", orgKind: "GOVERNMENT" } as const;
    expect(canRecordOpinion("DEPT_OVERALL", congress, "SETTLED")).toBe(true);
    expect(canRecordOpinion("DEPT_OVERALL", government, "SETTLED")).toBe(false);
    expect(canRecordOpinion("DEPT_OVERALL", { role: "LEADER", orgKind: null }, "SETTLED")).toBe(false);
    for (const s of ["DRAFT", "RECEIVED", "SCORING", "SUBMITTED"] as const)
      expect(canRecordOpinion("DEPT_OVERALL", congress, s)).toBe(false);
    expect(canRecordOpinion("DEPT_OVERALL", { role: "FINANCE_ADMIN", orgKind: "CONGRESS" }, "SETTLED")).toBe(
      false,
    );
    expect(canRecordOpinion("TOWNSHIP_FISCAL", congress, "SETTLED")).toBe(false);
  });
});
