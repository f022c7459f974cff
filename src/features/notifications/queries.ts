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

/** "部门 · 编码 名称" of the project whose id is the SQL expression given. */
const projectLabel = (projectId: string) =>
  `(select d.name || ' · ' || p.code || ' ' || p.name from projects p
     join organisations d on d.id = p.department_id where p.id = ${projectId})`;

/**
 * What a to-do is about — the project (with its department) or the department or township evaluated —
 * read from the record it points to, so twenty notices with the same title can be told apart. Written
 * with explicit aliases: Drizzle leaves columns of a one-table select unqualified.
 */
const subject = sql<string | null>`case ${notifications.entityType}
  when 'rectification' then (select coalesce(${sql.raw(projectLabel("r.project_id"))}, o.name)
    from rectification_items r join organisations o on o.id = r.department_id
    where r.id = "notifications"."entity_id")
  when 'evaluation' then (select coalesce(${sql.raw(projectLabel("e.project_id"))}, o.name)
    from evaluations e left join organisations o on o.id = e.subject_org_id
    where e.id = "notifications"."entity_id")
  when 'target_sheet' then (select ${sql.raw(projectLabel("x.project_id"))} from target_sheets x
    where x.id = "notifications"."entity_id")
  when 'monitoring_report' then (select ${sql.raw(projectLabel("x.project_id"))} from monitoring_reports x
    where x.id = "notifications"."entity_id")
  when 'monitoring_notice' then (select ${sql.raw(projectLabel("x.project_id"))} from monitoring_notices x
    where x.id = "notifications"."entity_id")
  when 'sampling_feedback' then (select o.name from sampling_feedback f
    join organisations o on o.id = f.department_id where f.id = "notifications"."entity_id")
  when 'department' then (select o.name from organisations o where o.id = "notifications"."entity_id")
  when 'pre_assessment' then (select ${sql.raw(projectLabel("x.project_id"))} from pre_assessments x
    where x.id = "notifications"."entity_id")
end`;

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  titleKey: notifications.titleKey,
  params: notifications.params,
  link: notifications.link,
  subject,
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
