import { and, eq, sql } from "drizzle-orm";
import { db } from "@/server/db";
import { notifications, users } from "@/server/schema";

/** Who received a notification of `titleKey` about a record: distinct recipient ids, sorted. */
export async function recipientsOf(entityId: string, titleKey: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: notifications.recipientId })
    .from(notifications)
    .where(and(eq(notifications.entityId, entityId), eq(notifications.titleKey, titleKey)));
  return rows.map((r) => r.id).sort();
}

/** The parameters of the latest notification of `titleKey` about a record. */
export async function latestParams(entityId: string, titleKey: string) {
  const [row] = await db
    .select({ params: notifications.params })
    .from(notifications)
    .where(and(eq(notifications.entityId, entityId), eq(notifications.titleKey, titleKey)))
    .orderBy(sql`${notifications.createdAt} desc`)
    .limit(1);
  return row?.params;
}

/** Active users matching a condition, written here by hand: ids, sorted. */
export async function activeUserIds(condition: ReturnType<typeof sql>): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), condition));
  return rows.map((r) => r.id).sort();
}
