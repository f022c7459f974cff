import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { gradeOf, toHundredths } from "@/domain/evaluation";
import { moveEvaluation, writeSheetColumn } from "@/features/evaluations/sheet-service";
import {
  openDeptOverallDefinition,
  openTownshipDefinition,
  recordOpinionDefinition,
  returnDeptOverallDefinition,
  returnTownshipDefinition,
  runOpenDeptOverall,
  runOpenTownship,
  runRecordOpinion,
  runReturnDeptOverall,
  runReturnTownship,
  runSaveDeptSelf,
  runSaveTownshipSelf,
  runScoreTownship,
  saveDeptSelfDefinition,
  saveTownshipSelfDefinition,
  scoreTownshipDefinition,
} from "@/features/overall-evaluation/definitions";
import { getOverallView, listOverall } from "@/features/overall-evaluation/queries";
import { db, queryRows } from "@/server/db";
import {
  auditLog,
  evaluationOpinions,
  evaluations,
  evaluationScores,
  organisations,
  users,
} from "@/server/schema";
import { deptOverallSeedId, townshipFiscalSeedId } from "@/server/seed/overall-evaluation";
import type { CurrentUser } from "@/server/session";
import { caller } from "../factories/actions";
import { failure } from "../factories/messages";
import { activeUserIds, latestParams, recipientsOf } from "../factories/notifications";
import { signedIn } from "../factories/users";

const openDept = caller(openDeptOverallDefinition, runOpenDeptOverall);
const saveDept = caller(saveDeptSelfDefinition, runSaveDeptSelf);
const returnDept = caller(returnDeptOverallDefinition, runReturnDeptOverall);
const opinion = caller(recordOpinionDefinition, runRecordOpinion);
const openTown = caller(openTownshipDefinition, runOpenTownship);
const saveTown = caller(saveTownshipSelfDefinition, runSaveTownshipSelf);
const returnTown = caller(returnTownshipDefinition, runReturnTownship);
const scoreTown = caller(scoreTownshipDefinition, runScoreTownship);

let admin: CurrentUser;
let reviewerJkw: CurrentUser; // covers 区科技局 (D03), not the townships
let reviewerYs: CurrentUser; // covers the townships
let approverD03: CurrentUser;
let approverD04: CurrentUser;
let deptFiler: CurrentUser;
let leader: CurrentUser;
let agency: CurrentUser;
let filerT01: CurrentUser;
let filerT02: CurrentUser;
let d03: string;
let d04: string;
let xiaguan: string;

// This file opens its own 2022 evaluations (区科技局 and 下管镇) and never changes the seeded 2020 and
// 2021 ones, which other files and the end-to-end tests read.
const YEAR = 2022;

async function current(id: string) {
  const [ev] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  const lines = await db
    .select()
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, id))
    .orderBy(asc(evaluationScores.sortOrder), asc(evaluationScores.id));
  return { ev: ev!, lines };
}

/** The sheet form's fields, as the browser posts them, with the points chosen per line. */
async function sheetPayload(id: string, points: (max: string, i: number) => string, extra: object) {
  const { ev, lines } = await current(id);
  return {
    evaluationId: id,
    version: String(ev.version),
    lineId: lines.map((l) => l.id),
    points: lines.map((l, i) => points(l.maxPoints, i)),
    note: lines.map(() => ""),
    ...extra,
  };
}

/** Independent of the app's query: the department's projects of the year summed in SQL. */
async function projectSums(departmentId: string, year: number) {
  const r = await db.execute(sql`
    select sum(budget_current) + sum(budget_carryover) + sum(budget_other) as budget,
           sum(executed_current) + sum(executed_carryover) + sum(executed_other) as executed,
           count(*)::int as n
    from projects where department_id = ${departmentId} and year = ${year}`);
  const row = (r as unknown as { rows: { budget: string; executed: string; n: number }[] }).rows[0]!;
  return { budget: Number(row.budget).toFixed(2), executed: Number(row.executed).toFixed(2), n: row.n };
}

const sumPoints = (values: (string | null)[]) => values.reduce((a, v) => a + (toHundredths(v) ?? 0), 0);

