import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { chainSummary, rectificationSummary } from "@/features/dashboards/chain-queries";
import { departmentPerformance } from "@/features/dashboards/department-queries";
import { gradeDistribution, preAssessmentTrend } from "@/features/dashboards/leader-queries";
import {
  defaultDashboardYear,
  headline,
  kindBreakdown,
  orgBreakdown,
  stageBreakdown,
  yearTrend,
} from "@/features/dashboards/queries";
import { itemCounts } from "@/features/rectification/queries";
import { aggregateCacheStats } from "@/server/aggregate-cache";
import { databaseHandle, db, queryRows, useDatabase, type Db, type DbOrTx, type Handle } from "@/server/db";
import * as schema from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { withOwnSeededDatabase } from "../factories/own-database";
import { collectRelations, watchedTables } from "../factories/plans";
import { signedIn } from "../factories/users";

// The dashboards' aggregates are served from each instance's cache while no watched table changed,
// and never after a committed write (src/server/aggregate-cache.ts, migration 0013). This file
// changes figures, so on the server it has a database of its own.
withOwnSeededDatabase();

const YEAR = 2020;

/** Every SQL statement the app sends, counted through drizzle's logger on a handle of our own. */
type Logged = { query: string; params: unknown[] };
const logged: Logged[] = [];
const logger = { logQuery: (query: string, params: unknown[]) => void logged.push({ query, params }) };
const isVersionRead = (q: string) => q.includes("from cache_epoch");
/** The statements other than the version read since `from`: the aggregates' own SQL. */
const aggregateSql = (from: number) => logged.slice(from).filter((l) => !isVersionRead(l.query));

let original: Handle;
let counting: Handle;
/** Raw SQL with parameters, as the server or PGlite runs it (for EXPLAIN). */
let rawQuery: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
let serverUrl: string | undefined;

beforeAll(async () => {
  original = databaseHandle();
  if (original.kind === "pg") {
    serverUrl = original.url!;
    const pool = new pg.Pool({ connectionString: serverUrl, max: 10 });
    // The file's own database is dropped (with force) after it: an idle connection ended then is no error.
    pool.on("error", () => {});
    counting = {
      db: drizzlePg(pool, { schema, logger }) as unknown as Db,
      kind: "pg",
      url: serverUrl,
      close: () => pool.end(),
    };
    rawQuery = async (text, params) => (await pool.query(text, params)).rows;
  } else {
    const client = (original.db as unknown as { $client: PGlite }).$client;
    counting = {
      db: drizzlePglite(client, { schema, logger }) as unknown as Db,
      kind: "pglite",
      close: async () => {},
    };
    rawQuery = async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows;
  }
  useDatabase(counting);
});

afterAll(async () => {
  useDatabase(original);
  await counting.close();
});

beforeEach(() => {
  // Each test starts from a fresh version: nothing cached before it is served in it.
  return bump();
});

/** A committed write to a watched table that changes nothing: moves the version. */
async function bump() {
  await db.execute(sql`update fiscal_years set year = year where year = ${YEAR}`);
}

async function version(on: DbOrTx = db): Promise<bigint> {
  const [row] = await queryRows<{ n: string }>(on, sql`select sum(n)::text as n from cache_epoch`);
  return BigInt(row!.n);
}

/** What the finance and leader dashboards read, as their pages ask for it (in parallel). */
function dashboard(user: CurrentUser) {
  return Promise.all([
    headline(user, YEAR),
    stageBreakdown(user, YEAR),
    kindBreakdown(user, YEAR),
    orgBreakdown(user, YEAR, "department"),
    chainSummary(user, YEAR),
    departmentPerformance(user, YEAR),
    itemCounts(user),
    rectificationSummary(user, YEAR),
    yearTrend(user),
    gradeDistribution(user, YEAR),
    preAssessmentTrend(user),
    defaultDashboardYear(),
  ]);
}

/** The first project of the year in the demo district, and its 当年预算. */
async function aProject() {
  const [p] = await queryRows<{ id: string; budget: string }>(
    db,
    sql`select id, budget_current::text as budget from projects where year = ${YEAR} order by code limit 1`,
  );
  return p!;
}

