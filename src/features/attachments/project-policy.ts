import { and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { projects } from "@/server/schema";
import type { ProjectStage } from "@/server/schema/enums";
import { projectScope } from "@/server/scope";
import { engagedProjectIds } from "@/features/third-party/scope";
import { registerAttachmentPolicy } from "./policies";

// Files on the project itself (申报材料): readable by whoever may read the project, added by the
// filing unit's filers until the targets are set. An agency reads the files of the projects it is
// engaged to evaluate.
const WRITABLE_STAGES: ProjectStage[] = ["DRAFT", "PRE_ASSESSMENT", "TARGET_SETTING"];

registerAttachmentPolicy("project", {
  async canRead(user, entityId, db) {
    if (!z.guid().safeParse(entityId).success) return null;
    const [row] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(
          eq(projects.id, entityId),
          user.role === "AGENCY" && user.orgId
            ? or(projectScope(user), inArray(projects.id, engagedProjectIds(user.orgId)))
            : projectScope(user),
        ),
      )
      .limit(1);
    return row ? { projectId: row.id } : null;
  },
  async canWrite(user, entityId, db) {
    if (user.role !== "DEPT_FILER" || !user.orgId || !z.guid().safeParse(entityId).success) return false;
    const [row] = await db
      .select({ stage: projects.stage })
      .from(projects)
      .where(and(eq(projects.id, entityId), eq(projects.unitId, user.orgId)))
      .limit(1);
    return row ? WRITABLE_STAGES.includes(row.stage) : false;
  },
});
