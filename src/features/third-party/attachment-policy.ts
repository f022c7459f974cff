import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { registerAttachmentPolicy } from "@/features/attachments/policies";
import { engagements, evaluations, projects } from "@/server/schema";
import { AGENCY_EDITABLE } from "./rules";
import { engagementScope } from "./scope";

// Files of an engaged evaluation (评价报告 and 佐证材料), entity type "engagement" keyed by the
// evaluation's id: readable by whoever may read the engagement (an agency its own only); added by the
// engaged agency's staff while the report is theirs to write.

registerAttachmentPolicy("engagement", {
  async canRead(user, entityId, db) {
    if (!z.guid().safeParse(entityId).success) return null;
    const [row] = await db
      .select({ projectId: evaluations.projectId })
      .from(engagements)
      .innerJoin(evaluations, eq(evaluations.id, engagements.evaluationId))
      .leftJoin(projects, eq(projects.id, evaluations.projectId))
      .where(and(eq(engagements.evaluationId, entityId), engagementScope(user)))
      .limit(1);
    return row ?? null;
  },
  async canWrite(user, entityId, db) {
    if (user.role !== "AGENCY" || !user.orgId || !z.guid().safeParse(entityId).success) return false;
    const [row] = await db
      .select({ id: engagements.id })
      .from(engagements)
      .innerJoin(evaluations, eq(evaluations.id, engagements.evaluationId))
      .where(
        and(
          eq(engagements.evaluationId, entityId),
          eq(engagements.agencyId, user.orgId),
          inArray(evaluations.status, [...AGENCY_EDITABLE]),
        ),
      )
      .limit(1);
    return Boolean(row);
  },
});
