import { describe, expect, it } from "vitest";
import { TEMPLATE_SEEDS } from "../server/seed/evaluation-templates-data";
import {
  outputEffectShare,
  TEMPLATE_CODES,
  templateKindOf,
  templateProblems,
  type TemplateLine,
} from "./evaluation-templates";

const line = (level1: string, maxPoints: string): TemplateLine => ({ level1, maxPoints });

describe("产出 + 效益 share", () => {
  it("is the share of output and effect points in hundredths of a percent", () => {
    const lines = [line("DECISION", "20"), line("PROCESS", "20"), line("OUTPUT", "30"), line("EFFECT", "30")];
    expect(outputEffectShare(lines)).toBe(6000);
    expect(templateProblems("PROJECT", lines)).toEqual([]);
  });

  it("refuses a project template giving output and effect less than 60% of the points", () => {
    const lines = [
      line("DECISION", "25"),
      line("PROCESS", "15.01"),
      line("OUTPUT", "30"),
      line("EFFECT", "29.99"),
    ];
    expect(outputEffectShare(lines)).toBe(5999);
    expect(templateProblems("PROJECT", lines)).toEqual([{ code: "OUTPUT_EFFECT_SHARE", share: 5999 }]);
  });

  it("does not apply the share to department-wide or township templates", () => {
    const lines = [line("RUNNING_COST", "50"), line("SATISFACTION", "50")];
    expect(templateProblems("DEPARTMENT", lines)).toEqual([]);
  });
});

describe("template checks", () => {
  it("wants points adding up to 100", () => {
    const lines = [line("OUTPUT", "40"), line("EFFECT", "40")];
    expect(templateProblems("PROJECT", lines)).toEqual([{ code: "TOTAL_NOT_100", total: 8000 }]);
  });

  it("names each line with a dimension of another kind or bad points", () => {
    const lines = [
      line("OUTPUT", "60"),
      line("RUNNING_COST", "40"),
      line("EFFECT", "0"),
      line("EFFECT", "x"),
    ];
    const problems = templateProblems("PROJECT", lines);
    expect(problems).toContainEqual({ code: "BAD_DIMENSION", index: 1 });
    expect(problems).toContainEqual({ code: "BAD_POINTS", index: 2 });
    expect(problems).toContainEqual({ code: "BAD_POINTS", index: 3 });
  });

  it("refuses an empty template", () => {
    expect(templateProblems("TOWNSHIP", [])).toEqual([{ code: "EMPTY" }]);
  });

  it("passes every template the bureau starts the year with, one per code", () => {
    expect(TEMPLATE_SEEDS.map((t) => t.code).sort()).toEqual([...TEMPLATE_CODES].sort());
    for (const t of TEMPLATE_SEEDS) {
      const lines = t.lines.map(([level1, , , points]) => line(level1, points.toFixed(2)));
      expect(templateProblems(templateKindOf(t.code), lines), t.code).toEqual([]);
    }
  });
});
