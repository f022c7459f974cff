import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { registerAttachmentPolicy } from "@/features/attachments/policies";
import { projects, targetSheets } from "@/server/schema";
import { projectScope } from "@/server/scope";
import { EDITABLE_STATUSES } from "./flow";

// Files on a target sheet (测算依据、佐证材料): readable by whoever may read its project; added by the
// filing unit's filers while the sheet is still theirs to edit (DRAFT or RETURNED).
registerAttachmentPolicy("targetSheet", {
  async canRead(user, entityId, db) {
    if (!z.guid().safeParse(entityId).success) return null;
    const [row] = await db
      .select({ projectId: targetSheets.projectId })
      .from(targetSheets)
      .innerJoin(projects, eq(projects.id, targetSheets.projectId))
      .where(and(eq(targetSheets.id, entityId), projectScope(user)))
      .limit(1);
    return row ?? null;
  },
  async canWrite(user, entityId, db) {
    if (user.role !== "DEPT_FILER" || !user.orgId || !z.guid().safeParse(entityId).success) return false;
    const [row] = await db
      .select({ id: targetSheets.id })
      .from(targetSheets)
      .innerJoin(projects, eq(projects.id, targetSheets.projectId))
      .where(
        and(
          eq(targetSheets.id, entityId),
          eq(projects.unitId, user.orgId),
          inArray(targetSheets.status, [...EDITABLE_STATUSES]),
        ),
      )
      .limit(1);
    return Boolean(row);
  },
});
