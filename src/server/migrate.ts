import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import pg from "pg";
import type { Handle } from "./db";

// Any fixed number: every instance takes the same lock, so only one applies migrations at a time.
const MIGRATION_LOCK = 73_052_021;

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");

/**
 * Apply the committed migrations under a PostgreSQL advisory lock, so that two app instances starting
 * together do not race: the second waits, then finds nothing left to apply. `thenUnderLock` runs after
 * the migrations while the lock is still held (the start-up's seed of an empty database), so a second
 * instance sees the first one's data instead of loading it again.
 */
export async function migrateDatabase(handle: Handle, thenUnderLock?: () => Promise<void>): Promise<void> {
  if (handle.kind === "pglite") {
    // PGlite is one in-process connection: the lock is cheap and keeps the code path the same.
    await handle.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
      await thenUnderLock?.();
    } finally {
      await handle.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
    return;
  }
  // A session lock must be taken and released on one connection: a pool may hand out a different one.
  // The seed writes through the pool meanwhile; the lock only keeps other instances waiting.
  const client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migratePg(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
      await thenUnderLock?.();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    await client.end();
  }
}
