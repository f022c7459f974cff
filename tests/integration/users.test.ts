import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
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
import type { CurrentUser } from "@/server/session";
import { catalogTranslator, failure, uniqueName } from "../factories/messages";
import { signedIn } from "../factories/users";

const meta = { ip: "10.20.30.40", userAgent: "vitest-users" };
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

describe("user administration is for the system administrator only", () => {
  const others = [
    "finance_admin",
    "finance_reviewer",
    "expert",
    "dept_filer",
    "dept_approver",
    "agency",
    "leader",
    "auditor",
  ];

  it.each(others)("%s is refused every action and nothing changes", async (username) => {
    const actor = await signedIn(username);
    const targetId = await createFiler();
    const before = await userRow(targetId);
    const newName = uniqueName("it_refused");
    const calls = [
      runAction(createUserDef, createUserRun, {
        user: actor,
        raw: { username: newName, displayName: "x", role: "EXPERT", orgId: "", password: "Start#2024" },
        meta,
        t,
      }),
      runAction(updateUserDef, updateUserRun, {
        user: actor,
        raw: {
          id: targetId,
          displayName: "改名",
          role: "DEPT_FILER",
          orgId: before.orgId,
          version: before.version,
        },
        meta,
        t,
      }),
      runAction(disableUserDef, disableUserRun, { user: actor, raw: { id: targetId }, meta, t }),
      runAction(enableUserDef, enableUserRun, { user: actor, raw: { id: targetId }, meta, t }),
      runAction(resetPasswordDef, resetPasswordRun, {
        user: actor,
        raw: { id: targetId, password: "Other#2024" },
        meta,
        t,
      }),
    ];
    for (const result of await Promise.all(calls)) expect(failure(result).code).toBe("FORBIDDEN");

    expect(await db.select().from(users).where(eq(users.username, newName))).toHaveLength(0);
    expect(await userRow(targetId)).toEqual(before);
    const written = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, actor.id), like(auditLog.action, "user.%")));
    expect(written).toHaveLength(0);
  });
});

describe("creating a user", () => {
  it("creates the account with a password it must change, and audits it without the password", async () => {
    const username = uniqueName("it_new");
    const result = await create({
      username,
      displayName: "  赵新  ",
      role: "DEPT_APPROVER",
      orgId: orgIds.department("D02"),
      password: "Welcome#2024",
    });
    expect(result.ok).toBe(true);
    const id = (result as { data: { id: string } }).data.id;
    const row = await userRow(id);
    expect(row).toMatchObject({
      username,
      displayName: "赵新",
      role: "DEPT_APPROVER",
      mustChangePassword: true,
    });
    expect(await verifyPassword(row.passwordHash, "Welcome#2024")).toBe(true);

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.created"), eq(auditLog.entityId, id)));
    expect(audit).toMatchObject({ actorUsername: "sysadmin", result: "SUCCESS", ip: meta.ip });
    expect(audit!.changes).toMatchObject({ username, role: "DEPT_APPROVER" });
    const text = JSON.stringify(audit!.changes);
    expect(text).not.toContain("Welcome#2024");
    expect(text).not.toContain(row.passwordHash);
    expect(text.toLowerCase()).not.toContain("password");
  });

  it("refuses a username that is taken, as a field error", async () => {
    const result = failure(
      await create({
        username: "dept_filer",
        displayName: "重名",
        role: "EXPERT",
        orgId: "",
        password: "Start#2024",
      }),
    );
    expect(result.fieldErrors?.username).toEqual(["t:errors.usernameTaken"]);
  });

  it("checks the username pattern and the password policy", async () => {
    const bad = failure(
      await create({ username: "Bad Name", displayName: "", role: "EXPERT", orgId: "", password: "weak" }),
    );
    expect(bad.fieldErrors).toMatchObject({
      username: ["t:validation.username"],
      displayName: ["t:validation.required"],
      password: ["t:validation.passwordPolicy"],
    });
    const same = failure(
      await create({
        username: "wang_wu_2024",
        displayName: "王五",
        role: "EXPERT",
        orgId: "",
        password: "Wang_Wu_2024",
      }),
    );
    expect(same.fieldErrors?.password).toEqual(["t:validation.passwordIsUsername"]);
    expect(same.values).not.toHaveProperty("password");
  });

  it.each([
    ["DEPT_FILER", orgIds.division("CZJ-JX")],
    ["DEPT_FILER", orgIds.department("D01")],
    ["DEPT_APPROVER", orgIds.unit("D01", 0)],
    ["FINANCE_ADMIN", ""],
    ["FINANCE_REVIEWER", orgIds.department("D01")],
    ["AGENCY", orgIds.bureau],
    ["SYS_ADMIN", orgIds.division("CZJ-JX")],
    ["AUDITOR", orgIds.department("D03")],
  ])("refuses %s in organisation %s with a field error", async (role, orgId) => {
    const username = uniqueName("it_mismatch");
    const result = failure(
      await create({ username, displayName: "测试", role, orgId, password: "Start#2024" }),
    );
    expect(result.fieldErrors?.orgId).toEqual(["t:errors.orgRoleMismatch"]);
    expect(await db.select().from(users).where(eq(users.username, username))).toHaveLength(0);
  });

  it.each([
    ["DEPT_FILER", orgIds.township("下管镇")],
    ["DEPT_APPROVER", orgIds.township("下管镇")],
    ["EXPERT", ""],
    ["LEADER", orgIds.department("D04")],
    ["AUDITOR", orgIds.bureau],
    ["SYS_ADMIN", ""],
  ])("accepts %s in organisation %s", async (role, orgId) => {
    const result = await create({
      username: uniqueName("it_fits"),
      displayName: "测试",
      role,
      orgId,
      password: "Start#2024",
    });
    expect(result.ok).toBe(true);
  });
});
