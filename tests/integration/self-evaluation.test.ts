import { and, asc, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { executionPoints, gradeOf, hundredthsToText, toHundredths } from "@/domain/evaluation";
import { toFen } from "@/domain/money";
import {
  deptReviewSelfEvaluationDefinition,
  financeReviewSelfEvaluationDefinition,
  importSelfScoresDefinition,
  openSelfRoundDefinition,
  runDeptReviewSelfEvaluation,
  runFinanceReviewSelfEvaluation,
  runImportSelfScores,
  runOpenSelfRound,
  runSaveSelfEvaluation,
  runSubmitSelfEvaluation,
  saveSelfEvaluationDefinition,
  submitSelfEvaluationDefinition,
} from "@/features/self-evaluation/definitions";
import { templateWorkbook } from "@/features/self-evaluation/export";
import { getSelfEvaluationView } from "@/features/self-evaluation/queries";
import { db } from "@/server/db";
import {
  auditLog,
  evaluations,
  evaluationScores,
  projects,
  targetIndicators,
  targetSheets,
} from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { caller } from "../factories/actions";
import { failure } from "../factories/messages";
import { activeUserIds, recipientsOf } from "../factories/notifications";
import { signedIn } from "../factories/users";

const t = (key: string) => key;
const save = caller(saveSelfEvaluationDefinition, runSaveSelfEvaluation, { t });
const submit = caller(submitSelfEvaluationDefinition, runSubmitSelfEvaluation, { t });
const deptReview = caller(deptReviewSelfEvaluationDefinition, runDeptReviewSelfEvaluation, { t });
const financeReview = caller(financeReviewSelfEvaluationDefinition, runFinanceReviewSelfEvaluation, { t });
const openRound = caller(openSelfRoundDefinition, runOpenSelfRound, { t });
const importScores = caller(importSelfScoresDefinition, runImportSelfScores, { t });

let filer: CurrentUser;
let filer2: CurrentUser;
let approver: CurrentUser;
let admin: CurrentUser;

async function current(id: string) {
  const [ev] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  const lines = await db
    .select()
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, id))
    .orderBy(asc(evaluationScores.sortOrder));
  return { ev: ev!, lines };
}

/** The form's payload for an evaluation as stored, with changes to its lines. */
async function payload(id: string, points: (max: string, i: number) => string) {
  const { ev, lines } = await current(id);
  return {
    evaluationId: id,
    version: String(ev.version),
    budgetTotal: ev.budgetTotal ?? "",
    executedTotal: ev.executedTotal ?? "",
    summary: "年度目标基本完成",
    improvement: "加快实施进度",
    lines: JSON.stringify(
      lines.map((l, i) => ({ id: l.id, actualValue: "已完成", points: points(l.maxPoints, i), note: "" })),
    ),
  };
}

/** Finance sends a received evaluation back, so the unit has one to fill again. */
async function returnToUnit(id: string) {
  const { ev } = await current(id);
  const r = await financeReview(admin, {
    evaluationId: id,
    version: ev.version,
    decision: "return",
    comment: "请补充偏差原因",
  });
  expect(r.ok).toBe(true);
}

// The 2021 projects are not evaluated in the demo data: this file opens their self-evaluation and
// works on a few of dept_filer's, so the seeded 2020 figures other files check stay as they are.
const YEAR = 2021;
let own: { id: string; projectId: string; code: string }[];
let unscored: string;

/** An approved target sheet of three indicators (50 + 30 + 10 points) for a project. */
async function approvedSheet(projectId: string) {
  const [sheet] = await db
    .insert(targetSheets)
    .values({
      projectId,
      year: YEAR,
      status: "APPROVED",
      overallGoal: "完成年度任务",
      approvedAt: new Date(),
    })
    .returning({ id: targetSheets.id });
  await db.insert(targetIndicators).values([
    {
      sheetId: sheet!.id,
      level1: "OUTPUT",
      level2: "QUANTITY",
      name: "完成培训人次",
      operator: "GTE",
      targetValue: "500",
      unit: "人次",
      points: "50",
      direction: "HIGHER_BETTER",
      sortOrder: 0,
    },
    {
      sheetId: sheet!.id,
      level1: "BENEFIT",
      level2: "SOCIAL",
      name: "受益企业数",
      operator: "GTE",
      targetValue: "40",
      unit: "家",
      points: "30",
      direction: "HIGHER_BETTER",
      sortOrder: 1,
    },
    {
      sheetId: sheet!.id,
      level1: "SATISFACTION",
      level2: "SERVICE_SATISFACTION",
      name: "服务对象满意度",
      operator: "GTE",
      targetValue: "90",
      unit: "%",
      points: "10",
      direction: "HIGHER_BETTER",
      sortOrder: 2,
    },
  ]);
}

