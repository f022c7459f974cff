import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { openDatabase, queryRows, type Handle } from "@/server/db";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/server/migrate";

const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};

/** A copy of the migrations folder holding those before `tag` only: a database as it was then. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-mig-"));
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  if (upTo < 0) throw new Error(`no migration ${tag}`);
  fs.writeFileSync(
    path.join(dir, "meta/_journal.json"),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
  );
  return dir;
}

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

  it("give the rounds, batches and plans of an installation their creator's district, else the demo's", async () => {
    const handle = openDatabase({ pgliteDir: "memory://" });
    const before = migrationsBefore("0014_year_records_per_district");
    try {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: before });
      const demo = "9f4e55c8-df10-5501-a0d3-9462140005ae";
      for (const statement of [
        `insert into districts (id, code, name) values ('${demo}', '330001', '示范区'),
          ('00000000-0000-4000-8000-000000000002', '330002', '乙区')`,
        `insert into organisations (id, kind, code, name, district_id) values
          ('00000000-0000-4000-8000-0000000000b1', 'FINANCE_BUREAU', 'B-CZJ', '乙区财政局', '00000000-0000-4000-8000-000000000002')`,
        `insert into users (id, username, display_name, password_hash, role, org_id) values
          ('00000000-0000-4000-8000-0000000000a1', 'fin_b', '乙区管理员', 'x', 'FINANCE_ADMIN', '00000000-0000-4000-8000-0000000000b1'),
          ('00000000-0000-4000-8000-0000000000a2', 'nobody', '无区账户', 'x', 'FINANCE_ADMIN', null)`,
        `insert into fiscal_years (year) values (2020)`,
        `insert into evaluation_rounds (type, year, due_date, opened_by) values
          ('SELF', 2020, '2021-03-31', '00000000-0000-4000-8000-0000000000a1')`,
        `insert into monitoring_rounds (year, name, period_months, due_date, scope_rule, created_by) values
          (2020, '监控', 7, '2020-08-31', 'ALL', '00000000-0000-4000-8000-0000000000a2')`,
        `insert into sampling_batches (year, name, sample_size, seed, group_count, population_size, created_by) values
          (2020, '抽评', 1, 1, 1, 1, '00000000-0000-4000-8000-0000000000a1')`,
        `insert into annual_summary_plans (work_year, plan) values (2021, '思路')`,
      ])
        await handle.db.execute(sql.raw(statement));
      await migrateDatabase(handle);
      const rows = await queryRows<{ t: string; district: string | null }>(
        handle.db,
        sql`select 'self' t, district_id::text district from evaluation_rounds
            union all select 'monitoring', district_id::text from monitoring_rounds
            union all select 'sampling', district_id::text from sampling_batches
            union all select 'plan', district_id::text from annual_summary_plans order by 1`,
      );
      expect(rows).toEqual([
        { t: "monitoring", district: demo },
        { t: "plan", district: demo },
        { t: "sampling", district: "00000000-0000-4000-8000-000000000002" },
        { t: "self", district: "00000000-0000-4000-8000-000000000002" },
      ]);
    } finally {
      await handle.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
