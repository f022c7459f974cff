import { and, asc, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  answerNoticeDefinition,
  closeNoticeDefinition,
  deptReviewReportDefinition,
  financeReviewReportDefinition,
  issueNoticeDefinition,
  openRoundDefinition,
  runAnswerNotice,
  runCloseNotice,
  runDeptReviewReport,
  runFinanceReviewReport,
  runIssueNotice,
  runOpenRound,
  runSaveReport,
  saveReportDefinition,
} from "@/features/monitoring/definitions";
import { getRound, listReports } from "@/features/monitoring/queries";
import { getReportView } from "@/features/monitoring/report-queries";
import { db } from "@/server/db";
import {
  auditLog,
  monitoringNotices,
  monitoringReports,
  organisations,
  projects,
  targetIndicators,
  targetSheets,
} from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { orgIds } from "@/server/seed/seed";
import { caller, ok } from "../factories/actions";
import { failure, uniqueName } from "../factories/messages";
import { activeUserIds, recipientsOf } from "../factories/notifications";
import { signedIn } from "../factories/users";

const open = caller(openRoundDefinition, runOpenRound);
const save = caller(saveReportDefinition, runSaveReport);
const deptReview = caller(deptReviewReportDefinition, runDeptReviewReport);
const financeReview = caller(financeReviewReportDefinition, runFinanceReviewReport);
const issue = caller(issueNoticeDefinition, runIssueNotice);
const answer = caller(answerNoticeDefinition, runAnswerNotice);
const close = caller(closeNoticeDefinition, runCloseNotice);

let admin: CurrentUser, filer: CurrentUser, filer2: CurrentUser, approver: CurrentUser, reviewer: CurrentUser;
let roundId: string;
const D03 = orgIds.department("D03");

beforeAll(async () => {
  [admin, filer, filer2, approver, reviewer] = await Promise.all(
    ["finance_admin", "dept_filer", "dept_filer2", "dept_approver", "finance_reviewer"].map(signedIn),
  );
});

const reportOf = async (projectId: string) => {
  const [row] = await db
    .select()
    .from(monitoringReports)
    .where(and(eq(monitoringReports.roundId, roundId), eq(monitoringReports.projectId, projectId)));
  return row!;
};

const unitProjects = async (unit: string) =>
  db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.year, 2020), eq(projects.unitId, unit)))
    .orderBy(asc(projects.code));

const indicatorsOf = async (projectId: string) =>
  db
    .select({
      id: targetIndicators.id,
      operator: targetIndicators.operator,
      target: targetIndicators.targetValue,
    })
    .from(targetIndicators)
    .innerJoin(targetSheets, eq(targetSheets.id, targetIndicators.sheetId))
    .where(and(eq(targetSheets.projectId, projectId), eq(targetSheets.versionNo, 1)))
    .orderBy(asc(targetIndicators.sortOrder));

const fullForm = async (
  reportId: string,
  version: number,
  projectId: string,
  patch: Record<string, unknown> = {},
) => ({
  reportId,
  version: String(version),
  intent: "submit",
  executedCurrent: "100000",
  executedCarryover: "0",
  executedOther: "0",
  likelihood: "POSSIBLE",
  deviationReasons: ["FUNDING", "OTHER"],
  deviationNote: "资金到位较晚",
  measures: "加快支付进度",
  progress: JSON.stringify(
    Object.fromEntries(
      (await indicatorsOf(projectId)).map((i) => [i.id, i.operator === "QUALITATIVE" ? "按计划推进" : "1"]),
    ),
  ),
  ...patch,
});

