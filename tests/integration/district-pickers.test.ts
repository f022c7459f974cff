import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createAgencyDefinition, runCreateAgency } from "@/features/agencies/definitions";
import { createKeyDefinition, runCreateKey } from "@/features/key-evaluation/definitions";
import { financeReviewers } from "@/features/key-evaluation/queries";
import { engageAgencyDefinition, runEngageAgency } from "@/features/third-party/definitions";
import { agencyChoices } from "@/features/third-party/queries";
import { db } from "@/server/db";
import { organisations, projects } from "@/server/schema";
import { DEMO_DISTRICT_ID, orgIds } from "@/server/seed/seed";
import type { CurrentUser } from "@/server/session";
import { caller, ok } from "../factories/actions";
import { addDistrict, addProject, addProvinceFinance, type TestDistrict } from "../factories/districts";
import { failure, uniqueName } from "../factories/messages";
import { withOwnSeededDatabase } from "../factories/own-database";
import { signedIn } from "../factories/users";

// The people and agencies finance may put on a record of a district: a key evaluation's reviewers are
// the finance staff of the project's district (the province's own for a province-level project); a
// third-party engagement's agency is one registered to the subject's district or the province's shared
// library (no district). The pickers offer those, and the actions refuse anyone else.

// It adds a district, province-level staff, agencies and projects: in a database of its own on the
// server, so the other files' lists and counts stay theirs.
withOwnSeededDatabase();

const createKey = caller(createKeyDefinition, runCreateKey);
const engage = caller(engageAgencyDefinition, runEngageAgency);
const createAgency = caller(createAgencyDefinition, runCreateAgency);

let b: TestDistrict;
let adminA: CurrentUser, reviewerA: CurrentUser;
let adminB: CurrentUser, reviewerB: CurrentUser;
let province: CurrentUser, reviewerP: CurrentUser;
/** B's 2020 projects, each used by one test. */
let projectsB: string[];
/** A 2020 project of a province-level department (no district). */
let provinceProject: string;
let agencyA: string, agencyB: string;
/** An agency of the province's shared library: registered by the province, without a district. */
let shared: string;

const keyFields = (projectId: string, reviewer: CurrentUser) => ({
  year: "2020",
  projectIds: [projectId],
  reviewerIds: [reviewer.id],
  leadId: reviewer.id,
  dueDate: "2030-09-30",
});
const engageFields = (projectId: string, agencyId: string) => ({
  target: "PROJECT",
  projectId,
  agencyId,
  fee: "5",
  deadline: "2030-06-30",
  scope: "项目绩效评价",
});
const NOT_REVIEWER = ["t:errors.keyEvaluation.notReviewer"];
const AGENCY_UNKNOWN = ["t:errors.thirdParty.agencyNotFound"];

beforeAll(async () => {
  b = await addDistrict({ admin: true, reviewer: true });
  const p = await addProvinceFinance({ reviewer: true });
  projectsB = [];
  for (let n = 1; n <= 5; n++) projectsB.push(await addProject(b, { year: 2020, n }));
  // A department of the province itself (no district, no parent): its projects belong to no district.
  const [dept] = await db
    .insert(organisations)
    .values({ kind: "DEPARTMENT", code: `P-${b.tag}-D01`, name: "省教育厅" })
    .returning({ id: organisations.id });
  const [provinceRow] = await db
    .insert(projects)
    .values({
      year: 2020,
      code: `P${b.tag}-2020-1`,
      name: "省级项目",
      unitId: dept!.id,
      departmentId: dept!.id,
      kind: "DEPT_SPECIAL",
      novelty: "NEW",
      duration: "ONE_OFF",
      requestedAmount: "1000000.00",
      budgetCurrent: "1000000.00",
      executedCurrent: "100000.00",
    })
    .returning({ id: projects.id, districtId: projects.districtId });
  expect(provinceRow!.districtId).toBeNull();
  provinceProject = provinceRow!.id;
  [adminA, reviewerA, adminB, reviewerB, province, reviewerP] = await Promise.all(
    [
      "finance_admin",
      "finance_reviewer",
      b.usernames.admin,
      b.usernames.reviewer,
      p.usernames.admin,
      p.usernames.reviewer,
    ].map(signedIn),
  );
  expect(reviewerA.districtId).toBe(DEMO_DISTRICT_ID);
  // Each district's finance registers an agency of its own (in its district); the province's, the
  // shared library's. (The demo's agencies are the demo district's.)
  const register = async (user: CurrentUser) =>
    ok(await createAgency(user, { name: uniqueName("评估所"), agencyType: "CONSULTING", creditCode: "" })).id;
  agencyA = await register(adminA);
  agencyB = await register(adminB);
  shared = await register(province);
  const registered = await db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, [agencyB, shared]));
  expect(Object.fromEntries(registered.map((r) => [r.id, r.districtId]))).toEqual({
    [agencyB]: b.districtId,
    [shared]: null,
  });
  expect((await agencyChoices(adminA)).map((a) => a.id)).toContain(orgIds.agency("AG02"));
});

