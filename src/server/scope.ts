import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { AppError } from "./errors";
import { organisations, projects, users } from "./schema";
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
  column: AnyPgColumn | SQL,
): SQL {
  if (user.districtId) return sql`${column} = ${user.districtId}`;
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

/**
 * Year-level records a user may act on (self-evaluation and monitoring rounds, sampling batches,
 * expert groups, the annual summary's plan): a district's finance acts on its district's; a
 * province-level one on the province's own records (those without a district), while it reads every
 * district's (districtScope); anyone else on none.
 */
export function districtActScope(
  user: Pick<CurrentUser, "districtId" | "provinceWide">,
  column: AnyPgColumn | SQL,
): SQL {
  if (user.districtId) return sql`${column} = ${user.districtId}`;
  return user.provinceWide ? sql`${column} is null` : NOTHING;
}

/**
 * Whether the user reads the whole province, no district picked: the dashboards sum it up by district,
 * the lists cache its totals and wait for a district before listing departments.
 */
export const readsWholeProvince = (user: Pick<CurrentUser, "provinceWide" | "districtId">) =>
  user.provinceWide && !user.districtId;

/** Whether the user may act on a year-level record of this district (the rule of districtActScope). */
export function mayActOn(
  user: Pick<CurrentUser, "districtId" | "provinceWide">,
  districtId: string | null,
): boolean {
  if (user.districtId) return districtId === user.districtId;
  return user.provinceWide && districtId === null;
}

/**
 * The district a year-level record the user creates belongs to: theirs, or null (the province's own,
 * covering every district) for a province-level user. A user of neither may not create one.
 */
export function creatingDistrictId(user: Pick<CurrentUser, "districtId" | "provinceWide">): string | null {
  if (user.districtId) return user.districtId;
  if (user.provinceWide) return null;
  throw new AppError("FORBIDDEN");
}

/**
 * The projects a year-level record of a district covers, as a condition on a projects column: the
 * district's projects, or every project for the province's own record (district null).
 */
export function coveredBy(districtId: string | null, column: AnyPgColumn | SQL): SQL {
  return districtId ? sql`${column} = ${districtId}` : sql`true`;
}

/**
 * The year-level records that cover a district's projects, as a condition on their district column:
 * the district's own and the province's (without a district); for no district, the province's only.
 * "The round of the year" of a project, or of a user's work, is the district's, else the province's.
 */
export function coveringRecords(districtId: string | null, column: AnyPgColumn | SQL): SQL {
  return districtId ? sql`(${column} = ${districtId} or ${column} is null)` : sql`${column} is null`;
}

/**
 * The year-level records that apply to a user's work: those covering their district's projects; for a
 * province-level user every one (the province's own and each district's).
 */
export function applicableRecords(
  user: Pick<CurrentUser, "districtId" | "provinceWide">,
  column: AnyPgColumn | SQL,
): SQL {
  if (!user.districtId && user.provinceWide) return sql`true`;
  return coveringRecords(user.districtId, column);
}

/**
 * The people (rows of users) a finance administrator may put in a group of theirs — reviewers and
 * experts of their district, by the person's organisation, else the account's own district; a
 * province-level administrator anyone.
 */
export function districtPeople(user: Pick<CurrentUser, "districtId" | "provinceWide">): SQL {
  if (!user.districtId) return user.provinceWide ? sql`true` : NOTHING;
  return sql`coalesce((select ${organisations.districtId} from ${organisations} where ${organisations.id} = ${users.orgId}), ${users.districtId}) = ${user.districtId}`;
}

/**
 * The finance staff of a record's district, as a condition on users: people of the district's
 * organisations; for a province-level record (no district), people of the province's own organisations
 * (those without a district). A key evaluation's reviewers are its project's district's.
 */
export function financeStaffOf(districtId: string | null): SQL {
  return sql`exists (select 1 from ${organisations} staff_org where staff_org.id = ${users.orgId}
    and staff_org.district_id is not distinct from ${districtId}::uuid)`;
}

/**
 * The people a user may be offered for a record of their district (financeStaffOf): a district's
 * finance its district's staff; a province-level user everyone, the record's district narrowing it.
 */
export function offeredStaff(user: Pick<CurrentUser, "districtId" | "provinceWide">): SQL {
  if (user.districtId) return financeStaffOf(user.districtId);
  return user.provinceWide ? sql`true` : NOTHING;
}

/**
 * The third-party agencies a user may be offered (as a condition on the agency organisation's district
 * column): a district's finance those registered to its district and the province's shared library (no
 * district), coveringRecords' rule; a province-level user every one, the record's district narrowing it.
 */
export function offeredAgencies(
  user: Pick<CurrentUser, "districtId" | "provinceWide">,
  column: AnyPgColumn | SQL,
): SQL {
  if (user.districtId) return coveringRecords(user.districtId, column);
  return user.provinceWide ? sql`true` : NOTHING;
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

/**
 * The accounts a system administrator manages, as a condition on `users` left joined with its
 * organisation in `organisations`: a district's administrator those of its district (the account's
 * organisation's district, else the account's own); one without a district (the province's, or a
 * single installation's) every account.
 */
export function accountScope(user: Pick<CurrentUser, "districtId">): SQL {
  if (!user.districtId) return sql`true`;
  return sql`coalesce(${organisations.districtId}, ${users.districtId}) = ${user.districtId}`;
}

/** The organisations a system administrator may put accounts in: its district's, or all without one. */
export function manageableOrgs(user: Pick<CurrentUser, "districtId">): SQL {
  return user.districtId ? eq(organisations.districtId, user.districtId) : sql`true`;
}
