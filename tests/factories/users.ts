import { eq } from "drizzle-orm";
import { db } from "@/server/db";
import { users } from "@/server/schema";
import { loadSessionUser, type CurrentUser } from "@/server/session";

/** A demo account as the server sees it on a request. */
export async function signedIn(username: string): Promise<CurrentUser> {
  const [row] = await db
    .select({ id: users.id, sv: users.sessionVersion })
    .from(users)
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  const user = await loadSessionUser(row.id, row.sv);
  if (!user) throw new Error(`user ${username} cannot sign in`);
  return user;
}

/** A translator for tests: returns the key, so assertions name the message rather than its wording. */
export const keyTranslator = (key: string) => key;
