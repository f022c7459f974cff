import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { openDatabase, queryRows, type Handle } from "@/server/db";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/server/migrate";

const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
  entries: unknown[];
};

async function appliedAndTables(handle: Handle) {
  const [applied] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int n from drizzle.__drizzle_migrations`,
  );
  const tables = await queryRows<{ t: string }>(
    handle.db,
    sql`select table_name t from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return { applied: applied!.n, tables: tables.map((r) => r.t) };
}

describe("migrations", () => {
  it("apply to an empty embedded database, and again without effect", async () => {
    const handle = openDatabase({ pgliteDir: "memory://" });
    try {
      await migrateDatabase(handle);
      await migrateDatabase(handle);
      const state = await appliedAndTables(handle);
      expect(state.applied).toBe(journal.entries.length);
      expect(state.tables).toEqual(
        expect.arrayContaining(["audit_log", "fiscal_years", "organisations", "projects", "users"]),
      );
    } finally {
      await handle.close();
    }
  });

  it.runIf(Boolean(inject("databaseUrl")))(
    "apply once to an empty server database when two instances start together",
    async () => {
      const serverUrl = new URL(inject("databaseUrl"));
      const name = `bpm_mig_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: inject("databaseUrl") });
      await admin.connect();
      await admin.query(`create database ${name}`);
      serverUrl.pathname = `/${name}`;
      const a = openDatabase({ url: serverUrl.toString() });
      const b = openDatabase({ url: serverUrl.toString() });
      try {
        await Promise.all([migrateDatabase(a), migrateDatabase(b)]);
        const state = await appliedAndTables(a);
        expect(state.applied).toBe(journal.entries.length);
        expect(state.tables).toEqual(expect.arrayContaining(["audit_log", "projects", "users"]));
      } finally {
        await a.close();
        await b.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});
