import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/features/auth/service";
import {
  createUserDef,
  createUserRun,
  disableUserDef,
  disableUserRun,
  enableUserDef,
  enableUserRun,
  resetPasswordDef,
  resetPasswordRun,
  updateUserDef,
  updateUserRun,
} from "@/features/users/definitions";
import { userVersion } from "@/features/users/service";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import { verifyPassword } from "@/server/password";
import { auditLog, users } from "@/server/schema";
import { orgIds } from "@/server/seed/seed";
import { loadSessionUser, type CurrentUser } from "@/server/session";
import { catalogTranslator, failure, uniqueName } from "../factories/messages";
import { signedIn } from "../factories/users";

const meta = { ip: "10.20.30.42", userAgent: "vitest-users-changes" };
let t: (key: string) => string;

let admin: CurrentUser;

beforeAll(async () => {
  t = await catalogTranslator();
  admin = await signedIn("sysadmin");
});

async function userRow(id: string) {
  const [row] = await db.select({ user: users, version: userVersion }).from(users).where(eq(users.id, id));
  return { ...row!.user, version: row!.version };
}

async function create(raw: Record<string, unknown>, as: CurrentUser = admin) {
  return runAction(createUserDef, createUserRun, { user: as, raw, meta, t });
}

async function createFiler(): Promise<string> {
  const result = await create({
    username: uniqueName("it_filer"),
    displayName: "测试填报员",
    role: "DEPT_FILER",
    orgId: orgIds.unit("D01", 2),
    password: "Start#2024",
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (result.data as { id: string }).id;
}

describe("editing, disabling, enabling and resetting", () => {
  it("records a diff; only a change of role or organisation ends the account's sessions", async () => {
    const id = await createFiler();
    const before = await userRow(id);
    const renamed = await runAction(updateUserDef, updateUserRun, {
      user: admin,
      raw: { id, displayName: "新名字", role: "DEPT_FILER", orgId: before.orgId, version: before.version },
      meta,
      t,
    });
    expect(renamed).toMatchObject({ ok: true, data: { changed: true, sessionsEnded: false } });
    const mid = await userRow(id);
    expect(mid.sessionVersion).toBe(before.sessionVersion);

    const moved = await runAction(updateUserDef, updateUserRun, {
      user: admin,
      raw: {
        id,
        displayName: "新名字",
        role: "DEPT_APPROVER",
        orgId: orgIds.department("D05"),
        version: mid.version,
      },
      meta,
      t,
    });
    expect(moved).toMatchObject({ ok: true, data: { sessionsEnded: true } });
    const after = await userRow(id);
    expect(after).toMatchObject({ role: "DEPT_APPROVER", orgId: orgIds.department("D05") });
    expect(await loadSessionUser(id, before.sessionVersion)).toBeNull();
    expect(await loadSessionUser(id, after.sessionVersion)).not.toBeNull();

    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.updated"), eq(auditLog.entityId, id)))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.changes)).toEqual([
      { displayName: ["测试填报员", "新名字"] },
      {
        role: ["DEPT_FILER", "DEPT_APPROVER"],
        orgId: [orgIds.unit("D01", 2), orgIds.department("D05")],
        sessionsEnded: true,
      },
    ]);
  });

  it("refuses an edit made from a stale form (CONFLICT)", async () => {
    const id = await createFiler();
    const stale = (await userRow(id)).version;
    const raw = { id, displayName: "甲", role: "DEPT_FILER", orgId: orgIds.unit("D01", 2), version: stale };
    expect((await runAction(updateUserDef, updateUserRun, { user: admin, raw, meta, t })).ok).toBe(true);
    const second = failure(
      await runAction(updateUserDef, updateUserRun, {
        user: admin,
        raw: { ...raw, displayName: "乙" },
        meta,
        t,
      }),
    );
    expect(second.code).toBe("CONFLICT");
    expect((await userRow(id)).displayName).toBe("甲");
  });

  it("refuses a role and organisation that do not fit on edit", async () => {
    const id = await createFiler();
    const row = await userRow(id);
    const result = failure(
      await runAction(updateUserDef, updateUserRun, {
        user: admin,
        raw: { id, displayName: "x", role: "AGENCY", orgId: row.orgId, version: row.version },
        meta,
        t,
      }),
    );
    expect(result.fieldErrors?.orgId).toEqual(["t:errors.orgRoleMismatch"]);
  });

  it("disabling ends open sessions and sign-in; enabling restores sign-in; both audited", async () => {
    const id = await createFiler();
    const before = await userRow(id);
    expect(await loadSessionUser(id, before.sessionVersion)).not.toBeNull();

    expect((await runAction(disableUserDef, disableUserRun, { user: admin, raw: { id }, meta, t })).ok).toBe(
      true,
    );
    const disabled = await userRow(id);
    expect(disabled.active).toBe(false);
    expect(disabled.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadSessionUser(id, before.sessionVersion)).toBeNull();
    const signIn = await verifyCredentials({ username: before.username, password: "Start#2024" }, meta, {
      db,
    });
    expect(signIn.ok).toBe(false);
    // A second disable finds it already disabled.
    const again = failure(
      await runAction(disableUserDef, disableUserRun, { user: admin, raw: { id }, meta, t }),
    );
    expect(again.code).toBe("CONFLICT");

    expect((await runAction(enableUserDef, enableUserRun, { user: admin, raw: { id }, meta, t })).ok).toBe(
      true,
    );
    expect((await userRow(id)).active).toBe(true);
    const back = await verifyCredentials({ username: before.username, password: "Start#2024" }, meta, { db });
    expect(back.ok).toBe(true);

    const actions = await db
      .select({ action: auditLog.action, actor: auditLog.actorUsername })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), like(auditLog.action, "user.%abled")))
      .orderBy(auditLog.id);
    expect(actions).toEqual([
      { action: "user.disabled", actor: "sysadmin" },
      { action: "user.enabled", actor: "sysadmin" },
    ]);
  });

  it("does not let the system administrator disable, demote or reset their own account", async () => {
    const disable = failure(
      await runAction(disableUserDef, disableUserRun, { user: admin, raw: { id: admin.id }, meta, t }),
    );
    expect(disable.message).toBe("t:errors.cannotDisableSelf");
    const self = await userRow(admin.id);
    const demote = failure(
      await runAction(updateUserDef, updateUserRun, {
        user: admin,
        raw: {
          id: admin.id,
          displayName: self.displayName,
          role: "LEADER",
          orgId: "",
          version: self.version,
        },
        meta,
        t,
      }),
    );
    expect(demote.fieldErrors?.role).toEqual(["t:errors.cannotChangeOwnRole"]);
    const reset = failure(
      await runAction(resetPasswordDef, resetPasswordRun, {
        user: admin,
        raw: { id: admin.id, password: "Another#2024" },
        meta,
        t,
      }),
    );
    expect(reset.message).toBe("t:errors.resetSelf");
    expect(await userRow(admin.id)).toEqual(self);
  });

  it("resetting sets a password the account must change and ends its sessions", async () => {
    const id = await createFiler();
    const before = await userRow(id);
    // The account had changed its initial password already.
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, id));

    const weak = failure(
      await runAction(resetPasswordDef, resetPasswordRun, {
        user: admin,
        raw: { id, password: "short" },
        meta,
        t,
      }),
    );
    expect(weak.fieldErrors?.password).toEqual(["t:validation.passwordPolicy"]);
    const asName = failure(
      await runAction(resetPasswordDef, resetPasswordRun, {
        user: admin,
        raw: { id, password: before.username.toUpperCase() },
        meta,
        t,
      }),
    );
    expect(asName.fieldErrors?.password).toEqual(["t:errors.passwordIsUsername"]);

    const ok = await runAction(resetPasswordDef, resetPasswordRun, {
      user: admin,
      raw: { id, password: "Reset#2024x" },
      meta,
      t,
    });
    expect(ok.ok).toBe(true);
    const after = await userRow(id);
    expect(after.mustChangePassword).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadSessionUser(id, before.sessionVersion)).toBeNull();
    expect(await verifyPassword(after.passwordHash, "Reset#2024x")).toBe(true);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.passwordReset"), eq(auditLog.entityId, id)));
    expect(JSON.stringify(audit!.changes)).not.toContain("Reset#2024x");
    expect(JSON.stringify(audit!.changes)).not.toContain(after.passwordHash);
  });

  it("answers not found for an account that does not exist", async () => {
    const result = failure(
      await runAction(disableUserDef, disableUserRun, {
        user: admin,
        raw: { id: "00000000-0000-4000-8000-000000000000" },
        meta,
        t,
      }),
    );
    expect(result.code).toBe("NOT_FOUND");
  });
});
