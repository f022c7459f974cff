import enTargets from "@/messages/en/targets.json";
import zhTargets from "@/messages/zh-CN/targets.json";
import type { FieldMessage } from "@/server/errors";
import type { GridCell } from "@/server/excel";
import { LEVEL1, LEVEL2, LEVEL2_BY_LEVEL1, OPERATORS, type Level1 } from "./levels";
import { indicatorRowSchema, type IndicatorRow } from "./schemas";

// 从模板导入指标: the template's columns and the check of every row against the editor's own row
// schema, with the level-2 under its own level-1. No I/O; nothing is saved by an import: the rows fill
// the editor, and the filer saves or submits the sheet as usual (where the quality checks run).

export const INDICATOR_COLUMNS = [
  "level1",
  "level2",
  "name",
  "operator",
  "targetValue",
  "unit",
  "points",
] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];
/** As many rows as a sheet may hold (saveSheetSchema). */
export const MAX_INDICATOR_ROWS = 60;

const text = (v: GridCell) =>
  v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, "");

/** Labels in either language, with or without the trailing 指标, or the stored code. */
function choices<T extends string>(
  values: readonly T[],
  zh: Record<string, string>,
  en: Record<string, string>,
) {
  const map = new Map<string, T>();
  for (const v of values) {
    for (const label of [v, zh[v], en[v]].filter(Boolean) as string[]) {
      map.set(norm(label), v);
      map.set(norm(label.replace(/指标$/, "")), v);
    }
  }
  return map;
}
const LEVEL1_OF = choices(LEVEL1, zhTargets.level1, enTargets.level1);
const LEVEL2_OF = choices(LEVEL2, zhTargets.level2, enTargets.level2);
const OPERATOR_OF = choices(OPERATORS, zhTargets.operator, enTargets.operator);
for (const [k, v] of [
  [">=", "GTE"],
  ["<=", "LTE"],
  ["＝", "EQ"],
] as const)
  OPERATOR_OF.set(k, v);

export const INDICATOR_HEADERS = Object.fromEntries(
  INDICATOR_COLUMNS.map((c) => [c, [zhTargets.import.columns[c], enTargets.import.columns[c], c].map(norm)]),
) as Record<IndicatorColumn, string[]>;

export type RawIndicatorRow = { line: number; cells: Record<IndicatorColumn, GridCell> };

/** The rows by the template's header; null when a column is missing. Blank rows are skipped. */
export function readIndicatorRows(grid: GridCell[][]): RawIndicatorRow[] | null {
  const header = (grid[0] ?? []).map((h) => norm(text(h).replace(/[*＊]/g, "")));
  const index = {} as Record<IndicatorColumn, number>;
  for (const col of INDICATOR_COLUMNS) {
    const i = header.findIndex((h) => INDICATOR_HEADERS[col].includes(h));
    if (i < 0) return null;
    index[col] = i;
  }
  const rows: RawIndicatorRow[] = [];
  grid.slice(1).forEach((cells, i) => {
    if (cells.every((c) => text(c) === "")) return;
    rows.push({
      line: i + 2,
      cells: Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c, cells[index[c]] ?? null])) as Record<
        IndicatorColumn,
        GridCell
      >,
    });
  });
  return rows;
}

const cellError = (column: IndicatorColumn, problem: string): FieldMessage => ({
  key: "errors.indicatorImport.cell",
  values: { column: { key: `targets.import.columns.${column}` }, problem: { key: `validation.${problem}` } },
});

/** Check every row; errors keyed `row.<line>`, each naming the column and the problem. */
export function checkIndicatorRows(raw: RawIndicatorRow[]) {
  const rows: (IndicatorRow & { line: number })[] = [];
  const errors: Record<string, FieldMessage[]> = {};
  for (const r of raw) {
    const msgs: FieldMessage[] = [];
    const level1 = LEVEL1_OF.get(norm(text(r.cells.level1)));
    if (!level1) msgs.push(cellError("level1", text(r.cells.level1) ? "choice" : "required"));
    const level2 = LEVEL2_OF.get(norm(text(r.cells.level2)));
    if (!level2) msgs.push(cellError("level2", text(r.cells.level2) ? "choice" : "required"));
    else if (level1 && !(LEVEL2_BY_LEVEL1[level1 as Level1] as readonly string[]).includes(level2))
      msgs.push(cellError("level2", "level2Mismatch"));
    const operator = OPERATOR_OF.get(norm(text(r.cells.operator)));
    if (!operator) msgs.push(cellError("operator", text(r.cells.operator) ? "choice" : "required"));
    const name = text(r.cells.name);
    if (!name) msgs.push(cellError("name", "required"));
    const points = r.cells.points;
    const candidate = {
      level1: level1 ?? "OUTPUT",
      level2: level2 ?? "QUANTITY",
      name,
      operator: operator ?? "GTE",
      targetValue: text(r.cells.targetValue),
      unit: text(r.cells.unit),
      points: typeof points === "number" ? String(Math.round(points * 100) / 100) : text(points),
      libraryIndicatorId: null,
    };
    const parsed = indicatorRowSchema.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const col = issue.path[0] as IndicatorColumn;
        msgs.push(
          cellError(
            col,
            issue.code === "too_big" ? "tooLong" : issue.message === "points" ? "points" : "invalid",
          ),
        );
      }
    if (msgs.length || !parsed.success) errors[`row.${r.line}`] = msgs;
    else rows.push({ ...parsed.data, line: r.line });
  }
  return { rows, errors };
}