beforeAll(async () => {
  [filer, filer2, approver, admin] = await Promise.all([
    signedIn("dept_filer"),
    signedIn("dept_filer2"),
    signedIn("dept_approver"),
    signedIn("finance_admin"),
  ]);
  const mine = await db
    .select({ id: projects.id, code: projects.code })
    .from(projects)
    .where(and(eq(projects.year, YEAR), eq(projects.unitId, filer.orgId!)))
    .orderBy(asc(projects.code))
    .limit(5);
  expect(mine.length).toBe(5);
  for (const p of mine.slice(0, 4)) await approvedSheet(p.id);
});

describe("开启单位自评", () => {
  it("gives every project of the year a draft once, lines from its approved sheet, and refuses a second opening", async () => {
    expect(
      failure((await openRound(filer, { year: String(YEAR), dueDate: "2022-04-30" })) as never).code,
    ).toBe("FORBIDDEN");
    // On a shared server database other files may file projects of the year meanwhile: the round
    // covers every project that existed when it opened.
    const openedAt = new Date().toISOString(); // the database runs on this machine's clock
    const opened = await openRound(admin, { year: String(YEAR), dueDate: "2022-04-30" });
    expect(opened.ok).toBe(true);
    const [counts] = await db
      .select({
        projects: sql<number>`count(distinct ${projects.id}) filter (where ${projects.createdAt} < ${openedAt}::timestamptz)::int`,
        drafts: sql<number>`count(${evaluations.id}) filter (where ${evaluations.status} = 'DRAFT' and ${projects.createdAt} < ${openedAt}::timestamptz)::int`,
        selfEvaluations: sql<number>`count(${evaluations.id})::int`,
      })
      .from(projects)
      .leftJoin(evaluations, and(eq(evaluations.projectId, projects.id), eq(evaluations.type, "SELF")))
      .where(eq(projects.year, YEAR));
    expect(counts!.drafts).toBe(counts!.projects);
    expect((opened as unknown as { data: { created: number } }).data.created).toBe(counts!.selfEvaluations);
    const again = failure((await openRound(admin, { year: String(YEAR), dueDate: "2022-05-31" })) as never);
    expect(again.fieldErrors).toEqual({ year: ["errors.selfEvaluation.roundExists"] });

    const rows = await db
      .select({ id: evaluations.id, projectId: projects.id, code: projects.code })
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .where(and(eq(evaluations.type, "SELF"), eq(projects.year, YEAR), eq(projects.unitId, filer.orgId!)))
      .orderBy(asc(projects.code))
      .limit(5);
    own = rows.slice(0, 4);
    unscored = rows[4]!.id;
    for (const o of own)
      expect((await current(o.id)).lines.map((l) => l.maxPoints)).toEqual(["50.00", "30.00", "10.00"]);
    expect((await current(unscored)).lines).toEqual([]);
  });

  it("refuses to submit a self-evaluation whose project has no approved target sheet", async () => {
    const body = await payload(unscored, () => "");
    const refused = failure(
      (await submit(filer, { ...body, budgetTotal: "100000", executedTotal: "90000" })) as never,
    );
    expect(refused.message).toBe("errors.selfEvaluation.noTargets");
  });
});

