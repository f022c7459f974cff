import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/server/db";
import { notifications } from "@/server/schema";

// A user's own notifications only: the recipient is always in the where.

export const TODOS_PAGE_SIZE = 30;

export async function unreadCount(userId: string, db: DbOrTx = defaultDb) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  titleKey: notifications.titleKey,
  params: notifications.params,
  link: notifications.link,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

export async function listNotifications(
  userId: string,
  opts: { unreadOnly: boolean; page: number; limit?: number },
  db: DbOrTx = defaultDb,
) {
  const limit = opts.limit ?? TODOS_PAGE_SIZE;
  const where = and(
    eq(notifications.recipientId, userId),
    opts.unreadOnly ? isNull(notifications.readAt) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select(columns)
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset((opts.page - 1) * limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** One of the user's notifications (to follow its link), or null. */
export async function ownNotification(userId: string, id: string, db: DbOrTx = defaultDb) {
  const [row] = await db
    .select({ id: notifications.id, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, userId)));
  return row ?? null;
}
