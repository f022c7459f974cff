import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { registerAttachmentPolicy } from "@/features/attachments/policies";
import { preAssessments, projects } from "@/server/schema";
import { EDITABLE_STATUSES } from "./rules";
import { preAssessmentProjectScope } from "./scope";

// Files on a pre-assessment (事前评估报告、测算依据): readable by whoever may read it (experts of its
// group included); added by the filing unit's filers while it is still with the unit.
registerAttachmentPolicy("preAssessment", {
  async canRead(user, entityId, db) {
    if (!z.guid().safeParse(entityId).success) return null;
    const [row] = await db
      .select({ projectId: preAssessments.projectId })
      .from(preAssessments)
      .innerJoin(projects, eq(projects.id, preAssessments.projectId))
      .where(and(eq(preAssessments.id, entityId), preAssessmentProjectScope(user)))
      .limit(1);
    return row ?? null;
  },
  async canWrite(user, entityId, db) {
    if (user.role !== "DEPT_FILER" || !user.orgId || !z.guid().safeParse(entityId).success) return false;
    const [row] = await db
      .select({ id: preAssessments.id })
      .from(preAssessments)
      .innerJoin(projects, eq(projects.id, preAssessments.projectId))
      .where(
        and(
          eq(preAssessments.id, entityId),
          eq(projects.unitId, user.orgId),
          inArray(preAssessments.status, [...EDITABLE_STATUSES]),
        ),
      )
      .limit(1);
    return Boolean(row);
  },
});
