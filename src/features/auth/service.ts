import { and, count, eq, gt, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { env } from "@/env";
import { hashRecoveryCode, looksLikeRecoveryCode, matchTotp, openSecret } from "@/features/two-factor/totp";
import { authSecret } from "@/server/auth-secret";
import type { DbOrTx } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { dummyHash, verifyPassword } from "@/server/password";
import { signInThrottle, userRecoveryCodes, users, userSessions, type User } from "@/server/schema";
import type { RequestMeta } from "@/server/request-context";

export type SignInResult =
  | { ok: true; userId: string; sessionVersion: number; sessionId: string }
  /** needCode: the password was right and the account has two-factor sign-in: ask for the code.
   *  badCode: the code (or recovery code) given was wrong, used already or expired. */
  | { ok: false; needCode?: true; badCode?: true; throttled?: true };

type SecondFactor = { kind: "totp"; step: number } | { kind: "recovery"; remaining: number };

/**
 * Check and use up a second factor: a TOTP code newer than the last one accepted (the step is
 * recorded at once, so a replay racing this one fails), or an unused recovery code (marked used).
 */
async function spendSecondFactor(
  db: DbOrTx,
  user: User,
  code: string,
  now: Date,
): Promise<SecondFactor | null> {
  if (looksLikeRecoveryCode(code)) {
    const [used] = await db
      .update(userRecoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(userRecoveryCodes.userId, user.id),
          eq(userRecoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(userRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: userRecoveryCodes.id });
    if (!used) return null;
    const [left] = await db
      .select({ n: count() })
      .from(userRecoveryCodes)
      .where(and(eq(userRecoveryCodes.userId, user.id), isNull(userRecoveryCodes.usedAt)));
    return { kind: "recovery", remaining: left?.n ?? 0 };
  }
  const step = matchTotp(openSecret(user.totpSecret!, authSecret()), code, {
    now,
    lastStep: user.totpLastStep,
  });
  if (step === null) return null;
  const [taken] = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return taken ? { kind: "totp", step } : null;
}

export type LockoutRules = { attempts: number; minutes: number };
const defaultLockout = (): LockoutRules => ({ attempts: env.LOCKOUT_ATTEMPTS, minutes: env.LOCKOUT_MINUTES });

/** Per client address: failures allowed in the window before each further one makes it wait. */
export type AddressRules = { attempts: number; windowMinutes: number };
const defaultAddressRules = (): AddressRules => ({
  attempts: env.SIGNIN_ADDRESS_ATTEMPTS,
  windowMinutes: env.SIGNIN_ADDRESS_WINDOW_MINUTES,
});
const FIRST_WAIT_SECONDS = 5;
const LONGEST_WAIT_SECONDS = 300;

/** The wait after a failure beyond the allowed ones: 5 s, doubling, at most 5 minutes. */
export function addressWaitSeconds(failures: number, attempts: number): number {
  if (failures < attempts) return 0;
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.min(16, failures - attempts));
}

/**
 * Count a failed sign-in against the client address (whatever the account), in the database so that
 * every app instance sees it. Past the allowed failures in the window, the address must wait before
 * its next try; the slowing is audited.
 */
async function countAddressFailure(
  tx: DbOrTx,
  ip: string,
  now: Date,
  rules: AddressRules,
  actorMeta: RequestMeta,
) {
  const windowStart = new Date(now.getTime() - rules.windowMinutes * 60_000);
  const [row] = await tx
    .insert(signInThrottle)
    .values({ address: ip, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.address,
      set: {
        failures: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then ${now} else ${signInThrottle.windowStartedAt} end`,
      },
    })
    .returning({ failures: signInThrottle.failures });
  const wait = addressWaitSeconds(row!.failures, rules.attempts);
  if (!wait) return;
  const until = new Date(now.getTime() + wait * 1000);
  await tx.update(signInThrottle).set({ blockedUntil: until }).where(eq(signInThrottle.address, ip));
  await writeAudit(tx, {
    actor: null,
    action: "auth.addressSlowed",
    result: "DENIED",
    changes: { failures: row!.failures, waitSeconds: wait, until: until.toISOString() },
    ...actorMeta,
  });
}

/**
 * Check a username and password. An unknown user, a wrong password, a disabled and a locked account
 * give the same answer after the same work (a hash is always verified), and every attempt is audited.
 * The failures are counted in the database (so the count holds across app instances): the last
 * allowed one locks the account for a while; the lock, and its end, are audited. An account with
 * two-factor sign-in needs a code (or a recovery code) too: a right password without one asks for it,
 * a wrong code counts as a failure. A successful sign-in opens a server-side session whose id the
 * token carries.
 */
export async function verifyCredentials(
  input: { username: string; password: string; code?: string },
  meta: RequestMeta,
  {
    db,
    now = new Date(),
    lockout = defaultLockout(),
    passwordMaxAgeDays = env.PASSWORD_MAX_AGE_DAYS,
    addressRules = defaultAddressRules(),
  }: {
    db: DbOrTx;
    now?: Date;
    lockout?: LockoutRules;
    passwordMaxAgeDays?: number;
    addressRules?: AddressRules;
  },
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  // An address that must wait is refused before any password is checked (so waiting out the slowing is
  // the only way on), and the refusal is audited; it does not count against the account.
  if (meta.ip) {
    const [slowed] = await db
      .select({ until: signInThrottle.blockedUntil })
      .from(signInThrottle)
      .where(and(eq(signInThrottle.address, meta.ip), gt(signInThrottle.blockedUntil, now)));
    if (slowed) {
      await writeAudit(db, {
        actor: null,
        action: "auth.signInThrottled",
        result: "DENIED",
        changes: { username: username.slice(0, 64), until: slowed.until!.toISOString() },
        ...meta,
      });
      return { ok: false, throttled: true };
    }
  }
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  const actor = user ? { id: user.id, username: user.username, role: user.role } : null;
  const locked = Boolean(user?.lockedUntil && user.lockedUntil > now);
  const credentialsOk = Boolean(user && user.active && passwordOk && !locked);
  const code = input.code?.trim() ?? "";
  if (credentialsOk && user!.totpSecret && !code) return { ok: false, needCode: true };
  const second = credentialsOk && user!.totpSecret ? await spendSecondFactor(db, user!, code, now) : null;
  const codeFailed = credentialsOk && Boolean(user!.totpSecret) && !second;
  const ok = credentialsOk && !codeFailed;

  // A lock that has run out ends with this attempt, whatever its outcome.
  if (user?.lockedUntil && !locked) {
    await db.transaction(async (tx) => {
      const [ended] = await tx
        .update(users)
        .set({ lockedUntil: null, failedSignIns: 0 })
        .where(and(eq(users.id, user.id), eq(users.lockedUntil, user.lockedUntil!)))
        .returning({ id: users.id });
      if (ended)
        await writeAudit(tx, {
          actor,
          action: "auth.lockEnded",
          entityType: "user",
          entityId: user.id,
          changes: { lockedUntil: user.lockedUntil!.toISOString() },
          ...meta,
        });
    });
  }

  if (!ok) {
    await db.transaction(async (tx) => {
      let lockedNow: Date | null = null;
      if (user && !locked) {
        const [row] = await tx
          .update(users)
          .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
          .where(eq(users.id, user.id))
          .returning({ failed: users.failedSignIns });
        if (row && row.failed >= lockout.attempts) {
          lockedNow = new Date(now.getTime() + lockout.minutes * 60_000);
          await tx
            .update(users)
            .set({ lockedUntil: lockedNow, failedSignIns: 0 })
            .where(eq(users.id, user.id));
        }
      }
      if (meta.ip) await countAddressFailure(tx, meta.ip, now, addressRules, meta);
      await writeAudit(tx, {
        actor,
        action: codeFailed ? "auth.totpFailed" : "auth.signInFailed",
        entityType: "user",
        entityId: user?.id,
        result: "FAILURE",
        // The attempted name is kept for unknown users only; never the password or the code.
        changes: codeFailed
          ? { reason: looksLikeRecoveryCode(code) ? "recoveryCode" : "code" }
          : user
            ? { reason: locked ? "locked" : user.active ? "password" : "disabled" }
            : { username: username.slice(0, 64), reason: "unknown" },
        ...meta,
      });
      if (lockedNow)
        await writeAudit(tx, {
          actor,
          action: "auth.locked",
          entityType: "user",
          entityId: user!.id,
          result: "FAILURE",
          changes: { attempts: lockout.attempts, until: lockedNow.toISOString() },
          ...meta,
        });
    });
    return codeFailed ? { ok: false, badCode: true } : { ok: false };
  }

  // A password older than the limit must be changed before anything else: the forced-change flow.
  const expired =
    passwordMaxAgeDays > 0 &&
    !user!.mustChangePassword &&
    now.getTime() - user!.passwordChangedAt.getTime() > passwordMaxAgeDays * 86_400_000;

  const sessionId = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedSignIns: 0, lastSignInAt: now, ...(expired ? { mustChangePassword: true } : {}) })
      .where(eq(users.id, user!.id));
    if (expired)
      await writeAudit(tx, {
        actor: actor!,
        action: "auth.passwordExpired",
        entityType: "user",
        entityId: user!.id,
        changes: { passwordChangedAt: user!.passwordChangedAt.toISOString(), maxAgeDays: passwordMaxAgeDays },
        ...meta,
      });
    const [session] = await tx
      .insert(userSessions)
      .values({
        userId: user!.id,
        createdAt: now,
        lastSeenAt: now,
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .returning({ id: userSessions.id });
    if (second?.kind === "recovery")
      await writeAudit(tx, {
        actor: actor!,
        action: "auth.recoveryCodeUsed",
        entityType: "user",
        entityId: user!.id,
        changes: { remaining: second.remaining },
        ...meta,
      });
    await writeAudit(tx, {
      actor: actor!,
      action: "auth.signedIn",
      entityType: "user",
      entityId: user!.id,
      changes: { session: session!.id, ...(second ? { secondFactor: second.kind } : {}) },
      ...meta,
    });
    return session!.id;
  });
  return { ok: true, userId: user!.id, sessionVersion: user!.sessionVersion, sessionId };
}

export type SessionLimits = { idleMinutes: number; maxHours: number };
const defaultLimits = (): SessionLimits => ({
  idleMinutes: env.SESSION_IDLE_MINUTES,
  maxHours: env.SESSION_MAX_HOURS,
});

/**
 * Is this server-side session still good: not signed out, used within the idle limit and younger
 * than the absolute lifetime? A good one is marked as seen (at most once a minute).
 */
export async function touchSession(
  sessionId: string,
  userId: string,
  { db, now = new Date(), limits = defaultLimits() }: { db: DbOrTx; now?: Date; limits?: SessionLimits },
): Promise<boolean> {
  const [row] = await db
    .select({ lastSeenAt: userSessions.lastSeenAt })
    .from(userSessions)
    .where(liveSession(sessionId, userId, { now, limits }))
    .limit(1);
  if (!row) return false;
  await markSessionSeen(sessionId, row.lastSeenAt, { db, now });
  return true;
}

/** The session row, while it is live: not signed out, not idle too long, not older than allowed. */
export function liveSession(
  sessionId: string,
  userId: string,
  { now = new Date(), limits = defaultLimits() }: { now?: Date; limits?: SessionLimits } = {},
): SQL {
  const idleSince = new Date(now.getTime() - limits.idleMinutes * 60_000);
  const bornAfter = new Date(now.getTime() - limits.maxHours * 3_600_000);
  return and(
    eq(userSessions.id, sessionId),
    eq(userSessions.userId, userId),
    isNull(userSessions.revokedAt),
    gt(userSessions.lastSeenAt, idleSince),
    gt(userSessions.createdAt, bornAfter),
  )!;
}

/** The session was used now: its idle clock restarts (written at most once a minute). */
export async function markSessionSeen(
  sessionId: string,
  lastSeenAt: Date,
  { db, now = new Date() }: { db: DbOrTx; now?: Date },
): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() > 60_000)
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sessionId));
}

/** Sign-out ends the session on the server: the token that names it is refused from now on. */
export async function revokeSession(sessionId: string, { db }: { db: DbOrTx }): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Audit a sign-out. The token names the user; their name and role are read fresh. */
export async function recordSignOut(
  userId: string,
  meta: RequestMeta,
  { db }: { db: DbOrTx },
): Promise<void> {
  const [user] = await db
    .select({ id: users.id, username: users.username, role: users.role })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return;
  await writeAudit(db, {
    actor: user,
    action: "auth.signedOut",
    entityType: "user",
    entityId: user.id,
    ...meta,
  });
}
