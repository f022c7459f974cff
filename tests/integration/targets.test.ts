import { and, asc, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  adjustTargetSheetDefinition,
  deptReviewTargetSheetDefinition,
  financeReviewTargetSheetDefinition,
  runAdjustTargetSheet,
  runDeptReviewTargetSheet,
  runFinanceReviewTargetSheet,
  runSaveTargetSheet,
  runSubmitTargetSheet,
  saveTargetSheetDefinition,
  submitTargetSheetDefinition,
} from "@/features/targets/definitions";
import { db, queryRows } from "@/server/db";
import { auditLog, projects, targetIndicators, targetSheets } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { orgIds } from "@/server/seed/seed";
import { caller } from "../factories/actions";
import { catalogTranslator, failure } from "../factories/messages";
import { activeUserIds, recipientsOf } from "../factories/notifications";
import { signedIn } from "../factories/users";

// Names the message instead of its wording; quality codes arrive as `errors.<code>`.
const t = (key: string) => key;

const save = caller(saveTargetSheetDefinition, runSaveTargetSheet, { t });
const submit = caller(submitTargetSheetDefinition, runSubmitTargetSheet, { t });
const deptReview = caller(deptReviewTargetSheetDefinition, runDeptReviewTargetSheet, { t });
const financeReview = caller(financeReviewTargetSheetDefinition, runFinanceReviewTargetSheet, { t });
const adjust = caller(adjustTargetSheetDefinition, runAdjustTargetSheet, { t });

const goodRows = () => [
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
    name: "科技奖补资金兑现及时率",
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
];

let filer: CurrentUser, filer2: CurrentUser, approver: CurrentUser, admin: CurrentUser, reviewer: CurrentUser;
let projectIds: string[];

beforeAll(async () => {
  [filer, filer2, approver, admin, reviewer] = await Promise.all(
    ["dept_filer", "dept_filer2", "dept_approver", "finance_admin", "finance_reviewer"].map(signedIn),
  );
  // 2022 projects of the filer's unit that the seed left without a sheet.
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .leftJoin(targetSheets, eq(targetSheets.projectId, projects.id))
    .where(
      and(
        eq(projects.year, 2022),
        eq(projects.unitId, orgIds.unit("D03", 1)),
        sql`${targetSheets.id} is null`,
      ),
    )
    .orderBy(asc(projects.code));
  projectIds = rows.map((r) => r.id);
  expect(projectIds.length).toBeGreaterThanOrEqual(4);
});

const sheetOf = async (projectId: string) =>
  db
    .select()
    .from(targetSheets)
    .where(eq(targetSheets.projectId, projectId))
    .orderBy(asc(targetSheets.versionNo));

const form = (projectId: string, patch: Record<string, unknown> = {}) => ({
  projectId,
  sheetId: "",
  version: "0",
  overallGoal: "建设区级科技创新服务平台，服务科技型中小企业。",
  indicators: JSON.stringify(goodRows()),
  ...patch,
});

