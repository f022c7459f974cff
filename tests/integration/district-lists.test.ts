import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { exportDepartmentPerformance } from "@/features/dashboards/export";
import { districtReader } from "@/features/districts/queries";
import { exportKeyEvaluations } from "@/features/key-evaluation/export";
import { listKeyEvaluations } from "@/features/key-evaluation/queries";
import { exportWarnings } from "@/features/monitoring/export";
import { listReports, listRounds } from "@/features/monitoring/queries";
import { exportOverall } from "@/features/overall-evaluation/export";
import { listOverall } from "@/features/overall-evaluation/queries";
import { exportPreAssessments } from "@/features/pre-assessment/export";
import { listYear } from "@/features/pre-assessment/queries";
import { exportItems } from "@/features/rectification/export";
import { listItems } from "@/features/rectification/queries";
import { exportResults } from "@/features/results/export";
import { listResults, summaryByDepartment } from "@/features/results/queries";
import { listBatches } from "@/features/sampling/queries";
import { exportSelfEvaluations } from "@/features/self-evaluation/export";
import { listSelfEvaluations } from "@/features/self-evaluation/queries";
import { listTargetSheets } from "@/features/targets/queries";
import { exportEngagements } from "@/features/third-party/export";
import { listEngagements } from "@/features/third-party/queries";
import { db, queryRows } from "@/server/db";
import { PROVINCE_DISTRICT, seedProvince } from "@/server/seed/province";
import { DEMO_DISTRICT_ID } from "@/server/seed/seed";
import type { CurrentUser } from "@/server/session";
import { withOwnSeededDatabase } from "../factories/own-database";
import { signedIn } from "../factories/users";

vi.mock("next-intl/server", () => import("../factories/intl-server"));

// 行政区划 on the lists beyond /projects: a province-level user's ?district= narrows each list, its
// total and its Excel export in SQL (the reader of districtReader); a district user's parameter
// changes nothing. 东湖区 gets one record of each kind here (copied from the demo's), so both districts
// have rows to tell apart; every expected figure is counted by this file's own SQL.

// It adds a second district and writes records: on the server, in a database of its own.
withOwnSeededDatabase();

const EAST = PROVINCE_DISTRICT.id;
const DEMO = DEMO_DISTRICT_ID;
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let provinceAdmin: CurrentUser;
let provinceLeader: CurrentUser;
let demoAdmin: CurrentUser;
let eastAdmin: CurrentUser;
let east: { dept: string; unit: string; projects: string[] };

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db, query))[0]!.n;

/** A copy of one row of `table` (picked by `where`), with `changes` (column → value) and a new id. */
async function copyRow(table: string, where: ReturnType<typeof sql>, changes: Record<string, unknown>) {
  const id = randomUUID();
  const patch = JSON.stringify({ ...changes, id });
  const inserted = await queryRows<{ id: string }>(
    db,
    sql`insert into ${sql.raw(table)}
        select (jsonb_populate_record(null::${sql.raw(table)}, to_jsonb(t) || ${patch}::jsonb)).*
        from ${sql.raw(table)} t where ${where} limit 1 returning id`,
  );
  expect(inserted, `a ${table} row to copy`).toHaveLength(1);
  return id;
}

/** Rows of the first sheet of an export, without its heading. */
async function exportedRows(response: Response): Promise<number> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook.worksheets[0]!.actualRowCount - 1;
}

const params = (p: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined));

/** The reader of a page for this user and ?district=. */
const readerOf = async (user: CurrentUser, district?: string) =>
  (await districtReader(user, district)).reader;

