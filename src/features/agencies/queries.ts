import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/server/db";
import {
  agencyConflicts,
  agencyProfiles,
  agencyRatings,
  agencyStaff,
  agencyViolations,
  engagements,
  evaluations,
  organisations,
  projects,
  users,
} from "@/server/schema";
import type { AgencyStatus } from "@/server/schema/agencies";
import type { AgencyType } from "@/server/schema/enums";
import { districtScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { engagementRefusals, VIOLATION_YEARS, yearsBefore } from "./rules";

type Reader = Pick<CurrentUser, "role" | "orgId" | "districtId" | "provinceWide">;
const dept = alias(organisations, "dept");
const subject = alias(organisations, "subject");

export const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

/** Finance and leaders read their district's registry; an agency user its own record; nobody else any. */
function agencyScope(user: Reader) {
  if (user.role === "FINANCE_ADMIN" || user.role === "FINANCE_REVIEWER" || user.role === "LEADER")
    return districtScope(user, organisations.districtId);
  if (user.role === "AGENCY" && user.orgId) return eq(organisations.id, user.orgId);
  return sql`false`;
}

export type AgencyListFilters = { type?: AgencyType; status?: AgencyStatus; q?: string };

export async function listAgencies(user: Reader, f: AgencyListFilters) {
  const since = yearsBefore(today(), VIOLATION_YEARS);
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.agencyType,
      status: agencyProfiles.status,
      blacklistedOn: agencyProfiles.blacklistedOn,
      staff: sql<number>`(select count(*)::int from ${agencyStaff} s where s.agency_id = ${organisations.id})`,
      recentViolations: sql<number>`(select count(*)::int from ${agencyViolations} v where v.agency_id = ${organisations.id} and v.occurred_on > ${since}::date)`,
      ratings: sql<number>`(select count(*)::int from ${agencyRatings} r where r.agency_id = ${organisations.id})`,
      averageRating: sql<
        string | null
      >`(select avg(r.score)::numeric(5,2)::text from ${agencyRatings} r where r.agency_id = ${organisations.id})`,
    })
    .from(organisations)
    .innerJoin(agencyProfiles, eq(agencyProfiles.orgId, organisations.id))
    .where(
      and(
        eq(organisations.kind, "AGENCY"),
        agencyScope(user),
        f.type ? eq(organisations.agencyType, f.type) : undefined,
        f.status ? eq(agencyProfiles.status, f.status) : undefined,
        f.q ? sql`${organisations.name} ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
      ),
    )
    .orderBy(asc(organisations.sortOrder), asc(organisations.name));
}
export type AgencyListRow = Awaited<ReturnType<typeof listAgencies>>[number];

/** One agency's registry record with its staff, violations, conflicts and rating history. */
export async function getAgency(user: Reader, id: string) {
  const [agency] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      code: organisations.code,
      type: organisations.agencyType,
      profile: agencyProfiles,
    })
    .from(organisations)
    .innerJoin(agencyProfiles, eq(agencyProfiles.orgId, organisations.id))
    .where(and(eq(organisations.id, id), eq(organisations.kind, "AGENCY"), agencyScope(user)));
  if (!agency) return null;
  const [staff, violations, conflicts, ratings] = await Promise.all([
    db.select().from(agencyStaff).where(eq(agencyStaff.agencyId, id)).orderBy(asc(agencyStaff.createdAt)),
    db
      .select({
        id: agencyViolations.id,
        occurredOn: agencyViolations.occurredOn,
        description: agencyViolations.description,
        penalty: agencyViolations.penalty,
        recordedBy: users.displayName,
      })
      .from(agencyViolations)
      .leftJoin(users, eq(users.id, agencyViolations.recordedBy))
      .where(eq(agencyViolations.agencyId, id))
      .orderBy(desc(agencyViolations.occurredOn)),
    db
      .select({
        departmentId: agencyConflicts.departmentId,
        departmentName: dept.name,
        reason: agencyConflicts.reason,
      })
      .from(agencyConflicts)
      .innerJoin(dept, eq(dept.id, agencyConflicts.departmentId))
      .where(eq(agencyConflicts.agencyId, id))
      .orderBy(asc(dept.sortOrder)),
    db
      .select({
        id: agencyRatings.id,
        ratedOn: agencyRatings.ratedOn,
        score: agencyRatings.score,
        breakdown: agencyRatings.breakdown,
        comment: agencyRatings.comment,
        // The engagement rated (earlier ratings predate the system's engagements).
        evaluationId: engagements.evaluationId,
        subjectName: sql<string | null>`coalesce(${projects.name}, ${subject.name})`,
      })
      .from(agencyRatings)
      .leftJoin(engagements, eq(engagements.id, agencyRatings.engagementId))
      .leftJoin(evaluations, eq(evaluations.id, engagements.evaluationId))
      .leftJoin(projects, eq(projects.id, evaluations.projectId))
      .leftJoin(subject, eq(subject.id, evaluations.subjectOrgId))
      .where(eq(agencyRatings.agencyId, id))
      .orderBy(desc(agencyRatings.ratedOn)),
  ]);
  const refusals = engagementRefusals(
    {
      status: agency.profile.status,
      blacklistedOn: agency.profile.blacklistedOn,
      violations,
      conflictDepartmentIds: [],
    },
    "",
    today(),
  );
  return { ...agency, staff, violations, conflicts, ratings, refusals };
}
export type AgencyView = NonNullable<Awaited<ReturnType<typeof getAgency>>>;

/** Departments and townships, for the conflict declaration. */
export async function departmentChoices() {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(sql`${organisations.kind} in ('DEPARTMENT', 'TOWNSHIP')`)
    .orderBy(asc(organisations.kind), asc(organisations.sortOrder));
}
