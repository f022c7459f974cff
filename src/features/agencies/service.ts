import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  agencyConflicts,
  agencyProfiles,
  agencyStaff,
  agencyViolations,
  organisations,
} from "@/server/schema";
import { districtScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import type {
  AddStaffInput,
  CreateAgencyInput,
  DeclareConflictInput,
  RecordViolationInput,
  RemoveStaffInput,
  SetStatusInput,
  UpdateProfileInput,
} from "./schemas";

export type ServiceContext = { db: DbOrTx; user: CurrentUser };

/**
 * The agency a user may change: finance's performance division any of its district, an agency user its own only.
 * Anything else reads as not found.
 */
export async function writableAgency(db: DbOrTx, user: CurrentUser, agencyId: string) {
  if (user.role === "AGENCY" && user.orgId !== agencyId) throw new AppError("NOT_FOUND");
  if (user.role !== "AGENCY" && user.role !== "FINANCE_ADMIN") throw new AppError("NOT_FOUND");
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      version: agencyProfiles.version,
      status: agencyProfiles.status,
    })
    .from(organisations)
    .innerJoin(agencyProfiles, eq(agencyProfiles.orgId, organisations.id))
    .where(
      and(
        eq(organisations.id, agencyId),
        eq(organisations.kind, "AGENCY"),
        user.role === "AGENCY" ? undefined : districtScope(user, organisations.districtId),
      ),
    );
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** 新增机构: an organisation of kind AGENCY and its registry record, active. */
export async function createAgency(input: CreateAgencyInput, { db, user }: ServiceContext) {
  const [taken] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, "AGENCY"), eq(organisations.name, input.name)));
  if (taken) throw new AppError("VALIDATION", "VALIDATION", { name: ["agencies.nameTaken"] });
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organisations)
    .where(eq(organisations.kind, "AGENCY"))) as [{ n: number }];
  const [org] = await db
    .insert(organisations)
    .values({
      kind: "AGENCY",
      // Registered in the finance administrator's district (province level: none).
      districtId: user.districtId,
      code: `AG${String(n + 1).padStart(2, "0")}-${Date.now().toString(36).slice(-4).toUpperCase()}`,
      name: input.name,
      agencyType: input.agencyType,
      sortOrder: n,
    })
    .returning({ id: organisations.id });
  await db.insert(agencyProfiles).values({
    orgId: org!.id,
    creditCode: input.creditCode,
    qualifications: input.qualifications,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    address: input.address,
  });
  return { id: org!.id, name: input.name };
}

export async function updateProfile(input: UpdateProfileInput, { db, user }: ServiceContext) {
  const agency = await writableAgency(db, user, input.agencyId);
  if (agency.version !== input.version) throw new AppError("CONFLICT");
  const [row] = await db
    .update(agencyProfiles)
    .set({
      creditCode: input.creditCode,
      qualifications: input.qualifications,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      address: input.address,
      version: sql`${agencyProfiles.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(agencyProfiles.orgId, agency.id), eq(agencyProfiles.version, input.version)))
    .returning({ version: agencyProfiles.version });
  if (!row) throw new AppError("CONFLICT");
  return { id: agency.id, version: row.version };
}

/** 暂停 / 列入黑名单 / 恢复: finance only, with the reason; a blacklisting is remembered for good. */
export async function setStatus(input: SetStatusInput, { db, user }: ServiceContext) {
  if (user.role !== "FINANCE_ADMIN") throw new AppError("FORBIDDEN");
  const agency = await writableAgency(db, user, input.agencyId);
  if (agency.version !== input.version) throw new AppError("CONFLICT");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const [row] = await db
    .update(agencyProfiles)
    .set({
      status: input.status,
      statusReason: input.reason,
      ...(input.status === "BLACKLISTED"
        ? { blacklistedOn: sql`coalesce(${agencyProfiles.blacklistedOn}, ${today}::date)` }
        : {}),
      version: sql`${agencyProfiles.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(agencyProfiles.orgId, agency.id), eq(agencyProfiles.version, input.version)))
    .returning({ version: agencyProfiles.version });
  if (!row) throw new AppError("CONFLICT");
  return { id: agency.id, from: agency.status, to: input.status, reason: input.reason };
}

export async function addStaff(input: AddStaffInput, { db, user }: ServiceContext) {
  const agency = await writableAgency(db, user, input.agencyId);
  const [row] = await db
    .insert(agencyStaff)
    .values({ agencyId: agency.id, name: input.name, title: input.title, qualification: input.qualification })
    .returning({ id: agencyStaff.id });
  return { id: row!.id, agencyId: agency.id };
}

export async function removeStaff(input: RemoveStaffInput, { db, user }: ServiceContext) {
  const agency = await writableAgency(db, user, input.agencyId);
  const [row] = await db
    .delete(agencyStaff)
    .where(and(eq(agencyStaff.id, input.staffId), eq(agencyStaff.agencyId, agency.id)))
    .returning({ id: agencyStaff.id, name: agencyStaff.name });
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, agencyId: agency.id };
}

/** 违规记录: finance records a violation; it bars the agency from engagements for three years. */
export async function recordViolation(input: RecordViolationInput, { db, user }: ServiceContext) {
  if (user.role !== "FINANCE_ADMIN") throw new AppError("FORBIDDEN");
  const agency = await writableAgency(db, user, input.agencyId);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  if (input.occurredOn > today)
    throw new AppError("VALIDATION", "VALIDATION", { occurredOn: ["agencies.futureDate"] });
  const [row] = await db
    .insert(agencyViolations)
    .values({
      agencyId: agency.id,
      occurredOn: input.occurredOn,
      description: input.description,
      penalty: input.penalty,
      recordedBy: user.id,
    })
    .returning({ id: agencyViolations.id });
  return { id: row!.id, agencyId: agency.id };
}

/** 利益冲突声明: the agency names a department it may not evaluate. */
export async function declareConflict(input: DeclareConflictInput, { db, user }: ServiceContext) {
  const agency = await writableAgency(db, user, input.agencyId);
  const [dept] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(eq(organisations.id, input.departmentId), sql`${organisations.kind} in ('DEPARTMENT', 'TOWNSHIP')`),
    );
  if (!dept) throw new AppError("VALIDATION", "VALIDATION", { departmentId: ["orgNotFound"] });
  const [row] = await db
    .insert(agencyConflicts)
    .values({ agencyId: agency.id, departmentId: dept.id, reason: input.reason })
    .onConflictDoNothing()
    .returning({ agencyId: agencyConflicts.agencyId });
  if (!row) throw new AppError("VALIDATION", "VALIDATION", { departmentId: ["agencies.conflictExists"] });
  return { agencyId: agency.id, departmentId: dept.id };
}