describe("the finance reviewer picker and the key evaluation's reviewers", () => {
  it("offers a district's finance its district's reviewers only; the province every one, with its district", async () => {
    const ofA = await financeReviewers(adminA);
    expect(ofA.map((r) => r.id)).toContain(reviewerA.id);
    expect(ofA.map((r) => r.id)).not.toContain(reviewerB.id);
    expect(ofA.map((r) => r.id)).not.toContain(reviewerP.id);
    expect(new Set(ofA.map((r) => r.districtId))).toEqual(new Set([DEMO_DISTRICT_ID]));
    expect(await financeReviewers(adminB)).toEqual([
      expect.objectContaining({ id: reviewerB.id, districtId: b.districtId }),
    ]);
    const all = await financeReviewers(province);
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: reviewerA.id, districtId: DEMO_DISTRICT_ID }),
        expect.objectContaining({ id: reviewerB.id, districtId: b.districtId }),
        expect.objectContaining({ id: reviewerP.id, districtId: null }),
      ]),
    );
  });

  it("refuses another district's or the province's reviewer on a district's project, and takes its own", async () => {
    for (const outsider of [reviewerA, reviewerP]) {
      const refused = failure(await createKey(adminB, keyFields(projectsB[0]!, outsider)));
      expect(refused.fieldErrors?.reviewerIds).toEqual(NOT_REVIEWER);
    }
    // The province's administrator, on B's project: B's reviewers too, not its own.
    expect(
      failure(await createKey(province, keyFields(projectsB[0]!, reviewerP))).fieldErrors?.reviewerIds,
    ).toEqual(NOT_REVIEWER);
    // A team with one outsider among its own: refused all the same.
    const mixed = failure(
      await createKey(adminB, {
        ...keyFields(projectsB[0]!, reviewerB),
        reviewerIds: [reviewerB.id, reviewerA.id],
      }),
    );
    expect(mixed.fieldErrors?.reviewerIds).toEqual(NOT_REVIEWER);
    expect(ok(await createKey(adminB, keyFields(projectsB[0]!, reviewerB)))).toBeTruthy();
    expect(ok(await createKey(province, keyFields(projectsB[1]!, reviewerB)))).toBeTruthy();
  });

  it("a province-level project takes the province's own reviewers, not a district's", async () => {
    expect(
      failure(await createKey(province, keyFields(provinceProject, reviewerB))).fieldErrors?.reviewerIds,
    ).toEqual(NOT_REVIEWER);
    expect(ok(await createKey(province, keyFields(provinceProject, reviewerP)))).toBeTruthy();
  });

  it("projects of two districts at once: no reviewer fits both", async () => {
    const [demoProject] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.districtId, DEMO_DISTRICT_ID))
      .limit(1);
    for (const reviewer of [reviewerA, reviewerB]) {
      const refused = failure(
        await createKey(province, {
          ...keyFields(projectsB[2]!, reviewer),
          projectIds: [projectsB[2]!, demoProject!.id],
        }),
      );
      expect(refused.fieldErrors?.reviewerIds).toEqual(NOT_REVIEWER);
    }
  });
});

describe("the agency picker and the engagement's agency", () => {
  it("offers a district's own agencies and the province's shared library; the province every one", async () => {
    const ids = async (user: CurrentUser) => (await agencyChoices(user)).map((a) => a.id);
    expect(await ids(adminA)).toEqual(expect.arrayContaining([agencyA, shared]));
    expect(await ids(adminA)).not.toContain(agencyB);
    expect(await ids(adminB)).toEqual(expect.arrayContaining([agencyB, shared]));
    expect(await ids(adminB)).not.toContain(agencyA);
    const all = await agencyChoices(province);
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: agencyA, districtId: DEMO_DISTRICT_ID }),
        expect.objectContaining({ id: agencyB, districtId: b.districtId }),
        expect.objectContaining({ id: shared, districtId: null }),
      ]),
    );
  });

  it("refuses another district's agency as unknown; takes the district's own and the shared library's", async () => {
    const refused = failure(await engage(adminB, engageFields(projectsB[3]!, agencyA)));
    expect(refused.fieldErrors?.agencyId).toEqual(AGENCY_UNKNOWN);
    // Nor may the province put district A's agency on B's project.
    expect(
      failure(await engage(province, engageFields(projectsB[3]!, agencyA))).fieldErrors?.agencyId,
    ).toEqual(AGENCY_UNKNOWN);
    expect(ok(await engage(adminB, engageFields(projectsB[3]!, agencyB))).agencyId).toBe(agencyB);
    expect(ok(await engage(adminB, engageFields(projectsB[4]!, shared))).agencyId).toBe(shared);
  });

  it("a province-level project takes the shared library only", async () => {
    expect(
      failure(await engage(province, engageFields(provinceProject, agencyB))).fieldErrors?.agencyId,
    ).toEqual(AGENCY_UNKNOWN);
    expect(ok(await engage(province, engageFields(provinceProject, shared))).agencyId).toBe(shared);
  });
});
