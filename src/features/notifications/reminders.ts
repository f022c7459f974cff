import "server-only";
import { and, eq, gte, lte, ne, lt, type SQL } from "drizzle-orm";
import { addDays, bureauDate, DUE_SOON_DAYS } from "@/domain/rectification";
import type { DbOrTx } from "@/server/db";
import { notifications, rectificationItems } from "@/server/schema";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

/** The items a user answers for (replies to): the approver's department, the filer's unit. */
function answerable(user: Reader): SQL | null {
  if (user.role === "DEPT_APPROVER" && user.departmentId)
    return eq(rectificationItems.departmentId, user.departmentId);
  if (user.role === "DEPT_FILER" && user.orgId) return eq(rectificationItems.unitId, user.orgId);
  return null;
}

/**
 * Deadline reminders for one user, computed when their bell or to-do page loads: due within three days
 * and overdue, for the items they answer for. Idempotent: each reminder has a dedupe key (the item and
 * its deadline), so loading again writes nothing new, and a moved deadline reminds again.
 */
export async function remindDeadlines(db: DbOrTx, user: Reader, now = new Date()): Promise<number> {
  const scope = answerable(user);
  if (!scope) return 0;
  const today = bureauDate(now);
  const open = and(scope, ne(rectificationItems.status, "CLOSED"));
  const [overdue, soon] = await Promise.all([
    db
      .select({
        id: rectificationItems.id,
        deadline: rectificationItems.deadline,
        problem: rectificationItems.problem,
      })
      .from(rectificationItems)
      .where(and(open, lt(rectificationItems.deadline, today))),
    db
      .select({
        id: rectificationItems.id,
        deadline: rectificationItems.deadline,
        problem: rectificationItems.problem,
      })
      .from(rectificationItems)
      .where(
        and(
          open,
          gte(rectificationItems.deadline, today),
          lte(rectificationItems.deadline, addDays(today, DUE_SOON_DAYS)),
        ),
      ),
  ]);
  const reminders = [
    ...overdue.map((r) => ({ kind: "OVERDUE" as const, titleKey: "rectificationOverdue", r })),
    ...soon.map((r) => ({ kind: "DUE_SOON" as const, titleKey: "rectificationDueSoon", r })),
  ];
  if (reminders.length === 0) return 0;
  // One statement for all of them; the dedupe key turns the ones already written into no-ops.
  const rows = await db
    .insert(notifications)
    .values(
      reminders.map(({ kind, titleKey, r }) => ({
        recipientId: user.id,
        kind,
        titleKey,
        params: { problem: r.problem.slice(0, 60), deadline: r.deadline },
        link: `/rectification/${r.id}`,
        entityType: "rectification",
        entityId: r.id,
        dedupeKey: `${kind}:${r.id}:${r.deadline}`,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}
