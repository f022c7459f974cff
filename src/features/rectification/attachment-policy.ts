import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { registerAttachmentPolicy } from "@/features/attachments/policies";
import { rectificationItems } from "@/server/schema";
import { answersFor, rectificationScope } from "./scope";

// Evidence of a rectification (整改佐证), entity type "rectification": readable by whoever may read the
// item; added by the people who answer for it (the department's approver, the named unit's filers)
// while the item is open for their reply.

registerAttachmentPolicy("rectification", {
  async canRead(user, entityId, db) {
    if (!z.guid().safeParse(entityId).success) return null;
    const [row] = await db
      .select({ projectId: rectificationItems.projectId })
      .from(rectificationItems)
      .where(and(eq(rectificationItems.id, entityId), rectificationScope(user)))
      .limit(1);
    return row ?? null;
  },
  async canWrite(user, entityId, db) {
    if (!z.guid().safeParse(entityId).success) return false;
    const [row] = await db
      .select({
        status: rectificationItems.status,
        departmentId: rectificationItems.departmentId,
        unitId: rectificationItems.unitId,
      })
      .from(rectificationItems)
      .where(and(eq(rectificationItems.id, entityId), rectificationScope(user)))
      .limit(1);
    return Boolean(row && row.status === "OPEN" && answersFor(user, row));
  },
});
