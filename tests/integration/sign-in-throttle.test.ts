import { and, eq, gte, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addressWaitSeconds, verifyCredentials } from "@/features/auth/service";
import { db } from "@/server/db";
import { clientAddress } from "@/server/request-context";
import { auditLog, signInThrottle, users } from "@/server/schema";

// 等保 身份鉴别 b): besides the per-account lock, repeated failed sign-ins from one client address (on
// any accounts) slow that address down, counted in the database so every app instance agrees.

const PASSWORD = "Demo@2021";
const rules = { attempts: 3, windowMinutes: 15 };
const at = (t0: number, seconds: number) => new Date(t0 + seconds * 1000);

describe("the client address", () => {
  const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] });

  it("is the last X-Forwarded-For entry (the one our side added), never what the client wrote in front", () => {
    // A client that sends its own header: the proxy (or next start) adds the real address at the end.
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4" }), 0)).toBe("198.51.100.4");
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4" }), 1)).toBe("198.51.100.4");
    // Two trusted proxies: the load balancer added the client, the inner proxy the balancer.
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.2" }), 2)).toBe(
      "198.51.100.4",
    );
    // More proxies configured than entries: the first entry, never out of range.
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.4" }), 3)).toBe("198.51.100.4");
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.9" }), 0)).toBe("198.51.100.9");
    expect(clientAddress(headers({}), 0)).toBeNull();
  });
});

describe("slowing one address's failed sign-ins", () => {
  it("waits 5 s, then doubling; refuses even a right password meanwhile, audited; other addresses and the account are unaffected", async () => {
    expect([2, 3, 4, 5, 30].map((n) => addressWaitSeconds(n, 3))).toEqual([0, 5, 10, 20, 300]);

    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    const meta = { ip, userAgent: "vitest-throttle" };
    const other = { ip: "198.51.100.200", userAgent: "vitest-throttle" };
    const t0 = Date.now();
    const since = new Date(t0 - 1000);
    const attempt = (username: string, password: string, seconds: number, m = meta) =>
      verifyCredentials({ username, password }, m, { db, now: at(t0, seconds), addressRules: rules });

    // Three failures on three different (unknown) names: the third makes the address wait 5 s.
    for (const [i, name] of ["nobody_a", "nobody_b", "nobody_c"].entries())
      expect(await attempt(name, "wrong", i)).toEqual({ ok: false });
    const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.address, ip));
    expect(row).toMatchObject({ failures: 3, blockedUntil: at(t0, 2 + 5) });

    const [before] = await db.select().from(users).where(eq(users.username, "dept_filer"));
    // The right password from that address, during the wait: refused, without touching the account.
    expect(await attempt("dept_filer", PASSWORD, 4)).toEqual({ ok: false, throttled: true });
    const [after] = await db.select().from(users).where(eq(users.username, "dept_filer"));
    expect(after!.failedSignIns).toBe(before!.failedSignIns);
    expect(after!.lockedUntil).toEqual(before!.lockedUntil);
    // Another address signs in as usual.
    expect((await attempt("dept_filer", PASSWORD, 4, other)).ok).toBe(true);

    // After the wait: one more failure, and the next wait is 10 s.
    expect(await attempt("nobody_d", "wrong", 8)).toEqual({ ok: false });
    expect(await attempt("dept_filer", PASSWORD, 12)).toEqual({ ok: false, throttled: true });
    expect((await attempt("dept_filer", PASSWORD, 19)).ok).toBe(true);

    // A failure after the window has passed starts counting afresh: no wait.
    expect(await attempt("nobody_e", "wrong", 16 * 60)).toEqual({ ok: false });
    const [fresh] = await db.select().from(signInThrottle).where(eq(signInThrottle.address, ip));
    expect(fresh!.failures).toBe(1);
    expect((await attempt("dept_filer", PASSWORD, 16 * 60 + 1)).ok).toBe(true);

    const audited = await db
      .select({ action: auditLog.action, result: auditLog.result })
      .from(auditLog)
      .where(and(eq(auditLog.ip, ip), gte(auditLog.at, since), sql`${auditLog.action} like 'auth.%'`))
      .orderBy(auditLog.id);
    expect(audited.filter((a) => a.action === "auth.addressSlowed")).toEqual([
      { action: "auth.addressSlowed", result: "DENIED" },
      { action: "auth.addressSlowed", result: "DENIED" },
    ]);
    expect(audited.filter((a) => a.action === "auth.signInThrottled")).toHaveLength(2);
    expect(audited.filter((a) => a.action === "auth.signedIn")).toHaveLength(2);
  });
});
