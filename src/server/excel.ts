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
