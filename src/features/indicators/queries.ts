import "server-only";
import { and, asc, count, eq, ilike, type SQL } from "drizzle-orm";
import { db } from "@/server/db";
import { libraryIndicators } from "@/server/schema";
import type { Level1, Level2 } from "@/features/targets/levels";

export const LIBRARY_PAGE_SIZE = 30;

export type LibraryFilters = {
  q?: string;
  sector?: string;
  level1?: Level1;
  level2?: Level2;
  active: "all" | "active" | "inactive";
  page: number;
};

export async function listLibrary(f: LibraryFilters) {
  const where: SQL | undefined = and(
    f.q ? ilike(libraryIndicators.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    f.sector ? eq(libraryIndicators.sector, f.sector) : undefined,
    f.level1 ? eq(libraryIndicators.level1, f.level1) : undefined,
    f.level2 ? eq(libraryIndicators.level2, f.level2) : undefined,
    f.active === "all" ? undefined : eq(libraryIndicators.active, f.active === "active"),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: libraryIndicators.id,
        sector: libraryIndicators.sector,
        level1: libraryIndicators.level1,
        level2: libraryIndicators.level2,
        name: libraryIndicators.name,
        operator: libraryIndicators.operator,
        unit: libraryIndicators.unit,
        targetHint: libraryIndicators.targetHint,
        active: libraryIndicators.active,
      })
      .from(libraryIndicators)
      .where(where)
      .orderBy(
        asc(libraryIndicators.sector),
        asc(libraryIndicators.level1),
        asc(libraryIndicators.level2),
        asc(libraryIndicators.name),
      )
      .limit(LIBRARY_PAGE_SIZE)
      .offset((f.page - 1) * LIBRARY_PAGE_SIZE),
    db.select({ n: count() }).from(libraryIndicators).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getLibraryIndicator(id: string) {
  const [row] = await db.select().from(libraryIndicators).where(eq(libraryIndicators.id, id));
  return row ?? null;
}
