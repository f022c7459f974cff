import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { headline, orgBreakdown } from "@/features/dashboards/queries";
import { financeRecipients } from "@/features/notifications/service";
import { departmentOptions, getProject, listProjects } from "@/features/projects/queries";
import { getItem } from "@/features/rectification/queries";
import {
  createKeyDefinition,
  reviewKeyDefinition,
  runCreateKey,
  runReviewKey,
} from "@/features/key-evaluation/definitions";
import { candidateProjects } from "@/features/key-evaluation/queries";
import { openDeptOverallDefinition, runOpenDeptOverall } from "@/features/overall-evaluation/definitions";
import { importPaymentsDefinition, runImportPayments } from "@/features/monitoring/definitions";
import { listPaymentImports } from "@/features/monitoring/report-queries";
import { drawCandidates } from "@/features/sampling/draw-inputs";
import { createUserDef, createUserRun, updateUserDef, updateUserRun } from "@/features/users/definitions";
import { getUserDetail, listOrganisationOptions, listUsers } from "@/features/users/queries";
import { engageAgencyDefinition, runEngageAgency } from "@/features/third-party/definitions";
import { awaitingFieldEvaluations, engageableProjects } from "@/features/third-party/queries";
import { db, queryRows } from "@/server/db";
import { evaluations, organisations, projects, rectificationItems } from "@/server/schema";
import { DEMO_DISTRICT_ID, orgIds } from "@/server/seed/seed";
import { failure } from "../factories/messages";
import { caller } from "../factories/actions";
import { addDistrict, addProvinceFinance } from "../factories/districts";
import { withOwnSeededDatabase } from "../factories/own-database";
import { signedIn } from "../factories/users";

// A province holds many districts. Finance and leaders of one district read that district only; a
// province-level finance administrator (an organisation without a district) reads all of them.

// It adds a district with a 2020 project, evaluation and rectification item: on the server, in a
// database of its own, so the other files' counts of the demo's 2020 stay theirs.
withOwnSeededDatabase();

const YEAR = 2020;
const createKey = caller(createKeyDefinition, runCreateKey);
const reviewKey = caller(reviewKeyDefinition, runReviewKey);
const engageAgency = caller(engageAgencyDefinition, runEngageAgency);
const openDeptOverall = caller(openDeptOverallDefinition, runOpenDeptOverall);
const importPayments = caller(importPaymentsDefinition, runImportPayments);
const updateUser = caller(updateUserDef, updateUserRun);
const createUser = caller(createUserDef, createUserRun);
let tag: string;
const names = { adminB: "", province: "", sysB: "" };

let districtB: string;
let deptB: string;
let projectB: string;

const listFilters = {
  year: YEAR,
  sort: "code" as const,
  dir: "asc" as const,
  page: 1,
  money: "wan" as const,
};

beforeAll(async () => {
  const b = await addDistrict({ admin: true, sysAdmin: true });
  const prov = await addProvinceFinance();
  ({ tag, districtId: districtB, deptId: deptB } = b);
  Object.assign(names, {
    adminB: b.usernames.admin,
    sysB: b.usernames.sysAdmin,
    province: prov.usernames.admin,
  });
  // The division and unit get no district of their own: they take their parent's (checked below).
  const [project] = await db
    .insert(projects)
    .values({
      year: YEAR,
      code: `B${tag}-001`,
      name: "乙区校舍维修",
      unitId: b.unitId,
      departmentId: deptB,
      kind: "DEPT_SPECIAL",
      novelty: "NEW",
      duration: "ONE_OFF",
      requestedAmount: "1000000.00",
      budgetCurrent: "800000.00",
      executedCurrent: "200000.00",
    })
    .returning({ id: projects.id });
  projectB = project!.id;
});

