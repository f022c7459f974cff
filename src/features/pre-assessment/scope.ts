import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { expertGroupMembers, expertGroupProjects, projects } from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "districtId" | "provinceWide">;

/** The projects an expert reaches: those of the groups they sit in, nothing else. */
export function expertProjectScope(expertId: string): SQL {
  return inArray(
    projects.id,
    sql`(select ${expertGroupProjects.projectId} from ${expertGroupProjects}
         join ${expertGroupMembers} on ${expertGroupMembers.groupId} = ${expertGroupProjects.groupId}
         where ${expertGroupMembers.expertId} = ${expertId})`,
  );
}

/** Who may read a project's pre-assessment: the usual project scope, widened for experts. */
export function preAssessmentProjectScope(user: Reader): SQL {
  return user.role === "EXPERT" ? expertProjectScope(user.id) : projectScope(user);
}

/** Is this expert a member of that group? (for writes, checked inside the transaction) */
export function memberOf(groupId: string, expertId: string): SQL {
  return and(eq(expertGroupMembers.groupId, groupId), eq(expertGroupMembers.expertId, expertId))!;
}