beforeAll(async () => {
  [admin, reviewerJkw, reviewerYs, approverD03, approverD04, deptFiler, leader, agency, filerT01, filerT02] =
    await Promise.all(
      [
        "finance_admin",
        "finance_reviewer",
        "reviewer_ys",
        "dept_approver",
        "approver_d04",
        "dept_filer",
        "leader",
        "agency",
        "filer_t01",
        "filer_t02",
      ].map(signedIn),
    );
  const orgs = await db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations);
  d03 = orgs.find((o) => o.code === "D03")!.id;
  d04 = orgs.find((o) => o.code === "D04")!.id;
  xiaguan = orgs.find((o) => o.name === "下管镇")!.id;
});

describe("the seeded 2020 evaluations (SPEC §10)", () => {
  it("区科技局 and 区金融办 are settled, self total and final total the sums of their lines, with a 人大 opinion each", async () => {
    const [leaderRow] = await db.select({ id: users.id }).from(users).where(eq(users.username, "leader"));
    for (const [code, org] of [
      ["D03", d03],
      ["D04", d04],
    ] as const) {
      const id = deptOverallSeedId(2020, code);
      const { ev, lines } = await current(id);
      expect(ev).toMatchObject({ type: "DEPT_OVERALL", year: 2020, subjectOrgId: org, status: "SETTLED" });
      expect(lines).toHaveLength(17);
      expect(toHundredths(ev.selfTotalScore)).toBe(sumPoints(lines.map((l) => l.selfPoints)));
      expect(toHundredths(ev.totalScore)).toBe(sumPoints(lines.map((l) => l.points)));
      expect(ev.grade).toBe(gradeOf(toHundredths(ev.totalScore)!));
      // The field evaluation found less than the department claimed.
      expect(Number(ev.totalScore)).toBeLessThan(Number(ev.selfTotalScore));
      const sums = await projectSums(org, 2020);
      expect(ev.budgetTotal).toBe(sums.budget);
      expect(ev.executedTotal).toBe(sums.executed);
      const ops = await db.select().from(evaluationOpinions).where(eq(evaluationOpinions.evaluationId, id));
      expect(ops.length).toBeGreaterThanOrEqual(1);
      expect(ops[0]!.authorId).toBe(leaderRow!.id);
      expect(ops[0]!.body).toContain("区人大常委会");
    }
  });

  it("each has an agency's field evaluation: engaged, declared and submitted by its staff, accepted when settled, rated", async () => {
    for (const code of ["D03", "D04"]) {
      const id = deptOverallSeedId(2020, code);
      const [g] = await queryRows<{
        agency: string;
        declarer_agency: string;
        declared_at_scoring: boolean;
        accepted_at_settled: boolean;
        rated: number;
        team: number;
      }>(
        db,
        sql`select g.agency_id as agency, u.org_id as declarer_agency,
              g.declared_at = (select created_at from evaluation_transitions
                where evaluation_id = g.evaluation_id and to_status = 'SCORING') as declared_at_scoring,
              g.accepted_at = (select created_at from evaluation_transitions
                where evaluation_id = g.evaluation_id and to_status = 'SETTLED') as accepted_at_settled,
              (select count(*)::int from agency_ratings r where r.engagement_id = g.id) as rated,
              (select count(*)::int from engagement_team m where m.engagement_id = g.id) as team
            from engagements g join users u on u.id = g.declared_by
            where g.evaluation_id = ${id}`,
      );
      expect(g).toMatchObject({ declared_at_scoring: true, accepted_at_settled: true, rated: 1 });
      expect(g!.declarer_agency).toBe(g!.agency);
      expect(g!.team).toBeGreaterThan(0);
      // Every step of its history names who took it: the agency's steps its staff.
      const steps = await queryRows<{ to: string; role: string | null; org: string | null }>(
        db,
        sql`select t.to_status::text as to, u.role::text as role, u.org_id as org
            from evaluation_transitions t left join users u on u.id = t.actor_id
            where t.evaluation_id = ${id} order by t.created_at`,
      );
      expect(steps.map((s) => [s.to, s.role])).toEqual([
        ["DRAFT", "FINANCE_ADMIN"],
        ["RECEIVED", "DEPT_APPROVER"],
        ["SCORING", "AGENCY"],
        ["SUBMITTED", "AGENCY"],
        ["SETTLED", "FINANCE_ADMIN"],
      ]);
      expect(steps.filter((s) => s.role === "AGENCY").every((s) => s.org === g!.agency)).toBe(true);
    }
  });

  it("the 下管镇 pilot is settled, and 2021 drafts wait for 区科技局 and 下管镇", async () => {
    const { ev, lines } = await current(townshipFiscalSeedId(2020, "下管镇"));
    expect(ev).toMatchObject({
      type: "TOWNSHIP_FISCAL",
      year: 2020,
      subjectOrgId: xiaguan,
      status: "SETTLED",
    });
    expect(toHundredths(ev.totalScore)).toBe(sumPoints(lines.map((l) => l.points)));
    expect(toHundredths(ev.selfTotalScore)).toBe(sumPoints(lines.map((l) => l.selfPoints)));
    expect(ev.grade).toBe(gradeOf(toHundredths(ev.totalScore)!));
    for (const id of [deptOverallSeedId(2021, "D03"), townshipFiscalSeedId(2021, "下管镇")]) {
      const draft = await current(id);
      expect(draft.ev.status).toBe("DRAFT");
      expect(draft.lines.length).toBeGreaterThan(0);
      expect(draft.lines.every((l) => l.selfPoints === null && l.points === null)).toBe(true);
    }
  });

  it("the evaluation page joins the department's budget execution, summed from its projects", async () => {
    const view = await getOverallView(leader, "DEPT_OVERALL", deptOverallSeedId(2020, "D03"));
    const sums = await projectSums(d03, 2020);
    expect(sums.n).toBeGreaterThan(0);
    expect(view!.execution).toEqual({ projects: sums.n, budget: sums.budget, executed: sums.executed });
    expect(view!.opinions.length).toBeGreaterThanOrEqual(1);
    expect(view!.lines.every((l) => l.selfPoints !== null && l.points !== null)).toBe(true);
  });

  it("lists them to finance and leaders; a department sees only its own", async () => {
    const all = await listOverall(leader, "DEPT_OVERALL", { year: 2020, page: 1 });
    expect(all.rows.map((r) => r.orgId).sort()).toEqual([d03, d04].sort());
    expect(all.rows.every((r) => r.opinions >= 1)).toBe(true);
    const own = await listOverall(approverD04, "DEPT_OVERALL", { year: 2020, page: 1 });
    expect(own.rows.map((r) => r.orgId)).toEqual([d04]);
    const town = await listOverall(filerT01, "TOWNSHIP_FISCAL", { page: 1 });
    expect(new Set(town.rows.map((r) => r.orgId))).toEqual(new Set([xiaguan]));
  });
});

