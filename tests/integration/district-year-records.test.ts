import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  openRoundDefinition as openMonitoringRoundDefinition,
  runOpenRound,
} from "@/features/monitoring/definitions";
import { getRound, listRounds } from "@/features/monitoring/queries";
import { createExpertGroupDefinition, runCreateExpertGroup } from "@/features/pre-assessment/definitions";
import { groupFormOptions, listGroups } from "@/features/pre-assessment/queries";
import { runSaveSummaryPlan, saveSummaryPlanDef } from "@/features/reports/definitions";
import { annualSummary, annualSummaryPlan } from "@/features/reports/annual-summary-queries";
import {
  closeBatchDefinition,
  createBatchDefinition,
  moveProjectDefinition,
  runCloseBatch,
  runCreateBatch,
  runMoveProject,
  runSaveFeedback,
  runSetGroupMembers,
  runStartBatch,
  saveFeedbackDefinition,
  setGroupMembersDefinition,
  startBatchDefinition,
} from "@/features/sampling/definitions";
import { feedbackDocument } from "@/features/sampling/feedback-queries";
import { batchSelections, getBatch, listBatches, reviewerOptions } from "@/features/sampling/queries";
import { getSampledSheet } from "@/features/sampling/sheet-queries";
import { openSelfRoundDefinition, runOpenSelfRound } from "@/features/self-evaluation/definitions";
import { selfFilterOptions, selfRound } from "@/features/self-evaluation/queries";
import { db } from "@/server/db";
import {
  evaluationRounds,
  evaluations,
  expertGroups,
  monitoringReports,
  organisations,
  preAssessments,
  projects,
  samplingBatches,
  samplingGroups,
  samplingSelections,
  users,
} from "@/server/schema";
import { DEMO_DISTRICT_ID } from "@/server/seed/seed";
import type { CurrentUser } from "@/server/session";
import { caller, ok } from "../factories/actions";
import { addDistrict, addProject, addProvinceFinance } from "../factories/districts";
import { failure } from "../factories/messages";
import { withOwnSeededDatabase } from "../factories/own-database";
import { signedIn } from "../factories/users";

// The year-level records — self-evaluation and monitoring rounds, sampling batches with their groups
// and draw, expert groups, the annual summary's plan — are each district's own. District B's finance
// administrator neither sees nor acts on district A's (the demo's), and B's round or draw covers B's
// projects only. A province-level administrator reads all and acts on the province's own.

// It adds a district with projects, a round, a batch and a group: in a database of its own on the
// server, so the other files' counts stay theirs.
withOwnSeededDatabase();

const openSelf = caller(openSelfRoundDefinition, runOpenSelfRound);
const openMonitoring = caller(openMonitoringRoundDefinition, runOpenRound);
const createBatch = caller(createBatchDefinition, runCreateBatch);
const setMembers = caller(setGroupMembersDefinition, runSetGroupMembers);
const moveProject = caller(moveProjectDefinition, runMoveProject);
const start = caller(startBatchDefinition, runStartBatch);
const close = caller(closeBatchDefinition, runCloseBatch);
const saveFeedback = caller(saveFeedbackDefinition, runSaveFeedback);
const createGroup = caller(createExpertGroupDefinition, runCreateExpertGroup);
const savePlan = caller(saveSummaryPlanDef, runSaveSummaryPlan);

const names = { adminB: "", reviewerB: "", expertB: "", province: "" };

let districtB: string;
let deptB: string;
/** B's 2020 projects, each with a filed self-evaluation (the draw's population). */
const filedB: string[] = [];
let project2021B: string;
let project2022B: string;
let adminA: CurrentUser;
let adminB: CurrentUser;
let province: CurrentUser;
let demoBatchId: string;

