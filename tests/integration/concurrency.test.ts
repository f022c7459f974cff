import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { runReplyItem, replyItemDefinition } from "@/features/rectification/definitions";
import {
  openSelfRoundDefinition,
  runOpenSelfRound,
  runSaveSelfEvaluation,
  runSubmitSelfEvaluation,
  saveSelfEvaluationDefinition,
  submitSelfEvaluationDefinition,
} from "@/features/self-evaluation/definitions";
import {
  deptReviewTargetSheetDefinition,
  runDeptReviewTargetSheet,
  runSaveTargetSheet,
  runSubmitTargetSheet,
  saveTargetSheetDefinition,
  submitTargetSheetDefinition,
} from "@/features/targets/definitions";
import { runUpdateYearSettings, updateYearSettingsDef } from "@/features/years/definitions";
import { SETTINGS_FIELDS } from "@/features/years/schemas";
import { db, queryRows } from "@/server/db";
import {
  evaluationRounds,
  evaluations,
  evaluationScores,
  evaluationTransitions,
  fiscalYears,
  projects,
  rectificationEvents,
  rectificationItems,
  targetIndicators,
  targetSheets,
  targetSheetTransitions,
  users,
} from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { caller } from "../factories/actions";
import { addDistrict, addProject, addProvinceFinance, type TestDistrict } from "../factories/districts";
import { catalogTranslator } from "../factories/messages";
import { withOwnSeededDatabase } from "../factories/own-database";
import { signedIn } from "../factories/users";

// Two people saving one record at once, and one person clicking submit or approve twice: the writes
// race for real (Promise.all; on the PostgreSQL server each action holds its own connection and
// transaction). Exactly one wins; the other is refused with "changed by someone else" (or "no longer
// in that step") and writes nothing: no lost update, no doubled transition or audit row.
withOwnSeededDatabase();

const meta = { ip: "10.9.9.9", userAgent: "vitest-concurrency" };
let t: (key: string) => string;
type Result =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

const saveYear = caller(updateYearSettingsDef, runUpdateYearSettings, { meta });
const saveSheet = caller(saveTargetSheetDefinition, runSaveTargetSheet, { meta });
const submitSheet = caller(submitTargetSheetDefinition, runSubmitTargetSheet, { meta });
const deptReviewSheet = caller(deptReviewTargetSheetDefinition, runDeptReviewTargetSheet, { meta });
const openRound = caller(openSelfRoundDefinition, runOpenSelfRound, { meta });
const saveSelf = caller(saveSelfEvaluationDefinition, runSaveSelfEvaluation, { meta });
const submitSelf = caller(submitSelfEvaluationDefinition, runSubmitSelfEvaluation, { meta });
const reply = caller(replyItemDefinition, runReplyItem, { meta });

let admin: CurrentUser, filer: CurrentUser, colleague: CurrentUser, approver: CurrentUser;

beforeAll(async () => {
  t = await catalogTranslator();
  [admin, filer, approver] = await Promise.all(
    ["finance_admin", "dept_filer", "dept_approver"].map(signedIn),
  );
  // Another filer of dept_filer's own unit: two people who may both edit that unit's records.
  const [other] = await db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.orgId, filer.orgId!), eq(users.role, "DEPT_FILER"), sql`${users.id} <> ${filer.id}`))
    .orderBy(asc(users.username))
    .limit(1);
  colleague = await signedIn(other!.username);
});

/** Of two racing results, the one that won and the one that was refused (fails if not exactly one each). */
function oneWinner(results: Result[], refusedCodes = ["CONFLICT"]) {
  const won = results.filter((r) => r.ok);
  const lost = results.filter((r): r is Extract<Result, { ok: false }> => !r.ok);
  expect(won, JSON.stringify(results)).toHaveLength(1);
  expect(lost).toHaveLength(1);
  expect(refusedCodes).toContain(lost[0]!.code);
  // A sentence the user can act on, from the catalog (the catalog translator marks found keys "t:").
  expect(lost[0]!.message).toBe(t(`errors.${lost[0]!.code}`));
  expect(lost[0]!.message).toMatch(/^t:errors\./);
  return { winner: results.indexOf(won[0]!), lost: lost[0]! };
}

/** The statuses a record was moved to, leaving out its creation as a draft. */
const moved = (rows: { toStatus: string }[]) => rows.map((r) => r.toStatus).filter((s) => s !== "DRAFT");

