import { eq, sql, type SQL } from "drizzle-orm";
import { evaluations, organisations } from "@/server/schema";
import { districtScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import type { OverallType } from "./flow";

const NOTHING = sql`false`;

/**
 * The department-wide or township evaluations a user may read, as a condition on `evaluations`
 * joined with its subject in `organisations`. Finance admin and leaders see all of their district; a reviewer those of
 * the departments and townships their division covers; a department's approver its own department's;
 * a township's filer and approver their township's. Agencies reach a department-wide evaluation only
 * through their engagement (the third-party module), never here. Outside it: not found.
 */
export function overallScope(
  user: Pick<CurrentUser, "role" | "orgId" | "districtId" | "provinceWide">,
  type: OverallType,
): SQL {
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "LEADER":
      return districtScope(user, organisations.districtId);
    case "FINANCE_REVIEWER":
      return user.orgId ? eq(organisations.coveringDivisionId, user.orgId) : NOTHING;
    case "DEPT_APPROVER":
      return user.orgId ? eq(evaluations.subjectOrgId, user.orgId) : NOTHING;
    case "DEPT_FILER":
      return type === "TOWNSHIP_FISCAL" && user.orgId ? eq(evaluations.subjectOrgId, user.orgId) : NOTHING;
    default:
      return NOTHING;
  }
}
