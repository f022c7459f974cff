import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { DbOrTx } from "@/server/db";
import { AppError, type FieldMessage } from "@/server/errors";
import { evaluations, evaluationScores, projects } from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { EDITABLE_STATUSES } from "./flow";
import { writeLines } from "./service";
import type { ImportScoresInput } from "./import-schema";
import { planImport, type BudgetImportRow, type ImportTarget, type ScoreImportRow } from "./rules";

type Ctx = { db: DbOrTx; user: Pick<CurrentUser, "id" | "role" | "orgId" | "districtId" | "provinceWide"> };

/** The user's self-evaluations of a year that may still be edited, by project code, with their lines. */
export async function editableEvaluations(db: DbOrTx, user: Ctx["user"], year: number) {
  const rows = await db
    .select({
      evaluationId: evaluations.id,
      version: evaluations.version,
      code: projects.code,
      name: projects.name,
      budgetTotal: evaluations.budgetTotal,
      executedTotal: evaluations.executedTotal,
    })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .where(
      and(
        eq(evaluations.type, "SELF"),
        eq(evaluations.year, year),
        inArray(evaluations.status, [...EDITABLE_STATUSES]),
        projectScope(user),
      ),
    )
    .orderBy(asc(projects.code));
  const lines = rows.length
    ? await db
        .select()
        .from(evaluationScores)
        .where(
          inArray(
            evaluationScores.evaluationId,
            rows.map((r) => r.evaluationId),
          ),
        )
        .orderBy(asc(evaluationScores.evaluationId), asc(evaluationScores.sortOrder))
    : [];
  const byEvaluation = new Map<string, (typeof lines)[number][]>();
  for (const l of lines) byEvaluation.set(l.evaluationId, [...(byEvaluation.get(l.evaluationId) ?? []), l]);
  return rows.map((r) => ({ ...r, lines: byEvaluation.get(r.evaluationId) ?? [] }));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(Math.round(v * 100) / 100);
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "1" : "0";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v)
      return v.richText
        .map((p) => p.text)
        .join("")
        .trim();
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text).trim();
  }
  return String(v).trim();
}

/** Read the template's two sheets by position (their names follow the downloader's language). */
export async function readTemplate(
  file: Blob,
): Promise<{ scores: ScoreImportRow[]; budgets: BudgetImportRow[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(await file.arrayBuffer());
  } catch {
    throw new AppError("VALIDATION", "VALIDATION", { file: ["selfEvaluation.import.unreadable"] });
  }
  const [scoreSheet, budgetSheet] = workbook.worksheets;
  if (!scoreSheet)
    throw new AppError("VALIDATION", "VALIDATION", { file: ["selfEvaluation.import.unreadable"] });
  const scores: ScoreImportRow[] = [];
  scoreSheet.eachRow((row, n) => {
    if (n === 1) return;
    const c = (i: number) => cellText(row.getCell(i).value);
    if (!c(1) && !c(3)) return;
    scores.push({ row: n, code: c(1), seq: c(3), actualValue: c(9), points: c(10), note: c(11) });
  });
  const budgets: BudgetImportRow[] = [];
  budgetSheet?.eachRow((row, n) => {
    if (n === 1) return;
    const c = (i: number) => cellText(row.getCell(i).value);
    if (!c(1)) return;
    budgets.push({ row: n, code: c(1), budget: c(3), executed: c(4) });
  });
  return { scores, budgets };
}

/**
 * 导入自评得分: every row is checked first; one wrong row refuses the whole file with each row's
 * problem, and nothing is saved. Otherwise each evaluation named in the file is saved as a draft.
 */
export async function importScores(input: ImportScoresInput, { db, user }: Ctx) {
  if (user.role !== "DEPT_FILER") throw new AppError("FORBIDDEN");
  const { scores, budgets } = await readTemplate(input.file);
  if (!scores.length && !budgets.length)
    throw new AppError("VALIDATION", "VALIDATION", { file: ["selfEvaluation.import.empty"] });
  const editable = await editableEvaluations(db, user, input.year);
  const targets = new Map<string, ImportTarget>(
    editable.map((e) => [
      e.code,
      {
        evaluationId: e.evaluationId,
        version: e.version,
        lines: e.lines.map((l) => ({ id: l.id, maxPoints: l.maxPoints })),
      },
    ]),
  );
  const { issues, plan } = planImport(scores, budgets, targets);
  if (issues.length) {
    const rows: FieldMessage[] = issues.slice(0, 50).map((i) => ({
      key: `errors.selfEvaluation.import.${i.code}`,
      values: { sheet: { key: `selfEvaluation.import.sheet.${i.sheet}` }, row: i.row, ...(i.values ?? {}) },
    }));
    if (issues.length > 50)
      rows.push({ key: "errors.selfEvaluation.import.more", values: { n: issues.length - 50 } });
    throw new AppError("VALIDATION", "selfEvaluation.import.rejected", { rows });
  }
  const versions = new Map(editable.map((e) => [e.evaluationId, e.version]));
  const touched = new Set([...plan.lines.keys(), ...plan.budgets.keys()]);
  let lineCount = 0;
  for (const evaluationId of touched) {
    const budget = plan.budgets.get(evaluationId);
    const [row] = await db
      .update(evaluations)
      .set({
        ...(budget ? { budgetTotal: budget.budget || null, executedTotal: budget.executed || null } : {}),
        filedBy: user.id,
        version: sql`${evaluations.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(evaluations.id, evaluationId),
          eq(evaluations.version, versions.get(evaluationId)!),
          inArray(evaluations.status, [...EDITABLE_STATUSES]),
        ),
      )
      .returning({ id: evaluations.id });
    if (!row) throw new AppError("CONFLICT");
    const lines = plan.lines.get(evaluationId) ?? [];
    lineCount += lines.length;
    await writeLines(db, evaluationId, lines);
  }
  return { evaluations: touched.size, lines: lineCount };
}