describe("scope: out of scope reads and acts as not found", () => {
  it("another department's approver, a unit filer, a reviewer of another division and an agency do not see 区科技局's evaluation", async () => {
    const id = deptOverallSeedId(2020, "D03");
    expect(await getOverallView(approverD03, "DEPT_OVERALL", id)).not.toBeNull();
    expect(await getOverallView(reviewerJkw, "DEPT_OVERALL", id)).not.toBeNull();
    expect(await getOverallView(approverD04, "DEPT_OVERALL", id)).toBeNull();
    expect(await getOverallView(deptFiler, "DEPT_OVERALL", id)).toBeNull();
    expect(await getOverallView(reviewerYs, "DEPT_OVERALL", id)).toBeNull();
    expect(await getOverallView(agency, "DEPT_OVERALL", id)).toBeNull();
    expect((await listOverall(agency, "DEPT_OVERALL", { page: 1 })).total).toBe(0);
    // Asked as the other type, it is not there either.
    expect(await getOverallView(admin, "TOWNSHIP_FISCAL", id)).toBeNull();
  });

  it("a filer of another township does not see 下管镇's; a reviewer not covering townships neither", async () => {
    const id = townshipFiscalSeedId(2020, "下管镇");
    expect(await getOverallView(filerT01, "TOWNSHIP_FISCAL", id)).not.toBeNull();
    expect(await getOverallView(reviewerYs, "TOWNSHIP_FISCAL", id)).not.toBeNull();
    expect(await getOverallView(filerT02, "TOWNSHIP_FISCAL", id)).toBeNull();
    expect(await getOverallView(reviewerJkw, "TOWNSHIP_FISCAL", id)).toBeNull();
    expect(await getOverallView(agency, "TOWNSHIP_FISCAL", id)).toBeNull();
  });
});

