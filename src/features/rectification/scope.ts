import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { organisations, rectificationItems } from "@/server/schema";
import { districtOrgIds } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

/**
 * The rectification items a user may read: finance admin and leaders all of their district; a reviewer those of the
 * departments its division covers; an approver its department's; a filer those naming its unit.
 * Anything else reads as not found.
 */
export function rectificationScope(user: Reader): SQL {
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "LEADER":
      return inArray(rectificationItems.departmentId, districtOrgIds(user));
    case "FINANCE_REVIEWER":
      if (!user.orgId) return sql`false`;
      return inArray(
        rectificationItems.departmentId,
        sql`(select ${organisations.id} from ${organisations} where ${organisations.coveringDivisionId} = ${user.orgId})`,
      );
    case "DEPT_APPROVER":
      return user.departmentId ? eq(rectificationItems.departmentId, user.departmentId) : sql`false`;
    case "DEPT_FILER":
      return user.orgId ? eq(rectificationItems.unitId, user.orgId) : sql`false`;
    default:
      return sql`false`;
  }
}

/** Whether the user answers for the item (replies): its department's approver, or its unit's filer. */
export function answersFor(user: Reader, item: { departmentId: string; unitId: string | null }): boolean {
  if (user.role === "DEPT_APPROVER") return user.departmentId === item.departmentId;
  if (user.role === "DEPT_FILER") return Boolean(item.unitId) && user.orgId === item.unitId;
  return false;
}
