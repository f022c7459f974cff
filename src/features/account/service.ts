import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { checkPassword } from "@/domain/password-policy";
import type { ActionContext } from "@/server/action-client";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashPassword, verifyPassword } from "@/server/password";
import { assertCan } from "@/server/permissions";
import { users } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import type { ChangePasswordInput } from "./schemas";

export type AccountServiceContext = { db: DbOrTx; user: CurrentUser; audit: ActionContext["audit"] };

const fieldError = (field: string, key: string) =>
  new AppError("VALIDATION", "VALIDATION", { [field]: [key] });

/**
 * Change one's own password. The session version is left alone, so this browser stays signed in;
 * an administrator's reset bumps it instead (resetUserPassword) to end the account's sessions.
 */
export async function changePassword(
  input: ChangePasswordInput,
  ctx: AccountServiceContext,
): Promise<{ wasForced: boolean }> {
  assertCan(ctx.user, "account.changePassword");
  const [row] = await ctx.db
    .select({ passwordHash: users.passwordHash, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(and(eq(users.id, ctx.user.id), eq(users.active, true)))
    .limit(1);
  if (!row) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw fieldError("currentPassword", "currentPasswordWrong");
  }
  const problem = checkPassword(input.newPassword, ctx.user.username);
  if (problem) throw fieldError("newPassword", problem);
  if (input.newPassword === input.currentPassword) throw fieldError("newPassword", "passwordUnchanged");

  await ctx.db
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      passwordChangedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, ctx.user.id));
  // Never the password or its hash.
  await ctx.audit({
    action: "auth.passwordChanged",
    entityType: "user",
    entityId: ctx.user.id,
    changes: row.mustChangePassword ? { forced: true } : undefined,
  });
  return { wasForced: row.mustChangePassword };
}
