import { and, eq, sql } from "drizzle-orm";
import JSZip from "jszip";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { inUnit, ratePercent } from "@/domain/money";
import { summaryBlocks } from "@/features/reports/annual-summary-document";
import { summaryDocx } from "@/features/reports/annual-summary-docx";
import {
  annualSummary,
  annualSummaryPlan,
  type AnnualSummary,
} from "@/features/reports/annual-summary-queries";
import { runSaveSummaryPlan, saveSummaryPlanDef } from "@/features/reports/definitions";
import { exportSummaryDocx } from "@/features/reports/export";
import { loadMessages } from "@/messages/load";
import { runAction } from "@/server/action-client";
import { db, queryRows } from "@/server/db";
import { annualSummaryPlans, auditLog } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { catalogTranslator, failure } from "../factories/messages";
import { signedIn } from "../factories/users";

vi.mock("next-intl/server", () => import("../factories/intl-server"));

// Work year 2021 reports on budget year 2020 and the re-evaluation of 2022 projects (SPEC §10). Each
// figure is checked against a query written here on its own, and the demo's figures exactly.

let summary: AnnualSummary;
let zh: (key: string, values?: Record<string, string | number>) => string;

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(db, query))[0]!;
const BUDGET = sql.raw("(p.budget_current + p.budget_carryover + p.budget_other)");

