import { and, eq, sql } from "drizzle-orm";
import { fenToYuanString, toFen } from "@/domain/money";
import { diff, writeAudit } from "@/server/audit";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertCan } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import { fiscalYears, type FiscalYear } from "@/server/schema";
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
