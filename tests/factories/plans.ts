import { sql } from "drizzle-orm";
import { db, queryRows } from "@/server/db";

// What statements read, from their EXPLAIN (format json) plans, and which tables move the aggregates'
// cache version: the cache and the reminders it gates must read only watched tables.

/** Adds to `into` every table a JSON plan reads. */
export function collectRelations(node: unknown, into: Set<string>) {
  if (Array.isArray(node)) for (const n of node) collectRelations(n, into);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "Relation Name" && typeof v === "string") into.add(v);
      else collectRelations(v, into);
    }
  }
}

/** The tables whose committed writes move the cache version (migrations 0013 and 0016). */
export async function watchedTables(): Promise<string[]> {
  const rows = await queryRows<{ t: string }>(
    db,
    sql`select c.relname as t from pg_trigger tg join pg_class c on c.oid = tg.tgrelid
        where tg.tgname = 'cache_epoch_bump' order by 1`,
  );
  return rows.map((r) => r.t);
}
