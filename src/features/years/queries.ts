import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/server/db";
import { assertCan } from "@/server/permissions";
import { fiscalYears, type FiscalYear } from "@/server/schema";
import type { CurrentUser } from "@/server/session";

export async function listFiscalYears(user: CurrentUser): Promise<FiscalYear[]> {
  assertCan(user, "years.read");
  return db.select().from(fiscalYears).orderBy(asc(fiscalYears.year));
}

export async function getFiscalYear(user: CurrentUser, year: number): Promise<FiscalYear | null> {
  assertCan(user, "years.read");
  const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year)).limit(1);
  return row ?? null;
}
