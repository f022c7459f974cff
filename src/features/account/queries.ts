import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/server/db";
import { users } from "@/server/schema";
import type { CurrentUser } from "@/server/session";

/** When the signed-in user last set their password (their own account only). */
export async function getPasswordChangedAt(user: CurrentUser): Promise<Date | null> {
  const [row] = await db
    .select({ at: users.passwordChangedAt })
    .from(users)
    .where(eq(users.id, user.id))
    .limit(1);
  return row?.at ?? null;
}
