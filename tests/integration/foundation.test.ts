import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/features/auth/service";
import { db, openDatabase, queryRows } from "@/server/db";
import { migrateDatabase } from "@/server/migrate";
import { auditLog, projects, users } from "@/server/schema";
import { seed } from "@/server/seed/seed";

describe("database and seed", () => {
  it("holds the 1,317 projects of budget year 2020", async () => {
    const [row] = await db.select({ n: count() }).from(projects).where(eq(projects.year, 2020));
    expect(row!.n).toBe(1317);
  });

  it("is repeatable: seeding again changes nothing", async () => {
    // On a database of its own: other test files write to the shared one while this runs.
    const handle = openDatabase({ pgliteDir: "memory://" });
    try {
      await migrateDatabase(handle);
      const state = () =>
        queryRows(
          handle.db,
          sql`select (select count(*) from users) u, (select count(*) from projects) p, (select count(*) from organisations) o, (select md5(string_agg(id::text || requested_amount::text || stage::text, ',' order by id)) from projects) h, (select md5(string_agg(id::text || username || role::text, ',' order by id)) from users) uh`,
        );
      await seed(handle.db);
      const before = await state();
      await seed(handle.db);
      expect(await state()).toEqual(before);
    } finally {
      await handle.close();
    }
    // A migration and two whole seeds of the demo: about a minute alone, more on a busy machine.
  }, 240_000);

  it("keeps the audit log append-only", async () => {
    await db.insert(auditLog).values({ action: "auth.signInFailed", result: "FAILURE" });
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});

describe("sign-in", () => {
  const meta = { ip: "127.0.0.9", userAgent: "vitest" };

  it("accepts the demo password and audits the sign-in", async () => {
    const result = await verifyCredentials({ username: "finance_admin", password: "Demo@2021" }, meta, {
      db,
    });
    expect(result.ok).toBe(true);
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "auth.signedIn"));
    expect(rows.some((r) => r.actorUsername === "finance_admin" && r.ip === "127.0.0.9")).toBe(true);
  });

  it("gives the same answer for an unknown user and a wrong password, and audits both", async () => {
    const wrong = await verifyCredentials({ username: "dept_filer", password: "nope" }, meta, { db });
    const unknown = await verifyCredentials({ username: "no_such_user", password: "nope" }, meta, { db });
    expect(wrong).toEqual({ ok: false });
    expect(unknown).toEqual({ ok: false });
    const failed = await db.select().from(auditLog).where(eq(auditLog.action, "auth.signInFailed"));
    expect(failed.some((r) => r.actorUsername === "dept_filer" && r.result === "FAILURE")).toBe(true);
    expect(
      failed.some(
        (r) => r.actorUsername === null && (r.changes as { username?: string })?.username === "no_such_user",
      ),
    ).toBe(true);
  });

  it("refuses a disabled account", async () => {
    await db.update(users).set({ active: false }).where(eq(users.username, "filer_d20_1"));
    const result = await verifyCredentials({ username: "filer_d20_1", password: "Demo@2021" }, meta, { db });
    expect(result.ok).toBe(false);
  });
});
