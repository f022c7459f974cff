import type { FieldMessage } from "@/server/errors";
import { belongsTo, LEVEL1, type Level1, type Level2, type Operator } from "./levels";

// 绩效目标 quality checks (SPEC §4). Pure: the server runs them on submit and the form runs the same
// functions live, so the filer sees each problem on its row before and after submitting.

export type IndicatorDraft = {
  level1: Level1;
  level2: Level2;
  name: string;
  operator: Operator;
  targetValue: string;
  unit: string;
  /** Decimal text with up to two places, e.g. "12.5"; empty counts as 0. */
  points: string;
};

export type Weights = Record<Level1, number>;

export const ISSUE_CODES = [
  "goalRequired",
  "nameRequired",
  "level2Mismatch",
  "targetNotNumber",
  "unitRequired",
  "targetRequired",
  "vague",
  "inputAsTarget",
  "inputMoneyUnit",
  "pointsInvalid",
  "levelEmpty",
  "pointsSum",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type QualityIssue = {
  /** Index of the indicator at fault, or null for the sheet as a whole. */
  row: number | null;
  field: "overallGoal" | "name" | "level2" | "targetValue" | "unit" | "points" | "level1";
  code: IssueCode;
  level1?: Level1;
  values?: Record<string, string>;
};

const NUMBER = /^-?\d+(\.\d+)?$/;
export const isNumeric = (v: string) => NUMBER.test(v.trim());

// Words that state a wish without a measure (提高、进一步、加强 …). They are fine next to a number.
export const VAGUE_WORDS = [
  "提高",
  "提升",
  "进一步",
  "加强",
  "显著",
  "有效",
  "明显",
  "大幅",
  "逐步",
  "较大",
  "积极",
  "不断",
  "切实",
  "改善",
];

/** Vague wording with no measure: a vague word in the name or target, and no digit in the target. */
export function isVague(name: string, targetValue: string): boolean {
  if (/\d/.test(targetValue)) return false;
  const text = `${name}${targetValue}`;
  return VAGUE_WORDS.some((w) => text.includes(w));
}

// Inputs are not results: the money spent or the staff deployed is what the project costs, not what
// it achieves. A name that states an input (资金投入, 经费到位, 编制, 配备人员 …) is refused; paying on
// time (资金支付进度) or training people (培训人员数量) are results and pass.
const MONEY_INPUT =
  /(资金|经费|预算|拨款)(投入|到位|安排|拨付|下达|总额|规模|数额|金额)|(投入|安排|拨付|下达)(的)?(资金|经费|预算)/;
// 编制 as staff quota (新增编制、编制人数), not as the verb in 规划编制.
const STAFF_INPUT =
  /(新增|核定|增加|空余)编制|编制(数|人数|内)|(配备|新增|招聘|在编|投入)(工作)?人员|人员(配备|工资|经费|编制)/;
const MONEY_UNITS = ["元", "千元", "万元", "亿元"];

export function isInputName(name: string): boolean {
  return MONEY_INPUT.test(name) || STAFF_INPUT.test(name);
}

/**
 * Money as the unit of an output is an input (what was spent, not what was delivered), except under
 * 成本指标 where the cost is the measure by design. Benefits may be money (带动增收 万元).
 */
export function isInputUnit(level1: Level1, level2: Level2, unit: string): boolean {
  return level1 === "OUTPUT" && level2 !== "COST" && MONEY_UNITS.includes(unit.trim());
}

/** Points as hundredths, so sums are exact; null when the text is not a valid 0–100 amount. */
export function pointsToCents(points: string): number | null {
  const v = points.trim() === "" ? "0" : points.trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(v)) return null;
  const [whole, frac = ""] = v.split(".");
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return cents > 10_000 ? null : cents;
}

export const centsToText = (cents: number) =>
  (cents / 100)
    .toFixed(2)
    .replace(/\.00$/, "")
    .replace(/(\.\d)0$/, "$1");

/** The points per level-1 (invalid points count as 0), as hundredths. */
export function pointsByLevel(
  indicators: Pick<IndicatorDraft, "level1" | "points">[],
): Record<Level1, number> {
  const out: Record<Level1, number> = { OUTPUT: 0, BENEFIT: 0, SATISFACTION: 0 };
  for (const i of indicators) out[i.level1] += pointsToCents(i.points) ?? 0;
  return out;
}

function rowIssues(i: IndicatorDraft, row: number): QualityIssue[] {
  const out: QualityIssue[] = [];
  const add = (field: QualityIssue["field"], code: IssueCode) => out.push({ row, field, code });
  if (!belongsTo(i.level1, i.level2)) add("level2", "level2Mismatch");
  if (!i.name.trim()) add("name", "nameRequired");
  else if (isInputName(i.name)) add("name", "inputAsTarget");
  if (i.operator === "QUALITATIVE") {
    if (!i.targetValue.trim()) add("targetValue", "targetRequired");
    else if (isVague(i.name, i.targetValue)) add("targetValue", "vague");
  } else {
    if (!isNumeric(i.targetValue)) add("targetValue", "targetNotNumber");
    if (!i.unit.trim()) add("unit", "unitRequired");
  }
  if (i.unit.trim() && isInputUnit(i.level1, i.level2, i.unit)) add("unit", "inputMoneyUnit");
  const cents = pointsToCents(i.points);
  if (cents === null || cents === 0) add("points", "pointsInvalid");
  return out;
}

/** Every problem that blocks submitting; an empty list means the sheet may go. */
export function checkSheet(
  sheet: { overallGoal: string; indicators: IndicatorDraft[] },
  weights: Weights,
): QualityIssue[] {
  const issues: QualityIssue[] = [];
  if (!sheet.overallGoal.trim()) issues.push({ row: null, field: "overallGoal", code: "goalRequired" });
  sheet.indicators.forEach((i, row) => issues.push(...rowIssues(i, row)));
  const sums = pointsByLevel(sheet.indicators);
  for (const level1 of LEVEL1) {
    if (!sheet.indicators.some((i) => i.level1 === level1)) {
      issues.push({ row: null, field: "level1", code: "levelEmpty", level1 });
    } else if (sums[level1] !== weights[level1] * 100) {
      issues.push({
        row: null,
        field: "level1",
        code: "pointsSum",
        level1,
        values: { actual: centsToText(sums[level1]), expected: String(weights[level1]) },
      });
    }
  }
  return issues;
}

/**
 * The issues as `fieldErrors` for an action result (`indicators.3.unit`, `overallGoal`,
 * `level.OUTPUT`), each a message from `targets.quality` with its values.
 */
export function issuesToFieldErrors(issues: QualityIssue[]): Record<string, FieldMessage[]> {
  const out: Record<string, FieldMessage[]> = {};
  for (const i of issues) {
    const key = i.row !== null ? `indicators.${i.row}.${i.field}` : i.level1 ? `level.${i.level1}` : i.field;
    const level = i.level1 ? { key: `targets.level1.${i.level1}` } : "";
    (out[key] ??= []).push({ key: `targets.quality.${i.code}`, values: { level, ...(i.values ?? {}) } });
  }
  return out;
}