describe("district scope", () => {
  it("fills the district of new organisations from their parent and of projects from their department", async () => {
    const [unit] = await db
      .select({ districtId: organisations.districtId })
      .from(organisations)
      .where(eq(organisations.code, `B-${tag}-D01-U1`));
    expect(unit!.districtId).toBe(districtB);
    const [project] = await db
      .select({ districtId: projects.districtId })
      .from(projects)
      .where(eq(projects.id, projectB));
    expect(project!.districtId).toBe(districtB);
  });

  it("a finance administrator of district B does not find district A's projects, and A's does not find B's", async () => {
    const adminB = await signedIn(names.adminB);
    const adminA = await signedIn("finance_admin");
    expect(adminB.districtId).toBe(districtB);
    expect(adminA.districtId).toBe(DEMO_DISTRICT_ID);

    const [demoProject] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.districtId, DEMO_DISTRICT_ID))
      .limit(1);
    expect(await getProject(adminB, demoProject!.id)).toBeNull();
    expect(await getProject(adminA, projectB)).toBeNull();
    expect((await getProject(adminB, projectB))?.name).toBe("乙区校舍维修");

    const listB = await listProjects(adminB, listFilters);
    expect(listB.rows.map((r) => r.id)).toEqual([projectB]);
    expect(listB.totals.count).toBe(1);
    const listA = await listProjects(adminA, listFilters);
    expect(listA.rows.some((r) => r.id === projectB)).toBe(false);

    expect((await departmentOptions(adminB)).map((d) => d.id)).toEqual([deptB]);
    expect((await departmentOptions(adminA)).some((d) => d.id === deptB)).toBe(false);
  });

  it("the dashboards count only the user's district; the leader's comes from the account", async () => {
    const adminB = await signedIn(names.adminB);
    const headB = await headline(adminB, YEAR);
    expect(headB.projects).toBe(1);
    expect(headB.departments).toBe(1);
    expect(Number(headB.budget)).toBe(800000);
    expect((await orgBreakdown(adminB, YEAR, "department")).map((r) => r.name)).toEqual(["乙区教育局"]);

    const [demo] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from projects where year = ${YEAR} and district_id = ${DEMO_DISTRICT_ID}`,
    );
    for (const username of ["finance_admin", "leader"]) {
      const user = await signedIn(username);
      expect(user.districtId).toBe(DEMO_DISTRICT_ID);
      expect((await headline(user, YEAR)).projects).toBe(Number(demo!.n));
    }
  });

  it("a province-level finance administrator reads every district", async () => {
    const province = await signedIn(names.province);
    expect(province.districtId).toBeNull();
    expect(province.provinceWide).toBe(true);
    const [all] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from projects where year = ${YEAR}`,
    );
    expect((await headline(province, YEAR)).projects).toBe(Number(all!.n));
    expect((await getProject(province, projectB))?.id).toBe(projectB);
  });

  it("another district's rectification item reads as not found", async () => {
    const adminB = await signedIn(names.adminB);
    const [item] = await db
      .select({ id: rectificationItems.id })
      .from(rectificationItems)
      .innerJoin(organisations, eq(organisations.id, rectificationItems.departmentId))
      .where(eq(organisations.districtId, DEMO_DISTRICT_ID))
      .limit(1);
    if (!item) throw new Error("the demo data holds rectification items");
    expect(await getItem(adminB, item.id)).toBeNull();
    expect(await getItem(await signedIn("finance_admin"), item.id)).not.toBeNull();
  });

  it("the sampling draw takes its candidates from the administrator's district only", async () => {
    await db
      .insert(evaluations)
      .values({ type: "SELF", year: YEAR, projectId: projectB, status: "SUBMITTED" });
    const adminB = await signedIn(names.adminB);
    expect((await drawCandidates(db, YEAR, adminB)).map((c) => c.projectId)).toEqual([projectB]);
    const fromA = await drawCandidates(db, YEAR, await signedIn("finance_admin"));
    expect(fromA.length).toBeGreaterThan(0);
    expect(fromA.some((c) => c.projectId === projectB)).toBe(false);
    const province = await drawCandidates(db, YEAR, await signedIn(names.province));
    expect(province.length).toBe(fromA.length + 1);
  });

  it("tells a department's events to the finance administrators of its own district only", async () => {
    const adminB = await signedIn(names.adminB);
    const adminA = await signedIn("finance_admin");
    const toB = await financeRecipients(db, deptB);
    expect(toB).toContain(adminB.id);
    expect(toB).not.toContain(adminA.id);
    const [demoDept] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.code, "D03"));
    const toA = await financeRecipients(db, demoDept!.id);
    expect(toA).toContain(adminA.id);
    expect(toA).not.toContain(adminB.id);
  });

  it("another district's finance administrator cannot open, review or engage on the demo district's records", async () => {
    const adminB = await signedIn(names.adminB);
    const adminA = await signedIn("finance_admin");
    const reviewer = await signedIn("finance_reviewer");
    const [project] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(
        sql`${projects.year} = 2021 and ${projects.districtId} = ${DEMO_DISTRICT_ID}
        and not exists (select 1 from evaluations e where e.project_id = ${projects.id})`,
      )
      .limit(1);
    const [key] = await db
      .select({ id: evaluations.id, version: evaluations.version })
      .from(evaluations)
      .where(
        sql`${evaluations.type} = 'KEY' and ${evaluations.year} = 2021 and ${evaluations.status} = 'SCORING'`,
      )
      .limit(1);
    const [overall] = await db
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(sql`${evaluations.type} = 'DEPT_OVERALL' and ${evaluations.year} = 2021`)
      .limit(1);
    // The pickers offer the district's own projects and department-wide evaluations only.
    const picked = await candidateProjects(adminB, { year: YEAR, page: 1 });
    expect(picked.rows.map((r) => r.id)).toEqual([projectB]);
    expect((await engageableProjects(adminB, YEAR, undefined)).map((r) => r.id)).toEqual([projectB]);
    expect((await engageableProjects(adminA, YEAR, undefined)).map((r) => r.id)).not.toContain(projectB);
    expect(await awaitingFieldEvaluations(adminB)).toEqual([]);
    // A key evaluation of the demo district's project, or a decision on one: not found.
    const created = failure(
      await createKey(adminB, {
        year: "2021",
        projectIds: [project!.id],
        reviewerIds: [reviewer.id],
        leadId: reviewer.id,
        dueDate: "2022-09-30",
      }),
    );
    expect(created.code).toBe("NOT_FOUND");
    const review = (user: typeof adminA) =>
      reviewKey(user, { evaluationId: key!.id, version: String(key!.version), decision: "APPROVE" });
    expect(failure(await review(adminB)).code).toBe("NOT_FOUND");
    // Its own administrator reaches it (and is refused only because it is still being scored).
    expect(failure(await review(adminA)).code).toBe("INVALID_TRANSITION");
    // An agency engaged for the demo district's project or department-wide evaluation: unknown subject.
    const engage = (raw: Record<string, string>) =>
      engageAgency(adminB, {
        agencyId: orgIds.agency("AG02"),
        fee: "5",
        deadline: "2030-06-30",
        scope: "评价",
        ...raw,
      });
    expect(
      failure(await engage({ target: "PROJECT", projectId: project!.id })).fieldErrors?.projectId,
    ).toEqual(["t:errors.thirdParty.projectNotFound"]);
    expect(
      failure(await engage({ target: "DEPT_OVERALL", evaluationId: overall!.id })).fieldErrors?.evaluationId,
    ).toEqual(["t:errors.thirdParty.evaluationNotFound"]);
    // A department-wide evaluation of a department of the demo district: unknown department.
    const opened = failure(
      await openDeptOverall(adminB, { orgId: orgIds.department("D05"), year: "2021", dueDate: "2022-04-30" }),
    );
    expect(opened.fieldErrors?.orgId).toEqual(["t:overallEvaluation.errors.orgUnknown"]);
    const [n] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from evaluations where project_id = ${project!.id}
          or (subject_org_id = ${orgIds.department("D05")} and year = 2021)`,
    );
    expect(n!.n).toBe(0);
  });

  it("imports treasury payments into the district's own projects only, and lists only its own imports", async () => {
    const adminB = await signedIn(names.adminB);
    const demoAdmin = await signedIn("finance_admin");
    const [demoProject] = await db
      .select({ code: projects.code })
      .from(projects)
      .where(eq(projects.districtId, DEMO_DISTRICT_ID))
      .limit(1);
    const [projectRow] = await db
      .select({ code: projects.code })
      .from(projects)
      .where(eq(projects.id, projectB));
    const file = (code: string) =>
      new File(
        [`\uFEFF项目编码,支付日期,支付金额,资金来源\n${code},2020-03-01,100.00,本年财政拨款\n`],
        "p.csv",
      );
    const run = (raw: Record<string, unknown>) => importPayments(adminB, raw);
    // The demo district's project code is unknown to district B: refused, nothing saved.
    const refused = failure(
      await run({ year: String(YEAR), intent: "import", file: file(demoProject!.code) }),
    );
    expect(refused.fieldErrors).toEqual({ "row.2": ["t:errors.monitoring.import.codeUnknown"] });
    // Its own project's payments are imported, and only district B lists that import.
    expect((await run({ year: String(YEAR), intent: "import", file: file(projectRow!.code) })).ok).toBe(true);
    const [mine, theirs] = await Promise.all([listPaymentImports(adminB), listPaymentImports(demoAdmin)]);
    expect(mine.map((i) => i.by)).toEqual(["乙区管理员"]);
    expect(theirs.some((i) => i.by === "乙区管理员")).toBe(false);
  });

  it("a district's system administrator manages the accounts and organisations of its district only", async () => {
    const [sysB, sysDemo, demoUser] = await Promise.all([
      signedIn(names.sysB),
      signedIn("sysadmin"),
      signedIn("dept_filer"),
    ]);
    const filter = { page: 1 } as Parameters<typeof listUsers>[1];
    const listed = (await listUsers(sysB, filter))!.rows.map((r) => r.username).sort();
    expect(listed).toEqual([names.adminB, names.sysB].sort());
    const demoListed = (await listUsers(sysDemo, { ...filter, q: "_b_" }))!.rows.map((r) => r.username);
    expect(demoListed).not.toContain(names.adminB);
    // Another district's account: not found to read, to change, to reset.
    expect(await getUserDetail(sysB, demoUser.id)).toBeNull();
    const update = await updateUser(sysB, {
      id: demoUser.id,
      displayName: "改名",
      role: "DEPT_FILER",
      orgId: demoUser.orgId,
      version: "x",
    });
    expect(failure(update).code).toBe("NOT_FOUND");
    // Nor may it put a new account in the demo district's organisation.
    const created = await createUser(sysB, {
      username: `x_${tag}`.toLowerCase(),
      displayName: "越区账户",
      role: "DEPT_FILER",
      orgId: demoUser.orgId,
      password: "Strong@Pass2026",
    });
    expect(failure(created).fieldErrors?.orgId).toEqual(["t:errors.orgNotFound"]);
    const orgs = (await listOrganisationOptions(sysB))!.flatMap((g) => g.orgs.map((o) => o.name));
    expect(orgs).toContain("乙区教育局");
    expect(orgs).not.toContain("区科技局");
  });
});
