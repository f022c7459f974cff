import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executionPoints, gradeOf, hundredthsToText, toHundredths, totalScore } from "@/domain/evaluation";
import { toFen } from "@/domain/money";
import {
  acknowledgeFeedbackDefinition,
  closeBatchDefinition,
  createBatchDefinition,
  moveProjectDefinition,
  runAcknowledgeFeedback,
  runCloseBatch,
  runCreateBatch,
  runMoveProject,
  runSaveFeedback,
  runSaveSampledScores,
  runSetGroupMembers,
  runStartBatch,
  saveFeedbackDefinition,
  saveSampledScoresDefinition,
  setGroupMembersDefinition,
  startBatchDefinition,
} from "@/features/sampling/definitions";
import { listAttachments } from "@/features/attachments/queries";
import { feedbackDocument, myFeedback } from "@/features/sampling/feedback-queries";
import { batchSelections } from "@/features/sampling/queries";
import { getSampledSheet } from "@/features/sampling/sheet-queries";
import { db } from "@/server/db";
import {
  evaluations,
  evaluationScores,
  organisations,
  samplingBatches,
  samplingFeedback,
  samplingGroups,
} from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { caller, ok } from "../factories/actions";
import { failure, uniqueName } from "../factories/messages";
import { activeUserIds, recipientsOf } from "../factories/notifications";
import { signedIn } from "../factories/users";

const createBatch = caller(createBatchDefinition, runCreateBatch);
const setMembers = caller(setGroupMembersDefinition, runSetGroupMembers);
const moveProject = caller(moveProjectDefinition, runMoveProject);
const start = caller(startBatchDefinition, runStartBatch);
const score = caller(saveSampledScoresDefinition, runSaveSampledScores);
const saveFeedback = caller(saveFeedbackDefinition, runSaveFeedback);
const close = caller(closeBatchDefinition, runCloseBatch);
const acknowledge = caller(acknowledgeFeedbackDefinition, runAcknowledgeFeedback);

let admin: CurrentUser;
let reviewer: CurrentUser; // finance_reviewer, group 1 lead
let expert: CurrentUser; // expert_01, group 1
let otherReviewer: CurrentUser; // reviewer_ys, group 2 lead
let batchId: string;
let groupIds: string[];

const batchVersion = async () =>
  (await db.select().from(samplingBatches).where(eq(samplingBatches.id, batchId)))[0]!.version;
const sheetOf = async (evaluationId: string) => {
  const lines = await db
    .select()
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, evaluationId))
    .orderBy(asc(evaluationScores.sortOrder));
  const [ev] = await db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
  return { ev: ev!, lines };
};
/** A post of the sheet as the form sends it: parallel lists of line ids, points and opinions. */
const post = (
  evaluationId: string,
  version: number,
  lines: { id: string }[],
  points: (i: number) => string,
  extra: Record<string, string> = {},
) => ({
  evaluationId,
  version: String(version),
  lineId: lines.map((l) => l.id),
  points: lines.map((_, i) => points(i)),
  note: lines.map((_, i) => `意见${i}`),
  ...extra,
});

beforeAll(async () => {
  [admin, reviewer, expert, otherReviewer] = await Promise.all([
    signedIn("finance_admin"),
    signedIn("finance_reviewer"),
    signedIn("expert_01"),
    signedIn("reviewer_ys"),
  ]);
  const created = ok<{ id: string; selected: number }>(
    await createBatch(admin, {
      year: "2020",
      name: uniqueName("抽评测试批次"),
      sampleSize: "6",
      seed: "424242",
      groupCount: "2",
      includeLastYearFail: "on",
    }),
  );
  batchId = created.id;
  expect(created.selected).toBe(6);
  groupIds = (
    await db
      .select({ id: samplingGroups.id })
      .from(samplingGroups)
      .where(eq(samplingGroups.batchId, batchId))
      .orderBy(asc(samplingGroups.sortOrder))
  ).map((g) => g.id);
});

