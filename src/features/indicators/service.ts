import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { diff } from "@/server/audit";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { libraryIndicators } from "@/server/schema";
import type { LibraryIndicatorInput } from "./schemas";

// 指标库 upkeep (finance admin). Sheets keep their own copy of an indicator, so editing or
// deactivating a library entry never changes a filed sheet.

const fields = (i: LibraryIndicatorInput) => ({
  sector: i.sector,
  level1: i.level1,
  level2: i.level2,
  name: i.name,
  operator: i.operator,
  unit: i.unit,
  targetHint: i.targetHint,
  description: i.description,
  active: i.active,
});

export async function saveLibraryIndicator(input: LibraryIndicatorInput, { db }: { db: DbOrTx }) {
  if (!input.id) {
    const [row] = await db
      .insert(libraryIndicators)
      .values(fields(input))
      .returning({ id: libraryIndicators.id, version: libraryIndicators.version });
    return { id: row!.id, version: row!.version, created: true, changes: fields(input) };
  }
  const [before] = await db.select().from(libraryIndicators).where(eq(libraryIndicators.id, input.id));
  if (!before) throw new AppError("NOT_FOUND");
  if (before.version !== input.version) throw new AppError("CONFLICT");
  const [row] = await db
    .update(libraryIndicators)
    .set({ ...fields(input), version: sql`${libraryIndicators.version} + 1`, updatedAt: new Date() })
    .where(and(eq(libraryIndicators.id, input.id), eq(libraryIndicators.version, input.version)))
    .returning({ id: libraryIndicators.id, version: libraryIndicators.version });
  if (!row) throw new AppError("CONFLICT");
  return { id: row.id, version: row.version, created: false, changes: diff(before, fields(input)) };
}
