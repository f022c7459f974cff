import { and, eq, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it } from "vitest";
import { changePasswordDef, changePasswordRun } from "@/features/account/definitions";
import { verifyCredentials } from "@/features/auth/service";
import {
  confirmTotpDef,
  confirmTotpRun,
  resetTotpDef,
  resetTotpRun,
} from "@/features/two-factor/definitions";
import { twoFactorStatus } from "@/features/two-factor/service";
import { createUserDef, createUserRun, updateUserDef, updateUserRun } from "@/features/users/definitions";
import { userVersion } from "@/features/users/service";
import { runAction } from "@/server/action-client";
import { db, queryRows } from "@/server/db";
import { hashPassword } from "@/server/password";
import { auditLog, userRecoveryCodes, users, userSessions } from "@/server/schema";
import { orgIds } from "@/server/seed/seed";
import { loadSessionUser, mustEnrolTotp, type CurrentUser } from "@/server/session";
import { catalogTranslator, uniqueName } from "../factories/messages";
import { signedIn } from "../factories/users";

const PASSWORD = "Totp@2026x";
const meta = { ip: "10.1.2.3", userAgent: "vitest-2fa" };
const DAY = 86_400_000;
let t: (key: string) => string;

async function account(overrides: Partial<typeof users.$inferInsert> = {}) {
  const username = uniqueName("tf").toLowerCase();
  const [row] = await db
    .insert(users)
    .values({
      username,
      displayName: "双因素测试",
      passwordHash: await hashPassword(PASSWORD),
      role: "FINANCE_REVIEWER",
      ...overrides,
    })
    .returning({ id: users.id, sv: users.sessionVersion });
  const user = (await loadSessionUser(row!.id, row!.sv))!;
  return { username, id: row!.id, user };
}

const codeFor = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: at.getTime(),
  });

const actionsOf = async (userId: string) =>
  (
    await db
      .select({ action: auditLog.action, result: auditLog.result })
      .from(auditLog)
      .where(eq(auditLog.entityId, userId))
      .orderBy(auditLog.id)
  ).map((r) => `${r.action}:${r.result}`);

beforeAll(async () => {
  t = await catalogTranslator();
});

describe("password expiry", () => {
  it("forces a change at the sign-in after the limit, audited; the change lifts it", async () => {
    const now = new Date();
    const old = await account({ passwordChangedAt: new Date(now.getTime() - 91 * DAY) });
    const r = await verifyCredentials({ username: old.username, password: PASSWORD }, meta, {
      db,
      now,
      passwordMaxAgeDays: 90,
    });
    expect(r.ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, old.id));
    expect(row!.mustChangePassword).toBe(true);
    expect(await actionsOf(old.id)).toEqual(["auth.passwordExpired:SUCCESS", "auth.signedIn:SUCCESS"]);

    // Until then nothing else is allowed; the change itself is, and records the new date.
    const user = (await loadSessionUser(old.id, row!.sessionVersion))!;
    const refused = await runAction(confirmTotpDef, confirmTotpRun, {
      user,
      raw: { code: "123456" },
      meta,
      t,
    });
    expect(refused).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: "t:errors.passwordChangeRequired",
    });
    const changed = await runAction(changePasswordDef, changePasswordRun, {
      user,
      raw: { currentPassword: PASSWORD, newPassword: "Fresh#2027y", confirmPassword: "Fresh#2027y" },
      meta,
      t,
    });
    expect(changed).toMatchObject({ ok: true, data: { wasForced: true } });
    const [after] = await db.select().from(users).where(eq(users.id, old.id));
    expect(after!.mustChangePassword).toBe(false);
    expect(after!.passwordChangedAt.getTime()).toBeGreaterThan(now.getTime() - 60_000);
  });

  it("leaves a younger password alone, and never expires with a limit of 0", async () => {
    const now = new Date();
    const young = await account({ passwordChangedAt: new Date(now.getTime() - 89 * DAY) });
    const ancient = await account({ passwordChangedAt: new Date(now.getTime() - 900 * DAY) });
    await verifyCredentials({ username: young.username, password: PASSWORD }, meta, {
      db,
      now,
      passwordMaxAgeDays: 90,
    });
    await verifyCredentials({ username: ancient.username, password: PASSWORD }, meta, {
      db,
      now,
      passwordMaxAgeDays: 0,
    });
    const rows = await db
      .select({ must: users.mustChangePassword })
      .from(users)
      .where(sql`${users.id} in (${young.id}, ${ancient.id})`);
    expect(rows.map((r) => r.must)).toEqual([false, false]);
  });
});