beforeAll(async () => {
  // The demo district's finance administrator reads the demo district's summary.
  summary = await annualSummary(await signedIn("finance_admin"), 2021);
  const messages = await loadMessages("zh-CN");
  const tr = createTranslator({ locale: "zh-CN", messages, namespace: "reports.summary" as never });
  zh = (key, values) =>
    (tr as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
});

// On the PostgreSQL server every test file shares one database, and other files draw 2020 sampling
// batches and settle evaluations of their own while this one runs: there the figures are held against
// SQL over the same data. The report's exact figures are held on the embedded run, where each file has
// the seeded data to itself (CI runs both).
const pristine = !process.env.DATABASE_URL;

describe("the 2021 annual summary's figures (section 一)", () => {
  it("counts 1317 self-evaluated projects of 2020, all of them", async () => {
    const row = await one<{ projects: number; filed: number }>(
      sql`select (select count(*)::int from projects where year = 2020) as projects,
            (select count(*)::int from evaluations e join projects p on p.id = e.project_id
              where p.year = 2020 and e.type = 'SELF' and e.status <> 'DRAFT' and e.status <> 'RETURNED') as filed`,
    );
    expect(summary.self).toEqual(row);
    expect(summary.self).toEqual({ projects: 1317, filed: 1317 });
  });

  it("counts 124 sampled projects with 8.40 亿元 in 4 groups", async () => {
    const row = await one<{ projects: number; funds: string; groups: number }>(
      sql`select count(distinct s.project_id)::int as projects,
            (select count(*)::int from sampling_groups g join sampling_batches b on b.id = g.batch_id
              where b.year = 2020 and b.status <> 'DRAFT') as groups,
            (select sum(${BUDGET})::text from projects p where p.id in (select s2.project_id
              from sampling_selections s2 join sampling_batches b2 on b2.id = s2.batch_id
              where b2.year = 2020 and b2.status <> 'DRAFT')) as funds
          from sampling_selections s join sampling_batches b on b.id = s.batch_id
          where b.year = 2020 and b.status <> 'DRAFT'`,
    );
    expect(summary.sampling.projects).toBe(row.projects);
    expect(summary.sampling.funds).toBe(row.funds);
    expect(summary.sampling.groups).toHaveLength(row.groups);
    if (pristine) expect(summary.sampling.projects).toBe(124);
    if (pristine) expect(inUnit(summary.sampling.funds, "yi", 2)).toBe("8.40");
    if (pristine) expect(summary.sampling.groups).toHaveLength(4);
    expect(summary.sampling.groups.reduce((a, g) => a + g.projects, 0)).toBe(summary.sampling.projects);
    // Another file's batch may be mid-scoring on the shared server database.
    if (pristine)
      expect(summary.sampling.groups.every((g) => g.settled === g.projects && g.members === 3)).toBe(true);
  });

  it("counts key and third-party evaluations of 2020 as settled in the data, with the grade mix", async () => {
    for (const [type, figures] of [
      ["KEY", summary.key],
      ["THIRD_PARTY", summary.thirdParty],
    ] as const) {
      const row = await one<{ n: number; funds: string }>(
        sql`select count(*)::int as n, coalesce(sum(${BUDGET}), 0)::text as funds
            from evaluations e join projects p on p.id = e.project_id
            where e.type = ${type} and p.year = 2020 and e.status = 'SETTLED'`,
      );
      expect(figures.projects).toBe(row.n);
      expect(figures.items).toHaveLength(row.n);
      expect(inUnit(figures.funds, "yi", 2)).toBe(inUnit(row.funds, "yi", 2));
    }
    const grades = await queryRows<{ grade: string; n: number }>(
      db,
      sql`select e.grade, count(*)::int as n from evaluations e join projects p on p.id = e.project_id
          where e.type = 'THIRD_PARTY' and p.year = 2020 and e.status = 'SETTLED' group by e.grade`,
    );
    for (const g of ["EXCELLENT", "GOOD", "PASS", "FAIL"] as const)
      expect(summary.thirdParty.grades[g]).toBe(grades.find((r) => r.grade === g)?.n ?? 0);
    // The report's figures: 6 key evaluations of 2.12 亿元; 21 third-party of 4.70 亿元, 15 优秀 and 6 良好.
    if (!pristine) return;
    expect([summary.key.projects, inUnit(summary.key.funds, "yi", 2)]).toEqual([6, "2.12"]);
    expect([
      summary.thirdParty.projects,
      inUnit(summary.thirdParty.funds, "yi", 2),
      summary.thirdParty.grades.EXCELLENT,
      summary.thirdParty.grades.GOOD,
    ]).toEqual([21, "4.70", 15, 6]);
  });

  it("counts the re-evaluation of 2022 projects: 68, 43.52 亿元 requested, 7.13 亿元 cut, 16.39%", async () => {
    const row = await one<{ n: number; requested: string; recommended: string }>(
      sql`select count(*)::int as n, sum(p.requested_amount)::text as requested,
            sum(pa.recommended_amount)::text as recommended
          from projects p join pre_assessments pa on pa.project_id = p.id
          where p.year = 2022 and pa.status = 'CONCLUDED'
            and exists (select 1 from expert_group_projects g where g.project_id = p.id)`,
    );
    const pre = summary.preAssessment;
    expect(pre.projects).toBe(row.n);
    expect(pre.requested).toBe(row.requested);
    expect(pre.recommended).toBe(row.recommended);
    expect(pre.support + pre.supportAdjusted + pre.reject).toBe(row.n);
    expect([
      pre.projects,
      inUnit(pre.requested, "yi"),
      inUnit(pre.cut, "yi"),
      ratePercent(pre.cut, pre.requested),
    ]).toEqual([68, "43.52", "7.13", "16.39"]);
  });

  it("lists the department-wide and township evaluations of 2020 from the data", async () => {
    for (const [type, rows] of [
      ["DEPT_OVERALL", summary.deptOverall],
      ["TOWNSHIP_FISCAL", summary.township],
    ] as const) {
      const names = await queryRows<{ name: string }>(
        db,
        sql`select o.name from evaluations e join organisations o on o.id = e.subject_org_id
            where e.type = ${type} and e.year = 2020 order by o.sort_order, o.name`,
      );
      expect(rows.map((r) => r.orgName)).toEqual(names.map((r) => r.name));
    }
    expect(summary.deptOverall.map((r) => r.orgName)).toEqual(["区科技局", "区金融办"]);
    expect(summary.township.map((r) => r.orgName)).toEqual(["下管镇"]);
  });
});

describe("the document", () => {
  it("says the figures in the source's words, in Chinese and in the Word file", async () => {
    const blocks = summaryBlocks(summary, "一是健全管理体系。\n\n二是优化管理手段。", zh);
    const text = blocks.map((b) =>
      b.kind === "table" ? [b.caption, ...b.headers, ...b.rows.flat()].join(" ") : b.text,
    );
    const all = text.join("\n");
    expect(blocks[0]).toEqual({ kind: "title", text: "2021 年度预算绩效管理工作总结及 2022 年工作思路" });
    expect(all).toContain("对 2020 年度 1317 个部门预算专项资金项目和政府投资项目开展绩效自评");
    const sampled = summary.sampling.projects;
    const sampledYi = inUnit(summary.sampling.funds, "yi", 2);
    if (pristine) expect([sampled, sampledYi]).toEqual([124, "8.40"]);
    expect(all).toContain(`对 ${sampled} 个项目的自评情况进行集中抽评，集中抽评资金 ${sampledYi} 亿元`);
    expect(all).toContain(`财政部门重点评价项目 ${summary.key.projects} 个`);
    expect(all).toContain(`委托中介机构评价项目 ${summary.thirdParty.projects} 个`);
    // The figures table gives the third-party grade mix (the demo's 15 优秀 and 6 良好).
    const figures = blocks.find((b) => b.kind === "table");
    const thirdPartyRow =
      figures?.kind === "table" ? figures.rows.find((r) => r[0] === "第三方评价") : undefined;
    const mix = (["EXCELLENT", "GOOD", "PASS", "FAIL"] as const)
      .filter((g) => summary.thirdParty.grades[g] > 0)
      .map(
        (g) =>
          `${{ EXCELLENT: "优秀", GOOD: "良好", PASS: "中", FAIL: "差" }[g]} ${summary.thirdParty.grades[g]} 个`,
      );
    expect(thirdPartyRow?.[3]).toBe(mix.join("，"));
    if (pristine) expect(thirdPartyRow?.[3]).toBe("优秀 15 个，良好 6 个");
    expect(all).toContain(
      "2021 年对 68 只部门预算和政府投资项目开展财政再评估，单位申报资金 43.52 亿元，核减资金 7.13 亿元，核减率达 16.39%",
    );
    expect(all).toContain(`分 ${summary.sampling.groups.length} 个抽评组对 ${sampled} 个项目进行了集中抽评`);
    // Section 三 is the bureau's text, one paragraph per line.
    expect(text.slice(-3)).toEqual(["三、2022 年工作思路", "一是健全管理体系。", "二是优化管理手段。"]);

    const zip = await JSZip.loadAsync(
      await summaryDocx(blocks, blocks[0]!.kind === "title" ? blocks[0]!.text : ""),
    );
    const xml = await zip.file("word/document.xml")!.async("string");
    for (const words of [
      "1317 个部门预算专项资金项目",
      `集中抽评资金 ${sampledYi} 亿元`,
      "核减率达 16.39%",
      "二是优化管理手段。",
    ])
      expect(xml).toContain(words);
    // A4 portrait in twentieths of a point.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});

describe("section 三: next year's plan", () => {
  const WORK_YEAR = 2023; // this file's: budget year 2022 exists, no other test writes 2023's plan
  const meta = { ip: "10.9.8.7", userAgent: "vitest" };
  let t: (key: string) => string;
  const save = (user: CurrentUser, raw: Record<string, string>) =>
    runAction(saveSummaryPlanDef, runSaveSummaryPlan, { user, raw, meta, t });

  beforeAll(async () => {
    t = await catalogTranslator();
  });

  it("is written by finance, versioned, audited, and never silently overwritten", async () => {
    const admin = await signedIn("finance_admin");
    expect(await annualSummaryPlan(admin, WORK_YEAR)).toMatchObject({ plan: "", version: 0 });
    const first = await save(admin, {
      workYear: String(WORK_YEAR),
      version: "0",
      plan: "一是健全管理体系。\r\n",
    });
    expect(first).toEqual({ ok: true, data: { workYear: WORK_YEAR, version: 1 } });
    expect(await annualSummaryPlan(admin, WORK_YEAR)).toMatchObject({
      plan: "一是健全管理体系。",
      version: 1,
    });

    // A second writer who opened version 0 is refused; the text stays as saved.
    expect(failure(await save(admin, { workYear: String(WORK_YEAR), version: "0", plan: "别的" })).code).toBe(
      "CONFLICT",
    );
    const second = await save(admin, {
      workYear: String(WORK_YEAR),
      version: "1",
      plan: "二是优化管理手段。",
    });
    expect(second).toEqual({ ok: true, data: { workYear: WORK_YEAR, version: 2 } });
    expect(await annualSummaryPlan(admin, WORK_YEAR)).toMatchObject({
      plan: "二是优化管理手段。",
      version: 2,
    });

    const audits = await db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, "annualSummary.planSaved"), eq(auditLog.entityId, String(WORK_YEAR))));
    expect(audits.map((a) => (a.changes as { version: number[] }).version)).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 2],
      ]),
    );
  });

  it("is read-only for reviewers and leaders, and refuses a year with no budget year before it", async () => {
    const [reviewer, leader, admin] = await Promise.all([
      signedIn("finance_reviewer"),
      signedIn("leader"),
      signedIn("finance_admin"),
    ]);
    for (const user of [reviewer, leader])
      expect(failure(await save(user, { workYear: "2024", version: "0", plan: "x" })).code).toBe("FORBIDDEN");
    expect(failure(await save(admin, { workYear: "2099", version: "0", plan: "x" })).code).toBe("NOT_FOUND");
    const rows = await db.select().from(annualSummaryPlans).where(eq(annualSummaryPlans.workYear, 2024));
    expect(rows).toHaveLength(0);
  });
});