describe("drawing a batch", () => {
  it("splits the draw into groups of equal size and records why each was drawn", async () => {
    const rows = await batchSelections(admin, batchId);
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.groupId === groupIds[0])).toHaveLength(3);
    expect(rows.every((r) => r.reason === "RANDOM" && /^[A-Z0-9]+:B[1-4]$/.test(r.stratum))).toBe(true);
  });

  it("refuses must-includes beyond the sample size on the size field, and saves nothing", async () => {
    const name = uniqueName("过多必选");
    const r = failure(
      await createBatch(admin, {
        year: "2020",
        name,
        sampleSize: "3",
        seed: "1",
        groupCount: "1",
        minAmount: "1000000",
      }),
    );
    expect(r.code).toBe("VALIDATION");
    expect(r.fieldErrors?.sampleSize).toEqual(["t:errors.sampling.mustIncludeExceedsSize"]);
    const [row] = await db.select().from(samplingBatches).where(eq(samplingBatches.name, name));
    expect(row).toBeUndefined();
  });

  it("is finance's alone", async () => {
    const r = failure(
      await createBatch(reviewer, {
        year: "2020",
        name: uniqueName("x"),
        sampleSize: "2",
        seed: "1",
        groupCount: "1",
      }),
    );
    expect(r.code).toBe("FORBIDDEN");
  });
});

