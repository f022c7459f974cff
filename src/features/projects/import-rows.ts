import enEnums from "@/messages/en/enums.json";
import zhEnums from "@/messages/zh-CN/enums.json";
import type { FieldMessage } from "@/server/errors";
import type { GridCell } from "@/server/excel";
import { PROJECT_DURATIONS, PROJECT_KINDS, PROJECT_NOVELTIES, SPECIAL_AREAS } from "@/server/schema/enums";
import { projectFieldsSchema, type ProjectFields } from "./schemas";

// 批量导入项目: the template's columns, and the check of every row of a filled template against the
// filing form's own schema (projectFieldsSchema). No I/O: the service reads the file and saves.

export const IMPORT_COLUMNS = [
  "name",
  "kind",
  "novelty",
  "duration",
  "isMajor",
  "specialArea",
  "requestedAmount",
  "description",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The most rows one file may carry; a department's year is a few hundred projects at most. */
export const MAX_IMPORT_ROWS = 2000;

/** A choice column accepts the label in either language or the stored code. */
function choices<T extends string>(
  values: readonly T[],
  zh: Record<string, string>,
  en: Record<string, string>,
) {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(v.toLowerCase(), v);
    if (zh[v]) map.set(zh[v].toLowerCase(), v);
    if (en[v]) map.set(en[v].toLowerCase(), v);
  }
  return map;
}

const CHOICES = {
  kind: choices(PROJECT_KINDS, zhEnums.projectKind, enEnums.projectKind),
  novelty: choices(PROJECT_NOVELTIES, zhEnums.novelty, enEnums.novelty),
  duration: choices(PROJECT_DURATIONS, zhEnums.duration, enEnums.duration),
  specialArea: choices(SPECIAL_AREAS, zhEnums.specialArea, enEnums.specialArea),
} as const;

const YES = new Set(["是", "y", "yes", "true", "1", "重大"]);
const NO = new Set(["否", "n", "no", "false", "0", ""]);

export type RawProjectRow = { line: number; cells: Record<ImportColumn, GridCell> };
export type ImportedProjectRow = ProjectFields & { line: number };

const text = (v: GridCell) =>
  v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();

/**
 * The rows of a filled template by its header (in either language, "*" for required ignored); null
 * when a column is missing. Blank rows are skipped; lines are numbered as the spreadsheet shows them.
 */
export function readProjectRows(
  grid: GridCell[][],
  headers: Record<ImportColumn, string[]>,
): RawProjectRow[] | null {
  const header = (grid[0] ?? []).map((h) => text(h).replace(/[*＊]/g, "").trim().toLowerCase());
  const index = {} as Record<ImportColumn, number>;
  for (const col of IMPORT_COLUMNS) {
    const names = headers[col].map((h) => h.replace(/[*＊]/g, "").trim().toLowerCase());
    const i = header.findIndex((h) => names.includes(h));
    if (i < 0) return null;
    index[col] = i;
  }
  const rows: RawProjectRow[] = [];
  grid.slice(1).forEach((cells, i) => {
    if (cells.every((c) => text(c) === "")) return;
    const pick = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, cells[index[c]] ?? null])) as Record<
      ImportColumn,
      GridCell
    >;
    rows.push({ line: i + 2, cells: pick });
  });
  return rows;
}

/** A spreadsheet number as yuan text: only a whole number of fen passes (no float drift). */
function amountText(v: GridCell): string {
  if (typeof v === "number") return Math.abs(v * 100 - Math.round(v * 100)) < 1e-6 ? v.toFixed(2) : String(v);
  return text(v).replace(/[,\s，]/g, "");
}

const cellError = (column: ImportColumn, problem: string): FieldMessage => ({
  key: "errors.projectImport.cell",
  values: { column: { key: `projects.import.columns.${column}` }, problem: { key: `validation.${problem}` } },
});
const KNOWN_PROBLEMS = new Set(["required", "invalid", "amount", "amountPositive", "choice", "tooLong"]);

/**
 * Check every row with the filing form's schema. Errors are keyed `row.<line>`, each naming the
 * column and the problem, so the user can find the cell.
 */
export function checkProjectRows(raw: RawProjectRow[]) {
  const rows: ImportedProjectRow[] = [];
  const errors: Record<string, FieldMessage[]> = {};
  for (const r of raw) {
    const msgs: FieldMessage[] = [];
    const choice = (col: keyof typeof CHOICES) => {
      const v = text(r.cells[col]);
      if (!v) return "";
      const found = CHOICES[col].get(v.toLowerCase());
      if (!found) msgs.push(cellError(col, "choice"));
      return found ?? "";
    };
    const major = text(r.cells.isMajor).toLowerCase();
    if (!YES.has(major) && !NO.has(major)) msgs.push(cellError("isMajor", "choice"));
    const candidate = {
      name: text(r.cells.name),
      kind: choice("kind"),
      novelty: choice("novelty"),
      duration: choice("duration"),
      specialArea: text(r.cells.specialArea) ? choice("specialArea") : "GENERAL",
      isMajor: YES.has(major),
      requestedAmount: amountText(r.cells.requestedAmount),
      description: text(r.cells.description),
    };
    const parsed = projectFieldsSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const col = issue.path[0] as ImportColumn;
        // A bad choice was already named above; the schema would only repeat it.
        if (
          msgs.some(
            (m) => typeof m === "object" && (m.values?.column as { key: string }).key.endsWith(`.${col}`),
          )
        )
          continue;
        const problem =
          issue.code === "too_big"
            ? "tooLong"
            : KNOWN_PROBLEMS.has(issue.message)
              ? issue.message
              : "invalid";
        msgs.push(cellError(col, problem));
      }
    }
    if (msgs.length || !parsed.success) errors[`row.${r.line}`] = msgs;
    else rows.push({ ...parsed.data, line: r.line });
  }
  return { rows, errors };
}
