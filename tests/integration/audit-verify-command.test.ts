import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/features/audit/chain";
import { openDatabase, queryRows } from "@/server/db";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/server/migrate";

const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-chain-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** `npm run audit:verify` against an embedded database folder: its exit code and output. */
async function verifyCommand(pgliteDir: string) {
  try {
    const { stdout } = await run("npx", ["tsx", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: pgliteDir, SEED_ON_START: "false" },
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

describe("npm run audit:verify", () => {
  it("says intact for an untouched log, and exits 1 naming the row a superuser changed", async () => {
    const dir = tempDir();
    let h = openDatabase({ pgliteDir: dir });
    await migrateDatabase(h);
    await h.db.execute(
      sql`insert into audit_log (action, actor_username) values ('auth.signedIn', 'a'), ('auth.signedOut', 'a')`,
    );
    const [second] = await queryRows<{ id: string }>(h.db, sql`select max(id) id from audit_log`);
    await h.close();

    const good = await verifyCommand(dir);
    expect(good.code).toBe(0);
    expect(good.out).toContain("chain intact: 2 rows");

    h = openDatabase({ pgliteDir: dir });
    await h.db.execute(sql`set session_replication_role = replica`);
    await h.db.execute(sql`update audit_log set actor_username = 'b' where id = ${second!.id}`);
    await h.close();

    const bad = await verifyCommand(dir);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`BROKEN at row ${second!.id} (edited)`);
  }, 120_000);
});

describe("the chain's migration", () => {
  it("links the rows written before it, in id order", async () => {
    // A copy of the migrations without the chain's, applied first; then rows; then the rest.
    const folder = tempDir();
    fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = path.join(folder, "meta/_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith("_security_controls"));
    expect(at).toBeGreaterThan(0);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));

    const h = openDatabase({ pgliteDir: "memory://" });
    try {
      await migrate(h.db as unknown as PgliteDatabase, { migrationsFolder: folder });
      await h.db.execute(
        sql`insert into audit_log (action) values ('auth.signedIn'), ('auth.signedOut'), ('user.created')`,
      );
      await migrateDatabase(h);
      expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, rows: 3 });
      await h.db.execute(sql`insert into audit_log (action) values ('user.updated')`);
      expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, rows: 4 });
    } finally {
      await h.close();
    }
  }, 120_000);
});
