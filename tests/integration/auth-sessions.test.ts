import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { revokeSession, touchSession, verifyCredentials } from "@/features/auth/service";
import { db } from "@/server/db";
import { hashPassword } from "@/server/password";
import { auditLog, users, userSessions } from "@/server/schema";
import { loadSessionUser } from "@/server/session";
import { uniqueName } from "../factories/messages";

const meta = { ip: "127.0.0.7", userAgent: "vitest" };
const PASSWORD = "Lock@2026x";
const lockout = { attempts: 5, minutes: 15 };
const limits = { idleMinutes: 30, maxHours: 8 };
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

async function account() {
  const username = uniqueName("lock").toLowerCase();
  const [row] = await db
    .insert(users)
    .values({
      username,
      displayName: "锁定测试",
      passwordHash: await hashPassword(PASSWORD),
      role: "DEPT_FILER",
    })
    .returning({ id: users.id });
  return { username, id: row!.id };
}

const audited = (userId: string, action: "auth.locked" | "auth.lockEnded") =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, action)));

describe("account lock after repeated failed sign-ins", () => {
  let user: { username: string; id: string };
  const start = new Date("2026-11-27T01:00:00Z");
  beforeAll(async () => {
    user = await account();
  });

  it("locks on the fifth failure in a row, audited with its end time", async () => {
    for (let i = 0; i < 4; i++) {
      const r = await verifyCredentials({ username: user.username, password: "wrong" }, meta, {
        db,
        now: minutes(start, i),
        lockout,
      });
      expect(r.ok).toBe(false);
    }
    const [before] = await db.select().from(users).where(eq(users.id, user.id));
    expect(before).toMatchObject({ failedSignIns: 4, lockedUntil: null });
    await verifyCredentials({ username: user.username, password: "wrong" }, meta, {
      db,
      now: minutes(start, 4),
      lockout,
    });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after!.lockedUntil).toEqual(minutes(start, 19));
    const locks = await audited(user.id, "auth.locked");
    expect(locks).toHaveLength(1);
    expect(locks[0]!.changes).toMatchObject({ attempts: 5, until: minutes(start, 19).toISOString() });
  });

  it("refuses even the right password while locked, with the same answer as a wrong one", async () => {
    const r = await verifyCredentials({ username: user.username, password: PASSWORD }, meta, {
      db,
      now: minutes(start, 18),
      lockout,
    });
    expect(r).toEqual({ ok: false });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    // Attempts during a lock do not extend it.
    expect(row!.lockedUntil).toEqual(minutes(start, 19));
  });

  it("lets the right password in once the lock has run out, and audits the lock's end", async () => {
    const r = await verifyCredentials({ username: user.username, password: PASSWORD }, meta, {
      db,
      now: minutes(start, 20),
      lockout,
    });
    expect(r.ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ lockedUntil: null, failedSignIns: 0 });
    expect(await audited(user.id, "auth.lockEnded")).toHaveLength(1);
  });

  it("starts counting again after a success", async () => {
    for (let i = 0; i < 4; i++)
      await verifyCredentials({ username: user.username, password: "wrong" }, meta, {
        db,
        now: minutes(start, 30 + i),
        lockout,
      });
    expect(
      (
        await verifyCredentials({ username: user.username, password: PASSWORD }, meta, {
          db,
          now: minutes(start, 35),
          lockout,
        })
      ).ok,
    ).toBe(true);
    await verifyCredentials({ username: user.username, password: "wrong" }, meta, {
      db,
      now: minutes(start, 36),
      lockout,
    });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ lockedUntil: null, failedSignIns: 1 });
  });
});

describe("server-side sessions", () => {
  it("end at sign-out, after the idle limit, and at the absolute lifetime", async () => {
    const user = await account();
    const t0 = new Date("2026-11-27T02:00:00Z");
    const signIn = async (at: Date) => {
      const r = await verifyCredentials({ username: user.username, password: PASSWORD }, meta, {
        db,
        now: at,
      });
      if (!r.ok) throw new Error("sign-in failed");
      return r.sessionId;
    };
    const a = await signIn(t0);
    expect(await touchSession(a, user.id, { db, now: minutes(t0, 29), limits })).toBe(true);
    // Used at minute 29, so still good at minute 58; idle from then on.
    expect(await touchSession(a, user.id, { db, now: minutes(t0, 58), limits })).toBe(true);
    expect(await touchSession(a, user.id, { db, now: minutes(t0, 89), limits })).toBe(false);
    // Another user's id with this session's id is refused.
    const other = await account();
    const b = await signIn(t0);
    expect(await touchSession(b, other.id, { db, now: t0, limits })).toBe(false);
    // Sign-out: the same token no longer works, while another browser's session does.
    const c = await signIn(t0);
    await revokeSession(b, { db });
    expect(await touchSession(b, user.id, { db, now: minutes(t0, 1), limits })).toBe(false);
    expect(await touchSession(c, user.id, { db, now: minutes(t0, 1), limits })).toBe(true);
    // However busy, a session ends at its absolute lifetime.
    let at = t0;
    for (let i = 0; i < 16; i++) {
      at = minutes(at, 25);
      expect(await touchSession(c, user.id, { db, now: at, limits })).toBe(true);
    }
    expect(await touchSession(c, user.id, { db, now: minutes(t0, 8 * 60 + 1), limits })).toBe(false);
  });

  it("are read with the user in one statement on every request: a signed-out session reads as nobody", async () => {
    const user = await account();
    const now = new Date();
    const r = await verifyCredentials({ username: user.username, password: PASSWORD }, meta, { db, now });
    if (!r.ok) throw new Error("sign-in failed");
    const live = await loadSessionUser(user.id, r.sessionVersion, r.sessionId);
    expect(live).toMatchObject({ id: user.id, username: user.username });
    // Seen over a minute ago: this request moves the idle clock on.
    await db
      .update(userSessions)
      .set({ lastSeenAt: new Date(now.getTime() - 5 * 60_000) })
      .where(eq(userSessions.id, r.sessionId));
    expect(await loadSessionUser(user.id, r.sessionVersion, r.sessionId)).not.toBeNull();
    const [seen] = await db.select().from(userSessions).where(eq(userSessions.id, r.sessionId));
    expect(seen!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
    // Another user's session id, and a signed-out session, read as nobody.
    const other = await account();
    const [{ sv }] = (await db
      .select({ sv: users.sessionVersion })
      .from(users)
      .where(eq(users.id, other.id))) as [{ sv: number }];
    expect(await loadSessionUser(other.id, sv)).not.toBeNull();
    expect(await loadSessionUser(other.id, sv, r.sessionId)).toBeNull();
    await revokeSession(r.sessionId, { db });
    expect(await loadSessionUser(user.id, r.sessionVersion, r.sessionId)).toBeNull();
  });
});
