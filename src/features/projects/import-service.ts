import "server-only";
import { eq } from "drizzle-orm";
import { fenToYuanString, toFen } from "@/domain/money";
import enProjects from "@/messages/en/projects.json";
import zhProjects from "@/messages/zh-CN/projects.json";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { readXlsxGrid } from "@/server/excel";
import { fiscalYears } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import {
  checkProjectRows,
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  readProjectRows,
  type ImportColumn,
} from "./import-rows";
import type { ImportProjectsInput } from "./schemas";
import { createProject } from "./service";

const PREVIEW_ROWS = 50;

/** A template's header in either language is recognised, whichever the filer downloaded. */
const HEADERS = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c, [zhProjects.import.columns[c], enProjects.import.columns[c], c]]),
) as Record<ImportColumn, string[]>;

/**
 * 批量导入项目: a filer files many projects of their own unit at once. The whole file is read and
 * every row checked with the form's schema; any bad row → nothing saved, every error by line.
 * "preview" stops there; "import" files each row exactly as the form does (createProject: the unit
 * and department from the account, a fresh code, stage DRAFT) in the action's one transaction.
 */
export async function importProjects(
  input: ImportProjectsInput,
  { db, user }: { db: DbOrTx; user: CurrentUser },
) {
  if (!user.orgId || !user.departmentId) throw new AppError("FORBIDDEN");
  const [year] = await db
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, input.year));
  if (!year) throw new AppError("VALIDATION", "VALIDATION", { year: ["fiscalYearUnknown"] });
  const grid = await readXlsxGrid(await input.file.arrayBuffer()).catch(() => null);
  const raw = grid ? readProjectRows(grid, HEADERS) : null;
  if (!raw) throw new AppError("VALIDATION", "VALIDATION", { file: ["projectImport.unreadable"] });
  if (raw.length === 0) throw new AppError("VALIDATION", "VALIDATION", { file: ["projectImport.empty"] });
  if (raw.length > MAX_IMPORT_ROWS)
    throw new AppError("VALIDATION", "VALIDATION", {
      file: [{ key: "errors.projectImport.tooMany", values: { max: MAX_IMPORT_ROWS } }],
    });
  const { rows, errors } = checkProjectRows(raw);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "projectImport.hasErrors", errors);
  const summary = {
    year: input.year,
    filename: input.file.name,
    count: rows.length,
    total: fenToYuanString(rows.reduce((a, r) => a + toFen(r.requestedAmount), 0n)),
    preview: rows.slice(0, PREVIEW_ROWS).map((r) => ({
      line: r.line,
      name: r.name,
      kind: r.kind,
      novelty: r.novelty,
      duration: r.duration,
      isMajor: r.isMajor,
      specialArea: r.specialArea,
      requestedAmount: r.requestedAmount,
    })),
  };
  if (input.intent === "preview") return { ...summary, imported: null };
  const codes: string[] = [];
  for (const row of rows) {
    // createProject takes only the form's fields from it (the line number stays behind).
    const created = await createProject({ ...row, year: input.year }, { db, user });
    codes.push(created.code);
  }
  return { ...summary, imported: codes };
}