beforeAll(async () => {
  const b = await addDistrict({ admin: true, reviewer: true, expert: true });
  const insertProject = (year: number, n: number, budget: string) => addProject(b, { year, n, budget });
  const prov = await addProvinceFinance();
  ({ districtId: districtB, deptId: deptB } = b);
  Object.assign(names, {
    adminB: b.usernames.admin,
    reviewerB: b.usernames.reviewer,
    expertB: b.usernames.expert,
    province: prov.usernames.admin,
  });
  for (let i = 1; i <= 3; i++) filedB.push(await insertProject(2020, i, `${i}000000.00`));
  project2021B = await insertProject(2021, 1, "500000.00");
  project2022B = await insertProject(2022, 1, "900000.00");
  await db.insert(evaluations).values(
    filedB.map((projectId) => ({
      type: "SELF" as const,
      year: 2020,
      projectId,
      status: "RECEIVED" as const,
      budgetTotal: "1000000.00",
      executedTotal: "900000.00",
      totalScore: "85.00",
      grade: "GOOD" as const,
    })),
  );
  await db.insert(preAssessments).values({ projectId: project2022B, status: "FINANCE_REVIEWING" });
  adminA = await signedIn("finance_admin");
  adminB = await signedIn(names.adminB);
  province = await signedIn(names.province);
  expect(adminA.districtId).toBe(DEMO_DISTRICT_ID);
  expect(adminB.districtId).toBe(districtB);
  expect(province.provinceWide).toBe(true);
  [{ id: demoBatchId }] = (await db
    .select({ id: samplingBatches.id })
    .from(samplingBatches)
    .where(eq(samplingBatches.districtId, DEMO_DISTRICT_ID))) as [{ id: string }];
});

describe("self-evaluation rounds per district", () => {
  it("the demo's records belong to the demo district", async () => {
    const [round] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.year, 2020));
    expect(round!.districtId).toBe(DEMO_DISTRICT_ID);
    expect((await selfRound(DEMO_DISTRICT_ID, 2020))?.id).toBe(round!.id);
    // B has no round of 2020: the demo's is not B's.
    expect(await selfRound(districtB, 2020)).toBeNull();
    expect((await selfFilterOptions(adminB)).rounds).toEqual([]);
  });

  it("B opens its 2021 round: drafts for B's projects only; A's round of 2021 stays to be opened", async () => {
    const draftsA = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(evaluations)
          .innerJoin(projects, eq(projects.id, evaluations.projectId))
          .where(
            and(
              eq(evaluations.type, "SELF"),
              eq(projects.year, 2021),
              eq(projects.districtId, DEMO_DISTRICT_ID),
            ),
          )
      )[0]!.n;
    const before = await draftsA();
    const opened = ok(await openSelf(adminB, { year: "2021", dueDate: "2022-03-31" }));
    expect(opened.created).toBe(1);
    const [mine] = await db
      .select({ projectId: evaluations.projectId, status: evaluations.status })
      .from(evaluations)
      .where(
        and(
          eq(evaluations.type, "SELF"),
          eq(evaluations.year, 2021),
          inArray(evaluations.projectId, [project2021B]),
        ),
      );
    expect(mine).toEqual({ projectId: project2021B, status: "DRAFT" });
    expect(await draftsA()).toBe(before);
    const [round] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, opened.roundId));
    expect(round!.districtId).toBe(districtB);

    // B sees its round; A does not, and may open its own 2021 round (same type and year, other district).
    expect((await selfFilterOptions(adminB)).rounds.map((r) => r.year)).toEqual([2021]);
    expect((await selfFilterOptions(adminA)).rounds.map((r) => r.year)).not.toContain(2021);
    expect(await selfRound(DEMO_DISTRICT_ID, 2021)).toBeNull();
    expect(failure(await openSelf(adminB, { year: "2021", dueDate: "2022-04-30" })).code).toBe("VALIDATION");
    const openedA = ok(await openSelf(adminA, { year: "2021", dueDate: "2022-04-30" }));
    expect(openedA.created).toBe((await draftsA()) - before);
    const projectsOfA = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(projects)
      .where(and(eq(projects.year, 2021), eq(projects.districtId, DEMO_DISTRICT_ID)));
    expect(await draftsA()).toBe(projectsOfA[0]!.n);
    expect((await selfRound(districtB, 2021))?.dueDate).toBe("2022-03-31");
    expect((await selfRound(DEMO_DISTRICT_ID, 2021))?.dueDate).toBe("2022-04-30");
  });

  it("the province reads every district's rounds, and opens none of a year its districts opened", async () => {
    expect((await selfFilterOptions(province)).rounds.map((r) => r.year)).toEqual(
      expect.arrayContaining([2021, 2020]),
    );
    expect(failure(await openSelf(province, { year: "2021", dueDate: "2022-05-31" })).code).toBe(
      "VALIDATION",
    );
  });
});