describe("单位自评 flow", () => {
  it("refuses points above an indicator's points on that line, saving nothing", async () => {
    const id = own[0]!.id;
    const before = await current(id);
    const refused = failure(
      (await save(filer, await payload(id, (max, i) => (i === 1 ? "99" : max)))) as never,
    );
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fieldErrors).toEqual({ "lines.1.points": ["errors.selfEvaluation.pointsOverMax"] });
    const after = await current(id);
    expect(after.ev.version).toBe(before.ev.version);
    expect(after.lines.map((l) => l.points)).toEqual(before.lines.map((l) => l.points));
  });

  it("refuses to submit a line without points, and the save rolls back with it", async () => {
    const id = own[0]!.id;
    const before = await current(id);
    const refused = failure(
      (await submit(filer, await payload(id, (max, i) => (i === 0 ? "" : max)))) as never,
    );
    expect(refused.fieldErrors).toEqual({ "lines.0.points": ["errors.selfEvaluation.pointsRequired"] });
    const after = await current(id);
    expect(after.ev).toMatchObject({ status: "DRAFT", version: before.ev.version });
  });

  it("submits with the computed total and grade, then the department approves and finance receives", async () => {
    const id = own[0]!.id;
    // Every indicator loses a tenth of its points.
    const body = await payload(id, (max) => hundredthsToText(Math.round((toHundredths(max)! * 9) / 10)));
    const done = await submit(filer, body);
    expect(done.ok).toBe(true);
    const { ev, lines } = await current(id);
    const expected =
      lines.reduce((a, l) => a + toHundredths(l.points!)!, 0) +
      executionPoints(toFen(ev.budgetTotal!), toFen(ev.executedTotal!));
    expect(ev).toMatchObject({
      status: "SUBMITTED",
      totalScore: hundredthsToText(expected),
      grade: gradeOf(expected),
    });

    // The unit cannot review; another department's filer cannot even see it.
    expect(
      failure(
        (await deptReview(filer, { evaluationId: id, version: ev.version, decision: "approve" })) as never,
      ).code,
    ).toBe("FORBIDDEN");
    expect(await getSelfEvaluationView(filer2, own[0]!.projectId)).toBeNull();
    expect(failure((await save(filer2, body)) as never).code).toBe("NOT_FOUND");

    // A stale version is refused; the current one goes through.
    expect(
      failure(
        (await deptReview(approver, {
          evaluationId: id,
          version: ev.version - 1,
          decision: "approve",
        })) as never,
      ).code,
    ).toBe("CONFLICT");
    expect(
      (await deptReview(approver, { evaluationId: id, version: ev.version, decision: "approve" })).ok,
    ).toBe(true);
    const approved = (await current(id)).ev;
    expect(
      (await financeReview(admin, { evaluationId: id, version: approved.version, decision: "approve" })).ok,
    ).toBe(true);
    expect((await current(id)).ev.status).toBe("RECEIVED");

    // The department's approval went to finance covering the department; the receipt to the unit.
    const [project] = await db
      .select()
      .from(projects)
      .where(eq(projects.id, (await current(id)).ev.projectId!));
    expect(await recipientsOf(project!.departmentId, "selfEvaluationForwardedDigest")).toEqual(
      await activeUserIds(sql`(role = 'FINANCE_ADMIN' and org_id in (select id from organisations
          where district_id = ${project!.districtId}))
        or (role = 'FINANCE_REVIEWER' and org_id = (select covering_division_id from organisations
          where id = ${project!.departmentId}))`),
    );
    expect(await recipientsOf(id, "selfEvaluationReceived")).toEqual(
      await activeUserIds(sql`role = 'DEPT_FILER' and org_id = ${project!.unitId}`),
    );
    expect(await recipientsOf(id, "selfEvaluationReceived")).toContain(filer.id);
  });

  it("scores the lines a submit does not send as they were saved before", async () => {
    const id = own[1]!.id;
    const saved = await save(
      filer,
      await payload(id, (max) => hundredthsToText(Math.round((toHundredths(max)! * 8) / 10))),
    );
    expect(saved.ok).toBe(true);
    // The submit sends the first line only, now with full points; the others keep their saved points.
    const body = await payload(id, (max) => max);
    const [first] = JSON.parse(body.lines) as unknown[];
    const done = await submit(filer, {
      ...body,
      budgetTotal: "100000",
      executedTotal: "90000",
      lines: JSON.stringify([first]),
    });
    expect(done.ok).toBe(true);
    const { ev, lines } = await current(id);
    expect(lines[0]!.points).toBe(lines[0]!.maxPoints);
    expect(lines.slice(1).every((l) => toHundredths(l.points!)! < toHundredths(l.maxPoints)!)).toBe(
      lines.length > 1,
    );
    const expected =
      lines.reduce((a, l) => a + toHundredths(l.points!)!, 0) +
      executionPoints(toFen("100000"), toFen("90000"));
    expect(ev).toMatchObject({ status: "SUBMITTED", totalScore: hundredthsToText(expected) });
    // A draft again for the tests after this one.
    await db.update(evaluations).set({ status: "DRAFT" }).where(eq(evaluations.id, id));
  });

  it("needs a reason to send back a received evaluation, which only finance may do; every move is audited", async () => {
    const id = own[0]!.id;
    const { ev } = await current(id);
    const noReason = failure(
      (await financeReview(admin, { evaluationId: id, version: ev.version, decision: "return" })) as never,
    );
    expect(noReason.fieldErrors).toHaveProperty("comment");
    expect(
      failure(
        (await deptReview(approver, {
          evaluationId: id,
          version: ev.version,
          decision: "return",
          comment: "x",
        })) as never,
      ).code,
    ).toBe("INVALID_TRANSITION");
    await returnToUnit(id);
    expect((await current(id)).ev.status).toBe("RETURNED");
    const audited = await db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "selfEvaluation.transitioned")));
    expect(audited.map((a) => (a.changes as { transition: string }).transition)).toEqual(
      expect.arrayContaining(["submit", "deptApprove", "financeReceive", "financeReturn"]),
    );
  });

  it("lets one of two saves of the same version through and refuses the other with CONFLICT", async () => {
    const id = own[1]!.id;
    const a = await payload(id, () => "1");
    const b = await payload(id, () => "2");
    const results = await Promise.all([save(filer, a), save(filer, b)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual(["CONFLICT"]);
    const winner = results[0]!.ok ? "1.00" : "2.00";
    expect(new Set((await current(id)).lines.map((l) => l.points))).toEqual(new Set([winner]));
  });
});