describe("target sheet flow", () => {
  it("saves a draft whatever its quality, then refuses to submit it with row errors", async () => {
    const projectId = projectIds[0]!;
    const rows = goodRows();
    rows[0] = { ...rows[0]!, targetValue: "较多", unit: "" };
    rows[2] = { ...rows[2]!, operator: "QUALITATIVE", targetValue: "显著提升", unit: "" };
    const saved = await save(filer, form(projectId, { indicators: JSON.stringify(rows) }));
    expect(saved.ok).toBe(true);
    const [sheet] = await sheetOf(projectId);
    expect(sheet).toMatchObject({ status: "DRAFT", versionNo: 1, version: 1 });

    const refused = failure(
      (await submit(
        filer,
        form(projectId, { sheetId: sheet!.id, version: "1", indicators: JSON.stringify(rows) }),
      )) as never,
    );
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fieldErrors).toEqual({
      "indicators.0.targetValue": ["targets.quality.targetNotNumber"],
      "indicators.0.unit": ["targets.quality.unitRequired"],
      "indicators.2.targetValue": ["targets.quality.vague"],
    });
    // Each is a message the catalog has (the translator fails on a missing key).
    const translate = await catalogTranslator();
    for (const key of Object.values(refused.fieldErrors ?? {}).flat())
      expect(translate(key)).toBe(`t:${key}`);
    const [after] = await sheetOf(projectId);
    expect(after).toMatchObject({ status: "DRAFT", version: 1 });
  });

  it("runs submit → department → finance, each step audited; an approved sheet cannot be edited", async () => {
    const projectId = projectIds[1]!;
    expect((await save(filer, form(projectId))).ok).toBe(true);
    let [sheet] = await sheetOf(projectId);
    expect(
      (await submit(filer, form(projectId, { sheetId: sheet!.id, version: String(sheet!.version) }))).ok,
    ).toBe(true);
    [sheet] = await sheetOf(projectId);
    expect(sheet!.status).toBe("SUBMITTED");

    // Finance cannot approve before the department; a return needs a comment.
    expect(
      failure(
        (await financeReview(admin, {
          sheetId: sheet!.id,
          version: sheet!.version,
          decision: "approve",
        })) as never,
      ).code,
    ).toBe("INVALID_TRANSITION");
    expect(
      failure(
        (await deptReview(approver, {
          sheetId: sheet!.id,
          version: sheet!.version,
          decision: "return",
        })) as never,
      ).fieldErrors,
    ).toHaveProperty("comment");

    expect(
      (await deptReview(approver, { sheetId: sheet!.id, version: sheet!.version, decision: "approve" })).ok,
    ).toBe(true);
    [sheet] = await sheetOf(projectId);
    expect(
      (
        await financeReview(reviewer, {
          sheetId: sheet!.id,
          version: sheet!.version,
          decision: "approve",
          comment: "同意",
        })
      ).ok,
    ).toBe(true);
    [sheet] = await sheetOf(projectId);
    expect(sheet).toMatchObject({ status: "APPROVED" });

    const edited = await save(
      filer,
      form(projectId, { sheetId: sheet!.id, version: String(sheet!.version) }),
    );
    expect(failure(edited as never).code).toBe("INVALID_TRANSITION");

    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, sheet!.id));
    expect(audits.filter((a) => a.action === "targetSheet.transitioned")).toHaveLength(3);

    // Each hand-off told the next hands, read from the project: the department's approvers, then
    // finance covering the department (its district's administrators and the division's reviewers),
    // then the unit's filers — nobody of another department.
    const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
    expect(await recipientsOf(sheet!.id, "targetSheetSubmitted")).toEqual(
      await activeUserIds(sql`role = 'DEPT_APPROVER' and org_id = ${project!.departmentId}`),
    );
    expect(await recipientsOf(project!.departmentId, "targetSheetForwardedDigest")).toEqual(
      await activeUserIds(sql`(role = 'FINANCE_ADMIN' and org_id in (select id from organisations
          where district_id = ${project!.districtId}))
        or (role = 'FINANCE_REVIEWER' and org_id = (select covering_division_id from organisations
          where id = ${project!.departmentId}))`),
    );
    expect(await recipientsOf(sheet!.id, "targetSheetApproved")).toEqual(
      await activeUserIds(sql`role = 'DEPT_FILER' and org_id = ${project!.unitId}`),
    );
    expect(await recipientsOf(sheet!.id, "targetSheetApproved")).toContain(filer.id);
  });

  it("returns to the unit with a comment, and the unit can fix and resubmit", async () => {
    const projectId = projectIds[2]!;
    await save(filer, form(projectId));
    let [sheet] = await sheetOf(projectId);
    await submit(filer, form(projectId, { sheetId: sheet!.id, version: String(sheet!.version) }));
    [sheet] = await sheetOf(projectId);
    expect(
      (
        await deptReview(approver, {
          sheetId: sheet!.id,
          version: sheet!.version,
          decision: "return",
          comment: "指标偏少",
        })
      ).ok,
    ).toBe(true);
    [sheet] = await sheetOf(projectId);
    expect(sheet!.status).toBe("RETURNED");
    expect(
      (await submit(filer, form(projectId, { sheetId: sheet!.id, version: String(sheet!.version) }))).ok,
    ).toBe(true);
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const projectId = projectIds[3]!;
    await save(filer, form(projectId));
    const [sheet] = await sheetOf(projectId);
    expect(
      (await save(filer, form(projectId, { sheetId: sheet!.id, version: "1", overallGoal: "第一次修改" })))
        .ok,
    ).toBe(true);
    const stale = await save(
      filer,
      form(projectId, { sheetId: sheet!.id, version: "1", overallGoal: "过期的修改" }),
    );
    expect(failure(stale as never).code).toBe("CONFLICT");
    const [after] = await sheetOf(projectId);
    expect(after).toMatchObject({ overallGoal: "第一次修改", version: 2 });
    // A second "create" for a project that already has a sheet is a conflict too.
    expect(failure((await save(filer, form(projectId))) as never).code).toBe("CONFLICT");
  });
});