describe("monitoring rounds per district", () => {
  it("B's round reports on B's projects only, and A neither lists nor opens it", async () => {
    const opened = ok(
      await openMonitoring(adminB, {
        year: "2021",
        name: "2021年1–6月绩效运行监控",
        periodMonths: "6",
        dueDate: "2021-07-31",
        scopeRule: "ALL",
      }),
    ) as { id: string; reports: number };
    expect(opened.reports).toBe(1);
    const reports = await db
      .select({ projectId: monitoringReports.projectId })
      .from(monitoringReports)
      .where(eq(monitoringReports.roundId, opened.id));
    expect(reports).toEqual([{ projectId: project2021B }]);
    expect((await listRounds(adminB)).map((r) => r.id)).toEqual([opened.id]);
    expect((await listRounds(adminA)).map((r) => r.id)).not.toContain(opened.id);
    expect(await getRound(adminA, opened.id)).toBeNull();
    expect((await getRound(adminB, opened.id))?.round.districtId).toBe(districtB);
    expect((await listRounds(province)).map((r) => r.id)).toContain(opened.id);
  });

  it("B may not pick A's departments for its round", async () => {
    const [deptA] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.kind, "DEPARTMENT"), eq(organisations.districtId, DEMO_DISTRICT_ID)))
      .limit(1);
    const refused = failure(
      await openMonitoring(adminB, {
        year: "2021",
        name: "乙区部门监控",
        periodMonths: "6",
        dueDate: "2021-07-31",
        scopeRule: "DEPARTMENTS",
        departmentIds: [deptA!.id],
      }),
    );
    expect(refused.code).toBe("VALIDATION");
  });
});

