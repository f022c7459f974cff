import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { organisations, projects } from "./schema";
import type { CurrentUser } from "./session";

const NOTHING = sql`false`;

/** What scoping needs to know of a user: role, organisation and district. */
export type ScopeUser = Pick<CurrentUser, "role" | "orgId" | "districtId" | "provinceWide">;

/**
 * The user's district, as a condition on a district column: finance and leaders of a district read
 * that district only; province-level ones every district; anyone without a district none.
 */
export function districtScope(
  user: Pick<CurrentUser, "districtId" | "provinceWide">,
  column: AnyPgColumn,
): SQL {
  if (user.districtId) return eq(column, user.districtId);
  return user.provinceWide ? sql`true` : NOTHING;
}

/**
 * A province-level user looking at one district (the ?district= picker): the same user, read as that
 * district's, so every query built on `districtScope` narrows to it. Anyone with a district of their
 * own is returned unchanged: a parameter never widens or moves a district user's scope. For reads
 * only; writes take the signed-in user as it is.
 */
export function inDistrict<U extends Pick<CurrentUser, "districtId" | "provinceWide">>(
  user: U,
  districtId: string | undefined,
): U {
  if (!districtId || !user.provinceWide || user.districtId !== null) return user;
  return { ...user, districtId };
}

/** The organisations of the user's district (all of them for a province-level user), as a subquery. */
export function districtOrgIds(user: Pick<CurrentUser, "districtId" | "provinceWide">): SQL {
  return sql`(select ${organisations.id} from ${organisations} where ${districtScope(user, organisations.districtId)})`;
}

/**
 * The projects a user may read, as a condition for the `where` of any query on projects. A record
 * outside it reads as not found. Finance admin and leaders see their whole district (the province for
 * province-level ones); a reviewer the
 * departments their division covers; a department approver their department; a filer their unit.
 */
export function projectScope(user: ScopeUser): SQL {
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "LEADER":
      return districtScope(user, projects.districtId);
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
export function departmentScope(user: ScopeUser & Pick<CurrentUser, "departmentId">): SQL {
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "LEADER":
      return and(
        inArray(organisations.kind, ["DEPARTMENT", "TOWNSHIP"]),
        districtScope(user, organisations.districtId),
      )!;
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

/**
 * A key that users share only when projectScope, departmentScope and rectificationScope give them the
 * same records: the district for finance administrators and leaders (both read the whole district,
 * or the province, and districtOrgIds is theirs), the division for a reviewer, the organisation and
 * department for a department's staff; other roles read none. Cached aggregates are filed under it
 * (src/server/aggregate-cache.ts), so a new case in those scopes needs its own case here.
 */
export function scopeKey(user: ScopeUser & Partial<Pick<CurrentUser, "departmentId">>): string {
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "LEADER":
      return `district:${user.districtId ?? (user.provinceWide ? "*" : "-")}`;
    case "FINANCE_REVIEWER":
      return `division:${user.orgId ?? "-"}`;
    case "DEPT_APPROVER":
    case "DEPT_FILER":
      return `${user.role}:${user.orgId ?? "-"}:${user.departmentId ?? "-"}`;
    default:
      return "none";
  }
}