describe("the aggregate cache", () => {
  it("serves a dashboard read again from memory: no SQL but one read of the version", async () => {
    const admin = await signedIn("finance_admin");
    const start = logged.length;
    const first = await dashboard(admin);
    const cold = aggregateSql(start).length;
    expect(cold).toBeGreaterThanOrEqual(12);

    const again = logged.length;
    const before = aggregateCacheStats();
    const second = await dashboard(admin);
    expect(aggregateSql(again)).toEqual([]);
    // The twelve figures asked together share one read of the version.
    expect(logged.slice(again).filter((l) => isVersionRead(l.query))).toHaveLength(1);
    expect(aggregateCacheStats().hits - before.hits).toBe(12);
    expect(second).toEqual(first);
    // The very objects are served, frozen, so no reader can change what another is served.
    expect(second[0]).toBe(first[0]);
    expect(Object.isFrozen(second[3])).toBe(true);
    expect(() => (second[3] as unknown as unknown[]).push(1)).toThrow(TypeError);

    // A leader of the same district reads the same scope: served from what the administrator read.
    const leader = await signedIn("leader");
    const mark = logged.length;
    await Promise.all([headline(leader, YEAR), chainSummary(leader, YEAR)]);
    expect(aggregateSql(mark)).toEqual([]);
    // Another scope is its own entry.
    const approver = await signedIn("dept_approver");
    const m2 = logged.length;
    const own = await headline(approver, YEAR);
    expect(aggregateSql(m2).length).toBeGreaterThan(0);
    expect(own.projects).toBeLessThan(first[0].projects);
  });

  it("computes a figure asked for twice at once only once", async () => {
    const admin = await signedIn("finance_admin");
    const start = logged.length;
    const [a, b] = await Promise.all([chainSummary(admin, YEAR), chainSummary(admin, YEAR)]);
    expect(a).toBe(b);
    expect(aggregateSql(start)).toHaveLength(1);
  });

  it("never serves a figure after a committed write changed it", async () => {
    const admin = await signedIn("finance_admin");
    const p = await aProject();
    const before = await headline(admin, YEAR);
    await db.execute(sql`update projects set budget_current = budget_current + 1000 where id = ${p.id}`);
    try {
      const start = logged.length;
      const after = await headline(admin, YEAR);
      expect(aggregateSql(start).length).toBeGreaterThan(0);
      expect(Number(after.budget) - Number(before.budget)).toBe(1000);
    } finally {
      await db.execute(sql`update projects set budget_current = ${p.budget} where id = ${p.id}`);
    }
    expect((await headline(admin, YEAR)).budget).toBe(before.budget);
  });

  it("keeps serving after a write that rolled back, whole or to a savepoint", async () => {
    const admin = await signedIn("finance_admin");
    const p = await aProject();
    const before = await headline(admin, YEAR);
    const v = await version();
    const rollback = new Error("rollback");
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`update projects set budget_current = budget_current + 1000 where id = ${p.id}`);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    // A transaction that commits, with its only write in a savepoint it rolled back.
    await db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await inner.execute(
            sql`update projects set budget_current = budget_current + 1 where id = ${p.id}`,
          );
          throw rollback;
        })
        .catch((e: unknown) => {
          if (e !== rollback) throw e;
        });
    });
    expect(await version()).toBe(v);
    const start = logged.length;
    expect(await headline(admin, YEAR)).toBe(before);
    expect(aggregateSql(start)).toEqual([]);
  });

  it("moves the version once per committed transaction, whatever it writes, after a savepoint rolled back too", async () => {
    const v = await version();
    await db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`update projects set name = name where year = ${YEAR}`);
          throw new Error("rollback");
        })
        .catch(() => {});
      // The savepoint's rollback took its queued bump with it: this write queues it again.
      await tx.execute(sql`update projects set name = name where year = ${YEAR}`);
      await tx.execute(sql`update evaluations set version = version where year = ${YEAR}`);
      // Nothing is bumped before the commit, not even as this transaction sees it.
      expect(await version(tx)).toBe(v);
    });
    expect(await version()).toBe(v + 1n);
  });

  it("is invalidated by a write to every table the cached aggregates read", async () => {
    const admin = await signedIn("finance_admin");
    const watched = await watchedTables();
    expect(watched.length).toBeGreaterThanOrEqual(10);
    for (const table of watched) {
      await dashboard(admin);
      const [col] = await queryRows<{ c: string }>(
        db,
        sql`select column_name as c from information_schema.columns
            where table_schema = 'public' and table_name = ${table} order by ordinal_position limit 1`,
      );
      const v = await version();
      // An update that changes nothing still is a write: it moves the version.
      await db.execute(
        sql.raw(
          `update "${table}" set "${col!.c}" = "${col!.c}" where ctid = (select ctid from "${table}" limit 1)`,
        ),
      );
      expect(await version(), table).toBe(v + 1n);
      const start = logged.length;
      await dashboard(admin);
      expect(aggregateSql(start).length, table).toBeGreaterThanOrEqual(12);
    }
  });

  it("watches every table the cached aggregates read, by their plans", async () => {
    const watched = new Set(await watchedTables());
    const read = new Set<string>();
    for (const name of ["finance_admin", "leader", "finance_reviewer", "dept_approver", "dept_filer"]) {
      const user = await signedIn(name);
      await bump();
      const start = logged.length;
      await dashboard(user);
      for (const l of aggregateSql(start)) {
        const [plan] = await rawQuery(`explain (format json) ${l.query}`, l.params);
        collectRelations(plan!["QUERY PLAN"], read);
      }
    }
    expect(read.size).toBeGreaterThanOrEqual(8);
    expect([...read].filter((t) => !watched.has(t))).toEqual([]);
  });

  it.runIf(Boolean(inject("databaseUrl")))(
    "is invalidated by a write committed through another instance's connections",
    async () => {
      const admin = await signedIn("finance_admin");
      const p = await aProject();
      const other = new pg.Pool({ connectionString: serverUrl, max: 2 });
      other.on("error", () => {});
      try {
        const before = await headline(admin, YEAR);
        // The other instance's transaction is open while this one reads: its write is not seen yet.
        const client = await other.connect();
        try {
          await client.query("begin");
          await client.query("update projects set budget_current = budget_current + 500 where id = $1", [
            p.id,
          ]);
          const start = logged.length;
          expect(await headline(admin, YEAR)).toBe(before);
          expect(aggregateSql(start)).toEqual([]);
          await client.query("commit");
        } finally {
          client.release();
        }
        const start = logged.length;
        const after = await headline(admin, YEAR);
        expect(aggregateSql(start).length).toBeGreaterThan(0);
        expect(Number(after.budget) - Number(before.budget)).toBe(500);
        // And the other way: what the other instance's pool reads of the version moved with this one's write.
        const [{ n: seen }] = (await other.query("select sum(n)::text as n from cache_epoch")).rows as [
          { n: string },
        ];
        await db.execute(sql`update projects set budget_current = ${p.budget} where id = ${p.id}`);
        const [{ n: now }] = (await other.query("select sum(n)::text as n from cache_epoch")).rows as [
          { n: string },
        ];
        expect(BigInt(now)).toBe(BigInt(seen) + 1n);
        expect((await headline(admin, YEAR)).budget).toBe(before.budget);
      } finally {
        await other.end();
      }
    },
  );
});