describe("scope", () => {
  it("hides a 区科技局 sheet from dept_filer2 and the 区教育局 filer cannot touch it", async () => {
    const [sheet] = await db
      .select()
      .from(targetSheets)
      .innerJoin(projects, eq(projects.id, targetSheets.projectId))
      .where(
        and(
          eq(projects.unitId, orgIds.unit("D03", 1)),
          eq(targetSheets.status, "DRAFT"),
          eq(targetSheets.year, 2022),
        ),
      )
      .limit(1);
    const s = sheet!.target_sheets;
    const res = await save(
      filer2,
      form(s.projectId, { sheetId: s.id, version: String(s.version), overallGoal: "越权" }),
    );
    expect(failure(res as never).code).toBe("NOT_FOUND");
    const [after] = await db.select().from(targetSheets).where(eq(targetSheets.id, s.id));
    expect(after).toEqual(s);
    // Another department's approver cannot review it either.
    const other = await signedIn("approver_d01");
    const review = await deptReview(other, { sheetId: s.id, version: s.version, decision: "approve" });
    expect(failure(review as never).code).toBe("NOT_FOUND");
  });

  it("lets only filers save (permission table)", async () => {
    const res = await save(approver, form(projectIds[0]!));
    expect(failure(res as never).code).toBe("FORBIDDEN");
  });
});

describe("adjust (调整)", () => {
  it("creates version 2 as a DRAFT copy and keeps version 1 unchanged", async () => {
    const [approved] = await db
      .select()
      .from(targetSheets)
      .innerJoin(projects, eq(projects.id, targetSheets.projectId))
      .where(and(eq(projects.unitId, orgIds.unit("D03", 1)), eq(targetSheets.year, 2020)))
      // The unit's last project: the monitoring tests adjust its first one on a shared server.
      .orderBy(desc(projects.code))
      .limit(1);
    const v1 = approved!.target_sheets;
    const v1Rows = await db.select().from(targetIndicators).where(eq(targetIndicators.sheetId, v1.id));
    const res = await adjust(filer, { sheetId: v1.id, version: v1.version });
    expect(res.ok).toBe(true);
    const versions = await sheetOf(v1.projectId);
    expect(versions.map((v) => [v.versionNo, v.status, v.supersedesId])).toEqual([
      [1, "APPROVED", null],
      [2, "DRAFT", v1.id],
    ]);
    expect(versions[0]).toEqual(v1);
    const v2Rows = await db
      .select()
      .from(targetIndicators)
      .where(eq(targetIndicators.sheetId, versions[1]!.id));
    expect(v2Rows.map((r) => [r.name, r.points])).toEqual(v1Rows.map((r) => [r.name, r.points]));
    // Adjusting version 1 again is refused: only the latest version can be adjusted.
    expect(failure((await adjust(filer, { sheetId: v1.id, version: v1.version })) as never).code).toBe(
      "CONFLICT",
    );
  });
});

describe("seed", () => {
  it("gives every 2020 project exactly one approved sheet whose points sum to 90", async () => {
    const rows = await queryRows<{ projects: string; sheets: string; bad: string }>(
      db,
      sql`select
            (select count(*) from projects where year = 2020) as projects,
            (select count(distinct s.project_id) from target_sheets s where s.year = 2020 and s.version_no = 1 and s.status = 'APPROVED') as sheets,
            (select count(*) from (
               select s.id from target_sheets s join target_indicators i on i.sheet_id = s.id
               where s.year = 2020 and s.version_no = 1 group by s.id
               having sum(i.points) <> 90
                   or sum(i.points) filter (where i.level1 = 'OUTPUT') <> 50
                   or sum(i.points) filter (where i.level1 = 'BENEFIT') <> 30
                   or sum(i.points) filter (where i.level1 = 'SATISFACTION') <> 10) x) as bad`,
    );
    expect(rows[0]).toEqual({
      projects: expect.anything(),
      sheets: expect.anything(),
      bad: expect.anything(),
    });
    expect(Number(rows[0]!.projects)).toBe(1317);
    expect(Number(rows[0]!.sheets)).toBe(1317);
    expect(Number(rows[0]!.bad)).toBe(0);
  });
});
