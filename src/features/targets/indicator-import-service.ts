import "server-only";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { readXlsxGrid } from "@/server/excel";
import type { CurrentUser } from "@/server/session";
import { checkIndicatorRows, MAX_INDICATOR_ROWS, readIndicatorRows } from "./indicator-import";
import type { ReadIndicatorFileInput } from "./schemas";
import { scopedProject } from "./service";

/**
 * Read a filled indicator template for one of the filer's projects (out of scope → not found). Every
 * row is checked; with any bad row, no row comes back and every error is named by line. Nothing is
 * saved: the rows fill the editor, and saving the sheet goes through saveSheet as always.
 */
export async function readIndicatorFile(
  input: ReadIndicatorFileInput,
  { db, user }: { db: DbOrTx; user: CurrentUser },
) {
  await scopedProject(db, user, input.projectId);
  const grid = await readXlsxGrid(await input.file.arrayBuffer()).catch(() => null);
  const raw = grid ? readIndicatorRows(grid) : null;
  if (!raw) throw new AppError("VALIDATION", "VALIDATION", { file: ["indicatorImport.unreadable"] });
  if (raw.length === 0) throw new AppError("VALIDATION", "VALIDATION", { file: ["indicatorImport.empty"] });
  if (raw.length > MAX_INDICATOR_ROWS)
    throw new AppError("VALIDATION", "VALIDATION", {
      file: [{ key: "errors.indicatorImport.tooMany", values: { max: MAX_INDICATOR_ROWS } }],
    });
  const { rows, errors } = checkIndicatorRows(raw);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "indicatorImport.hasErrors", errors);
  return { projectId: input.projectId, rows };
}