describe("部门整体绩效评价: open, self-evaluate, return, opinion", () => {
  let id: string;

  it("finance opens one per department and year; a second is refused on the department field", async () => {
    expect(
      failure((await openDept(approverD03, { orgId: d03, year: YEAR, dueDate: "2023-04-30" })) as never).code,
    ).toBe("FORBIDDEN");
    const opened = await openDept(admin, { orgId: d03, year: String(YEAR), dueDate: "2023-04-30" });
    expect(opened.ok).toBe(true);
    id = (opened as unknown as { data: { id: string } }).data.id;
    const { ev, lines } = await current(id);
    expect(ev).toMatchObject({
      type: "DEPT_OVERALL",
      status: "DRAFT",
      subjectOrgId: d03,
      dueDate: "2023-04-30",
    });
    expect(lines.map((l) => l.level1)).toContain("SATISFACTION");
    const again = failure(
      (await openDept(admin, { orgId: d03, year: YEAR, dueDate: "2023-04-30" })) as never,
    );
    expect(Object.keys(again.fieldErrors ?? {})).toEqual(["orgId"]);
    expect(again.fieldErrors!.orgId![0]).toBe("t:overallEvaluation.errors.exists");
    // A township is not a department.
    const wrong = failure(
      (await openDept(admin, { orgId: xiaguan, year: YEAR, dueDate: "2023-04-30" })) as never,
    );
    expect(wrong.fieldErrors?.orgId).toEqual(["t:overallEvaluation.errors.orgUnknown"]);
  });

  it("another department's approver cannot save it (not found), nor can a unit filer (no permission)", async () => {
    const body = await sheetPayload(id, () => "1", { selfReport: "x", improvement: "y" });
    expect(failure((await saveDept(approverD04, body)) as never).code).toBe("NOT_FOUND");
    expect(failure((await saveDept(deptFiler, body)) as never).code).toBe("FORBIDDEN");
    expect(failure((await saveDept(agency, body)) as never).code).toBe("FORBIDDEN");
  });

  it("finance cannot return a draft; a leader cannot record an opinion before it is settled", async () => {
    const { ev } = await current(id);
    expect(
      failure((await returnDept(admin, { evaluationId: id, version: ev.version, comment: "x" })) as never)
        .code,
    ).toBe("INVALID_TRANSITION");
    expect(failure((await opinion(leader, { evaluationId: id, body: "审议意见" })) as never).code).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("submitting with a blank line and no report is refused with each field's error; a draft with blanks saves", async () => {
    const blank = await sheetPayload(id, (max, i) => (i === 2 ? "" : max), {
      selfReport: "",
      improvement: "",
      submit: "on",
    });
    const refused = failure((await saveDept(approverD03, blank)) as never);
    expect(refused.code).toBe("VALIDATION");
    expect(refused.message).toBe("t:errors.evaluations.cannotSubmit");
    expect(Object.keys(refused.fieldErrors!).sort()).toEqual(["improvement", "lines.2.points", "selfReport"]);
    expect((await current(id)).ev.status).toBe("DRAFT");

    const over = failure(
      (await saveDept(approverD03, await sheetPayload(id, (max, i) => (i === 0 ? "99" : max), {}))) as never,
    );
    expect(Object.keys(over.fieldErrors!)).toEqual(["lines.0.points"]);

    const draft = await saveDept(
      approverD03,
      await sheetPayload(id, (max, i) => (i < 3 ? max : ""), { selfReport: "草稿", improvement: "" }),
    );
    expect(draft.ok).toBe(true);
    const { ev, lines } = await current(id);
    expect(ev.status).toBe("DRAFT");
    expect(ev.selfReport).toBe("草稿");
    expect(lines.filter((l) => l.selfPoints !== null)).toHaveLength(3);
    expect(lines.every((l) => l.points === null)).toBe(true);
  });

  it("a stale version is refused as a conflict", async () => {
    const body = await sheetPayload(id, (max) => max, { selfReport: "x" });
    const stale = { ...body, version: String(Number(body.version) - 1) };
    expect(failure((await saveDept(approverD03, stale)) as never).code).toBe("CONFLICT");
  });

  it("a complete submission goes to finance with the self total and the execution figures of its projects", async () => {
    const body = await sheetPayload(id, (max, i) => (i % 4 === 0 ? (Number(max) - 1).toFixed(2) : max), {
      selfReport: "对照部门职责开展整体自评，重点工作全部完成。",
      improvement: "全年预算执行率较高，结转主要为跨年度项目。",
      submit: "on",
    });
    const submitted = await saveDept(approverD03, body);
    expect(submitted.ok).toBe(true);
    const { ev, lines } = await current(id);
    expect(ev.status).toBe("RECEIVED");
    expect(toHundredths(ev.selfTotalScore)).toBe(sumPoints(lines.map((l) => l.selfPoints)));
    expect(Number(ev.selfTotalScore)).toBe(100 - Math.ceil(lines.length / 4));
    const sums = await projectSums(d03, YEAR);
    expect(ev.budgetTotal).toBe(sums.budget);
    expect(ev.executedTotal).toBe(sums.executed);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "deptOverall.transitioned"), eq(auditLog.entityId, id)));
    expect(audit?.changes).toMatchObject({ from: "DRAFT", to: "RECEIVED" });
    // Filed: the department cannot change it any more.
    const late = await sheetPayload(id, (max) => max, { selfReport: "x", improvement: "y" });
    expect(failure((await saveDept(approverD03, late)) as never).code).toBe("INVALID_TRANSITION");
  });

  it("finance returns it with a reason (required) before an agency starts; the department resubmits", async () => {
    let { ev } = await current(id);
    const noReason = failure(
      (await returnDept(admin, { evaluationId: id, version: ev.version, comment: " " })) as never,
    );
    expect(noReason.fieldErrors?.comment).toEqual(["t:validation.returnComment"]);
    expect(
      failure(
        (await returnDept(reviewerJkw, { evaluationId: id, version: ev.version, comment: "x" })) as never,
      ).code,
    ).toBe("FORBIDDEN");
    const returned = await returnDept(admin, {
      evaluationId: id,
      version: ev.version,
      comment: "请补充预算执行情况说明",
    });
    expect(returned.ok).toBe(true);
    ({ ev } = await current(id));
    expect(ev.status).toBe("RETURNED");
    const view = await getOverallView(approverD03, "DEPT_OVERALL", id);
    expect(view!.history.at(-1)).toMatchObject({ toStatus: "RETURNED", comment: "请补充预算执行情况说明" });
    const again = await saveDept(
      approverD03,
      await sheetPayload(id, (max) => max, {
        selfReport: "补充后的自评报告",
        improvement: "补充说明",
        submit: "on",
      }),
    );
    expect(again.ok).toBe(true);
    expect((await current(id)).ev).toMatchObject({ status: "RECEIVED", selfTotalScore: "100.00" });
    // Each filing went to finance covering 区科技局; the return to its approvers only.
    const finance = await activeUserIds(
      sql`(role = 'FINANCE_ADMIN' or (role = 'FINANCE_REVIEWER' and org_id =
        (select covering_division_id from organisations where id = ${d03})))`,
    );
    expect(finance).toContain(reviewerJkw.id);
    expect(finance).not.toContain(reviewerYs.id);
    expect(await recipientsOf(id, "overallSubmitted")).toEqual(finance);
    const approvers = await activeUserIds(sql`role = 'DEPT_APPROVER' and org_id = ${d03}`);
    expect(await recipientsOf(id, "overallReturned")).toEqual(approvers);
    expect((await latestParams(id, "overallReturned"))?.reason).toBe("请补充预算执行情况说明");
  });

  it("once the agency has started, finance can no longer return it; after settlement only a leader records opinions, with text", async () => {
    // The third-party module's steps on the same evaluation: the agency declares and scores, finance accepts.
    let { ev, lines } = await current(id);
    await moveEvaluation(db, {
      evaluationId: id,
      from: "RECEIVED",
      to: "SCORING",
      version: ev.version,
      actorId: admin.id,
    });
    ({ ev } = await current(id));
    expect(
      failure((await returnDept(admin, { evaluationId: id, version: ev.version, comment: "x" })) as never)
        .code,
    ).toBe("INVALID_TRANSITION");
    await writeSheetColumn(
      db,
      id,
      "points",
      lines.map((l) => ({ id: l.id, points: (Number(l.maxPoints) - 0.5).toFixed(2), note: "" })),
    );
    await moveEvaluation(db, {
      evaluationId: id,
      from: "SCORING",
      to: "SUBMITTED",
      version: ev.version,
      actorId: admin.id,
    });
    ({ ev } = await current(id));
    await moveEvaluation(db, {
      evaluationId: id,
      from: "SUBMITTED",
      to: "SETTLED",
      version: ev.version,
      actorId: admin.id,
      set: { totalScore: (100 - 0.5 * lines.length).toFixed(2), grade: "GOOD" },
    });

    expect(failure((await opinion(admin, { evaluationId: id, body: "意见" })) as never).code).toBe(
      "FORBIDDEN",
    );
    expect(failure((await opinion(approverD03, { evaluationId: id, body: "意见" })) as never).code).toBe(
      "FORBIDDEN",
    );
    // A leader of 区委区政府 reads the opinions but records none: only 人大 does.
    const government = await signedIn("leader_gov");
    expect(government.orgKind).toBe("GOVERNMENT");
    expect(failure((await opinion(government, { evaluationId: id, body: "意见" })) as never).code).toBe(
      "FORBIDDEN",
    );
    expect(leader.orgKind).toBe("CONGRESS");
    const blank = failure((await opinion(leader, { evaluationId: id, body: "  " })) as never);
    expect(blank.code).toBe("VALIDATION");
    expect(Object.keys(blank.fieldErrors!)).toEqual(["body"]);
    for (const body of ["第一次审议意见：加快资金拨付。", "第二次审议意见：整改情况书面报告。"]) {
      expect((await opinion(leader, { evaluationId: id, body })).ok).toBe(true);
    }
    const view = await getOverallView(approverD03, "DEPT_OVERALL", id);
    expect(view!.opinions.map((o) => o.body)).toEqual([
      "第一次审议意见：加快资金拨付。",
      "第二次审议意见：整改情况书面报告。",
    ]);
    expect(view!.opinions.every((o) => o.authorName === leader.displayName)).toBe(true);
    expect((await getOverallView(government, "DEPT_OVERALL", id))!.opinions).toHaveLength(2);
    ({ lines } = await current(id));
    expect(view!.lines.map((l) => [l.selfPoints, l.points])).toEqual(
      lines.map((l) => [l.selfPoints, l.points]),
    );
  });
});

