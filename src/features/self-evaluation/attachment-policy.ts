import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { registerAttachmentPolicy } from "@/features/attachments/policies";
import { evaluations, projects } from "@/server/schema";
import { projectScope } from "@/server/scope";
import { EDITABLE_STATUSES } from "./flow";

// Evidence on a self-evaluation (佐证材料): readable by whoever may read its project; added by the
// filing unit's filers while the evaluation is still theirs to edit (DRAFT or RETURNED).
registerAttachmentPolicy("evaluation", {
  async canRead(user, entityId, db) {
    if (!z.guid().safeParse(entityId).success) return null;
    const [row] = await db
      .select({ projectId: evaluations.projectId })
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .where(and(eq(evaluations.id, entityId), projectScope(user)))
      .limit(1);
    return row ? { projectId: row.projectId } : null;
  },
  async canWrite(user, entityId, db) {
    if (user.role !== "DEPT_FILER" || !user.orgId || !z.guid().safeParse(entityId).success) return false;
    const [row] = await db
      .select({ id: evaluations.id })
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .where(
        and(
          eq(evaluations.id, entityId),
          eq(evaluations.type, "SELF"),
          eq(projects.unitId, user.orgId),
          inArray(evaluations.status, [...EDITABLE_STATUSES]),
        ),
      )
      .limit(1);
    return Boolean(row);
  },
});
