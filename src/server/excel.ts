import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

export type ExcelColumn<Row> = {
  header: string;
  width?: number;
  /** Excel number format, e.g. "#,##0.00" for amounts. */
  numFmt?: string;
  value: (row: Row) => string | number | Date | null | undefined;
};

/**
 * Stream an .xlsx download: rows are written as they arrive from `rows` (fetch them in batches),
 * so memory stays bounded however long the list. The header row is bold and frozen.
 */
export function excelResponse<Row>(options: {
  filename: string;
  sheetName: string;
  columns: ExcelColumn<Row>[];
  rows: AsyncIterable<Row>;
}): Response {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = options.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width ?? 16,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  (async () => {
    for await (const row of options.rows) {
      sheet.addRow(options.columns.map((c) => c.value(row) ?? null)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((e) => out.destroy(e as Error));

  return new Response(Readable.toWeb(out) as unknown as ReadableStream, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
      "Cache-Control": "no-store",
    },
  });
}

/** Read a query in pages of `size` by a cursor, yielding rows one at a time (for excelResponse). */
export async function* inBatches<Row, Cursor>(
  fetchPage: (after: Cursor | null, size: number) => Promise<Row[]>,
  cursorOf: (row: Row) => Cursor,
  size = 2000,
): AsyncGenerator<Row> {
  let after: Cursor | null = null;
  for (;;) {
    const page = await fetchPage(after, size);
    for (const row of page) yield row;
    if (page.length < size) return;
    after = cursorOf(page[page.length - 1]!);
  }
}

export type GridCell = string | number | Date | null;

function gridCell(v: ExcelJS.CellValue): GridCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || v instanceof Date) return v;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "object" && "result" in v) return gridCell(v.result as ExcelJS.CellValue);
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  return String(v);
}

/**
 * The first sheet of an uploaded .xlsx as rows of plain cells (formulas as their results, rich text
 * as text); row i of the result is line i + 1 of the sheet, so errors can name the line the user sees.
 */
export async function readXlsxGrid(bytes: ArrayBuffer): Promise<GridCell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const grid: GridCell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    grid[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(gridCell);
  });
  return Array.from(grid, (r) => r ?? []);
}

/** A small workbook (a template) as an .xlsx download: bold frozen header, widths, optional notes sheet. */
export async function workbookResponse(options: {
  filename: string;
  sheets: { name: string; headers: { header: string; width?: number }[]; rows?: GridCell[][] }[];
}): Promise<Response> {
  const wb = new ExcelJS.Workbook();
  for (const s of options.sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = s.headers.map((h, i) => ({ header: h.header, key: String(i), width: h.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows ?? []) ws.addRow(r);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
      "Cache-Control": "no-store",
    },
  });
}