describe("乡镇财政运行综合绩效评价: the township fills, finance scores, returns or settles", () => {
  let id: string;

  it("finance opens one for a township and year; a department is not a township", async () => {
    const wrong = failure(
      (await openTown(admin, { orgId: d03, year: YEAR, dueDate: "2023-05-31" })) as never,
    );
    expect(wrong.fieldErrors?.orgId).toEqual(["t:overallEvaluation.errors.orgUnknown"]);
    const opened = await openTown(admin, { orgId: xiaguan, year: YEAR, dueDate: "2023-05-31" });
    expect(opened.ok).toBe(true);
    id = (opened as unknown as { data: { id: string } }).data.id;
    expect((await current(id)).ev).toMatchObject({
      type: "TOWNSHIP_FISCAL",
      status: "DRAFT",
      budgetTotal: null,
    });
  });

  it("another township's filer cannot touch it; the township submits once complete", async () => {
    const body = await sheetPayload(id, (max) => max, { selfReport: "自评报告", submit: "on" });
    expect(failure((await saveTown(filerT02, body)) as never).code).toBe("NOT_FOUND");
    expect(failure((await saveTown(deptFiler, body)) as never).code).toBe("NOT_FOUND");
    const blank = failure(
      (await saveTown(
        filerT01,
        await sheetPayload(id, (max, i) => (i === 0 ? "" : max), { selfReport: "", submit: "on" }),
      )) as never,
    );
    expect(Object.keys(blank.fieldErrors!).sort()).toEqual(["lines.0.points", "selfReport"]);
    const ok = await saveTown(
      filerT01,
      await sheetPayload(id, (max, i) => (i === 0 ? (Number(max) - 2).toFixed(2) : max), {
        selfReport: "全年财政运行平稳，债务风险可控。",
        submit: "on",
      }),
    );
    expect(ok.ok).toBe(true);
    expect((await current(id)).ev).toMatchObject({ status: "SUBMITTED", selfTotalScore: "98.00" });
  });

  it("only finance covering the township scores it; settling with blanks is refused; finance returns with a reason", async () => {
    const full = (await current(id)).lines;
    const body = await sheetPayload(id, (max, i) => (i < 5 ? (Number(max) - 1).toFixed(2) : ""), {
      summary: "",
      findingId: [""],
      problem: ["资产台账不全"],
      requirement: ["年底前完成资产清查"],
      findingDue: ["2023-12-31"],
    });
    expect(failure((await scoreTown(reviewerJkw, body)) as never).code).toBe("NOT_FOUND");
    expect(failure((await scoreTown(filerT01, body)) as never).code).toBe("FORBIDDEN");
    expect((await scoreTown(reviewerYs, body)).ok).toBe(true);
    const { ev, lines } = await current(id);
    expect(ev.status).toBe("SUBMITTED");
    expect(lines.filter((l) => l.points !== null)).toHaveLength(5);
    // The township's own points are untouched by finance's scoring.
    expect(lines.map((l) => l.selfPoints)).toEqual(full.map((l) => l.selfPoints));

    const settle = failure(
      (await scoreTown(
        admin,
        await sheetPayload(id, (max, i) => (i === 1 ? "" : max), { summary: "", submit: "on" }),
      )) as never,
    );
    expect(Object.keys(settle.fieldErrors!).sort()).toEqual(["lines.1.points", "summary"]);

    const noReason = failure(
      (await returnTown(admin, { evaluationId: id, version: ev.version, comment: "" })) as never,
    );
    expect(Object.keys(noReason.fieldErrors!)).toEqual(["comment"]);
    expect(
      failure((await returnTown(filerT01, { evaluationId: id, version: ev.version, comment: "x" })) as never)
        .code,
    ).toBe("FORBIDDEN");
    expect(
      (await returnTown(reviewerYs, { evaluationId: id, version: ev.version, comment: "请补充债务化解材料" }))
        .ok,
    ).toBe(true);
    expect((await current(id)).ev.status).toBe("RETURNED");
    // While it is back with the township, finance cannot score it.
    const early = await sheetPayload(id, (max) => max, { summary: "x", submit: "on" });
    expect(failure((await scoreTown(admin, early)) as never).code).toBe("INVALID_TRANSITION");
  });

  it("after resubmission finance settles it: total and grade from its points, findings kept", async () => {
    const resubmit = await saveTown(
      filerT01,
      await sheetPayload(id, (max) => max, { selfReport: "已补充债务化解材料。", submit: "on" }),
    );
    expect(resubmit.ok).toBe(true);
    const { lines } = await current(id);
    const body = await sheetPayload(id, (max, i) => (i < 4 ? (Number(max) - 3).toFixed(2) : max), {
      summary: "财政运行总体平稳，资产管理需加强。",
      findingId: [""],
      problem: ["资产台账不全"],
      requirement: ["年底前完成资产清查"],
      findingDue: ["2023-12-31"],
      submit: "on",
    });
    const settled = await scoreTown(admin, body);
    expect(settled.ok).toBe(true);
    const after = await current(id);
    expect(after.ev.status).toBe("SETTLED");
    expect(after.ev.totalScore).toBe("88.00");
    expect(after.ev.grade).toBe("GOOD");
    expect(after.ev.completedAt).not.toBeNull();
    expect(after.lines.map((l) => l.selfPoints)).toEqual(lines.map((l) => l.selfPoints));
    const view = await getOverallView(filerT01, "TOWNSHIP_FISCAL", id);
    expect(view!.findings).toEqual([
      expect.objectContaining({
        problem: "资产台账不全",
        requirement: "年底前完成资产清查",
        dueDate: "2023-12-31",
      }),
    ]);
    expect(view!.history.map((h) => h.toStatus)).toEqual([
      "DRAFT",
      "SUBMITTED",
      "RETURNED",
      "SUBMITTED",
      "SETTLED",
    ]);
    // The township's own staff heard of the return and the settlement; finance covering it of each filing.
    const staff = await activeUserIds(sql`role in ('DEPT_FILER', 'DEPT_APPROVER') and org_id = ${xiaguan}`);
    expect(staff).toContain(filerT01.id);
    expect(staff).not.toContain(filerT02.id);
    expect(await recipientsOf(id, "overallReturned")).toEqual(staff);
    expect(await recipientsOf(id, "overallSettled")).toEqual(staff);
    const finance = await recipientsOf(id, "overallSubmitted");
    expect(finance).toContain(reviewerYs.id);
    expect(finance).toContain(admin.id);
    expect(finance).not.toContain(reviewerJkw.id);
    // Settled: nothing more to fill or return.
    expect(
      failure((await saveTown(filerT01, await sheetPayload(id, (max) => max, { selfReport: "x" }))) as never)
        .code,
    ).toBe("INVALID_TRANSITION");
  });
});
