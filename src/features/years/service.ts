import { and, eq, sql } from "drizzle-orm";
import { fenToYuanString, toFen } from "@/domain/money";
import { diff, writeAudit } from "@/server/audit";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertCan } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import { fiscalYears, type FiscalYear } from "@/server/schema";
import { copyTemplatesToYear } from "@/features/evaluation-templates/service";
import type { CurrentUser } from "@/server/session";
import type { YearSettingsInput } from "./schemas";

type Ctx = { db: DbOrTx; user: CurrentUser; meta?: RequestMeta };

/**
 * Save a year's settings if nobody saved them since the form was opened (version check), and audit
 * what changed. A stale version is a CONFLICT, never a silent overwrite.
 */
export async function updateYearSettings(
  input: YearSettingsInput,
  { db, user, meta }: Ctx,
): Promise<FiscalYear> {
  assertCan(user, "years.configure");
  const { year, version, ...fields } = input;
  const values = { ...fields, preAssessmentThreshold: fenToYuanString(toFen(fields.preAssessmentThreshold)) };

  const [before] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year)).limit(1);
  if (!before) throw new AppError("NOT_FOUND");
  if (before.version !== version) throw new AppError("CONFLICT");
  const changes = diff(before, values);
  if (Object.keys(changes).length === 0) return before;

  const [after] = await db
    .update(fiscalYears)
    .set({ ...values, version: sql`${fiscalYears.version} + 1`, updatedAt: new Date() })
    .where(and(eq(fiscalYears.year, year), eq(fiscalYears.version, version)))
    .returning();
  // Someone saved between our read and our write.
  if (!after) throw new AppError("CONFLICT");

  await writeAudit(db, {
    actor: { id: user.id, username: user.username, role: user.role },
    action: "year.settingsUpdated",
    entityType: "fiscalYear",
    entityId: String(year),
    changes: { ...changes, version: [before.version, after.version] },
    ip: meta?.ip,
    userAgent: meta?.userAgent,
  });
  return after;
}

/**
 * Open the year after the last one: its rules start as a copy of that year's, and so do its evaluation
 * templates (finance edits both from there). `year` is the year the page offered, so a second click or
 * a colleague's creation in between is a CONFLICT rather than a year skipped.
 */
export async function createNextYear(year: number, { db, user, meta }: Ctx) {
  assertCan(user, "years.create");
  const [last] = await db
    .select()
    .from(fiscalYears)
    .orderBy(sql`${fiscalYears.year} desc`)
    .limit(1);
  if (!last || last.year + 1 !== year) throw new AppError("CONFLICT");
  // Everything but the key and the bookkeeping carries over.
  const rules: Partial<FiscalYear> = { ...last };
  delete rules.year;
  delete rules.version;
  delete rules.updatedAt;
  const [created] = await db
    .insert(fiscalYears)
    .values({ ...rules, year })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new AppError("CONFLICT");
  const codes = await copyTemplatesToYear(db, last.year, year, user.id);
  const actor = { id: user.id, username: user.username, role: user.role };
  await writeAudit(db, {
    actor,
    action: "year.created",
    entityType: "fiscalYear",
    entityId: String(year),
    changes: { from: last.year },
    ip: meta?.ip,
    userAgent: meta?.userAgent,
  });
  await writeAudit(db, {
    actor,
    action: "evaluationTemplate.copied",
    entityType: "fiscalYear",
    entityId: String(year),
    changes: { from: last.year, codes },
    ip: meta?.ip,
    userAgent: meta?.userAgent,
  });
  return { year: created.year, templates: codes.length };
}
