import { toHundredths, hundredthsToText } from "@/domain/evaluation";
import { AMOUNT_PATTERN } from "@/domain/money";

// The self-evaluation template's rows, checked before anything is saved. Pure: the import service
// reads the workbook and the records, this decides which rows are wrong and why.

export const SCORE_SHEET = "scores";
export const BUDGET_SHEET = "budget";

export type ScoreImportRow = {
  row: number;
  code: string;
  seq: string;
  actualValue: string;
  points: string;
  note: string;
};
export type BudgetImportRow = { row: number; code: string; budget: string; executed: string };

/** What the import may write to: the user's editable self-evaluations by project code. */
export type ImportTarget = {
  evaluationId: string;
  version: number;
  lines: { id: string; maxPoints: string }[];
};

export type ImportIssue = {
  sheet: typeof SCORE_SHEET | typeof BUDGET_SHEET;
  row: number;
  code:
    "unknownProject" | "unknownIndicator" | "pointsInvalid" | "pointsOverMax" | "amountInvalid" | "duplicate";
  values?: Record<string, string>;
};

export type ImportPlan = {
  lines: Map<string, { id: string; actualValue: string; points: string; note: string }[]>;
  budgets: Map<string, { budget: string; executed: string }>;
};

const plainAmount = (v: string) => v.replace(/,/g, "").trim();

export function planImport(
  scores: ScoreImportRow[],
  budgets: BudgetImportRow[],
  targets: Map<string, ImportTarget>,
): { issues: ImportIssue[]; plan: ImportPlan } {
  const issues: ImportIssue[] = [];
  const plan: ImportPlan = { lines: new Map(), budgets: new Map() };
  const seen = new Set<string>();
  for (const r of scores) {
    const target = targets.get(r.code);
    if (!target) {
      issues.push({ sheet: SCORE_SHEET, row: r.row, code: "unknownProject", values: { code: r.code } });
      continue;
    }
    const index = Number(r.seq);
    const line = Number.isInteger(index) ? target.lines[index - 1] : undefined;
    if (!line) {
      issues.push({ sheet: SCORE_SHEET, row: r.row, code: "unknownIndicator", values: { seq: r.seq } });
      continue;
    }
    if (seen.has(line.id)) {
      issues.push({ sheet: SCORE_SHEET, row: r.row, code: "duplicate" });
      continue;
    }
    seen.add(line.id);
    const points = r.points.trim();
    const h = points === "" ? null : toHundredths(points);
    const max = toHundredths(line.maxPoints) ?? 0;
    if (points !== "" && h === null) {
      issues.push({ sheet: SCORE_SHEET, row: r.row, code: "pointsInvalid", values: { value: points } });
      continue;
    }
    if (h !== null && h > max) {
      issues.push({
        sheet: SCORE_SHEET,
        row: r.row,
        code: "pointsOverMax",
        values: { value: points, max: hundredthsToText(max) },
      });
      continue;
    }
    const list = plan.lines.get(target.evaluationId) ?? [];
    list.push({
      id: line.id,
      actualValue: r.actualValue.trim(),
      points: h === null ? "" : hundredthsToText(h),
      note: r.note.trim(),
    });
    plan.lines.set(target.evaluationId, list);
  }
  const seenBudget = new Set<string>();
  for (const r of budgets) {
    const target = targets.get(r.code);
    if (!target) {
      issues.push({ sheet: BUDGET_SHEET, row: r.row, code: "unknownProject", values: { code: r.code } });
      continue;
    }
    if (seenBudget.has(r.code)) {
      issues.push({ sheet: BUDGET_SHEET, row: r.row, code: "duplicate" });
      continue;
    }
    seenBudget.add(r.code);
    const budget = plainAmount(r.budget);
    const executed = plainAmount(r.executed);
    const bad = [budget, executed].find((v) => v !== "" && !AMOUNT_PATTERN.test(v));
    if (bad !== undefined) {
      issues.push({ sheet: BUDGET_SHEET, row: r.row, code: "amountInvalid", values: { value: bad } });
      continue;
    }
    plan.budgets.set(target.evaluationId, { budget, executed });
  }
  return { issues, plan };
}