async function successAudits(action: string, entityId: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int n from audit_log
        where action = ${action} and entity_id = ${entityId} and result = 'SUCCESS' and ip = ${meta.ip}`,
  );
  return row!.n;
}

describe("two people save the same record at once", () => {
  it("year settings: one save wins, the other is told the record changed; the winner's value stands", async () => {
    // The latest year: the one finance is configuring.
    const [row] = await db.select().from(fiscalYears).orderBy(desc(fiscalYears.year)).limit(1);
    const YEAR = row!.year;
    const form = {
      year: String(YEAR),
      version: String(row!.version),
      ...Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, String(row![f])])),
    };
    // The same form, opened in two sessions, saved with different thresholds (元).
    const values = ["3100000", "3200000"];
    const results = await Promise.all(
      values.map((v) => saveYear(admin, { ...form, preAssessmentThreshold: v })),
    );
    const { winner } = oneWinner(results);
    const [after] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
    expect(after!.version).toBe(row!.version + 1);
    expect(Number(after!.preAssessmentThreshold)).toBe(Number(values[winner]));
    expect(await successAudits("year.settingsUpdated", String(YEAR))).toBe(1);
  });

  it("a target sheet: two filers of one unit save the same draft; one wins, nothing of the other's is kept", async () => {
    const [project] = await db
      .select({ id: projects.id })
      .from(projects)
      .leftJoin(targetSheets, eq(targetSheets.projectId, projects.id))
      .where(and(eq(projects.year, 2022), eq(projects.unitId, filer.orgId!), sql`${targetSheets.id} is null`))
      .orderBy(asc(projects.code))
      .limit(1);
    const form = (overallGoal: string, sheetId = "", version = "0") => ({
      projectId: project!.id,
      sheetId,
      version,
      overallGoal,
      indicators: JSON.stringify(sheetRows()),
    });
    // Even the very first save races: two people creating the sheet make one sheet, not two.
    const created = await Promise.all([
      saveSheet(filer, form("甲的目标")),
      saveSheet(colleague, form("乙的目标")),
    ]);
    oneWinner(created);
    const sheets = await db.select().from(targetSheets).where(eq(targetSheets.projectId, project!.id));
    expect(sheets).toHaveLength(1);
    const sheet = sheets[0]!;

    const goals = ["甲修改后的总体目标", "乙修改后的总体目标"];
    const results = await Promise.all([
      saveSheet(filer, form(goals[0]!, sheet.id, String(sheet.version))),
      saveSheet(colleague, form(goals[1]!, sheet.id, String(sheet.version))),
    ]);
    const { winner } = oneWinner(results);
    const [after] = await db.select().from(targetSheets).where(eq(targetSheets.id, sheet.id));
    expect(after!.overallGoal).toBe(goals[winner]);
    expect(after!.version).toBe(sheet.version + 1);
    // The rows are the winner's single set, not both sets appended.
    const rows = await db.select().from(targetIndicators).where(eq(targetIndicators.sheetId, sheet.id));
    expect(rows).toHaveLength(sheetRows().length);
    expect(await successAudits("targetSheet.saved", sheet.id)).toBe(2);
  });

  it("a rectification item: the department's approver and the unit's filer reply at once; one reply is kept", async () => {
    const [item] = await db
      .select()
      .from(rectificationItems)
      .where(
        and(
          eq(rectificationItems.status, "OPEN"),
          eq(rectificationItems.departmentId, approver.departmentId!),
          isNotNull(rectificationItems.unitId),
        ),
      )
      .orderBy(asc(rectificationItems.createdAt))
      .limit(1);
    expect(item, "the demo has an open item of 区科技局 naming a unit").toBeDefined();
    // The filer of the unit the item names answers for it too.
    const [unitFiler] = await db
      .select({ username: users.username })
      .from(users)
      .where(and(eq(users.orgId, item!.unitId!), eq(users.role, "DEPT_FILER")))
      .orderBy(asc(users.username))
      .limit(1);
    const itemFiler = await signedIn(unitFiler!.username);
    const measures = ["部门：已补充佐证材料并完善制度", "单位：已重新核对资金拨付"];
    const results = await Promise.all([
      reply(approver, { itemId: item!.id, version: String(item!.version), measures: measures[0] }),
      reply(itemFiler, { itemId: item!.id, version: String(item!.version), measures: measures[1] }),
    ]);
    const { winner } = oneWinner(results);
    const [after] = await db.select().from(rectificationItems).where(eq(rectificationItems.id, item!.id));
    expect(after).toMatchObject({ status: "REPLIED", version: item!.version + 1 });
    const events = await db
      .select()
      .from(rectificationEvents)
      .where(and(eq(rectificationEvents.itemId, item!.id), eq(rectificationEvents.event, "REPLIED")));
    expect(events.map((e) => e.body)).toEqual([measures[winner]]);
    expect(await successAudits("rectification.replied", item!.id)).toBe(1);
  });
});

describe("one person submits or approves twice at once", () => {
  it("a target sheet: a double submit moves it once, a double department approval once", async () => {
    const [project] = await db
      .select({ id: projects.id })
      .from(projects)
      .leftJoin(targetSheets, eq(targetSheets.projectId, projects.id))
      .where(and(eq(projects.year, 2022), eq(projects.unitId, filer.orgId!), sql`${targetSheets.id} is null`))
      .orderBy(asc(projects.code))
      .limit(1);
    const body = {
      projectId: project!.id,
      sheetId: "",
      version: "0",
      overallGoal: "完成年度科技服务任务",
      indicators: JSON.stringify(sheetRows()),
    };
    const saved = await saveSheet(filer, body);
    expect(saved.ok).toBe(true);
    const [sheet] = await db.select().from(targetSheets).where(eq(targetSheets.projectId, project!.id));
    const submit = { ...body, sheetId: sheet!.id, version: String(sheet!.version) };
    oneWinner(await Promise.all([submitSheet(filer, submit), submitSheet(filer, submit)]), [
      "CONFLICT",
      "INVALID_TRANSITION",
    ]);
    const transitions = () =>
      db.select().from(targetSheetTransitions).where(eq(targetSheetTransitions.sheetId, sheet!.id));
    expect(moved(await transitions())).toEqual(["SUBMITTED"]);

    const [submitted] = await db.select().from(targetSheets).where(eq(targetSheets.id, sheet!.id));
    const approve = { sheetId: sheet!.id, version: submitted!.version, decision: "approve" };
    oneWinner(await Promise.all([deptReviewSheet(approver, approve), deptReviewSheet(approver, approve)]), [
      "CONFLICT",
      "INVALID_TRANSITION",
    ]);
    expect(moved(await transitions()).sort()).toEqual(["DEPT_APPROVED", "SUBMITTED"]);
    expect(await successAudits("targetSheet.transitioned", sheet!.id)).toBe(2);
    const [final] = await db.select().from(targetSheets).where(eq(targetSheets.id, sheet!.id));
    expect(final).toMatchObject({ status: "DEPT_APPROVED", version: submitted!.version + 1 });
  });

  it("a self-evaluation: two sessions saving race to one kept save, a double submit moves it once", async () => {
    // 2021 is not evaluated in the demo: give one project of the unit an approved sheet, open the round.
    const [project] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.year, 2021), eq(projects.unitId, filer.orgId!)))
      .orderBy(asc(projects.code))
      .limit(1);
    const [sheet] = await db
      .insert(targetSheets)
      .values({
        projectId: project!.id,
        year: 2021,
        status: "APPROVED",
        overallGoal: "完成年度任务",
        approvedAt: new Date(),
      })
      .returning({ id: targetSheets.id });
    await db.insert(targetIndicators).values(
      sheetRows().map((r, i) => ({
        ...r,
        sheetId: sheet!.id,
        direction: "HIGHER_BETTER" as const,
        sortOrder: i,
      })),
    );
    expect((await openRound(admin, { year: "2021", dueDate: "2022-04-30" })).ok).toBe(true);
    const [ev] = await db
      .select()
      .from(evaluations)
      .where(and(eq(evaluations.projectId, project!.id), eq(evaluations.type, "SELF")));
    const lines = await db
      .select()
      .from(evaluationScores)
      .where(eq(evaluationScores.evaluationId, ev!.id))
      .orderBy(asc(evaluationScores.sortOrder));
    expect(lines.length).toBe(sheetRows().length);
    const form = (summary: string, version: number) => ({
      evaluationId: ev!.id,
      version: String(version),
      budgetTotal: "1000000",
      executedTotal: "950000",
      summary,
      improvement: "加快实施进度",
      lines: JSON.stringify(
        lines.map((l) => ({ id: l.id, actualValue: "已完成", points: l.maxPoints, note: "" })),
      ),
    });

    const summaries = ["甲：年度目标全部完成", "乙：年度目标基本完成"];
    const saves = await Promise.all([
      saveSelf(filer, form(summaries[0]!, ev!.version)),
      saveSelf(colleague, form(summaries[1]!, ev!.version)),
    ]);
    const { winner } = oneWinner(saves);
    const [saved] = await db.select().from(evaluations).where(eq(evaluations.id, ev!.id));
    expect(saved).toMatchObject({ summary: summaries[winner], version: ev!.version + 1, status: "DRAFT" });

    const submit = form(summaries[winner]!, saved!.version);
    oneWinner(await Promise.all([submitSelf(filer, submit), submitSelf(filer, submit)]), [
      "CONFLICT",
      "INVALID_TRANSITION",
    ]);
    const moves = await db
      .select()
      .from(evaluationTransitions)
      .where(eq(evaluationTransitions.evaluationId, ev!.id));
    expect(moved(moves)).toEqual(["SUBMITTED"]);
    expect(await successAudits("selfEvaluation.transitioned", ev!.id)).toBe(1);
    const [after] = await db.select().from(evaluations).where(eq(evaluations.id, ev!.id));
    expect(after!.status).toBe("SUBMITTED");
  });
});

describe("two administrators open a year's self-evaluation at once", () => {
  // A year's 单位自评 is the province's round or its districts' own, never both (no index can say so:
  // the two rows differ in district). Opening takes the year's lock first, so the second opener waits
  // for the first and is then told the year is open, as if it had come a moment later.
  let districtB: TestDistrict;
  let adminB: CurrentUser, province: CurrentUser;

  beforeAll(async () => {
    districtB = await addDistrict({ admin: true });
    const prov = await addProvinceFinance();
    // B's own 2022 projects: both rounds would draft their self-evaluations.
    await addProject(districtB, { year: 2022, n: 1 });
    await addProject(districtB, { year: 2022, n: 2 });
    [adminB, province] = await Promise.all([
      signedIn(districtB.usernames.admin),
      signedIn(prov.usernames.admin),
    ]);
  });

  const selfRounds = (year: number) =>
    db
      .select({ districtId: evaluationRounds.districtId })
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.type, "SELF"), eq(evaluationRounds.year, year)));

  it("the province and a district: one opens the year, the other is told it is already open", async () => {
    expect(await selfRounds(2022)).toEqual([]);
    const results = await Promise.all([
      openRound(province, { year: "2022", dueDate: "2023-04-30" }),
      openRound(adminB, { year: "2022", dueDate: "2023-04-30" }),
    ]);
    const { winner, lost } = oneWinner(results, ["VALIDATION"]);
    expect(lost.fieldErrors?.year).toEqual(["t:errors.selfEvaluation.roundExists"]);
    // One round of the year: the winner's (the province's has no district).
    expect(await selfRounds(2022)).toEqual([{ districtId: winner === 0 ? null : districtB.districtId }]);
    // Each project of the year in reach has one draft, and only the winner's opening is audited.
    const [drafts] = await queryRows<{ n: number; projects: number }>(
      db,
      sql`select count(*)::int n, count(distinct project_id)::int projects from evaluations
          where type = 'SELF' and year = 2022`,
    );
    expect(drafts!.n).toBe(drafts!.projects);
    expect(drafts!.n).toBeGreaterThanOrEqual(2);
    const [opened] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from audit_log
          where action = 'selfEvaluation.roundOpened' and result = 'SUCCESS' and ip = ${meta.ip}
            and changes->>'year' = '2022'`,
    );
    expect(opened!.n).toBe(1);
  });

  it("two districts at once: each opens its own round (the lock refuses nobody)", async () => {
    await db.insert(fiscalYears).values({ year: 2023 }).onConflictDoNothing();
    const results = await Promise.all([
      openRound(admin, { year: "2023", dueDate: "2024-04-30" }),
      openRound(adminB, { year: "2023", dueDate: "2024-04-30" }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect((await selfRounds(2023)).map((r) => r.districtId).sort()).toEqual(
      [admin.districtId, districtB.districtId].sort(),
    );
  });
});

/** A complete, well-formed set of indicator rows (points sum to 90; 预算执行率 brings the rest). */
function sheetRows() {
  return [
    {
      level1: "OUTPUT",
      level2: "QUANTITY",
      name: "支持科技项目数量",
      operator: "GTE",
      targetValue: "20",
      unit: "项",
      points: "30",
    },
    {
      level1: "OUTPUT",
      level2: "TIMELINESS",
      name: "资金兑现及时率",
      operator: "EQ",
      targetValue: "100",
      unit: "%",
      points: "20",
    },
    {
      level1: "BENEFIT",
      level2: "ECONOMIC",
      name: "技术合同成交额",
      operator: "GTE",
      targetValue: "5000",
      unit: "万元",
      points: "30",
    },
    {
      level1: "SATISFACTION",
      level2: "SERVICE_SATISFACTION",
      name: "企业满意度",
      operator: "GTE",
      targetValue: "90",
      unit: "%",
      points: "10",
    },
  ] as const;
}
