import { eq, sql } from "drizzle-orm";
import { bureauDate } from "@/domain/rectification";
import type { DbOrTx } from "@/server/db";
import { notifications, organisations, projects, type NotificationKind } from "@/server/schema";
import { departmentRecipients, financeRecipients, notify, unitFilers } from "./service";

/**
 * A hand-off on a project's record (self-evaluation, target sheet, monitoring report): who receives
 * it is read from the project — its unit's filers, its department's approvers, or finance covering the
 * department — never from the browser. Call inside the hand-off's transaction.
 */
export async function notifyProjectHandoff(
  db: DbOrTx,
  input: {
    projectId: string;
    to: "filers" | "approvers" | "finance";
    kind: NotificationKind;
    titleKey: string;
    reason?: string;
    link: string;
    entityType: string;
    entityId: string;
    /**
     * For finance, whose share of a round is every project of every department: one line per
     * department and day instead of one per project, counting up as the department forwards more,
     * leading to the department's list filtered to what waits (the link is built from the project).
     */
    digest?: (p: { departmentId: string; year: number }) => string;
  },
) {
  const [p] = await db
    .select({
      name: projects.name,
      unitId: projects.unitId,
      departmentId: projects.departmentId,
      year: projects.year,
    })
    .from(projects)
    .where(eq(projects.id, input.projectId));
  if (!p) return 0;
  if (input.digest && input.to === "finance")
    return notifyDigest(db, {
      recipientIds: await financeRecipients(db, p.departmentId),
      kind: input.kind,
      titleKey: `${input.titleKey}Digest`,
      departmentId: p.departmentId,
      link: input.digest({ departmentId: p.departmentId, year: p.year }),
    });
  const recipientIds =
    input.to === "filers"
      ? await unitFilers(db, p.unitId)
      : input.to === "approvers"
        ? await departmentRecipients(db, p.departmentId, null)
        : await financeRecipients(db, p.departmentId);
  return notify(db, {
    recipientIds,
    kind: input.kind,
    titleKey: input.titleKey,
    params: { project: p.name, reason: (input.reason ?? "").slice(0, 120) },
    link: input.link,
    entityType: input.entityType,
    entityId: input.entityId,
  });
}

/**
 * One notification per recipient, department, kind of hand-off and day (the bureau's date), counting
 * the hand-offs: the first writes it, each later one adds one to the count, marks it unread again and
 * moves it to the top. In the hand-off's transaction, as every notification.
 */
async function notifyDigest(
  db: DbOrTx,
  input: {
    recipientIds: string[];
    kind: NotificationKind;
    titleKey: string;
    departmentId: string;
    link: string;
  },
) {
  const ids = [...new Set(input.recipientIds)];
  if (ids.length === 0) return 0;
  const [dept] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, input.departmentId));
  const day = bureauDate(new Date());
  const rows = await db
    .insert(notifications)
    .values(
      ids.map((recipientId) => ({
        recipientId,
        kind: input.kind,
        titleKey: input.titleKey,
        params: { department: dept?.name ?? "", count: "1", date: day },
        link: input.link,
        entityType: "department",
        entityId: input.departmentId,
        dedupeKey: `DIGEST:${input.titleKey}:${input.departmentId}:${day}`,
      })),
    )
    .onConflictDoUpdate({
      target: [notifications.recipientId, notifications.dedupeKey],
      set: {
        params: sql`jsonb_set(${notifications.params}, '{count}',
          to_jsonb((coalesce((${notifications.params}->>'count')::int, 0) + 1)::text))`,
        readAt: null,
        createdAt: sql`now()`,
      },
    })
    .returning({ id: notifications.id });
  return rows.length;
}
