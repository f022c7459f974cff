import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { dummyHash, verifyPassword } from "@/server/password";
import { users } from "@/server/schema";
import type { RequestMeta } from "@/server/request-context";

export type SignInResult = { ok: true; userId: string; sessionVersion: number } | { ok: false };

/**
 * Check a username and password. An unknown user, a wrong password and a disabled account give the
 * same answer after the same work (a hash is always verified), and every attempt is audited.
 */
export async function verifyCredentials(
  input: { username: string; password: string },
  meta: RequestMeta,
  { db }: { db: DbOrTx },
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  const ok = Boolean(user && user.active && passwordOk);

  if (!ok) {
    await db.transaction(async (tx) => {
      if (user) {
        await tx
          .update(users)
          .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
          .where(eq(users.id, user.id));
      }
      await writeAudit(tx, {
        actor: user ? { id: user.id, username: user.username, role: user.role } : null,
        action: "auth.signInFailed",
        entityType: "user",
        entityId: user?.id,
        result: "FAILURE",
        // The attempted name is kept for unknown users only; never the password.
        changes: user
          ? { reason: user.active ? "password" : "disabled" }
          : { username: username.slice(0, 64), reason: "unknown" },
        ...meta,
      });
    });
    return { ok: false };
  }

  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lastSignInAt: new Date() }).where(eq(users.id, user!.id));
    await writeAudit(tx, {
      actor: { id: user!.id, username: user!.username, role: user!.role },
      action: "auth.signedIn",
      entityType: "user",
      entityId: user!.id,
      ...meta,
    });
  });
  return { ok: true, userId: user!.id, sessionVersion: user!.sessionVersion };
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
