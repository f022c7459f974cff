import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  concludeDefinition,
  createExpertGroupDefinition,
  deptReviewDefinition,
  financeReviewDefinition,
  markBudgetedDefinition,
  runConclude,
  runCreateExpertGroup,
  runDeptReview,
  runFinanceReview,
  runMarkBudgeted,
  runSaveExpertReview,
  runSavePreAssessment,
  saveExpertReviewDefinition,
  savePreAssessmentDefinition,
} from "@/features/pre-assessment/definitions";
import { createProjectDefinition, runCreateProject } from "@/features/projects/definitions";
import { db } from "@/server/db";
import { auditLog, preAssessmentHistory, preAssessments, projects } from "@/server/schema";
import { caller } from "../factories/actions";
import { failure, uniqueName } from "../factories/messages";
import { activeUserIds, latestParams, recipientsOf } from "../factories/notifications";
import { signedIn } from "../factories/users";

beforeAll(async () => {});

const fileProject = caller(createProjectDefinition, runCreateProject);
const save = caller(savePreAssessmentDefinition, runSavePreAssessment);
const deptReview = caller(deptReviewDefinition, runDeptReview);
const financeReview = caller(financeReviewDefinition, runFinanceReview);
const createGroup = caller(createExpertGroupDefinition, runCreateExpertGroup);
const score = caller(saveExpertReviewDefinition, runSaveExpertReview);
const conclude = caller(concludeDefinition, runConclude);
const markBudgeted = caller(markBudgetedDefinition, runMarkBudgeted);

const DIMS = {
  necessityScore: "18",
  economyScore: "15",
  targetsScore: "16",
  feasibilityScore: "17",
  complianceScore: "19",
};
const TEXTS = {
  necessityText: "服务全区科技型中小企业",
  economyText: "按市场询价测算",
  targetsText: "指标可量化",
  feasibilityText: "分两阶段实施",
  complianceText: "本级财政拨款",
};

const pa = async (projectId: string) =>
  (await db.select().from(preAssessments).where(eq(preAssessments.projectId, projectId)))[0]!;
const project = async (id: string) => (await db.select().from(projects).where(eq(projects.id, id)))[0]!;

