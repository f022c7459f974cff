import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { changePasswordDef, changePasswordRun } from "@/features/account/definitions";
import { verifyCredentials } from "@/features/auth/service";
import { createUserDef, createUserRun } from "@/features/users/definitions";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import { auditLog, users } from "@/server/schema";
import { orgIds } from "@/server/seed/seed";
import { loadSessionUser, type CurrentUser } from "@/server/session";
import { catalogTranslator, failure, uniqueName } from "../factories/messages";
import { signedIn } from "../factories/users";

const meta = { ip: "10.20.30.41", userAgent: "vitest-account" };
let t: (key: string) => string;

const INITIAL = "Initial#2024";

/** A fresh account made by the system administrator, as it is on its first sign-in. */
async function newAccount(): Promise<CurrentUser> {
  const admin = await signedIn("sysadmin");
  const username = uniqueName("it_acct");
  const created = await runAction(createUserDef, createUserRun, {
    user: admin,
    raw: {
      username,
      displayName: "改密测试",
      role: "DEPT_FILER",
      orgId: orgIds.unit("D02", 1),
      password: INITIAL,
    },
    meta,
    t,
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return signedIn(username);
}

const change = (user: CurrentUser, raw: Record<string, unknown>) =>
  runAction(changePasswordDef, changePasswordRun, { user, raw, meta, t });

beforeAll(async () => {
  t = await catalogTranslator();
});

describe("changing one's own password", () => {
  it("refuses a wrong current password on its field, and changes nothing", async () => {
    const user = await newAccount();
    const [before] = await db.select().from(users).where(eq(users.id, user.id));
    const result = failure(
      await change(user, {
        currentPassword: "Wrong#2024",
        newPassword: "Fresh#2024",
        confirmPassword: "Fresh#2024",
      }),
    );
    expect(result.fieldErrors).toEqual({ currentPassword: ["t:errors.currentPasswordWrong"] });
    expect(result.values).toEqual({});
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after).toEqual(before);
  });

  it.each([
    [{ newPassword: "short", confirmPassword: "short" }, "newPassword", "t:validation.passwordPolicy"],
    [
      { newPassword: "alllowercase", confirmPassword: "alllowercase" },
      "newPassword",
      "t:validation.passwordPolicy",
    ],
    [
      { newPassword: "Fresh#2024", confirmPassword: "Fresh#2025" },
      "confirmPassword",
      "t:validation.passwordMismatch",
    ],
    [{ newPassword: INITIAL, confirmPassword: INITIAL }, "newPassword", "t:errors.passwordUnchanged"],
    [{ newPassword: "", confirmPassword: "" }, "newPassword", "t:validation.required"],
  ])("refuses %o: %s → %s", async (fields, field, message) => {
    const user = await newAccount();
    const result = failure(await change(user, { currentPassword: INITIAL, ...fields }));
    expect(result.fieldErrors?.[field]).toEqual([message]);
    const [row] = await db
      .select({ must: users.mustChangePassword })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row!.must).toBe(true);
  });

  it("refuses the username as the new password", async () => {
    const user = await newAccount();
    const upper = user.username.toUpperCase();
    const result = failure(
      await change(user, { currentPassword: INITIAL, newPassword: upper, confirmPassword: upper }),
    );
    expect(result.fieldErrors?.newPassword).toEqual(["t:errors.passwordIsUsername"]);
  });

  it("clears must-change, keeps the session, signs in with the new password only, and is audited", async () => {
    const user = await newAccount();
    expect(user.mustChangePassword).toBe(true);
    const [before] = await db.select().from(users).where(eq(users.id, user.id));
    const result = await change(user, {
      currentPassword: INITIAL,
      newPassword: "Fresh#2024",
      confirmPassword: "Fresh#2024",
    });
    expect(result).toEqual({ ok: true, data: { wasForced: true } });

    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after!.mustChangePassword).toBe(false);
    expect(after!.passwordChangedAt.getTime()).toBeGreaterThanOrEqual(before!.passwordChangedAt.getTime());
    // The browser that changed it stays signed in.
    expect(after!.sessionVersion).toBe(before!.sessionVersion);
    expect(await loadSessionUser(user.id, before!.sessionVersion)).toMatchObject({
      mustChangePassword: false,
    });

    expect(
      (await verifyCredentials({ username: user.username, password: "Fresh#2024" }, meta, { db })).ok,
    ).toBe(true);
    expect((await verifyCredentials({ username: user.username, password: INITIAL }, meta, { db })).ok).toBe(
      false,
    );

    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.passwordChanged"), eq(auditLog.actorId, user.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entityId: user.id,
      result: "SUCCESS",
      ip: meta.ip,
      changes: { forced: true },
    });
    expect(JSON.stringify(audits[0]!.changes)).not.toContain("Fresh#2024");
  });

  it("is open to every role, including the administrators", async () => {
    for (const username of ["auditor", "sysadmin", "leader", "agency"]) {
      const user = await signedIn(username);
      // A wrong current password: the permission check has passed when the field error comes back.
      const result = failure(
        await change(user, {
          currentPassword: "not-it",
          newPassword: "Fresh#2024",
          confirmPassword: "Fresh#2024",
        }),
      );
      expect(result.code, username).toBe("VALIDATION");
    }
  });
});
