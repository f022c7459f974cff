import fs from "node:fs";
import path from "node:path";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import { env } from "@/env";
import { newPglite } from "./pglite";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: services take either, so a caller can compose them. */
export type DbOrTx = Db | Tx;

export type Handle = { db: Db; kind: "pg" | "pglite"; url?: string; close: () => Promise<void> };

// One handle per process. Next bundles route handlers and instrumentation separately, so the
// singleton lives on globalThis rather than in module scope (PGlite must never be opened twice).
const globalForDb = globalThis as unknown as { __bpmDb?: Handle };

export function openDatabase(options: { url?: string; pgliteDir?: string } = {}): Handle {
  // An explicit embedded folder wins over DATABASE_URL (tests open throw-away PGlite databases).
  const url = options.pgliteDir ? undefined : (options.url ?? env.DATABASE_URL);
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
    // An idle connection the server ends (restart, terminated backend) is dropped from the pool and
    // logged; unhandled, it would take the whole process down. The next query opens a new one.
    pool.on("error", (e) => console.error("[db] idle connection lost:", e.message));
    return { db: drizzlePg(pool, { schema }) as unknown as Db, kind: "pg", url, close: () => pool.end() };
  }
  const dir = options.pgliteDir ?? env.PGLITE_DIR;
  const dataDir = dir === "memory://" ? undefined : path.resolve(/*turbopackIgnore: true*/ dir);
  if (dataDir) fs.mkdirSync(/*turbopackIgnore: true*/ dataDir, { recursive: true });
  const client = newPglite(dataDir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  };
}

function handle(): Handle {
  if (!globalForDb.__bpmDb) globalForDb.__bpmDb = openDatabase();
  return globalForDb.__bpmDb;
}

/** The process's database. Opened on first use. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = handle().db as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export function databaseHandle(): Handle {
  return handle();
}

export async function closeDatabase(): Promise<void> {
  const h = globalForDb.__bpmDb;
  globalForDb.__bpmDb = undefined;
  if (h) await h.close();
}

/** Tests swap in their own database (a fresh schema on the server, or an in-memory PGlite). */
export function useDatabase(h: Handle): void {
  globalForDb.__bpmDb = h;
}

/** Run raw SQL and return its rows: both drivers answer with `{ rows }`. */
export async function queryRows<T = Record<string, unknown>>(dbOrTx: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await dbOrTx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