describe("sampling batches per district", () => {
  let batchB: string;

  it("B draws from B's filed self-evaluations only, under the same name as A's batch", async () => {
    const [demo] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, demoBatchId));
    const drawn = ok(
      await createBatch(adminB, {
        year: "2020",
        name: demo!.name,
        sampleSize: "2",
        groupCount: "1",
        seed: "7",
      }),
    ) as { id: string; selected: number };
    batchB = drawn.id;
    expect(drawn.selected).toBe(2);
    const selected = await db
      .select({ projectId: samplingSelections.projectId })
      .from(samplingSelections)
      .where(eq(samplingSelections.batchId, batchB));
    expect(selected.every((s) => filedB.includes(s.projectId))).toBe(true);
    const [batch] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, batchB));
    expect(batch).toMatchObject({ districtId: districtB, populationSize: 3 });
  });

  it("lists and opens only the district's batches; another district's reads as not found", async () => {
    expect((await listBatches(adminB, 2020)).map((b) => b.id)).toEqual([batchB]);
    expect((await listBatches(adminA, 2020)).map((b) => b.id)).toEqual([demoBatchId]);
    expect(await getBatch(adminA, batchB)).toBeNull();
    expect(await getBatch(adminB, demoBatchId)).toBeNull();
    expect(await batchSelections(adminA, batchB)).toEqual([]);
    expect(await batchSelections(adminB, demoBatchId)).toEqual([]);
    expect(await feedbackDocument(adminA, batchB, deptB)).toBeNull();
    // The province reads both, acts on neither (they are the districts').
    expect((await listBatches(province, 2020)).map((b) => b.id).sort()).toEqual([batchB, demoBatchId].sort());
    expect((await getBatch(province, batchB))?.canAct).toBe(false);
    expect((await getBatch(adminB, batchB))?.canAct).toBe(true);
  });

  it("offers and accepts the district's reviewers and experts only", async () => {
    const people = await reviewerOptions(adminB);
    expect(people.map((p) => p.username).sort()).toEqual([names.expertB, names.reviewerB].sort());
    expect((await reviewerOptions(adminA)).some((p) => p.username === names.reviewerB)).toBe(false);
    const [group] = await db.select().from(samplingGroups).where(eq(samplingGroups.batchId, batchB));
    const [batch] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, batchB));
    const demoReviewer = await signedIn("finance_reviewer");
    const refused = failure(
      await setMembers(adminB, {
        groupId: group!.id,
        batchVersion: String(batch!.version),
        leadId: demoReviewer.id,
        memberIds: [demoReviewer.id],
      }),
    );
    expect(refused.code).toBe("VALIDATION");
  });

  it("A cannot act on B's batch, nor B on A's: not found", async () => {
    const [group] = await db.select().from(samplingGroups).where(eq(samplingGroups.batchId, batchB));
    const [batch] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, batchB));
    const reviewerB = await signedIn(names.reviewerB);
    const version = String(batch!.version);
    const [selection] = await db
      .select({ projectId: samplingSelections.projectId })
      .from(samplingSelections)
      .where(eq(samplingSelections.batchId, batchB));
    for (const who of [adminA, province]) {
      expect(
        failure(
          await setMembers(who, {
            groupId: group!.id,
            batchVersion: version,
            leadId: reviewerB.id,
            memberIds: [reviewerB.id],
          }),
        ).code,
      ).toBe("NOT_FOUND");
      expect(
        failure(
          await moveProject(who, {
            batchId: batchB,
            batchVersion: version,
            projectId: selection!.projectId,
            groupId: group!.id,
          }),
        ).code,
      ).toBe("NOT_FOUND");
      expect(failure(await start(who, { batchId: batchB, batchVersion: version })).code).toBe("NOT_FOUND");
      expect(failure(await close(who, { batchId: batchB, batchVersion: version })).code).toBe("NOT_FOUND");
      expect(
        failure(
          await saveFeedback(who, {
            batchId: batchB,
            departmentId: deptB,
            version: "0",
            problems: "x",
            requirements: "y",
          }),
        ).code,
      ).toBe("NOT_FOUND");
    }
    const [demo] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, demoBatchId));
    expect(
      failure(await close(adminB, { batchId: demoBatchId, batchVersion: String(demo!.version) })).code,
    ).toBe("NOT_FOUND");
    const [demoGroup] = await db
      .select()
      .from(samplingGroups)
      .where(eq(samplingGroups.batchId, demoBatchId))
      .limit(1);
    expect(
      failure(
        await setMembers(adminB, {
          groupId: demoGroup!.id,
          batchVersion: String(demo!.version),
          leadId: reviewerB.id,
          memberIds: [reviewerB.id],
        }),
      ).code,
    ).toBe("NOT_FOUND");
    // Nothing changed on B's batch.
    const [after] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, batchB));
    expect(after).toMatchObject({ status: "DRAFT", version: batch!.version });
  });

  it("B starts its batch; A does not reach its sampled evaluations", async () => {
    const [group] = await db.select().from(samplingGroups).where(eq(samplingGroups.batchId, batchB));
    const reviewerB = await signedIn(names.reviewerB);
    let [batch] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, batchB));
    ok(
      await setMembers(adminB, {
        groupId: group!.id,
        batchVersion: String(batch!.version),
        leadId: reviewerB.id,
        memberIds: [reviewerB.id],
      }),
    );
    [batch] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, batchB));
    ok(await start(adminB, { batchId: batchB, batchVersion: String(batch!.version) }));
    const sampled = await db
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.type, "SAMPLED"), eq(evaluations.batchId, batchB)));
    expect(sampled).toHaveLength(2);
    expect(await getSampledSheet(adminA, sampled[0]!.id)).toBeNull();
    expect((await getSampledSheet(adminB, sampled[0]!.id))?.head.batchId).toBe(batchB);
  });

  it("the province draws the province's own batch over every district's filed self-evaluations", async () => {
    const population = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .where(
        and(
          eq(evaluations.type, "SELF"),
          eq(projects.year, 2020),
          inArray(evaluations.status, ["SUBMITTED", "DEPT_APPROVED", "RECEIVED"]),
          sql`not exists (select 1 from evaluations s where s.type = 'SAMPLED' and s.project_id = ${projects.id})`,
        ),
      );
    const drawn = ok(
      await createBatch(province, {
        year: "2020",
        name: "省级抽评",
        sampleSize: "5",
        groupCount: "1",
        seed: "9",
      }),
    ) as { id: string };
    const [batch] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, drawn.id));
    expect(batch).toMatchObject({ districtId: null, populationSize: population[0]!.n });
    expect((await getBatch(province, drawn.id))?.canAct).toBe(true);
    expect(await getBatch(adminB, drawn.id)).toBeNull();
    expect(await getBatch(adminA, drawn.id)).toBeNull();
  });
});