describe("groups and the start", () => {
  it("refuses to start before every group has members and a lead", async () => {
    const r = failure(await start(admin, { batchId, batchVersion: String(await batchVersion()) }));
    expect(r.message).toBe("t:errors.sampling.groupsIncomplete");
  });

  it("checks the lead and keeps each person in one group", async () => {
    const v = String(await batchVersion());
    const noLead = failure(
      await setMembers(admin, {
        groupId: groupIds[0],
        batchVersion: v,
        leadId: otherReviewer.id,
        memberIds: [reviewer.id],
      }),
    );
    expect(noLead.fieldErrors?.leadId).toEqual(["t:errors.sampling.leadNotMember"]);
    ok(
      await setMembers(admin, {
        groupId: groupIds[0],
        batchVersion: v,
        leadId: reviewer.id,
        memberIds: [reviewer.id, expert.id],
      }),
    );
    const twice = failure(
      await setMembers(admin, {
        groupId: groupIds[1],
        batchVersion: String(await batchVersion()),
        leadId: otherReviewer.id,
        memberIds: [otherReviewer.id, expert.id],
      }),
    );
    expect(twice.fieldErrors?.memberIds).toEqual(["t:errors.sampling.memberInOtherGroup"]);
    // A stale version (someone else changed the batch meanwhile) is a conflict.
    const stale = failure(
      await setMembers(admin, {
        groupId: groupIds[1],
        batchVersion: v,
        leadId: otherReviewer.id,
        memberIds: [otherReviewer.id],
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    ok(
      await setMembers(admin, {
        groupId: groupIds[1],
        batchVersion: String(await batchVersion()),
        leadId: otherReviewer.id,
        memberIds: [otherReviewer.id],
      }),
    );
  });

  it("moves a project between groups before the start", async () => {
    const [first] = (await batchSelections(admin, batchId)).filter((r) => r.groupId === groupIds[1]);
    ok(
      await moveProject(admin, {
        batchId,
        batchVersion: String(await batchVersion()),
        projectId: first!.projectId,
        groupId: groupIds[0],
      }),
    );
    const rows = await batchSelections(admin, batchId);
    expect(rows.find((r) => r.projectId === first!.projectId)?.groupId).toBe(groupIds[0]);
    ok(
      await moveProject(admin, {
        batchId,
        batchVersion: String(await batchVersion()),
        projectId: first!.projectId,
        groupId: groupIds[1],
      }),
    );
  });

  it("creates a sampled evaluation per project, starting from the unit's own lines", async () => {
    const started = ok<{ evaluations: number }>(
      await start(admin, { batchId, batchVersion: String(await batchVersion()) }),
    );
    expect(started.evaluations).toBe(6);
    const sampled = await db
      .select()
      .from(evaluations)
      .where(and(eq(evaluations.batchId, batchId), eq(evaluations.type, "SAMPLED")));
    expect(sampled).toHaveLength(6);
    for (const e of sampled) {
      expect(e.status).toBe("SCORING");
      const [self] = await db
        .select()
        .from(evaluations)
        .where(and(eq(evaluations.projectId, e.projectId!), eq(evaluations.type, "SELF")));
      expect([e.budgetTotal, e.executedTotal]).toEqual([self!.budgetTotal, self!.executedTotal]);
      const mine = (await sheetOf(e.id)).lines;
      const theirs = (await sheetOf(self!.id)).lines;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((l) => [l.name, l.maxPoints, l.actualValue, l.points])).toEqual(
        theirs.map((l) => [l.name, l.maxPoints, l.actualValue, l.points]),
      );
    }
    // Started: the groups are fixed.
    const late = failure(
      await setMembers(admin, {
        groupId: groupIds[1],
        batchVersion: String(await batchVersion()),
        leadId: otherReviewer.id,
        memberIds: [otherReviewer.id],
      }),
    );
    expect(late.message).toBe("t:errors.sampling.batchStarted");
  });
});

describe("scoring in groups", () => {
  const groupSheets = async (user: CurrentUser) =>
    (await batchSelections(user, batchId)).map((r) => r.evaluationId!);

  it("shows a reviewer only their group's projects; another group's sheet is not found", async () => {
    const mine = await groupSheets(reviewer);
    const theirs = await groupSheets(otherReviewer);
    expect(mine).toHaveLength(3);
    expect(theirs).toHaveLength(3);
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
    expect(await getSampledSheet(reviewer, theirs[0]!)).toBeNull();
    expect(await getSampledSheet(otherReviewer, mine[0]!)).toBeNull();
    expect(await getSampledSheet(await signedIn("dept_approver"), mine[0]!)).toBeNull();
    expect(await getSampledSheet(reviewer, mine[0]!)).not.toBeNull();
    expect(await getSampledSheet(admin, theirs[0]!)).not.toBeNull();
  });

  it("refuses another group's reviewer a score, and changes nothing", async () => {
    const [target] = await groupSheets(reviewer);
    const before = await sheetOf(target!);
    const r = failure(
      await score(
        otherReviewer,
        post(target!, before.ev.version, before.lines, () => "0"),
      ),
    );
    expect(r.code).toBe("NOT_FOUND");
    const after = await sheetOf(target!);
    expect(after.ev.version).toBe(before.ev.version);
    expect(after.lines.map((l) => l.points)).toEqual(before.lines.map((l) => l.points));
  });

  it("lets one of two reviewers saving the same sheet at once win; the other gets CONFLICT", async () => {
    const [target] = await groupSheets(reviewer);
    const { ev, lines } = await sheetOf(target!);
    const [a, b] = await Promise.all([
      score(
        reviewer,
        post(target!, ev.version, lines, () => "1"),
      ),
      score(
        expert,
        post(target!, ev.version, lines, () => "2"),
      ),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = failure(results.find((r) => !r.ok)!);
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("t:errors.CONFLICT");
    // The refused form gets back what was typed.
    expect((refused.values as { points: string[] }).points).toEqual(lines.map(() => (a.ok ? "2" : "1")));
    const stored = await sheetOf(target!);
    expect(stored.ev.version).toBe(ev.version + 1);
    expect(stored.lines.map((l) => l.points)).toEqual(lines.map(() => (a.ok ? "1.00" : "2.00")));
  });

  it("checks each line on its field, and settles with the computed total and grade", async () => {
    const [target] = await groupSheets(reviewer);
    const { ev, lines } = await sheetOf(target!);
    const over = failure(
      await score(
        reviewer,
        post(target!, ev.version, lines, (i) => (i === 0 ? "999" : "1"), { settle: "on" }),
      ),
    );
    expect(over.code).toBe("VALIDATION");
    expect(over.fieldErrors?.["lines.0.points"]).toEqual(["t:errors.sampling.overMax"]);
    expect(over.fieldErrors?.summary).toEqual(["t:errors.sampling.summaryRequired"]);
    const blank = failure(
      await score(
        reviewer,
        post(target!, ev.version, lines, (i) => (i === 1 ? "" : "1"), { settle: "on", summary: "意见" }),
      ),
    );
    expect(blank.fieldErrors?.["lines.1.points"]).toEqual(["t:errors.sampling.pointsRequired"]);
    const bad = failure(
      await score(
        reviewer,
        post(target!, ev.version, lines, () => "abc"),
      ),
    );
    expect(bad.fieldErrors?.["lines.0.points"]).toEqual(["t:validation.points"]);

    const given = lines.map((l) => hundredthsToText(Math.max(0, (toHundredths(l.maxPoints) ?? 0) - 50)));
    const settled = ok<{ status: string }>(
      await score(
        reviewer,
        post(target!, ev.version, lines, (i) => given[i]!, { settle: "on", summary: "总体意见" }),
      ),
    );
    expect(settled.status).toBe("SETTLED");
    const stored = await sheetOf(target!);
    const total =
      totalScore(
        lines.map((l, i) => ({ points: given[i]!, maxPoints: l.maxPoints })),
        0,
      ) + executionPoints(toFen(stored.ev.budgetTotal), toFen(stored.ev.executedTotal));
    expect(toHundredths(stored.ev.totalScore)).toBe(total);
    expect(stored.ev.grade).toBe(gradeOf(total));
    const again = failure(
      await score(
        expert,
        post(target!, stored.ev.version, lines, () => "1"),
      ),
    );
    expect(again.message).toBe("t:errors.sampling.alreadySettled");
  });
});

describe("the unit's evidence", () => {
  it("is open to the group holding the project, not to another group's members", async () => {
    const rows = await batchSelections(admin, batchId);
    const selfOf = async (projectId: string) =>
      (
        await db
          .select({ id: evaluations.id })
          .from(evaluations)
          .where(and(eq(evaluations.projectId, projectId), eq(evaluations.type, "SELF")))
      )[0]!.id;
    const inFirst = await selfOf(rows.find((r) => r.groupId === groupIds[0])!.projectId);
    const inSecond = await selfOf(rows.find((r) => r.groupId === groupIds[1])!.projectId);
    // reviewer_ys's division covers townships only, so only the group opens these projects to them.
    expect(await listAttachments(otherReviewer, "evaluation", inSecond)).not.toBeNull();
    expect(await listAttachments(otherReviewer, "evaluation", inFirst)).toBeNull();
    expect(await listAttachments(expert, "evaluation", inFirst)).not.toBeNull();
    expect(await listAttachments(expert, "evaluation", inSecond)).toBeNull();
  });
});

describe("feedback to departments", () => {
  it("is published once the department's projects are settled, and read by that department only", async () => {
    const rows = await batchSelections(admin, batchId);
    const departmentId = rows[0]!.departmentId;
    const [dept] = await db.select().from(organisations).where(eq(organisations.id, departmentId));
    const text = { problems: "自评偏高", requirements: "如实自评" };
    const base = { batchId, departmentId, ...text };
    const draft = ok<{ id: string; version: number }>(await saveFeedback(admin, { ...base, version: "0" }));
    const open = rows.filter((r) => r.departmentId === departmentId && r.status !== "SETTLED");
    if (open.length > 0) {
      const early = failure(
        await saveFeedback(admin, { ...base, version: String(draft.version), publish: "on" }),
      );
      expect(early.message).toBe("t:errors.sampling.notAllSettled");
    }
    for (const r of open) {
      const who = r.groupId === groupIds[0] ? reviewer : otherReviewer;
      const { ev, lines } = await sheetOf(r.evaluationId!);
      ok(
        await score(
          who,
          post(ev.id, ev.version, lines, (i) => lines[i]!.points ?? "0", {
            settle: "on",
            summary: "总体意见",
          }),
        ),
      );
    }
    const published = ok<{ id: string; version: number; status: string }>(
      await saveFeedback(admin, { ...base, version: String(draft.version), publish: "on" }),
    );
    expect(published.status).toBe("PUBLISHED");

    const own = await signedIn(
      dept!.code === "D03" ? "dept_approver" : `approver_${dept!.code.toLowerCase()}`,
    );
    const other = await signedIn(dept!.code === "D03" ? "approver_d01" : "dept_approver");
    const ownFiler = await signedIn(`filer_${dept!.code.toLowerCase()}_1`);
    expect(await feedbackDocument(own, batchId, departmentId)).not.toBeNull();
    expect(await feedbackDocument(ownFiler, batchId, departmentId)).not.toBeNull();
    expect(await feedbackDocument(other, batchId, departmentId)).toBeNull();
    expect((await myFeedback(own)).some((f) => f.id === published.id)).toBe(true);
    expect((await myFeedback(other)).some((f) => f.id === published.id)).toBe(false);

    const denied = failure(
      await acknowledge(other, { id: published.id, version: String(published.version) }),
    );
    expect(denied.code).toBe("NOT_FOUND");
    const filerTry = failure(
      await acknowledge(ownFiler, { id: published.id, version: String(published.version) }),
    );
    expect(filerTry.code).toBe("FORBIDDEN");
    ok(await acknowledge(own, { id: published.id, version: String(published.version) }));
    const twice = failure(
      await acknowledge(own, { id: published.id, version: String(published.version + 1) }),
    );
    expect(twice.message).toBe("t:errors.sampling.alreadyAcknowledged");

    // Publishing told the department's approvers (no other department's); the acknowledgement told
    // finance covering the department.
    expect(await recipientsOf(published.id, "samplingFeedbackPublished")).toEqual(
      await activeUserIds(sql`role = 'DEPT_APPROVER' and org_id = ${departmentId}`),
    );
    expect(await recipientsOf(published.id, "samplingFeedbackPublished")).not.toContain(other.id);
    expect(await recipientsOf(published.id, "samplingFeedbackAcknowledged")).toEqual(
      await activeUserIds(sql`(role = 'FINANCE_ADMIN' and org_id in (select id from organisations
          where district_id = ${dept!.districtId}))
        or (role = 'FINANCE_REVIEWER' and org_id = ${dept!.coveringDivisionId})`),
    );
  });

  it("keeps an unpublished draft from the department", async () => {
    const rows = await batchSelections(admin, batchId);
    const first = rows[0]!.departmentId;
    const departmentId = rows.find((r) => r.departmentId !== first)?.departmentId;
    if (!departmentId) throw new Error("the batch should span two departments");
    const [dept] = await db.select().from(organisations).where(eq(organisations.id, departmentId));
    ok(
      await saveFeedback(admin, {
        batchId,
        departmentId,
        version: "0",
        problems: "草稿",
        requirements: "草稿",
      }),
    );
    const own = await signedIn(
      dept!.code === "D03" ? "dept_approver" : `approver_${dept!.code.toLowerCase()}`,
    );
    expect(await feedbackDocument(own, batchId, departmentId)).toBeNull();
    expect(await feedbackDocument(admin, batchId, departmentId)).toMatchObject({
      head: { status: "DRAFT", problems: "草稿" },
    });
  });

  it("closes the batch only once every score is settled and every department has its feedback", async () => {
    const early = failure(await close(admin, { batchId, batchVersion: String(await batchVersion()) }));
    expect(early.message).toBe("t:errors.sampling.cannotClose");
    const rows = await batchSelections(admin, batchId);
    for (const r of rows.filter((x) => x.status !== "SETTLED")) {
      const who = r.groupId === groupIds[0] ? reviewer : otherReviewer;
      const { ev, lines } = await sheetOf(r.evaluationId!);
      ok(
        await score(
          who,
          post(ev.id, ev.version, lines, (i) => lines[i]!.points ?? "0", {
            settle: "on",
            summary: "总体意见",
          }),
        ),
      );
    }
    for (const departmentId of new Set(rows.map((r) => r.departmentId))) {
      const [fb] = await db
        .select()
        .from(samplingFeedback)
        .where(and(eq(samplingFeedback.batchId, batchId), eq(samplingFeedback.departmentId, departmentId)));
      if (fb?.status === "PUBLISHED") continue;
      ok(
        await saveFeedback(admin, {
          batchId,
          departmentId,
          version: String(fb?.version ?? 0),
          problems: "问题",
          requirements: "要求",
          publish: "on",
        }),
      );
    }
    ok(await close(admin, { batchId, batchVersion: String(await batchVersion()) }));
    const [batch] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, batchId));
    expect(batch?.status).toBe("CLOSED");
  });
});
