import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { engagements, evaluations, organisations, projects } from "@/server/schema";
import { districtOrgIds } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "role" | "orgId" | "districtId" | "provinceWide">;

// 第三方评价 scope, as a condition on engagements joined to their evaluation (and, left joined, its
// project). Finance's performance division and leaders see every engagement of their district; a finance reviewer those
// of the departments its division covers; an agency only its own agency's; a department or unit only
// the accepted results on its own projects (or its own department-wide evaluation). Nobody else any.

/** The evaluated department: the project's, or the organisation a department-wide evaluation is of. */
export const subjectDepartment = sql<string>`coalesce(${projects.departmentId}, ${evaluations.subjectOrgId})`;

export function engagementScope(user: Reader): SQL {
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "LEADER":
      return inArray(subjectDepartment, districtOrgIds(user));
    case "FINANCE_REVIEWER":
      if (!user.orgId) return sql`false`;
      return inArray(
        subjectDepartment,
        sql`(select ${organisations.id} from ${organisations} where ${organisations.coveringDivisionId} = ${user.orgId})`,
      );
    case "AGENCY":
      return user.orgId ? eq(engagements.agencyId, user.orgId) : sql`false`;
    case "DEPT_APPROVER":
      if (!user.orgId) return sql`false`;
      return and(eq(evaluations.status, "SETTLED"), sql`${subjectDepartment} = ${user.orgId}`)!;
    case "DEPT_FILER":
      if (!user.orgId) return sql`false`;
      return and(
        eq(evaluations.status, "SETTLED"),
        or(eq(projects.unitId, user.orgId), eq(evaluations.subjectOrgId, user.orgId)),
      )!;
    default:
      return sql`false`;
  }
}

/** The projects an agency reaches through its engagements (for the project's own files). */
export function engagedProjectIds(agencyId: string) {
  return sql`(select ${evaluations.projectId} from ${engagements}
    join ${evaluations} on ${evaluations.id} = ${engagements.evaluationId}
    where ${engagements.agencyId} = ${agencyId} and ${evaluations.projectId} is not null)`;
}
