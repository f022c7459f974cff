import "server-only";
import { sql } from "drizzle-orm";
import { env } from "@/env";
import { databaseHandle, queryRows, type Handle } from "./db";

// The dashboards' year-level aggregates (a province's take seconds of SQL) are kept in each app
// instance's memory under the version of the data they were computed from, and served again while
// the version has not moved. The version lives in PostgreSQL, so several instances over one database
// agree on it: `cache_epoch` holds sixteen counters, and every committed transaction that wrote a
// table the aggregates read adds one to a counter, at COMMIT, atomically with its writes (the
// deferred trigger of migration 0013). The version is the counters' sum.
//
// Why a figure is never stale: a request reads the version V first, then computes. Every write that
// committed before the request began had bumped a counter by then, so V counts it, and the SQL run
// after the read sees it. A result is filed under the version read before its SQL ran, so it holds
// every write V counts (and perhaps later ones, which is harmless: those moved the version past V,
// and no one is served V's results after seeing the new version). A write that rolls back bumps
// nothing, and changes nothing either.
//
// Each database handle has its own store (tests and the bench open several), and the store is also
// keyed by the table's OID, which a restore that drops and recreates the schema changes.

type Version = { rel: string; n: bigint };

type Store = {
  rel: string;
  n: bigint;
  entries: Map<string, unknown>;
  inflight: Map<string, Promise<unknown>>;
  /** The next version read, not yet sent: callers that arrive before it is sent share it. */
  nextRead?: Promise<Version>;
};

const globalForCache = globalThis as unknown as { __bpmAggregateCache?: WeakMap<object, Store> };
const stores = (globalForCache.__bpmAggregateCache ??= new WeakMap<object, Store>());

function storeOf(h: Handle): Store {
  let s = stores.get(h.db);
  if (!s) {
    s = { rel: "", n: -1n, entries: new Map(), inflight: new Map() };
    stores.set(h.db, s);
  }
  return s;
}

/**
 * The data's version as PostgreSQL has it now. Calls made in the same tick (the seven queries a
 * dashboard starts together) share one read; a call never shares a read sent before it was made.
 */
function readVersion(h: Handle, s: Store): Promise<Version> {
  if (!s.nextRead) {
    s.nextRead = Promise.resolve().then(async () => {
      s.nextRead = undefined;
      const [row] = await queryRows<{ n: string; rel: string }>(
        h.db,
        sql`select coalesce(sum(n), 0)::text as n, 'cache_epoch'::regclass::oid::text as rel from cache_epoch`,
      );
      return { rel: row!.rel, n: BigInt(row!.n) };
    });
  }
  return s.nextRead;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export type AggregateCacheStats = { hits: number; computed: number };
const stats: AggregateCacheStats = { hits: 0, computed: 0 };

/** How many cached aggregates this process served and computed (for tests and diagnostics). */
export function aggregateCacheStats(): AggregateCacheStats {
  return { ...stats };
}

/**
 * `compute()`'s result, from this instance's cache when no watched table has changed since it was
 * computed. `name` and `key` must identify the result completely: the user's scope (scopeKey), the
 * year, the date when the SQL reads today's date. The result is frozen: callers must not change it.
 * Concurrent calls for the same figure at the same version share one computation.
 */
export async function cachedAggregate<T>(
  name: string,
  key: readonly (string | number | boolean | null | undefined)[],
  compute: () => Promise<T>,
): Promise<T> {
  const max = env.AGGREGATE_CACHE_ENTRIES;
  if (max === 0) return compute();
  const h = databaseHandle();
  const s = storeOf(h);
  const v = await readVersion(h, s);
  if (v.rel !== s.rel || v.n > s.n) {
    // The data moved on (or the schema was recreated): nothing held is current any more.
    s.rel = v.rel;
    s.n = v.n;
    s.entries.clear();
    s.inflight.clear();
  }
  // When another caller has already seen a newer version, what the store holds for it has every
  // write this caller must see (its version is older), so it is served; one computed here is not filed.
  const k = `${name}\u0000${JSON.stringify(key)}`;
  if (s.entries.has(k)) {
    const value = s.entries.get(k) as T;
    // Least recently read last: move it to the end of the map's order.
    s.entries.delete(k);
    s.entries.set(k, value);
    stats.hits++;
    return value;
  }
  const running = s.inflight.get(k);
  if (running) {
    stats.hits++;
    return running as Promise<T>;
  }
  const filedUnder = s.n;
  const own = v.n === filedUnder;
  stats.computed++;
  const p = compute().then(deepFreeze);
  if (own) s.inflight.set(k, p);
  try {
    const value = await p;
    if (own && s.rel === v.rel && s.n === filedUnder) {
      s.entries.set(k, value);
      for (const oldest of s.entries.keys()) {
        if (s.entries.size <= max) break;
        s.entries.delete(oldest);
      }
    }
    return value;
  } finally {
    if (s.inflight.get(k) === p) s.inflight.delete(k);
  }
}