describe("monitoring rounds", () => {
  it("lets only finance open a round, and picks the projects by rule", async () => {
    const base = { year: "2020", name: uniqueName("1–9月监控"), periodMonths: "9", dueDate: "2020-10-31" };
    const refused = failure(await open(filer, { ...base, scopeRule: "ALL" }));
    expect(refused.code).toBe("FORBIDDEN");

    const noDept = failure(await open(admin, { ...base, scopeRule: "DEPARTMENTS" }));
    expect(noDept.fieldErrors?.departmentIds).toEqual(["t:validation.pickDepartment"]);
    const early = failure(await open(admin, { ...base, dueDate: "2020-09-30", scopeRule: "ALL" }));
    expect(early.fieldErrors?.dueDate).toEqual(["t:errors.monitoring.dueInsidePeriod"]);
    const badMonth = failure(await open(admin, { ...base, periodMonths: "13", scopeRule: "ALL" }));
    expect(badMonth.fieldErrors?.periodMonths).toBeDefined();

    const opened = await open(admin, { ...base, scopeRule: "DEPARTMENTS", departmentIds: [D03] });
    roundId = ok(opened).id as string;
    const d03 = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.year, 2020), eq(projects.departmentId, D03)));
    expect(ok(opened).reports).toBe(d03.length);

    const big = await open(admin, {
      ...base,
      name: uniqueName("大额"),
      scopeRule: "MIN_AMOUNT",
      minAmount: "10,000,000",
    });
    const all2020 = await db.select().from(projects).where(eq(projects.year, 2020));
    const expected = all2020.filter(
      (p) => Number(p.budgetCurrent) + Number(p.budgetCarryover) + Number(p.budgetOther) >= 10_000_000,
    ).length;
    expect(ok(big).reports).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(all2020.length);
  });

  it("shows each side only its own part of the round", async () => {
    const own = await getRound(approver, roundId);
    expect(own?.byDepartment.map((d) => d.id)).toEqual([D03]);
    // Another department has nothing in this round: it reads as not found.
    expect(await getRound(await signedIn("approver_d01"), roundId)).toBeNull();
    const unitList = await listReports(filer, roundId, { page: 1 });
    const mine = await unitProjects(orgIds.unit("D03", 1));
    expect(unitList.total).toBe(mine.length);
  });
});