beforeAll(async () => {
  await seedProvince(db);
  [provinceAdmin, provinceLeader, demoAdmin, eastAdmin] = await Promise.all(
    ["province_admin", "province_leader", "finance_admin", "east_lake_admin"].map(signedIn),
  );
  const orgs = await queryRows<{ id: string; code: string }>(
    db,
    sql`select id, code from organisations where code in ('DH-D01', 'DH-D01-U1')`,
  );
  const eastProjects = await queryRows<{ id: string }>(
    db,
    sql`select id from projects where district_id = ${EAST} order by code`,
  );
  east = {
    dept: orgs.find((o) => o.code === "DH-D01")!.id,
    unit: orgs.find((o) => o.code === "DH-D01-U1")!.id,
    projects: eastProjects.map((p) => p.id),
  };
  const [p1, p2, p3] = east.projects;
  // One record of each kind in 东湖区, copied from the demo district's.
  await copyRow("rectification_items", sql`true`, {
    department_id: east.dept,
    unit_id: east.unit,
    project_id: p1,
  });
  await copyRow(
    "evaluations",
    sql`t.type = 'KEY' and t.status = 'SETTLED' and t.grade is not null and t.year = 2020`,
    { project_id: p1 },
  );
  const thirdParty = await queryRows<{ id: string }>(
    db,
    sql`select e.id from evaluations e join engagements g on g.evaluation_id = e.id
        where e.type = 'THIRD_PARTY' and e.project_id is not null order by e.id limit 1`,
  );
  const evaluationId = await copyRow("evaluations", sql`t.id = ${thirdParty[0]!.id}`, { project_id: p2 });
  await copyRow("engagements", sql`t.evaluation_id = ${thirdParty[0]!.id}`, { evaluation_id: evaluationId });
  await copyRow("evaluations", sql`t.type = 'DEPT_OVERALL'`, { subject_org_id: east.dept });
  await copyRow("sampling_batches", sql`t.district_id = ${DEMO} and t.year = 2020`, { district_id: EAST });
  // A 2022 government-investment project of 东湖区: one to pre-assess.
  await copyRow("projects", sql`t.year = 2022 and t.kind = 'GOV_INVESTMENT'`, {
    district_id: EAST,
    department_id: east.dept,
    unit_id: east.unit,
    code: "DH2022-001",
  });
  // 东湖区's own monitoring round, with one report (a filed one, if the demo has any).
  const eastRound = await copyRow("monitoring_rounds", sql`t.district_id = ${DEMO}`, { district_id: EAST });
  await copyRow(
    "monitoring_reports",
    sql`true order by (t.status in ('SUBMITTED', 'DEPT_APPROVED', 'APPROVED')) desc`,
    {
      round_id: eastRound,
      project_id: p3,
      department_id: east.dept,
      unit_id: east.unit,
    },
  );
}, 120_000);

