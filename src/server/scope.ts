import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { organisations, projects } from "./schema";
import type { CurrentUser } from "./session";

const NOTHING = sql`false`;

/**
 * The projects a user may read, as a condition for the `where` of any query on projects. A record
 * outside it reads as not found. Finance admin and leaders see the whole district; a reviewer the
 * departments their division covers; a department approver their department; a filer their unit.
 */
export function projectScope(user: Pick<CurrentUser, "role" | "orgId">): SQL {
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "LEADER":
      return sql`true`;
    case "FINANCE_REVIEWER":
      if (!user.orgId) return NOTHING;
      return inArray(
        projects.departmentId,
        sql`(select ${organisations.id} from ${organisations} where ${organisations.coveringDivisionId} = ${user.orgId})`,
      );
    case "DEPT_APPROVER":
      return user.orgId ? eq(projects.departmentId, user.orgId) : NOTHING;
    case "DEPT_FILER":
      return user.orgId ? eq(projects.unitId, user.orgId) : NOTHING;
    default:
      // Experts and agencies reach projects only through their groups and engagements (their modules
      // widen this); system and audit administrators never see business data.
      return NOTHING;
  }
}

/** The departments a user may see in filters and tables: same rule as projects, at department level. */
export function departmentScope(user: Pick<CurrentUser, "role" | "orgId" | "departmentId">): SQL {
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "LEADER":
      return inArray(organisations.kind, ["DEPARTMENT", "TOWNSHIP"]);
    case "FINANCE_REVIEWER":
      return user.orgId ? eq(organisations.coveringDivisionId, user.orgId) : NOTHING;
    case "DEPT_APPROVER":
    case "DEPT_FILER":
      return user.departmentId ? eq(organisations.id, user.departmentId) : NOTHING;
    default:
      return NOTHING;
  }
}

export function withScope(scope: SQL, ...conditions: (SQL | undefined)[]): SQL {
  return and(scope, ...conditions)!;
}