describe("the Word download", () => {
  const meta = { ip: "10.9.8.6", userAgent: "vitest" };

  it("sends the year's document to finance and leaders, audited", async () => {
    for (const name of ["finance_admin", "leader"]) {
      const user = await signedIn(name);
      const response = await exportSummaryDocx(user, new URLSearchParams({ year: "2021" }), meta);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Disposition")).toContain(
        encodeURIComponent("2021年度预算绩效管理工作总结.docx"),
      );
      const zip = await JSZip.loadAsync(await response.arrayBuffer());
      expect(await zip.file("word/document.xml")!.async("string")).toContain(
        `集中抽评资金 ${inUnit(summary.sampling.funds, "yi", 2)} 亿元`,
      );
      const [audit] = await queryRows<{ entity_id: string }>(
        db,
        sql`select entity_id from audit_log where action = 'annualSummary.exported' and actor_id = ${user.id}
            order by at desc limit 1`,
      );
      expect(audit?.entity_id).toBe("2021");
    }
  });

  it("is not found for a department, or for a year with no budget year before it", async () => {
    const [approver, admin] = await Promise.all([signedIn("dept_approver"), signedIn("finance_admin")]);
    expect((await exportSummaryDocx(approver, new URLSearchParams({ year: "2021" }), meta)).status).toBe(404);
    const [denied] = await queryRows<{ changes: { action: string } }>(
      db,
      sql`select changes from audit_log where action = 'access.denied' and actor_id = ${approver.id}
          order by at desc limit 1`,
    );
    expect(denied?.changes.action).toBe("exportSummaryDocx");
    expect((await exportSummaryDocx(admin, new URLSearchParams({ year: "1999" }), meta)).status).toBe(404);
  });
});