async function workbookFrom(written: ExcelJS.Workbook) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await written.xlsx.writeBuffer()) as ArrayBuffer);
  return wb;
}
async function asFile(wb: ExcelJS.Workbook) {
  const buffer = await wb.xlsx.writeBuffer();
  return new File([buffer as ArrayBuffer], "自评.xlsx", {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

describe("导入自评得分", () => {
  it("refuses the whole file when one row is wrong, then saves the corrected file as drafts", async () => {
    const ids = [own[2]!, own[3]!];
    // Written and read back as a file, as the unit downloads it.
    const template = await workbookFrom(await templateWorkbook(filer, YEAR, t, t));
    const scores = template.worksheets[0]!;
    const rows: ExcelJS.Row[] = [];
    scores.eachRow((row, n) => {
      if (n > 1) rows.push(row);
    });
    // The template lists the unit's editable evaluations, line by line.
    const codes = new Set(rows.map((r) => String(r.getCell(1).value)));
    expect([...codes]).toEqual(expect.arrayContaining(ids.map((o) => o.code)));
    // Only this test's two projects are filled; the unit's other drafts stay as they are.
    const ours = rows.filter((r) => ids.some((o) => o.code === String(r.getCell(1).value)));
    for (const r of rows.filter((x) => !ours.includes(x))) r.getCell(10).value = null;
    for (const r of ours) {
      r.getCell(9).value = "完成";
      r.getCell(10).value = Number(r.getCell(8).value);
    }
    const bad = ours.find((r) => String(r.getCell(1).value) === ids[0]!.code)!;
    bad.getCell(10).value = Number(bad.getCell(8).value) + 5;
    const before = await current(ids[0]!.id);

    const refused = failure(
      (await importScores(filer, { year: String(YEAR), file: await asFile(template) })) as never,
    );
    expect(refused.code).toBe("VALIDATION");
    expect(refused.message).toBe("errors.selfEvaluation.import.rejected");
    expect(refused.fieldErrors?.rows).toEqual(["errors.selfEvaluation.import.pointsOverMax"]);
    expect((await current(ids[0]!.id)).ev.version).toBe(before.ev.version);
    expect((await current(ids[1]!.id)).lines.every((l) => l.actualValue !== "完成")).toBe(true);

    bad.getCell(10).value = Number(bad.getCell(8).value);
    const done = await importScores(filer, { year: String(YEAR), file: await asFile(template) });
    expect(done.ok).toBe(true);
    for (const o of ids) {
      const { ev, lines } = await current(o.id);
      expect(ev.status).toBe("DRAFT");
      expect(lines.every((l) => l.actualValue === "完成" && l.points === l.maxPoints)).toBe(true);
    }
  });

  it("refuses a project code outside the unit's editable evaluations", async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("x");
    s.addRow(["项目编码"]);
    const [other] = await db
      .select({ code: projects.code })
      .from(projects)
      .where(and(eq(projects.year, YEAR), eq(projects.unitId, filer2.orgId!)))
      .limit(1);
    s.addRow([other!.code, "", 1, "", "", "", "", 10, "完成", 10, ""]);
    const refused = failure(
      (await importScores(filer, { year: String(YEAR), file: await asFile(wb) })) as never,
    );
    expect(refused.fieldErrors?.rows).toEqual(["errors.selfEvaluation.import.unknownProject"]);
  });
});