describe("expert groups per district", () => {
  it("B groups B's assessments with B's experts; A does not see the group, nor its candidates", async () => {
    const expertB = await signedIn(names.expertB);
    const optionsB = await groupFormOptions(adminB, 2022);
    expect(optionsB.experts.map((e) => e.id)).toEqual([expertB.id]);
    expect(optionsB.candidates.map((c) => c.projectId)).toEqual([project2022B]);
    const optionsA = await groupFormOptions(adminA, 2022);
    expect(optionsA.candidates.some((c) => c.projectId === project2022B)).toBe(false);
    expect(optionsA.experts.some((e) => e.id === expertB.id)).toBe(false);

    // A may not group B's assessment, nor B A's experts.
    const [expertA] = await db.select({ id: users.id }).from(users).where(eq(users.username, "expert_01"));
    expect(
      failure(
        await createGroup(adminA, {
          year: "2022",
          name: "甲区越权组",
          leadExpertId: expertA!.id,
          expertIds: [expertA!.id],
          projectIds: [project2022B],
        }),
      ).code,
    ).toBe("VALIDATION");
    expect(
      failure(
        await createGroup(adminB, {
          year: "2022",
          name: "乙区越权组",
          leadExpertId: expertA!.id,
          expertIds: [expertA!.id],
          projectIds: [project2022B],
        }),
      ).code,
    ).toBe("VALIDATION");

    // The same name as one of A's groups: names are unique per district.
    const [groupA] = await db
      .select({ name: expertGroups.name })
      .from(expertGroups)
      .where(and(eq(expertGroups.year, 2022), eq(expertGroups.districtId, DEMO_DISTRICT_ID)))
      .limit(1);
    const created = ok(
      await createGroup(adminB, {
        year: "2022",
        name: groupA!.name,
        leadExpertId: expertB.id,
        expertIds: [expertB.id],
        projectIds: [project2022B],
      }),
    ) as { id: string };
    expect((await listGroups(adminB, 2022)).map((g) => g.id)).toEqual([created.id]);
    expect((await listGroups(adminA, 2022)).some((g) => g.id === created.id)).toBe(false);
    expect((await listGroups(province, 2022)).some((g) => g.id === created.id)).toBe(true);
  });
});

describe("the annual summary per district", () => {
  it("counts the district's projects and keeps each district's plan", async () => {
    const summaryB = await annualSummary(adminB, 2021);
    expect(summaryB.self).toEqual({ projects: 3, filed: 3 });
    expect(summaryB.sampling.projects).toBe(2);
    expect(summaryB.sampling.groups).toHaveLength(1);
    expect(summaryB.preAssessment.projects).toBe(0);
    const summaryA = await annualSummary(adminA, 2021);
    const [{ n: projectsA }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(projects)
      .where(and(eq(projects.year, 2020), eq(projects.districtId, DEMO_DISTRICT_ID)))) as [{ n: number }];
    expect(summaryA.self.projects).toBe(projectsA);
    expect(summaryA.sampling.groups.every((g) => g.batchName && g.id)).toBe(true);
    expect((await annualSummary(province, 2021)).self.projects).toBe(projectsA + 3);

    expect(ok(await savePlan(adminB, { workYear: "2021", version: "0", plan: "乙区思路" }))).toEqual({
      workYear: 2021,
      version: 1,
    });
    expect(await annualSummaryPlan(adminB, 2021)).toMatchObject({ plan: "乙区思路", version: 1 });
    expect(await annualSummaryPlan(adminA, 2021)).toMatchObject({ plan: "", version: 0 });
    // A writes its own first version: B's does not make it a conflict.
    expect(ok(await savePlan(adminA, { workYear: "2021", version: "0", plan: "甲区思路" }))).toEqual({
      workYear: 2021,
      version: 1,
    });
    expect(await annualSummaryPlan(adminB, 2021)).toMatchObject({ plan: "乙区思路", version: 1 });
  });
});