describe("two-factor sign-in (TOTP)", () => {
  let me: Awaited<ReturnType<typeof account>>;
  let secret: string;
  let recoveryCodes: string[];
  const enrolledAt = new Date();

  beforeAll(async () => {
    me = await account();
  });

  it("enrols: the QR code is drawn on the server, a wrong first code is refused and audited", async () => {
    const status = await twoFactorStatus(me.user);
    if (status.enabled) throw new Error("already enabled");
    secret = status.secret;
    expect(status.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(status.qr.split(",")[1]!, "base64").toString()).toContain("<svg");
    expect(status.uri).toContain(`secret=${secret}`);
    // The secret is kept encrypted, and the same one is shown again until it is confirmed.
    const [row] = await db.select().from(users).where(eq(users.id, me.id));
    expect(row!.totpPendingSecret).not.toContain(secret);
    expect(await twoFactorStatus(me.user)).toMatchObject({ enabled: false, secret });

    const wrongCode = codeFor(secret, new Date(enrolledAt.getTime() - 5 * 60_000));
    const wrong = await runAction(confirmTotpDef, confirmTotpRun, {
      user: me.user,
      raw: { code: wrongCode },
      meta,
      t,
    });
    expect(wrong).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { code: ["t:errors.totpCodeWrong"] },
    });
    const bad = await runAction(confirmTotpDef, confirmTotpRun, {
      user: me.user,
      raw: { code: "12ab" },
      meta,
      t,
    });
    expect(bad).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { code: ["t:validation.totpCode"] },
    });
    expect(await actionsOf(me.id)).toEqual(["auth.totpFailed:FAILURE"]);
    const [still] = await db.select().from(users).where(eq(users.id, me.id));
    expect(still!.totpEnabledAt).toBeNull();
  });

  it("enrols with the right code and gives ten recovery codes, stored only as hashes", async () => {
    const ok = await runAction(confirmTotpDef, confirmTotpRun, {
      user: me.user,
      raw: { code: codeFor(secret, new Date()) },
      meta,
      t,
    });
    if (!ok.ok) throw new Error(JSON.stringify(ok));
    recoveryCodes = ok.data.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.select().from(userRecoveryCodes).where(eq(userRecoveryCodes.userId, me.id));
    expect(stored).toHaveLength(10);
    for (const s of stored) expect(recoveryCodes.map((c) => c.replace("-", ""))).not.toContain(s.codeHash);
    const [row] = await db.select().from(users).where(eq(users.id, me.id));
    expect(row!.totpEnabledAt).not.toBeNull();
    expect(row!.totpPendingSecret).toBeNull();
    expect(row!.totpSecret).not.toContain(secret);
    expect((await actionsOf(me.id)).at(-1)).toBe("auth.totpEnrolled:SUCCESS");
    expect(await twoFactorStatus((await loadSessionUser(me.id, row!.sessionVersion))!)).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
  });

  it("asks for the code after a right password, without opening a session or counting a failure", async () => {
    const r = await verifyCredentials({ username: me.username, password: PASSWORD }, meta, { db });
    expect(r).toEqual({ ok: false, needCode: true });
    const sessions = await db.select().from(userSessions).where(eq(userSessions.userId, me.id));
    expect(sessions).toHaveLength(0);
    // A wrong password with no code is the plain refusal: the code is asked only after a right one.
    expect(await verifyCredentials({ username: me.username, password: "Wrong#2026" }, meta, { db })).toEqual({
      ok: false,
    });
  });

  it("signs in with the current code once; the same code again is refused, counted and audited", async () => {
    const at = new Date(Date.now() + 60_000);
    const code = codeFor(secret, at);
    const [before] = await db.select().from(users).where(eq(users.id, me.id));
    const first = await verifyCredentials({ username: me.username, password: PASSWORD, code }, meta, {
      db,
      now: at,
    });
    expect(first.ok).toBe(true);
    const replay = await verifyCredentials({ username: me.username, password: PASSWORD, code }, meta, {
      db,
      now: at,
    });
    expect(replay).toEqual({ ok: false, badCode: true });
    const [after] = await db.select().from(users).where(eq(users.id, me.id));
    expect(after!.failedSignIns).toBe(1);
    expect(before!.failedSignIns).toBe(1); // the wrong password above
    const signedIn = await db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, me.id), eq(auditLog.action, "auth.signedIn")));
    expect(signedIn.at(-1)!.changes).toMatchObject({ secondFactor: "totp" });
    expect((await actionsOf(me.id)).at(-1)).toBe("auth.totpFailed:FAILURE");
  });

  it("signs in with a recovery code once, whatever its case; the second use is refused", async () => {
    const code = recoveryCodes[3]!.toUpperCase();
    const first = await verifyCredentials({ username: me.username, password: PASSWORD, code }, meta, { db });
    expect(first.ok).toBe(true);
    expect((await actionsOf(me.id)).slice(-2)).toEqual([
      "auth.recoveryCodeUsed:SUCCESS",
      "auth.signedIn:SUCCESS",
    ]);
    const again = await verifyCredentials({ username: me.username, password: PASSWORD, code }, meta, { db });
    expect(again).toEqual({ ok: false, badCode: true });
    const [row] = await db.select().from(users).where(eq(users.id, me.id));
    expect(await twoFactorStatus((await loadSessionUser(me.id, row!.sessionVersion))!)).toMatchObject({
      recoveryCodesLeft: 9,
    });
  });

  it("is reset by the system administrator only, audited; the account then signs in with its password", async () => {
    const leader = await signedIn("leader");
    const refused = await runAction(resetTotpDef, resetTotpRun, {
      user: leader,
      raw: { id: me.id },
      meta,
      t,
    });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const admin = await signedIn("sysadmin");
    const unknown = await runAction(resetTotpDef, resetTotpRun, {
      user: admin,
      raw: { id: "00000000-0000-4000-8000-00000000abcd" },
      meta,
      t,
    });
    expect(unknown).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const self = await runAction(resetTotpDef, resetTotpRun, { user: admin, raw: { id: admin.id }, meta, t });
    expect(self).toMatchObject({ ok: false, code: "VALIDATION" });

    const done = await runAction(resetTotpDef, resetTotpRun, { user: admin, raw: { id: me.id }, meta, t });
    expect(done.ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, me.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.select().from(userRecoveryCodes).where(eq(userRecoveryCodes.userId, me.id))).toHaveLength(
      0,
    );
    const [reset] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, me.id), eq(auditLog.action, "auth.totpReset")));
    expect(reset).toMatchObject({ actorRole: "SYS_ADMIN", result: "SUCCESS" });
    const r = await verifyCredentials({ username: me.username, password: PASSWORD }, meta, { db });
    expect(r.ok).toBe(true);
  });
});

