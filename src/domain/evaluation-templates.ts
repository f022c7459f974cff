// 评价指标体系 (SPEC §6): the indicator templates that key, third-party, department-wide and township
// evaluations are scored with. A template belongs to a year and is edited by finance; an evaluation
// copies its lines when it is created, so a later edit never rewrites a filed sheet.
import type { SpecialArea } from "../server/schema/enums";
import { toHundredths } from "./evaluation";

export const TEMPLATE_KINDS = ["PROJECT", "DEPARTMENT", "TOWNSHIP"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** One project template per special area (GENERAL is the ordinary 决策/过程/产出/效益 sheet). */
export const TEMPLATE_CODES = [
  "PROJECT_GENERAL",
  "PROJECT_GOV_INVESTMENT_FUND",
  "PROJECT_PPP",
  "PROJECT_GOV_PROCUREMENT",
  "PROJECT_GOV_PURCHASED_SERVICE",
  "PROJECT_GOV_DEBT",
  "DEPT_OVERALL",
  "TOWNSHIP_FISCAL",
] as const satisfies readonly (`PROJECT_${SpecialArea}` | "DEPT_OVERALL" | "TOWNSHIP_FISCAL")[];
export type TemplateCode = (typeof TEMPLATE_CODES)[number];

export const projectTemplateCode = (area: SpecialArea) => `PROJECT_${area}` as const;

export function templateKindOf(code: TemplateCode): TemplateKind {
  if (code === "DEPT_OVERALL") return "DEPARTMENT";
  if (code === "TOWNSHIP_FISCAL") return "TOWNSHIP";
  return "PROJECT";
}

/** First-level dimensions (一级指标) each kind of template may use, in display order. */
export const TEMPLATE_DIMENSIONS = {
  PROJECT: ["DECISION", "PROCESS", "OUTPUT", "EFFECT"],
  DEPARTMENT: [
    "RUNNING_COST",
    "MANAGEMENT_EFFICIENCY",
    "DUTY_PERFORMANCE",
    "SOCIAL_EFFECT",
    "SUSTAINABILITY",
    "SATISFACTION",
  ],
  TOWNSHIP: [
    "REVENUE_EXPENDITURE",
    "BUDGET_MANAGEMENT",
    "DEBT_RISK",
    "ASSET_MANAGEMENT",
    "PERFORMANCE_MANAGEMENT",
  ],
} as const satisfies Record<TemplateKind, readonly string[]>;
export type TemplateDimension = (typeof TEMPLATE_DIMENSIONS)[TemplateKind][number];

/** A template's points add up to this (grades are cut at 90 / 80 / 60 of it). */
export const TEMPLATE_TOTAL_POINTS = 100;
/** 产出 + 效益 must carry at least this share of a project template's points. */
export const OUTPUT_EFFECT_MIN_PERCENT = 60;

export type TemplateLine = { level1: string; maxPoints: string };

/** Points of the lines, in hundredths, by first-level dimension. */
export function pointsByDimension(lines: TemplateLine[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) out.set(l.level1, (out.get(l.level1) ?? 0) + (toHundredths(l.maxPoints) ?? 0));
  return out;
}

/** 产出 + 效益 as a share of all the points, in hundredths of a percent (6000 is 60.00%). */
export function outputEffectShare(lines: TemplateLine[]): number {
  const by = pointsByDimension(lines);
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const oe = (by.get("OUTPUT") ?? 0) + (by.get("EFFECT") ?? 0);
  return Math.floor((oe * 10_000) / total);
}

export type TemplateProblem =
  | { code: "EMPTY" }
  | { code: "BAD_DIMENSION"; index: number }
  | { code: "BAD_POINTS"; index: number }
  | { code: "TOTAL_NOT_100"; total: number }
  | { code: "OUTPUT_EFFECT_SHARE"; share: number };

/**
 * What is wrong with a template's lines: each line's dimension belongs to the kind and its points are
 * a positive number with at most two places; the points add up to 100; a project template gives
 * 产出 + 效益 at least 60% of them. Empty when it may be saved.
 */
export function templateProblems(kind: TemplateKind, lines: TemplateLine[]): TemplateProblem[] {
  if (lines.length === 0) return [{ code: "EMPTY" }];
  const problems: TemplateProblem[] = [];
  const dims: readonly string[] = TEMPLATE_DIMENSIONS[kind];
  lines.forEach((l, index) => {
    if (!dims.includes(l.level1)) problems.push({ code: "BAD_DIMENSION", index });
    const h = toHundredths(l.maxPoints);
    if (h === null || h <= 0) problems.push({ code: "BAD_POINTS", index });
  });
  const total = lines.reduce((s, l) => s + (toHundredths(l.maxPoints) ?? 0), 0);
  if (total !== TEMPLATE_TOTAL_POINTS * 100) problems.push({ code: "TOTAL_NOT_100", total });
  if (kind === "PROJECT") {
    const share = outputEffectShare(lines);
    if (share < OUTPUT_EFFECT_MIN_PERCENT * 100) problems.push({ code: "OUTPUT_EFFECT_SHARE", share });
  }
  return problems;
}
