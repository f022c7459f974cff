import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { newPglite } from "@/server/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "@/features/audit/chain";
import { openDatabase, queryRows, type Handle } from "@/server/db";
import { migrateDatabase } from "@/server/migrate";
import { seed } from "@/server/seed/seed";

// `npm run backup` then `npm run restore` into a fresh database: every table comes back with the same
// rows (count and content), the audit chain still verifies and keeps growing, and a target that holds
// data is refused unless --force. Runs against the mode of the run: the server with DATABASE_URL, else
// the embedded database.

const runFile = promisify(execFile);
const serverUrl = inject("databaseUrl");
const mode = serverUrl ? "PostgreSQL server" : "embedded database";
const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-backup-"));
  dirs.push(d);
  return d;
};

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** An npm script with the given database settings: exit code and output. */
async function npmRun(script: "backup" | "restore", env: Record<string, string>, args: string[] = []) {
  try {
    const { stdout, stderr } = await runFile("npx", ["tsx", `scripts/${script}.ts`, ...args], {
      env: { ...process.env, SEED_ON_START: "false", ...env },
    });
    return { code: 0, out: `${stdout}${stderr}` };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

/** Each application table's row count and a digest of its full content, by schema.table. */
async function fingerprint(h: Handle): Promise<Record<string, { rows: number; digest: string }>> {
  const tables = await queryRows<{ s: string; t: string }>(
    h.db,
    sql`select schemaname s, tablename t from pg_tables
        where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const { s, t } of tables) {
    const name = sql.raw(`"${s}"."${t}"`);
    const [r] = await queryRows<{ n: number; d: string }>(
      h.db,
      sql`select count(*)::int n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) d from ${name} x`,
    );
    out[`${s}.${t}`] = { rows: r!.n, digest: r!.d };
  }
  return out;
}

/** A source database holding the seeded demo, and a way to open the restore target. */
async function prepare(): Promise<{
  sourceEnv: Record<string, string>;
  targetEnv: Record<string, string>;
  openSource: () => Handle;
  openTarget: () => Handle;
}> {
  if (serverUrl) {
    // Its own databases: the run's shared one has other files writing to it while this one compares.
    const suffix = `${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const names = [`bpm_bk_src_${suffix}`, `bpm_bk_dst_${suffix}`];
    for (const n of names) await admin.query(`create database ${n}`);
    cleanups.push(async () => {
      for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
      await admin.end();
    });
    const urlOf = (n: string) => {
      const u = new URL(serverUrl);
      u.pathname = `/${n}`;
      return u.toString();
    };
    const source = openDatabase({ url: urlOf(names[0]!) });
    await migrateDatabase(source);
    await seed(source.db);
    await source.close();
    return {
      sourceEnv: { DATABASE_URL: urlOf(names[0]!) },
      targetEnv: { DATABASE_URL: urlOf(names[1]!) },
      openSource: () => openDatabase({ url: urlOf(names[0]!) }),
      openTarget: () => openDatabase({ url: urlOf(names[1]!) }),
    };
  }
  const source = path.join(tempDir(), "pglite");
  const target = path.join(tempDir(), "pglite");
  const client = newPglite(source, { loadDataDir: new Blob([fs.readFileSync(inject("pgliteSnapshot"))]) });
  await client.waitReady;
  await client.close();
  return {
    sourceEnv: { DATABASE_URL: "", PGLITE_DIR: source },
    targetEnv: { DATABASE_URL: "", PGLITE_DIR: target },
    openSource: () => openDatabase({ pgliteDir: source }),
    openTarget: () => openDatabase({ pgliteDir: target }),
  };
}

describe(`backup and restore (${mode})`, () => {
  it("restores every record of the seeded database into a fresh one; refuses a non-empty target without --force", async () => {
    const { sourceEnv, targetEnv, openSource, openTarget } = await prepare();
    const backupDir = tempDir();

    let h = openSource();
    // The seed writes no audit rows: a few sign-ins give the chain links to carry over.
    await h.db.execute(
      sql`insert into audit_log (action, actor_username) values ('auth.signedIn', 'fin_admin'), ('auth.signedOut', 'fin_admin'), ('auth.signedIn', 'auditor')`,
    );
    const before = await fingerprint(h);
    await h.close();
    // The demo is really there: projects, users and an audit trail to carry over.
    expect(before["public.audit_log"]!.rows).toBeGreaterThanOrEqual(3);
    expect(before["public.users"]!.rows).toBeGreaterThan(0);
    expect(Object.values(before).filter((t) => t.rows > 0).length).toBeGreaterThan(10);

    const backup = await npmRun("backup", { ...sourceEnv, BACKUP_DIR: backupDir });
    expect(backup.out).toContain("备份完成");
    expect(backup.code).toBe(0);
    const files = fs.readdirSync(backupDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(
      serverUrl ? /^bpm-pg-.+-\d{8}-\d{6}\.dump$/ : /^bpm-pglite-\d{8}-\d{6}\.tar\.gz$/,
    );
    const file = path.join(backupDir, files[0]!);

    const restored = await npmRun("restore", targetEnv, [file]);
    expect(restored.out).toContain("恢复完成");
    expect(restored.code).toBe(0);

    h = openTarget();
    try {
      expect(await fingerprint(h)).toEqual(before);
      const chain = await verifyAuditChain(h.db);
      expect(chain).toMatchObject({ ok: true, rows: before["public.audit_log"]!.rows });
      // The restored database keeps working: sequences and the chain trigger carry on from the backup.
      await h.db.execute(
        sql`insert into audit_log (action, actor_username) values ('auth.signedIn', 'restore-check')`,
      );
      expect(await verifyAuditChain(h.db)).toMatchObject({
        ok: true,
        rows: before["public.audit_log"]!.rows + 1,
      });
    } finally {
      await h.close();
    }

    // Now the target holds data: a second restore is refused and changes nothing…
    const refused = await npmRun("restore", targetEnv, [file]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("not empty");
    expect(refused.out).toContain("--force");
    h = openTarget();
    try {
      const [row] = await queryRows<{ n: number }>(
        h.db,
        sql`select count(*)::int n from audit_log where actor_username = 'restore-check'`,
      );
      expect(row!.n).toBe(1);
    } finally {
      await h.close();
    }

    // …and with --force it replaces the contents with the backup's.
    const forced = await npmRun("restore", targetEnv, [file, "--force"]);
    expect(forced.out).toContain("恢复完成");
    expect(forced.code).toBe(0);
    if (!serverUrl) expect(forced.out).toContain("moved to");
    h = openTarget();
    try {
      expect(await fingerprint(h)).toEqual(before);
      expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
    } finally {
      await h.close();
    }
  }, 300_000);

  it("refuses a missing backup file with a clear message", async () => {
    const missing = path.join(tempDir(), "no-such-backup.dump");
    const env: Record<string, string> = serverUrl
      ? { DATABASE_URL: serverUrl }
      : { DATABASE_URL: "", PGLITE_DIR: path.join(tempDir(), "x") };
    const result = await npmRun("restore", env, [missing]);
    expect(result.code).toBe(1);
    expect(result.out).toContain("backup file not found");
  }, 60_000);
});
