import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { fenToYuanString, toFen } from "@/domain/money";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { fiscalYears, paymentImports, projects, treasuryPayments } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { checkPaymentRows, readPaymentFile } from "./payments";
import type { ImportPaymentsInput } from "./schemas";
import { projectScope } from "@/server/scope";

const PREVIEW_ROWS = 20;

/**
 * 导入国库支付数据: read and check the whole file; with any bad row nothing is saved and every error
 * comes back by line. "preview" stops there; "import" saves every row in the action's transaction.
 */
export async function importPayments(
  input: ImportPaymentsInput,
  { db, user }: { db: DbOrTx; user: CurrentUser },
) {
  const [year] = await db
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, input.year));
  if (!year) throw new AppError("VALIDATION", "VALIDATION", { year: ["fiscalYearUnknown"] });
  const raw = await readPaymentFile(input.file.name, await input.file.arrayBuffer()).catch(() => null);
  if (!raw) throw new AppError("VALIDATION", "VALIDATION", { file: ["monitoring.import.unreadable"] });
  if (raw.length === 0) throw new AppError("VALIDATION", "VALIDATION", { file: ["monitoring.import.empty"] });
  const codes = [...new Set(raw.map((r) => String(r.code ?? "").trim()).filter(Boolean))];
  const found = codes.length
    ? await db
        .select({ id: projects.id, code: projects.code })
        .from(projects)
        // Only the importing finance's projects: another district's code reads as unknown.
        .where(and(eq(projects.year, input.year), inArray(projects.code, codes), projectScope(user)))
    : [];
  const { rows, errors } = checkPaymentRows(raw, input.year, new Map(found.map((p) => [p.code, p.id])));
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "monitoring.import.hasErrors", errors);
  const total = fenToYuanString(rows.reduce((a, r) => a + toFen(r.amount), 0n));
  // The same payments imported again would count twice: refuse a file whose rows were imported before.
  const contentHash = createHash("sha256")
    .update(
      rows
        .map((r) => `${r.projectId}|${r.paidOn}|${fenToYuanString(toFen(r.amount))}|${r.source}`)
        .sort()
        .join("\n"),
    )
    .digest("hex");
  const [earlier] = await db
    .select({ filename: paymentImports.filename, at: paymentImports.createdAt })
    .from(paymentImports)
    .where(and(eq(paymentImports.year, input.year), eq(paymentImports.contentHash, contentHash)));
  if (earlier)
    throw new AppError("VALIDATION", "VALIDATION", {
      file: [
        {
          key: "errors.monitoring.import.duplicate",
          values: { filename: earlier.filename, at: earlier.at.toISOString().slice(0, 10) },
        },
      ],
    });
  const summary = {
    year: input.year,
    filename: input.file.name,
    count: rows.length,
    projects: new Set(rows.map((r) => r.projectId)).size,
    total,
    preview: rows
      .slice(0, PREVIEW_ROWS)
      .map(({ line, code, paidOn, amount, source }) => ({ line, code, paidOn, amount, source })),
  };
  if (input.intent === "preview") return { ...summary, importId: null };
  const [batch] = await db
    .insert(paymentImports)
    .values({
      year: input.year,
      filename: input.file.name,
      rowCount: rows.length,
      total,
      contentHash,
      importedBy: user.id,
    })
    .onConflictDoNothing()
    .returning({ id: paymentImports.id });
  // The same file imported at the same moment by someone else: theirs stands.
  if (!batch) throw new AppError("VALIDATION", "VALIDATION", { file: ["monitoring.import.duplicateNow"] });
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(treasuryPayments).values(
      rows.slice(i, i + 1000).map((r) => ({
        importId: batch!.id,
        projectId: r.projectId,
        paidOn: r.paidOn,
        amount: r.amount,
        source: r.source,
      })),
    );
  }
  return { ...summary, importId: batch!.id };
}