describe("roles that must use two-factor sign-in", () => {
  it("is decided by the setting: required and not enrolled → enrol first", () => {
    const required = ["SYS_ADMIN", "AUDITOR", "FINANCE_ADMIN", "FINANCE_REVIEWER"] as const;
    expect(mustEnrolTotp("AUDITOR", false, required)).toBe(true);
    expect(mustEnrolTotp("AUDITOR", true, required)).toBe(false);
    expect(mustEnrolTotp("DEPT_FILER", false, required)).toBe(false);
    // The demo's default: nobody is required.
    expect(mustEnrolTotp("SYS_ADMIN", false, [])).toBe(false);
  });

  it("refuses every action but enrolment (and the password change) until then", async () => {
    const { user } = await account();
    const pending: CurrentUser = { ...user, mustEnrolTotp: true };
    const refused = await runAction(createUserDef, createUserRun, { user: pending, raw: {}, meta, t });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN", message: "t:errors.twoFactorRequired" });
    const enrol = await runAction(confirmTotpDef, confirmTotpRun, {
      user: pending,
      raw: { code: "000000" },
      meta,
      t,
    });
    expect(enrol).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});

describe("三权分立: one role per account", () => {
  it("keeps a single role column and no second place to put roles", async () => {
    const cols = await queryRows<{ data_type: string }>(
      db,
      sql`select data_type from information_schema.columns where table_name = 'users' and column_name = 'role'`,
    );
    expect(cols).toEqual([{ data_type: "USER-DEFINED" }]);
    const roleTables = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.columns
          where table_schema = 'public' and udt_name in ('role', '_role') and table_name <> 'audit_log'
          group by table_name`,
    );
    expect(roleTables.map((r) => r.table_name)).toEqual(["users"]);
  });

  it("refuses an account created with two roles, and a role change replaces the role", async () => {
    const admin = await signedIn("sysadmin");
    const username = uniqueName("it_sep");
    const two = await runAction(createUserDef, createUserRun, {
      user: admin,
      raw: {
        username,
        displayName: "两个角色",
        role: ["SYS_ADMIN", "AUDITOR"],
        orgId: "",
        password: "Start#2024",
      },
      meta,
      t,
    });
    expect(two).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.select().from(users).where(eq(users.username, username))).toHaveLength(0);

    const made = await runAction(createUserDef, createUserRun, {
      user: admin,
      raw: { username, displayName: "审计员乙", role: "AUDITOR", orgId: "", password: "Start#2024" },
      meta,
      t,
    });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const id = (made.data as { id: string }).id;
    const [row] = await db.select({ version: userVersion }).from(users).where(eq(users.id, id));
    const moved = await runAction(updateUserDef, updateUserRun, {
      user: admin,
      raw: {
        id,
        displayName: "审计员乙",
        role: "DEPT_FILER",
        orgId: orgIds.unit("D01", 2),
        version: row!.version,
      },
      meta,
      t,
    });
    expect(moved.ok).toBe(true);
    const [after] = await db.select({ role: users.role }).from(users).where(eq(users.id, id));
    expect(after!.role).toBe("DEPT_FILER");
  });
});
