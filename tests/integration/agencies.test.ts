import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addAgencyStaffDefinition,
  createAgencyDefinition,
  declareAgencyConflictDefinition,
  recordAgencyViolationDefinition,
  runAddAgencyStaff,
  runCreateAgency,
  runDeclareAgencyConflict,
  runRecordAgencyViolation,
  runSetAgencyStatus,
  runUpdateAgencyProfile,
  setAgencyStatusDefinition,
  updateAgencyProfileDefinition,
} from "@/features/agencies/definitions";
import { getAgency, listAgencies } from "@/features/agencies/queries";
import { db } from "@/server/db";
import { agencyProfiles, auditLog } from "@/server/schema";
import { orgIds } from "@/server/seed/seed";
import type { CurrentUser } from "@/server/session";
import { caller } from "../factories/actions";
import { failure, uniqueName } from "../factories/messages";
import { signedIn } from "../factories/users";

const create = caller(createAgencyDefinition, runCreateAgency);
const update = caller(updateAgencyProfileDefinition, runUpdateAgencyProfile);
const setStatus = caller(setAgencyStatusDefinition, runSetAgencyStatus);
const addStaff = caller(addAgencyStaffDefinition, runAddAgencyStaff);
const violation = caller(recordAgencyViolationDefinition, runRecordAgencyViolation);
const conflict = caller(declareAgencyConflictDefinition, runDeclareAgencyConflict);

let admin: CurrentUser;
let agencyUser: CurrentUser;
let reviewer: CurrentUser;
let filer: CurrentUser;
const own = orgIds.agency("AG01");
const other = orgIds.agency("AG02");
const version = async (id: string) =>
  (
    await db.select({ v: agencyProfiles.version }).from(agencyProfiles).where(eq(agencyProfiles.orgId, id))
  )[0]!.v;

beforeAll(async () => {
  [admin, agencyUser, reviewer, filer] = await Promise.all([
    signedIn("finance_admin"),
    signedIn("agency"),
    signedIn("finance_reviewer"),
    signedIn("dept_filer"),
  ]);
});

describe("the agency registry", () => {
  it("holds the seeded cases the engagement rules must catch", async () => {
    const refusals = async (code: string) => (await getAgency(admin, orgIds.agency(code)))!.refusals;
    expect(await refusals("AG02")).toEqual([]);
    expect(await refusals("AG05")).toEqual(["recentViolation"]);
    expect(await refusals("AG06")).toEqual(["blacklisted"]);
    expect(await refusals("AG07")).toEqual(["notActive"]);
    const ag01 = await getAgency(admin, own);
    expect(ag01!.conflicts.map((c) => c.departmentId)).toEqual([orgIds.department("D01")]);
    expect(ag01!.ratings.length).toBeGreaterThanOrEqual(2);
  });

  it("shows an agency user its own record only; other roles outside finance and leaders see none", async () => {
    expect((await listAgencies(agencyUser, {})).map((a) => a.id)).toEqual([own]);
    expect(await getAgency(agencyUser, other)).toBeNull();
    expect(await getAgency(filer, own)).toBeNull();
    expect((await listAgencies(reviewer, {})).map((a) => a.id)).toEqual(expect.arrayContaining([own, other]));
  });

  it("lets the agency keep its own profile and staff, never another's, and never its status", async () => {
    const v = await version(own);
    const saved = await update(agencyUser, {
      agencyId: own,
      version: v,
      creditCode: "91330604ma210k4200",
      qualifications: "会计师事务所执业证书",
      contactName: "赵思远",
      contactPhone: "0575-82100000",
      address: "人民路 100 号",
    });
    expect(saved.ok).toBe(true);
    const [row] = await db.select().from(agencyProfiles).where(eq(agencyProfiles.orgId, own));
    expect(row!.creditCode).toBe("91330604MA210K4200");

    const stale = failure((await update(agencyUser, { agencyId: own, version: v, creditCode: "" })) as never);
    expect(stale.code).toBe("CONFLICT");
    const badCode = failure(
      (await update(agencyUser, { agencyId: own, version: v + 1, creditCode: "12345" })) as never,
    );
    expect(badCode.fieldErrors).toEqual({ creditCode: ["t:validation.creditCode"] });
    expect(failure((await addStaff(agencyUser, { agencyId: other, name: "某人" })) as never).code).toBe(
      "NOT_FOUND",
    );
    expect((await addStaff(agencyUser, { agencyId: own, name: "钱程", title: "注册会计师" })).ok).toBe(true);
    expect(
      failure(
        (await setStatus(agencyUser, {
          agencyId: own,
          version: v + 1,
          status: "ACTIVE",
          reason: "",
        })) as never,
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("blacklists with a reason, remembers it after reinstatement, and audits both", async () => {
    const created = await create(admin, {
      name: uniqueName("虞舜咨询"),
      agencyType: "CONSULTING",
      creditCode: "",
    });
    expect(created.ok).toBe(true);
    const id = (created as unknown as { data: { id: string } }).data.id;
    const noReason = failure(
      (await setStatus(admin, { agencyId: id, version: 1, status: "BLACKLISTED", reason: "" })) as never,
    );
    expect(noReason.fieldErrors).toEqual({ reason: ["t:validation.statusReason"] });
    expect(
      (await setStatus(admin, { agencyId: id, version: 1, status: "BLACKLISTED", reason: "出具虚假报告" }))
        .ok,
    ).toBe(true);
    expect((await setStatus(admin, { agencyId: id, version: 2, status: "ACTIVE", reason: "" })).ok).toBe(
      true,
    );
    const view = await getAgency(admin, id);
    expect(view!.profile.status).toBe("ACTIVE");
    expect(view!.refusals).toEqual(["blacklisted"]);
    const rows = await db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "agency.statusChanged")));
    expect(rows.map((r) => (r.changes as { to: string }).to)).toEqual(["BLACKLISTED", "ACTIVE"]);
  });

  it("records a violation (not in the future) that then bars the agency, and refuses a repeated conflict", async () => {
    const future = failure(
      (await violation(admin, { agencyId: other, occurredOn: "2999-01-01", description: "x" })) as never,
    );
    expect(future.fieldErrors).toEqual({ occurredOn: ["t:errors.agencies.futureDate"] });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect((await violation(admin, { agencyId: other, occurredOn: today, description: "报告抄袭" })).ok).toBe(
      true,
    );
    expect((await getAgency(admin, other))!.refusals).toEqual(["recentViolation"]);
    expect(
      failure((await violation(agencyUser, { agencyId: own, occurredOn: today, description: "x" })) as never)
        .code,
    ).toBe("FORBIDDEN");
    const again = failure(
      (await conflict(agencyUser, {
        agencyId: own,
        departmentId: orgIds.department("D01"),
        reason: "审计",
      })) as never,
    );
    expect(again.fieldErrors).toEqual({ departmentId: ["t:errors.agencies.conflictExists"] });
  });
});
