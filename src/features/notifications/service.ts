import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/server/db";
import { notifications, organisations, users, type NotificationKind } from "@/server/schema";
import type { Role } from "@/server/schema/enums";

// 待办 and notifications. Other modules call notify() inside the transaction of their hand-off, so the
// notification exists exactly when the hand-off does. The title is a key under the "todos.title"
// messages with parameters, translated when read.

export type NotifyInput = {
  recipientIds: string[];
  kind: NotificationKind;
  /** Key under todos.title, e.g. "rectificationRaised". */
  titleKey: string;
  params?: Record<string, string>;
  /** Where the to-do leads: the record's page. */
  link: string;
  entityType: string;
  entityId: string;
  /** Set for reminders that must be written once only (due soon, overdue). */
  dedupeKey?: string;
};

/** Write one notification per recipient (duplicates of a dedupe key are skipped). Returns how many. */
export async function notify(db: DbOrTx, input: NotifyInput): Promise<number> {
  const ids = [...new Set(input.recipientIds)];
  if (ids.length === 0) return 0;
  const rows = await db
    .insert(notifications)
    .values(
      ids.map((recipientId) => ({
        recipientId,
        kind: input.kind,
        titleKey: input.titleKey,
        params: input.params ?? {},
        link: input.link,
        entityType: input.entityType,
        entityId: input.entityId,
        dedupeKey: input.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

async function activeUsers(db: DbOrTx, roles: Role[], orgCondition: ReturnType<typeof sql>) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, roles), orgCondition));
  return rows.map((r) => r.id);
}

/**
 * The people who answer for a department's record: its approvers, and the filers of the unit when a
 * unit is named (never anyone of another department).
 */
export async function departmentRecipients(db: DbOrTx, departmentId: string, unitId: string | null) {
  const approvers = await activeUsers(db, ["DEPT_APPROVER"], sql`${users.orgId} = ${departmentId}`);
  const filers = unitId
    ? await activeUsers(
        db,
        ["DEPT_FILER"],
        sql`${users.orgId} = ${unitId} and exists (select 1 from ${organisations}
          where ${organisations.id} = ${unitId} and ${organisations.parentId} = ${departmentId})`,
      )
    : [];
  return [...approvers, ...filers];
}

/**
 * Finance people who handle a department: the admins of its district and the reviewers of the
 * covering division.
 */
export async function financeRecipients(db: DbOrTx, departmentId: string) {
  const admins = await activeUsers(
    db,
    ["FINANCE_ADMIN"],
    sql`${users.orgId} in (select o.id from ${organisations} o where o.district_id =
      (select d.district_id from ${organisations} d where d.id = ${departmentId}))`,
  );
  const reviewers = await activeUsers(
    db,
    ["FINANCE_REVIEWER"],
    sql`${users.orgId} = (select ${organisations.coveringDivisionId} from ${organisations}
      where ${organisations.id} = ${departmentId})`,
  );
  return [...admins, ...reviewers];
}

/** Mark the user's own notifications read (all when no ids); another's are untouched. */
export async function markRead(db: DbOrTx, userId: string, ids: string[] | "all") {
  if (ids !== "all" && ids.length === 0) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.recipientId, userId),
        isNull(notifications.readAt),
        ids === "all" ? undefined : inArray(notifications.id, ids),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** The active filers of a unit. */
export async function unitFilers(db: DbOrTx, unitId: string) {
  return activeUsers(db, ["DEPT_FILER"], sql`${users.orgId} = ${unitId}`);
}