describe("the district picker on the lists", () => {
  it("narrows the rectification list and its export to the district picked", async () => {
    const inDistrict = (d: string) =>
      count(sql`select count(*)::int n from rectification_items i
        join organisations o on o.id = i.department_id where o.district_id = ${d}`);
    const [eastN, demoN] = [await inDistrict(EAST), await inDistrict(DEMO)];
    expect(eastN).toBe(1);
    const list = { page: 1 } as const;
    expect((await listItems(await readerOf(provinceAdmin, EAST), list)).total).toBe(eastN);
    expect((await listItems(await readerOf(provinceAdmin, DEMO), list)).total).toBe(demoN);
    expect((await listItems(await readerOf(provinceAdmin), list)).total).toBe(eastN + demoN);
    expect((await listItems(await readerOf(provinceLeader, EAST), list)).total).toBe(eastN);
    expect(await exportedRows(await exportItems(provinceAdmin, params({ district: EAST }), meta))).toBe(
      eastN,
    );
    expect(await exportedRows(await exportItems(provinceAdmin, params({}), meta))).toBe(eastN + demoN);
  });

  it("narrows the self-evaluations, targets and pre-assessments of a year", async () => {
    const projectsOf = (d: string, year: number, extra = sql`true`) =>
      count(
        sql`select count(*)::int n from projects where district_id = ${d} and year = ${year} and ${extra}`,
      );
    const eastSelf = await projectsOf(EAST, 2020);
    expect(eastSelf).toBe(3);
    const self = { year: 2020, page: 1 };
    expect((await listSelfEvaluations(await readerOf(provinceAdmin, EAST), self)).total).toBe(eastSelf);
    expect((await listSelfEvaluations(await readerOf(provinceAdmin, DEMO), self)).total).toBe(
      await projectsOf(DEMO, 2020),
    );
    expect(
      await exportedRows(
        await exportSelfEvaluations(provinceAdmin, params({ year: "2020", district: EAST }), meta),
      ),
    ).toBe(eastSelf);

    expect((await listTargetSheets(await readerOf(provinceAdmin, EAST), self)).total).toBe(eastSelf);
    expect((await listTargetSheets(await readerOf(provinceAdmin), self)).total).toBe(
      eastSelf + (await projectsOf(DEMO, 2020)),
    );

    // Pre-assessments: the projects of the year that need one (the rule of the year's threshold).
    const needs = sql`(kind = 'GOV_INVESTMENT' or ((novelty = 'NEW' or is_major) and requested_amount >=
      (select pre_assessment_threshold from fiscal_years f where f.year = projects.year)))`;
    expect(await projectsOf(EAST, 2022, needs)).toBe(1);
    for (const d of [EAST, DEMO]) {
      const expected = await projectsOf(d, 2022, needs);
      expect((await listYear(await readerOf(provinceAdmin, d), { year: 2022, page: 1 })).total).toBe(
        expected,
      );
      expect(
        await exportedRows(
          await exportPreAssessments(provinceAdmin, params({ year: "2022", district: d }), meta),
        ),
      ).toBe(expected);
    }
  });

  it("narrows key evaluations, third-party engagements and department-wide evaluations", async () => {
    const keyOf = (d: string) =>
      count(sql`select count(*)::int n from evaluations e join projects p on p.id = e.project_id
        where e.type = 'KEY' and e.year = 2020 and p.district_id = ${d}`);
    const key = { year: 2020, page: 1 };
    expect(await keyOf(EAST)).toBe(1);
    for (const d of [EAST, DEMO])
      expect((await listKeyEvaluations(await readerOf(provinceAdmin, d), key)).total).toBe(await keyOf(d));
    expect((await listKeyEvaluations(await readerOf(provinceAdmin), key)).total).toBe(
      (await keyOf(EAST)) + (await keyOf(DEMO)),
    );
    expect(
      await exportedRows(
        await exportKeyEvaluations(provinceAdmin, params({ year: "2020", district: EAST }), meta),
      ),
    ).toBe(1);

    const engagementsOf = (d: string) =>
      count(sql`select count(*)::int n from engagements g join evaluations e on e.id = g.evaluation_id
        left join projects p on p.id = e.project_id
        join organisations o on o.id = coalesce(p.department_id, e.subject_org_id) where o.district_id = ${d}`);
    expect(await engagementsOf(EAST)).toBe(1);
    for (const d of [EAST, DEMO])
      expect((await listEngagements(await readerOf(provinceAdmin, d), { page: 1 })).total).toBe(
        await engagementsOf(d),
      );
    expect(await exportedRows(await exportEngagements(provinceAdmin, params({ district: EAST }), meta))).toBe(
      1,
    );

    const overallOf = (d: string) =>
      count(sql`select count(*)::int n from evaluations e join organisations o on o.id = e.subject_org_id
        where e.type = 'DEPT_OVERALL' and o.district_id = ${d}`);
    expect(await overallOf(EAST)).toBe(1);
    for (const d of [EAST, DEMO])
      expect((await listOverall(await readerOf(provinceAdmin, d), "DEPT_OVERALL", { page: 1 })).total).toBe(
        await overallOf(d),
      );
    expect(
      await exportedRows(
        await exportOverall("DEPT_OVERALL", provinceAdmin, params({ district: EAST }), meta),
      ),
    ).toBe(1);
  });

  it("narrows the results of a year, their summary and their export", async () => {
    // The settled key evaluation copied above is 东湖区's one result of 2020.
    const all = await listResults(await readerOf(provinceAdmin), 2020, { page: 1 });
    const eastList = await listResults(await readerOf(provinceAdmin, EAST), 2020, { page: 1 });
    const demoList = await listResults(await readerOf(provinceAdmin, DEMO), 2020, { page: 1 });
    const settledKeyOf = (d: string) =>
      count(sql`select count(distinct e.project_id)::int n from evaluations e join projects p on p.id = e.project_id
        where e.year = 2020 and e.grade is not null and p.district_id = ${d}
          and ((e.type in ('KEY', 'THIRD_PARTY', 'SAMPLED') and e.status = 'SETTLED')
            or (e.type = 'SELF' and e.status = 'RECEIVED'))`);
    expect(eastList.total).toBe(await settledKeyOf(EAST));
    expect(eastList.total).toBeGreaterThan(0);
    expect(demoList.total).toBe(await settledKeyOf(DEMO));
    expect(eastList.total + demoList.total).toBe(all.total);
    const summary = await summaryByDepartment(await readerOf(provinceAdmin, EAST), 2020);
    expect(summary.map((r) => r.departmentName)).toEqual(["东湖区教育局"]);
    expect(
      await exportedRows(
        await exportResults(provinceAdmin, params({ year: "2020", district: EAST }), meta, "list"),
      ),
    ).toBe(eastList.total);
  });

  it("narrows the monitoring rounds, the warning list and its export, and the sampling batches", async () => {
    const reportsOf = (d: string, round: string) =>
      count(sql`select count(*)::int n from monitoring_reports r join projects p on p.id = r.project_id
        where r.round_id = ${round} and p.district_id = ${d}`);
    const eastRounds = await listRounds(await readerOf(provinceAdmin, EAST));
    expect(eastRounds.length).toBeGreaterThan(0);
    for (const r of eastRounds) expect(r.total).toBe(await reportsOf(EAST, r.id));
    for (const r of await listRounds(await readerOf(provinceAdmin, DEMO)))
      expect(r.total).toBe(await reportsOf(DEMO, r.id));
    const round = eastRounds[0]!.id;
    const reports = await listReports(await readerOf(provinceAdmin, EAST), round, { page: 1 });
    expect(reports.total).toBe(await reportsOf(EAST, round));
    const filed = (d: string) =>
      count(sql`select count(*)::int n from monitoring_reports r join projects p on p.id = r.project_id
        where r.round_id = ${round} and p.district_id = ${d} and r.status in ('SUBMITTED', 'DEPT_APPROVED', 'APPROVED')`);
    const filedEast = await filed(EAST);
    expect(filedEast).toBe(1);
    expect(
      (await listReports(await readerOf(provinceAdmin, EAST), round, { page: 1, filedOnly: true })).total,
    ).toBe(filedEast);
    expect(
      await exportedRows(await exportWarnings(provinceAdmin, params({ round, district: EAST }), meta)),
    ).toBe(filedEast);

    const batchesOf = (d: string) =>
      count(sql`select count(*)::int n from sampling_batches where year = 2020 and district_id = ${d}`);
    expect(await batchesOf(EAST)).toBe(1);
    for (const d of [EAST, DEMO])
      expect(await listBatches(await readerOf(provinceAdmin, d), 2020)).toHaveLength(await batchesOf(d));
    expect(await listBatches(await readerOf(provinceAdmin), 2020)).toHaveLength(
      await count(sql`select count(*)::int n from sampling_batches where year = 2020`),
    );
  });

  it("narrows the dashboard's department table export to the district picked", async () => {
    const departmentsOf = (d: string) =>
      count(
        sql`select count(distinct department_id)::int n from projects where year = 2020 and district_id = ${d}`,
      );
    expect(
      await exportedRows(
        await exportDepartmentPerformance(provinceAdmin, params({ year: "2020", district: EAST }), meta),
      ),
    ).toBe(await departmentsOf(EAST));
  });

  it("gives a district user nothing beyond their own district, whatever district they pass", async () => {
    for (const [user, other] of [
      [demoAdmin, EAST],
      [eastAdmin, DEMO],
    ] as const) {
      const picked = await districtReader(user, other);
      expect(picked.reader).toBe(user);
      expect(picked.district).toBeUndefined();
      expect(picked.options).toEqual([]);
    }
    // The lists read the same with and without it, and only their own district's rows.
    const own = await listItems(await readerOf(eastAdmin, DEMO), { page: 1 });
    expect(own.total).toBe(1);
    expect((await listKeyEvaluations(await readerOf(eastAdmin, DEMO), { year: 2020, page: 1 })).total).toBe(
      1,
    );
    expect((await listOverall(await readerOf(eastAdmin, DEMO), "DEPT_OVERALL", { page: 1 })).total).toBe(1);
    expect(await listBatches(await readerOf(eastAdmin, DEMO), 2020)).toHaveLength(1);
    const demoItems = await count(sql`select count(*)::int n from rectification_items i
      join organisations o on o.id = i.department_id where o.district_id = ${DEMO}`);
    expect((await listItems(await readerOf(demoAdmin, EAST), { page: 1 })).total).toBe(demoItems);
    // The exports too: the parameter is dropped, the district user's own rows come out.
    expect(await exportedRows(await exportItems(eastAdmin, params({ district: DEMO }), meta))).toBe(1);
    expect(await exportedRows(await exportItems(demoAdmin, params({ district: EAST }), meta))).toBe(
      demoItems,
    );
    expect(
      await exportedRows(
        await exportSelfEvaluations(demoAdmin, params({ year: "2020", district: EAST }), meta),
      ),
    ).toBe(
      await count(sql`select count(*)::int n from projects where year = 2020 and district_id = ${DEMO}`),
    );
  });
});
