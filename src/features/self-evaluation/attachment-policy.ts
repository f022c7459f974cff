import { and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { registerAttachmentPolicy } from "@/features/attachments/policies";
import { evaluations, projects } from "@/server/schema";
import { projectScope } from "@/server/scope";
import { groupProjectIds } from "@/features/sampling/scope";
import { EDITABLE_STATUSES } from "./flow";

// Files on a self-evaluation (佐证材料), entity type "evaluation": readable by whoever may read its
// project, and by the members of a sampling group holding the project (the reviewers check the unit's
// evidence); added by the filing unit's filers while the self-evaluation is still theirs to edit.

registerAttachmentPolicy("evaluation", {
  async canRead(user, entityId, db) {
    if (!z.guid().safeParse(entityId).success) return null;
    const reach =
      user.role === "FINANCE_REVIEWER" || user.role === "EXPERT"
        ? or(projectScope(user), inArray(projects.id, groupProjectIds(user.id)))
        : projectScope(user);
    const [row] = await db
      .select({ projectId: evaluations.projectId })
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .where(and(eq(evaluations.id, entityId), eq(evaluations.type, "SELF"), reach))
      .limit(1);
    return row ?? null;
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
