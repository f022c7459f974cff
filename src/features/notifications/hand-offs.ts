import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/server/db";
import { projects, type NotificationKind } from "@/server/schema";
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
  },
) {
  const [p] = await db
    .select({ name: projects.name, unitId: projects.unitId, departmentId: projects.departmentId })
    .from(projects)
    .where(eq(projects.id, input.projectId));
  if (!p) return 0;
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
