import ExcelJS from "exceljs";
import { fenToYuanString, toFen } from "@/domain/money";
import type { FieldMessage } from "@/server/errors";
import type { FundingSource } from "./constants";

// 国库支付数据 import: read an .xlsx or .csv of payments (project code, date, amount, funding source)
// and check every row. Nothing here touches the database: the service resolves codes and saves.

type Cell = string | number | Date | null;
export type RawPaymentRow = { line: number; code: Cell; date: Cell; amount: Cell; source: Cell };
export type PaymentRow = {
  line: number;
  code: string;
  paidOn: string;
  amount: string;
  source: FundingSource;
};

const HEADERS = {
  code: ["项目编码", "项目代码", "project code", "code"],
  date: ["支付日期", "日期", "payment date", "date"],
  amount: ["支付金额", "金额", "金额（元）", "amount"],
  source: ["资金来源", "funding source", "source"],
} as const;
type Column = keyof typeof HEADERS;

const SOURCE_NAMES: Record<string, FundingSource> = {
  本年财政拨款: "CURRENT",
  上年结转: "CARRYOVER",
  其他资金: "OTHER",
  current: "CURRENT",
  carryover: "CARRYOVER",
  other: "OTHER",
};

/** One CSV line into cells (quotes and doubled quotes as Excel writes them). */
function csvCells(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || v instanceof Date) return v;
  if (typeof v === "object" && "result" in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  return String(v);
}

/** The sheet's rows as cells; the first row is the header. */
async function readGrid(name: string, bytes: ArrayBuffer): Promise<Cell[][]> {
  if (/\.csv$/i.test(name)) {
    const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    return text.split(/\r?\n/).map((l) => (l.trim() === "" ? [] : csvCells(l)));
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const grid: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    grid[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
  });
  return Array.from(grid, (r) => r ?? []);
}

/** Read the file's rows by their headers; null when a required column is missing. */
export async function readPaymentFile(name: string, bytes: ArrayBuffer): Promise<RawPaymentRow[] | null> {
  const grid = await readGrid(name, bytes);
  const header = (grid[0] ?? []).map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  const index = {} as Record<Column, number>;
  for (const col of Object.keys(HEADERS) as Column[]) {
    const i = header.findIndex((h) => (HEADERS[col] as readonly string[]).includes(h));
    if (i < 0) return null;
    index[col] = i;
  }
  const rows: RawPaymentRow[] = [];
  grid.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === null || String(c).trim() === "")) return;
    const at = (col: Column) => cells[index[col]] ?? null;
    rows.push({
      line: i + 2,
      code: at("code"),
      date: at("date"),
      amount: at("amount"),
      source: at("source"),
    });
  });
  return rows;
}

function parseDate(v: Cell): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(v ?? "").trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function parseAmount(v: Cell): string | null {
  // A spreadsheet number is a binary float: accept it only if it is a whole number of fen.
  const s =
    typeof v === "number"
      ? Math.abs(v * 100 - Math.round(v * 100)) < 1e-6
        ? v.toFixed(2)
        : "x"
      : String(v ?? "");
  const clean = s.replace(/[,\s，]/g, "");
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(clean)) return null;
  const fen = toFen(clean);
  return fen > 0n ? fenToYuanString(fen) : null;
}

/**
 * Check every row: a project of the year, a date in the year, a positive amount in yuan with at most
 * two decimals, a known funding source. Errors are by line number, as the user sees the file.
 */
export function checkPaymentRows(raw: RawPaymentRow[], year: number, projectIds: Map<string, string>) {
  const rows: (PaymentRow & { projectId: string })[] = [];
  const errors: Record<string, FieldMessage[]> = {};
  for (const r of raw) {
    const msgs: FieldMessage[] = [];
    const code = String(r.code ?? "").trim();
    const projectId = projectIds.get(code);
    if (!code) msgs.push("monitoring.import.codeMissing");
    else if (!projectId) msgs.push({ key: "errors.monitoring.import.codeUnknown", values: { code, year } });
    const paidOn = parseDate(r.date);
    if (!paidOn) msgs.push("monitoring.import.dateInvalid");
    else if (!paidOn.startsWith(`${year}-`))
      msgs.push({ key: "errors.monitoring.import.dateOutsideYear", values: { year } });
    const amount = parseAmount(r.amount);
    if (!amount) msgs.push("monitoring.import.amountInvalid");
    const source =
      SOURCE_NAMES[
        String(r.source ?? "")
          .trim()
          .toLowerCase()
      ] ?? SOURCE_NAMES[String(r.source ?? "").trim()];
    if (!source) msgs.push("monitoring.import.sourceInvalid");
    if (msgs.length) errors[`row.${r.line}`] = msgs;
    else
      rows.push({
        line: r.line,
        code,
        paidOn: paidOn!,
        amount: amount!,
        source: source!,
        projectId: projectId!,
      });
  }
  return { rows, errors };
}