describe("monitoring report flow", () => {
  let projectId: string;
  let reportId: string;

  it("refuses another unit and another department: the report is not found", async () => {
    projectId = (await unitProjects(orgIds.unit("D03", 1)))[0]!.id;
    const report = await reportOf(projectId);
    reportId = report.id;
    const form = await fullForm(reportId, report.version, projectId);
    expect(failure(await save(filer2, form)).code).toBe("NOT_FOUND");
    expect(await getReportView(filer2, reportId)).toBeNull();
    expect(await getReportView(await signedIn("approver_d01"), reportId)).toBeNull();
    // A finance reviewer sees only the departments their division covers.
    const [dept] = await db.select().from(organisations).where(eq(organisations.id, D03));
    expect((await getReportView(reviewer, reportId)) !== null).toBe(
      dept!.coveringDivisionId === reviewer.orgId,
    );
    expect(await getReportView(filer, reportId)).not.toBeNull();
  });

  it("saves a draft, refuses a submit without progress, then submits", async () => {
    const draft = await save(filer, {
      ...(await fullForm(reportId, 1, projectId)),
      intent: "save",
      progress: "{}",
      likelihood: "",
    });
    expect(draft.ok).toBe(true);
    expect((await reportOf(projectId)).status).toBe("DRAFT");

    const missing = failure(
      await save(filer, { ...(await fullForm(reportId, 2, projectId)), progress: "{}" }),
    );
    expect(missing.code).toBe("VALIDATION");
    const indicators = await indicatorsOf(projectId);
    expect(missing.fieldErrors?.[`progress.${indicators[0]!.id}`]).toEqual([
      "t:errors.monitoring.progressRequired",
    ]);
    const noLikelihood = failure(
      await save(filer, await fullForm(reportId, 2, projectId, { likelihood: "" })),
    );
    expect(noLikelihood.fieldErrors?.likelihood).toEqual(["t:validation.required"]);

    const stale = failure(await save(filer, await fullForm(reportId, 1, projectId)));
    expect(stale.code).toBe("CONFLICT");

    const submitted = await save(filer, await fullForm(reportId, 2, projectId));
    expect(submitted.ok).toBe(true);
    const row = await reportOf(projectId);
    expect(row).toMatchObject({ status: "SUBMITTED", executedCurrent: "100000.00", likelihood: "POSSIBLE" });
    expect(row.deviationReasons).toEqual(["FUNDING", "OTHER"]);
    // Submitted: the unit can no longer change it.
    expect(failure(await save(filer, await fullForm(reportId, row.version, projectId))).code).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("goes department then finance, each refused the other's step", async () => {
    let row = await reportOf(projectId);
    const approve = { reportId, version: String(row.version), decision: "approve" };
    expect(failure(await financeReview(admin, approve)).code).toBe("INVALID_TRANSITION");
    expect(failure(await financeReview(approver, approve)).code).toBe("FORBIDDEN");
    expect(
      failure(await deptReview(approver, { ...approve, decision: "return" })).fieldErrors?.comment,
    ).toEqual(["t:validation.required"]);
    expect((await deptReview(approver, approve)).ok).toBe(true);
    row = await reportOf(projectId);
    expect(row.status).toBe("DEPT_APPROVED");
    expect(failure(await deptReview(approver, { ...approve, version: String(row.version) })).code).toBe(
      "INVALID_TRANSITION",
    );
    const back = await financeReview(admin, {
      reportId,
      version: String(row.version),
      decision: "return",
      comment: "执行数与支付数据不符",
    });
    expect(back.ok).toBe(true);
    row = await reportOf(projectId);
    expect(row.status).toBe("RETURNED");
    // Returned: the unit edits and submits again, and it goes through again.
    expect((await save(filer, await fullForm(reportId, row.version, projectId))).ok).toBe(true);
    row = await reportOf(projectId);
    expect(
      (await deptReview(approver, { reportId, version: String(row.version), decision: "approve" })).ok,
    ).toBe(true);
    row = await reportOf(projectId);
    expect(
      (await financeReview(admin, { reportId, version: String(row.version), decision: "approve" })).ok,
    ).toBe(true);
    expect((await reportOf(projectId)).status).toBe("APPROVED");

    // The hand-offs told the next hands, read from the project: submitted → the department's
    // approvers; approved by the department → finance covering it; returned → the unit's filers.
    const [p] = await db.select().from(projects).where(eq(projects.id, projectId));
    expect(await recipientsOf(reportId, "monitoringReportSubmitted")).toEqual(
      await activeUserIds(sql`role = 'DEPT_APPROVER' and org_id = ${p!.departmentId}`),
    );
    expect(await recipientsOf(p!.departmentId, "monitoringReportForwardedDigest")).toEqual(
      await activeUserIds(sql`(role = 'FINANCE_ADMIN' and org_id in (select id from organisations
          where district_id = ${p!.districtId}))
        or (role = 'FINANCE_REVIEWER' and org_id = (select covering_division_id from organisations
          where id = ${p!.departmentId}))`),
    );
    expect(await recipientsOf(reportId, "monitoringReportReturned")).toEqual(
      await activeUserIds(sql`role = 'DEPT_FILER' and org_id = ${p!.unitId}`),
    );
  });

  it("tracks a correction notice: issued by finance, answered by the unit, closed by finance", async () => {
    const noDue = failure(await issue(admin, { reportId, kind: "CORRECTION", content: "请加快执行" }));
    expect(noDue.fieldErrors?.dueDate).toEqual(["t:validation.required"]);
    expect(
      failure(await issue(filer, { reportId, kind: "CORRECTION", content: "x", dueDate: "2020-10-15" })).code,
    ).toBe("FORBIDDEN");
    const issued = await issue(admin, {
      reportId,
      kind: "CORRECTION",
      content: "请加快执行",
      dueDate: "2020-10-15",
    });
    const noticeId = ok(issued).id as string;
    // The unit's filers and the department's approvers have it to answer; nobody else.
    const [p] = await db.select().from(projects).where(eq(projects.id, projectId));
    expect(await recipientsOf(noticeId, "monitoringNoticeIssued")).toEqual(
      await activeUserIds(sql`(role = 'DEPT_FILER' and org_id = ${p!.unitId})
        or (role = 'DEPT_APPROVER' and org_id = ${p!.departmentId})`),
    );
    expect(await recipientsOf(noticeId, "monitoringNoticeIssued")).not.toContain(filer2.id);

    expect(failure(await answer(filer2, { noticeId, version: "1", reply: "不是我的" })).code).toBe(
      "NOT_FOUND",
    );
    expect(failure(await close(admin, { noticeId, version: "1", decision: "close" })).code).toBe(
      "INVALID_TRANSITION",
    );
    expect(failure(await answer(filer, { noticeId, version: "1", reply: "" })).fieldErrors?.reply).toEqual([
      "t:validation.required",
    ]);
    expect((await answer(filer, { noticeId, version: "1", reply: "已支付进度款" })).ok).toBe(true);
    expect(await recipientsOf(noticeId, "monitoringNoticeAnswered")).toContain(admin.id);
    expect(failure(await answer(filer, { noticeId, version: "2", reply: "再答一次" })).code).toBe(
      "INVALID_TRANSITION",
    );
    expect(failure(await close(filer, { noticeId, version: "2", decision: "close" })).code).toBe("FORBIDDEN");
    expect((await close(admin, { noticeId, version: "2", decision: "close", note: "办结" })).ok).toBe(true);
    const [notice] = await db.select().from(monitoringNotices).where(eq(monitoringNotices.id, noticeId));
    expect(notice).toMatchObject({ status: "CLOSED", reply: "已支付进度款", closingNote: "办结" });
    const view = await getReportView(filer, reportId);
    expect(view?.notices.map((n) => n.status)).toEqual(["CLOSED"]);
    // Each step is in the audit log, by who took it; the refused answer by another unit as denied.
    const trail = await db
      .select({ action: auditLog.action, who: auditLog.actorUsername })
      .from(auditLog)
      .where(eq(auditLog.entityId, noticeId))
      .orderBy(asc(auditLog.id));
    expect(trail).toEqual([
      { action: "monitoringNotice.issued", who: "finance_admin" },
      { action: "monitoringNotice.answered", who: "dept_filer" },
      { action: "monitoringNotice.closed", who: "finance_admin" },
    ]);
    const [denied] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.actorUsername, "dept_filer2")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(denied?.changes).toEqual({ action: "answerMonitoringNotice", code: "NOT_FOUND" });
  });

  it("approves a target adjustment through the targets feature's versioning", async () => {
    const issued = await issue(admin, { reportId, kind: "TARGET_ADJUSTMENT", content: "同意调整年度目标" });
    const created = ok(issued);
    const sheets = await db
      .select()
      .from(targetSheets)
      .where(eq(targetSheets.projectId, projectId))
      .orderBy(asc(targetSheets.versionNo));
    expect(sheets.map((s) => [s.versionNo, s.status])).toEqual([
      [1, "APPROVED"],
      [2, "DRAFT"],
    ]);
    expect(sheets[1]!.supersedesId).toBe(sheets[0]!.id);
    expect(created.targetSheetId).toBe(sheets[1]!.id);
    // The new version is not approved yet: another adjustment is refused on the field.
    const again = failure(await issue(admin, { reportId, kind: "TARGET_ADJUSTMENT", content: "再次调整" }));
    expect(again.fieldErrors?.kind).toEqual(["t:errors.monitoring.noApprovedSheet"]);
  });

  it("refuses a notice on a report that is not filed", async () => {
    const other = (await unitProjects(orgIds.unit("D03", 1)))[1]!.id;
    const report = await reportOf(other);
    expect(report.status).toBe("NOT_FILED");
    const refused = failure(
      await issue(admin, { reportId: report.id, kind: "CORRECTION", content: "x", dueDate: "2020-10-15" }),
    );
    expect(refused.code).toBe("INVALID_TRANSITION");
  });
});