/** A new project (of 2021, so the seeded 2022 totals stay as they are) of dept_filer's unit that needs a pre-assessment (新增, 500 万元). */
async function newProject(): Promise<string> {
  const result = await fileProject(await signedIn("dept_filer"), {
    year: "2021",
    name: uniqueName("2021年科技企业孵化器提升"),
    kind: "DEPT_SPECIAL",
    novelty: "NEW",
    duration: "ONE_OFF",
    specialArea: "GENERAL",
    requestedAmount: "5000000",
  });
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

/** Walk a new project to FINANCE_REVIEWING through the real actions. */
async function accepted(): Promise<string> {
  const projectId = await newProject();
  const filer = await signedIn("dept_filer");
  expect(await save(filer, { projectId, version: "0", ...DIMS, ...TEXTS, submit: "on" })).toMatchObject({
    ok: true,
  });
  let row = await pa(projectId);
  expect(
    await deptReview(await signedIn("dept_approver"), {
      id: row.id,
      version: row.version,
      decision: "approve",
    }),
  ).toMatchObject({ ok: true });
  row = await pa(projectId);
  expect(
    await financeReview(await signedIn("finance_reviewer"), {
      id: row.id,
      version: row.version,
      decision: "approve",
    }),
  ).toMatchObject({ ok: true });
  return projectId;
}

describe("the unit's pre-assessment and its reviews", () => {
  it("saves a draft, submits, is returned with a comment, resubmits and is approved", async () => {
    const projectId = await newProject();
    const filer = await signedIn("dept_filer");
    const draft = await save(filer, { projectId, version: "0", necessityScore: "18", necessityText: "必要" });
    expect(draft).toMatchObject({ ok: true, data: { status: "DRAFT", version: 1 } });

    const incomplete = failure(
      await save(filer, { projectId, version: "1", necessityScore: "18", submit: "on" }),
    );
    expect(incomplete.code).toBe("VALIDATION");
    expect(incomplete.fieldErrors?.economyScore).toEqual(["t:errors.preAssessment.incomplete"]);
    // Nothing of the failed submit was kept.
    expect((await pa(projectId)).version).toBe(1);

    const outOfRange = failure(await save(filer, { projectId, version: "1", necessityScore: "21" }));
    expect(outOfRange.fieldErrors?.necessityScore).toBeDefined();

    expect(await save(filer, { projectId, version: "1", ...DIMS, ...TEXTS, submit: "on" })).toMatchObject({
      ok: true,
      data: { status: "SUBMITTED" },
    });
    expect((await project(projectId)).stage).toBe("PRE_ASSESSMENT");

    const approver = await signedIn("dept_approver");
    let row = await pa(projectId);
    const noComment = failure(
      await deptReview(approver, { id: row.id, version: row.version, decision: "return" }),
    );
    expect(noComment.fieldErrors?.comment).toEqual(["t:errors.preAssessment.commentRequired"]);
    expect(
      await deptReview(approver, {
        id: row.id,
        version: row.version,
        decision: "return",
        comment: "请细化效益指标",
      }),
    ).toMatchObject({
      ok: true,
      data: { status: "RETURNED" },
    });
    row = await pa(projectId);
    expect(
      await save(filer, {
        projectId,
        version: row.version,
        ...DIMS,
        ...TEXTS,
        targetsScore: "18",
        submit: "on",
      }),
    ).toMatchObject({ ok: true });
    row = await pa(projectId);
    expect(
      await deptReview(approver, { id: row.id, version: row.version, decision: "approve" }),
    ).toMatchObject({
      ok: true,
      data: { status: "DEPT_APPROVED" },
    });
    const history = await db
      .select()
      .from(preAssessmentHistory)
      .where(eq(preAssessmentHistory.preAssessmentId, row.id));
    expect(history.map((h) => h.toStatus).sort()).toEqual(
      ["DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "DEPT_APPROVED"].sort(),
    );
    expect(history.find((h) => h.toStatus === "RETURNED")?.comment).toBe("请细化效益指标");
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audits.filter((a) => a.action === "preAssessment.transitioned").length).toBe(4);

    // Every hand-off told the next hands, read from the project: submitted → the department's
    // approvers; returned → the unit's filers with the reason; approved → finance covering the department.
    const p = await project(projectId);
    expect(await recipientsOf(row.id, "preAssessmentSubmitted")).toEqual(
      await activeUserIds(sql`role = 'DEPT_APPROVER' and org_id = ${p.departmentId}`),
    );
    expect(await recipientsOf(row.id, "preAssessmentReturned")).toEqual(
      await activeUserIds(sql`role = 'DEPT_FILER' and org_id = ${p.unitId}`),
    );
    expect(await recipientsOf(row.id, "preAssessmentReturned")).toContain(filer.id);
    expect((await latestParams(row.id, "preAssessmentReturned"))?.reason).toBe("请细化效益指标");
    expect(await recipientsOf(row.id, "preAssessmentForwarded")).toEqual(
      await activeUserIds(sql`(role = 'FINANCE_ADMIN' and org_id in (select id from organisations
          where district_id = ${p.districtId}))
        or (role = 'FINANCE_REVIEWER' and org_id = (select covering_division_id from organisations
          where id = ${p.departmentId}))`),
    );
  });

  it("answers not found to a filer or approver of another department, and changes nothing", async () => {
    const projectId = await accepted();
    const before = await pa(projectId);
    const other = failure(await save(await signedIn("dept_filer2"), { projectId, version: "0", ...DIMS }));
    expect(other.code).toBe("NOT_FOUND");
    const otherApprover = failure(
      await deptReview(await signedIn("approver_d01"), {
        id: before.id,
        version: before.version,
        decision: "return",
        comment: "x",
      }),
    );
    expect(otherApprover.code).toBe("NOT_FOUND");
    // A finance reviewer of another division does not cover 区科技局.
    const reviewer = failure(
      await financeReview(await signedIn("reviewer_sb"), {
        id: before.id,
        version: before.version,
        decision: "return",
        comment: "x",
      }),
    );
    expect(reviewer.code).toBe("NOT_FOUND");
    expect(await pa(projectId)).toEqual(before);
  });

  it("refuses a move from the wrong status, a stale version, and the wrong role", async () => {
    const projectId = await accepted();
    const row = await pa(projectId);
    const again = failure(
      await deptReview(await signedIn("dept_approver"), {
        id: row.id,
        version: row.version,
        decision: "approve",
      }),
    );
    expect(again.code).toBe("INVALID_TRANSITION");
    const stale = failure(
      await financeReview(await signedIn("finance_admin"), {
        id: row.id,
        version: row.version - 1,
        decision: "return",
        comment: "x",
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    const filerEdit = failure(
      await save(await signedIn("dept_filer"), { projectId, version: row.version, ...DIMS }),
    );
    expect(filerEdit.message).toBe("t:errors.preAssessment.notEditable");
    expect(
      failure(
        await conclude(await signedIn("finance_reviewer"), {
          id: row.id,
          version: row.version,
          conclusion: "SUPPORT",
        }),
      ).code,
    ).toBe("FORBIDDEN");
    expect(await pa(projectId)).toEqual(row);
  });
});

describe("财政再评估, conclusion and 纳入预算", () => {
  it("runs a group with `expert`, keeps other experts out, concludes with a cut and budgets", async () => {
    const projectId = await accepted();
    const admin = await signedIn("finance_admin");
    const expert = await signedIn("expert");
    const outsider = await signedIn("expert_08");
    const other = await signedIn("expert_01");

    // Not yet concluded: 纳入预算 is refused with the reason.
    const early = failure(
      await markBudgeted(admin, { projectId, version: (await project(projectId)).version }),
    );
    expect(early).toMatchObject({
      code: "INVALID_TRANSITION",
      message: "t:errors.preAssessment.notSupported",
    });

    const notLead = failure(
      await createGroup(admin, {
        year: "2021",
        name: uniqueName("组"),
        leadExpertId: outsider.id,
        expertIds: [expert.id],
        projectIds: [projectId],
      }),
    );
    expect(notLead.fieldErrors?.leadExpertId).toEqual(["t:errors.preAssessment.leadNotMember"]);
    const group = await createGroup(admin, {
      year: "2021",
      name: uniqueName("测试专家组"),
      leadExpertId: expert.id,
      expertIds: [expert.id, other.id],
      projectIds: [projectId],
    });
    expect(group).toMatchObject({ ok: true });
    expect((await pa(projectId)).status).toBe("IN_EXPERT_REVIEW");
    // The group's two experts, and no other, are told of their assignment.
    const groupId = (group as { data: { id: string } }).data.id;
    expect(await recipientsOf(groupId, "expertGroupAssigned")).toEqual([expert.id, other.id].sort());

    const review = { projectId, version: "0", ...DIMS, opinion: "测算依据基本充分，建议压减设备购置费。" };
    expect(failure(await score(outsider, review)).code).toBe("NOT_FOUND");
    expect(await score(expert, { ...review, submit: "on" })).toMatchObject({
      ok: true,
      data: { submitted: true },
    });
    expect(failure(await score(expert, { ...review, version: "1" })).message).toBe(
      "t:errors.preAssessment.reviewSubmitted",
    );

    const row = await pa(projectId);
    const pending = failure(
      await conclude(admin, {
        id: row.id,
        version: row.version,
        conclusion: "SUPPORT_ADJUSTED",
        recommendedAmount: "4200000",
      }),
    );
    expect(pending.message).toBe("t:errors.preAssessment.expertsPending");
    expect(await score(other, { ...review, submit: "on" })).toMatchObject({ ok: true });

    const tooMuch = failure(
      await conclude(admin, {
        id: row.id,
        version: row.version,
        conclusion: "SUPPORT_ADJUSTED",
        recommendedAmount: "5000000",
      }),
    );
    expect(tooMuch.fieldErrors?.recommendedAmount).toEqual(["t:errors.preAssessment.adjustedOutOfRange"]);
    expect(
      await conclude(admin, {
        id: row.id,
        version: row.version,
        conclusion: "SUPPORT_ADJUSTED",
        recommendedAmount: "4200000",
      }),
    ).toMatchObject({ ok: true });
    const done = await pa(projectId);
    // The conclusion reaches the unit's filers and the department's approvers.
    const concluded = await project(projectId);
    expect(await recipientsOf(done.id, "preAssessmentConcluded")).toEqual(
      await activeUserIds(sql`(role = 'DEPT_FILER' and org_id = ${concluded.unitId})
        or (role = 'DEPT_APPROVER' and org_id = ${concluded.departmentId})`),
    );
    expect(done).toMatchObject({
      status: "CONCLUDED",
      recommendedAmount: "4200000.00",
      conclusion: "SUPPORT_ADJUSTED",
      concludedBy: admin.id,
    });
    const p = await project(projectId);
    expect(p.stage).toBe("TARGET_SETTING");

    expect(failure(await markBudgeted(admin, { projectId, version: p.version - 1 })).code).toBe("CONFLICT");
    expect(await markBudgeted(admin, { projectId, version: p.version })).toMatchObject({ ok: true });
    expect((await project(projectId)).stage).toBe("BUDGETED");
  });

  it("concludes before every expert submitted only with a reason, and 不予支持 records 0 and keeps the stage", async () => {
    const projectId = await accepted();
    const admin = await signedIn("finance_admin");
    const expert = await signedIn("expert");
    await createGroup(admin, {
      year: "2021",
      name: uniqueName("组"),
      leadExpertId: expert.id,
      expertIds: [expert.id],
      projectIds: [projectId],
    });
    const row = await pa(projectId);
    const noReason = failure(
      await conclude(admin, { id: row.id, version: row.version, conclusion: "REJECT", override: "on" }),
    );
    expect(noReason.fieldErrors?.note).toEqual(["t:errors.preAssessment.overrideReasonRequired"]);
    expect(
      await conclude(admin, {
        id: row.id,
        version: row.version,
        conclusion: "REJECT",
        override: "on",
        note: "专家请假，按会议纪要出具结论",
      }),
    ).toMatchObject({ ok: true });
    expect(await pa(projectId)).toMatchObject({ recommendedAmount: "0.00", conclusionOverride: true });
    expect((await project(projectId)).stage).toBe("PRE_ASSESSMENT");
    const refused = failure(
      await markBudgeted(admin, { projectId, version: (await project(projectId)).version }),
    );
    expect(refused.message).toBe("t:errors.preAssessment.notSupported");
  });
});
