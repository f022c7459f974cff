import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import QRCode from "qrcode";
import type { ActionContext } from "@/server/action-client";
import { authSecret } from "@/server/auth-secret";
import { db as rootDb, type DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertCan } from "@/server/permissions";
import { userRecoveryCodes, users } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import type { ConfirmTotpInput, ResetTotpInput } from "./schemas";
import {
  hashRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  sealSecret,
  totpUri,
} from "./totp";

type Ctx = {
  db: DbOrTx;
  user: CurrentUser;
  audit: ActionContext["audit"];
  auditIfFails: ActionContext["auditIfFails"];
};

export type TwoFactorStatus =
  | { enabled: true; since: Date; recoveryCodesLeft: number }
  | { enabled: false; secret: string; uri: string; qr: string };

/**
 * The account's two-factor state for its own page. Not yet enrolled: the secret waiting for its first
 * code (made now if there is none, kept encrypted), with the otpauth address and its QR code as an
 * SVG data URL drawn on the server (nothing leaves the server to draw it).
 */
export async function twoFactorStatus(user: CurrentUser, db: DbOrTx = rootDb): Promise<TwoFactorStatus> {
  assertCan(user, "account.twoFactor");
  const [row] = await db
    .select({ enabledAt: users.totpEnabledAt, pending: users.totpPendingSecret })
    .from(users)
    .where(eq(users.id, user.id))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  if (row.enabledAt) {
    const [left] = await db
      .select({ n: count() })
      .from(userRecoveryCodes)
      .where(and(eq(userRecoveryCodes.userId, user.id), isNull(userRecoveryCodes.usedAt)));
    return { enabled: true, since: row.enabledAt, recoveryCodesLeft: left?.n ?? 0 };
  }
  let secret = row.pending ? openSecret(row.pending, authSecret()) : null;
  if (!secret) {
    secret = newTotpSecret();
    // Only while no other request set one first (two tabs): then that one is shown.
    const [stored] = await db
      .update(users)
      .set({ totpPendingSecret: sealSecret(secret, authSecret()) })
      .where(and(eq(users.id, user.id), isNull(users.totpPendingSecret)))
      .returning({ id: users.id });
    if (!stored) return twoFactorStatus(user, db);
  }
  const uri = totpUri(secret, user.username);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return {
    enabled: false,
    secret,
    uri,
    qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/**
 * Finish enrolment with the first code from the app: the pending secret becomes the account's, ten
 * new recovery codes are made (returned once, stored as hashes). A wrong code is audited (after
 * the action's transaction rolls back) and reported on the field.
 */
export async function confirmTotp(input: ConfirmTotpInput, ctx: Ctx): Promise<{ recoveryCodes: string[] }> {
  assertCan(ctx.user, "account.twoFactor");
  const [row] = await ctx.db
    .select({ enabledAt: users.totpEnabledAt, pending: users.totpPendingSecret })
    .from(users)
    .where(eq(users.id, ctx.user.id))
    .for("update")
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  if (row.enabledAt) throw new AppError("CONFLICT", "totpAlreadyEnabled");
  const step = row.pending ? matchTotp(openSecret(row.pending, authSecret()), input.code) : null;
  if (step === null) {
    ctx.auditIfFails({
      action: "auth.totpFailed",
      entityType: "user",
      entityId: ctx.user.id,
      result: "FAILURE",
      changes: { reason: "enrolment" },
    });
    throw new AppError("VALIDATION", "VALIDATION", { code: ["totpCodeWrong"] });
  }
  await ctx.db
    .update(users)
    .set({
      totpSecret: row.pending,
      totpPendingSecret: null,
      totpEnabledAt: sql`now()`,
      totpLastStep: step,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, ctx.user.id));
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, ctx.user.id));
  await ctx.db
    .insert(userRecoveryCodes)
    .values(recoveryCodes.map((c) => ({ userId: ctx.user.id, codeHash: hashRecoveryCode(c) })));
  await ctx.audit({
    action: "auth.totpEnrolled",
    entityType: "user",
    entityId: ctx.user.id,
    changes: { recoveryCodes: recoveryCodes.length },
  });
  return { recoveryCodes };
}

/**
 * The system administrator turns off another account's two-factor sign-in (a lost phone and no
 * recovery codes left): secret and codes are removed, the account enrols again at its next visit if
 * its role requires it. Another organisation's or an unknown account is "not found".
 */
export async function resetTotp(input: ResetTotpInput, ctx: Ctx): Promise<void> {
  assertCan(ctx.user, "users.manage");
  if (input.id === ctx.user.id) throw new AppError("VALIDATION", "resetTotpSelf");
  const [target] = await ctx.db
    .select({ id: users.id, username: users.username, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, input.id))
    .limit(1);
  if (!target) throw new AppError("NOT_FOUND");
  await ctx.db
    .update(users)
    .set({
      totpSecret: null,
      totpPendingSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, target.id));
  await ctx.db.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, target.id));
  await ctx.audit({
    action: "auth.totpReset",
    entityType: "user",
    entityId: target.id,
    changes: { username: target.username, wasEnabled: target.enabledAt !== null },
  });
}
