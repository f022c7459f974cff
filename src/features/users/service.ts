import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { checkPassword } from "@/domain/password-policy";
import type { ActionContext } from "@/server/action-client";
import { diff } from "@/server/audit";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashPassword } from "@/server/password";
import { assertCan } from "@/server/permissions";
import { accountScope, manageableOrgs } from "@/server/scope";
import { organisations, users } from "@/server/schema";
import type { Role } from "@/server/schema/enums";
import type { CurrentUser } from "@/server/session";
import { changeEndsSessions, orgFitsRole } from "./rules";
import type { CreateUserInput, ResetPasswordInput, UpdateUserInput, UserIdInput } from "./schemas";

export type UserServiceContext = { db: DbOrTx; user: CurrentUser; audit: ActionContext["audit"] };

const fieldError = (field: string, key: string) =>
  new AppError("VALIDATION", "VALIDATION", { [field]: [key] });

/** The row's updated_at as exact text: JavaScript dates drop the microseconds PostgreSQL keeps. */
export const userVersion = sql<string>`${users.updatedAt}::text`;

async function assertOrgFits(
  db: DbOrTx,
  admin: CurrentUser,
  role: Role,
  orgId: string | null,
): Promise<void> {
  if (orgId === null) {
    if (!orgFitsRole(role, null)) throw fieldError("orgId", "orgRoleMismatch");
    return;
  }
  const [org] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.id, orgId), eq(organisations.active, true), manageableOrgs(admin)))
    .limit(1);
  if (!org) throw fieldError("orgId", "orgNotFound");
  if (!orgFitsRole(role, org.kind)) throw fieldError("orgId", "orgRoleMismatch");
}

/** An account the administrator manages; another district's reads as not found. */
async function loadTarget(db: DbOrTx, admin: CurrentUser, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      orgId: users.orgId,
      active: users.active,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.id, id), accountScope(admin)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function createUser(input: CreateUserInput, ctx: UserServiceContext): Promise<{ id: string }> {
  assertCan(ctx.user, "users.manage");
  await assertOrgFits(ctx.db, ctx.user, input.role, input.orgId);
  const passwordHash = await hashPassword(input.password);
  // The unique index decides between two admins creating the same name at once.
  const [row] = await ctx.db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      orgId: input.orgId,
      // An account without an organisation works in the administrator's district.
      districtId: input.orgId ? null : ctx.user.districtId,
      passwordHash,
      mustChangePassword: true,
    })
    .onConflictDoNothing({ target: users.username })
    .returning({ id: users.id });
  if (!row) throw fieldError("username", "usernameTaken");
  await ctx.audit({
    action: "user.created",
    entityType: "user",
    entityId: row.id,
    changes: {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      orgId: input.orgId,
    },
  });
  return row;
}

export async function updateUser(
  input: UpdateUserInput,
  ctx: UserServiceContext,
): Promise<{ changed: boolean; sessionsEnded: boolean }> {
  assertCan(ctx.user, "users.manage");
  const target = await loadTarget(ctx.db, ctx.user, input.id);
  const self = target.id === ctx.user.id;
  if (self && input.role !== target.role) throw fieldError("role", "cannotChangeOwnRole");
  await assertOrgFits(ctx.db, ctx.user, input.role, input.orgId);

  const changes = diff(target, { displayName: input.displayName, role: input.role, orgId: input.orgId });
  if (Object.keys(changes).length === 0) return { changed: false, sessionsEnded: false };

  // An administrator's own organisation scopes nothing they do, so their own session is kept.
  const sessionsEnded = !self && changeEndsSessions(target, input);
  const updated = await ctx.db
    .update(users)
    .set({
      displayName: input.displayName,
      role: input.role,
      orgId: input.orgId,
      districtId: input.orgId ? null : ctx.user.districtId,
      updatedAt: sql`now()`,
      ...(sessionsEnded ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(and(eq(users.id, input.id), sql`${users.updatedAt} = ${input.version}::timestamptz`))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AppError("CONFLICT");
  await ctx.audit({
    action: "user.updated",
    entityType: "user",
    entityId: target.id,
    changes: { ...changes, ...(sessionsEnded ? { sessionsEnded: true } : {}) },
  });
  return { changed: true, sessionsEnded };
}

/** Disable or enable an account. Disabling ends its sessions at their next request. */
export async function setUserActive(
  input: UserIdInput & { active: boolean },
  ctx: UserServiceContext,
): Promise<void> {
  assertCan(ctx.user, "users.manage");
  if (!input.active && input.id === ctx.user.id) throw new AppError("VALIDATION", "cannotDisableSelf");
  const target = await loadTarget(ctx.db, ctx.user, input.id);
  const updated = await ctx.db
    .update(users)
    .set(
      input.active
        ? // Enabling also lifts a lock left by failed sign-ins: the administrator has vouched for the account.
          { active: true, failedSignIns: 0, lockedUntil: null, updatedAt: sql`now()` }
        : { active: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` },
    )
    .where(and(eq(users.id, input.id), eq(users.active, !input.active)))
    .returning({ id: users.id });
  // Someone else got there first: the account is already in the state asked for.
  if (updated.length === 0) throw new AppError("CONFLICT");
  await ctx.audit({
    action: input.active ? "user.enabled" : "user.disabled",
    entityType: "user",
    entityId: target.id,
    changes: { username: target.username, active: [!input.active, input.active] },
  });
}

/** Set a new password chosen by the administrator; the account must change it at its next sign-in. */
export async function resetUserPassword(input: ResetPasswordInput, ctx: UserServiceContext): Promise<void> {
  assertCan(ctx.user, "users.manage");
  // One's own password goes through 修改密码, which asks for the current one.
  if (input.id === ctx.user.id) throw new AppError("VALIDATION", "resetSelf");
  const target = await loadTarget(ctx.db, ctx.user, input.id);
  const problem = checkPassword(input.password, target.username);
  if (problem) throw fieldError("password", problem);
  const passwordHash = await hashPassword(input.password);
  await ctx.db
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: sql`now()`,
      failedSignIns: 0,
      lockedUntil: null,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, target.id));
  // Never the password or its hash.
  await ctx.audit({
    action: "user.passwordReset",
    entityType: "user",
    entityId: target.id,
    changes: { username: target.username, mustChangePassword: true },
  });
}
