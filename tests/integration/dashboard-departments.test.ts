import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { bureauDate } from "@/domain/rectification";
import { departmentPerformance } from "@/features/dashboards/department-queries";
import { exportDepartmentPerformance } from "@/features/dashboards/export";
import { warningColour } from "@/features/monitoring/rules";
import { db, queryRows } from "@/server/db";
import { signedIn } from "../factories/users";

vi.mock("next-intl/server", () => import("../factories/intl-server"));

// The finance dashboard's department table for 2020, each figure against a query of its own here:
// plain per-department subqueries, and the warning colours from the pure rule over the raw reports.

type Expected = {
  id: string;
  projects: number;
  budget: string;
  selfFiled: number;
  selfAverage: string | null;
  sampled: number;
  sampledSelfAverage: string | null;
  sampledAverage: string | null;
  gap: string | null;
};

const averageOf = (values: string[]) => {
  if (!values.length) return null;
  // Scores have two decimals: sum in hundredths, then round half up to two places as numeric does.
  const sum = values.reduce((a, v) => a + Math.round(Number(v) * 100), 0);
  return (Math.round(sum / values.length) / 100).toFixed(2);
};

describe("the finance dashboard's department table", () => {
  it("agrees with independent per-department figures on the demo's 2020", async () => {
    const admin = await signedIn("finance_admin");
    const rows = await departmentPerformance(admin, 2020);
    const expected = await queryRows<Expected>(
      db,
      sql`select d.id,
            (select count(*)::int from projects p where p.department_id = d.id and p.year = 2020) as projects,
            (select coalesce(sum(p.budget_current + p.budget_carryover + p.budget_other), 0)::text from projects p
              where p.department_id = d.id and p.year = 2020) as budget,
            (select count(*)::int from evaluations e join projects p on p.id = e.project_id
              where p.department_id = d.id and p.year = 2020 and e.type = 'SELF'
                and e.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED')) as "selfFiled",
            (select count(*)::int from evaluations e join projects p on p.id = e.project_id
              where p.department_id = d.id and p.year = 2020 and e.type = 'SAMPLED' and e.status = 'SETTLED') as sampled
          from organisations d
          where exists (select 1 from projects p where p.department_id = d.id and p.year = 2020)
            -- or it has overdue rectification items of the year (下管镇's township evaluation): its row
            -- carries them, so the overdue column adds up to the headline.
            or exists (select 1 from rectification_items i where i.department_id = d.id
              and i.status <> 'CLOSED' and i.deadline < ${bureauDate(new Date())}::date
              and coalesce((select p.year from projects p where p.id = i.project_id),
                (select e.year from evaluations e where e.id = i.source_id)) = 2020)`,
    );
    expect(rows).toHaveLength(expected.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const scores = await queryRows<{
      dept: string;
      self: string | null;
      sampled: string | null;
      filed: boolean;
    }>(
      db,
      sql`select p.department_id as dept, se.total_score::text as self, sm.total_score::text as sampled,
            se.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED') as filed
          from projects p
          join evaluations se on se.project_id = p.id and se.type = 'SELF'
          left join evaluations sm on sm.project_id = p.id and sm.type = 'SAMPLED' and sm.status = 'SETTLED'
          where p.year = 2020`,
    );
    for (const e of expected) {
      const row = byId.get(e.id)!;
      expect(row).toMatchObject({
        projects: e.projects,
        budget: e.budget,
        selfFiled: e.selfFiled,
        sampled: e.sampled,
      });
      const mine = scores.filter((s) => s.dept === e.id);
      const pairs = mine.filter((s) => s.sampled !== null);
      expect(row.selfAverage).toBe(averageOf(mine.filter((s) => s.filed).map((s) => s.self!)));
      expect(row.sampledSelfAverage).toBe(averageOf(pairs.map((s) => s.self!)));
      expect(row.sampledAverage).toBe(averageOf(pairs.map((s) => s.sampled!)));
      expect(row.gap).toBe(
        averageOf(
          pairs.map((s) =>
            ((Math.round(Number(s.self) * 100) - Math.round(Number(s.sampled) * 100)) / 100).toFixed(2),
          ),
        ),
      );
    }
    // The demo: every project filed; the 124 sampled projects all settled, below the units' own scores.
    expect(rows.reduce((a, r) => a + r.selfFiled, 0)).toBe(1317);
    // Other files draw 2020 batches of their own on the shared server database (checked against SQL above).
    if (!process.env.DATABASE_URL) expect(rows.reduce((a, r) => a + r.sampled, 0)).toBe(124);
    expect(rows.filter((r) => r.gap !== null).every((r) => Number(r.gap) > 0)).toBe(true);
  });

  it("counts red and yellow warnings by each project's latest filed report, as the rule colours it", async () => {
    const admin = await signedIn("finance_admin");
    const rows = await departmentPerformance(admin, 2020);
    const reports = await queryRows<{
      project: string;
      dept: string;
      months: number;
      executed: string | null;
      budget: string;
      red: number;
      yellow: number;
    }>(
      db,
      sql`select r.project_id as project, p.department_id as dept, rd.period_months as months,
            (coalesce(r.executed_current, 0) + coalesce(r.executed_carryover, 0) + coalesce(r.executed_other, 0))::text as executed,
            r.executed_current is null as "noFigure",
            (p.budget_current + p.budget_carryover + p.budget_other)::text as budget,
            fy.warning_red as red, fy.warning_yellow as yellow
          from monitoring_reports r
          join projects p on p.id = r.project_id
          join monitoring_rounds rd on rd.id = r.round_id
          join fiscal_years fy on fy.year = rd.year
          where rd.year = 2020 and r.status in ('SUBMITTED', 'DEPT_APPROVED', 'APPROVED')
            and r.executed_current is not null`,
    );
    const latest = new Map<string, (typeof reports)[number]>();
    for (const r of reports) if ((latest.get(r.project)?.months ?? -1) < r.months) latest.set(r.project, r);
    const counts = new Map<string, { red: number; yellow: number }>();
    for (const r of latest.values()) {
      const colour = warningColour(r.executed!, r.budget, r.months, r);
      const c = counts.get(r.dept) ?? { red: 0, yellow: 0 };
      if (colour === "RED") c.red += 1;
      if (colour === "YELLOW") c.yellow += 1;
      counts.set(r.dept, c);
    }
    for (const row of rows)
      expect({ red: row.red, yellow: row.yellow }).toEqual(counts.get(row.id) ?? { red: 0, yellow: 0 });
  });

  it("narrows a reviewer's table to the departments their division covers", async () => {
    const [admin, reviewer] = await Promise.all([signedIn("finance_admin"), signedIn("finance_reviewer")]);
    const [all, covered] = await Promise.all([
      departmentPerformance(admin, 2020),
      departmentPerformance(reviewer, 2020),
    ]);
    const ids = await queryRows<{ id: string }>(
      db,
      sql`select d.id from organisations d where d.covering_division_id = ${reviewer.orgId}
            and exists (select 1 from projects p where p.department_id = d.id and p.year = 2020)`,
    );
    expect(covered.map((r) => r.id).sort()).toEqual(ids.map((r) => r.id).sort());
    expect(covered.length).toBeLessThan(all.length);
    // A department's figures are the same whoever reads them.
    for (const r of covered) expect(all.find((a) => a.id === r.id)).toEqual(r);
  });
});

describe("the department table's .xlsx", () => {
  const meta = { ip: "10.4.5.6", userAgent: "vitest" };

  it("writes one row per department with the unit in the header, and audits the export", async () => {
    const admin = await signedIn("finance_admin");
    const response = await exportDepartmentPerformance(admin, new URLSearchParams({ year: "2020" }), meta);
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const rows = await departmentPerformance(admin, 2020);
    expect(sheet.actualRowCount).toBe(rows.length + 1);
    expect(sheet.getRow(1).getCell(4).value).toBe("资金（万元）");
    expect(sheet.getRow(2).getCell(2).value).toBe(rows[0]!.name);
    expect(sheet.getRow(2).getCell(3).value).toBe(rows[0]!.projects);
    expect(sheet.getRow(2).getCell(4).value).toBe(Number(rows[0]!.budget) / 10_000);
    const [audit] = await queryRows<{ changes: { year: number; rows: number } }>(
      db,
      sql`select changes from audit_log where action = 'dashboard.exported' and actor_id = ${admin.id}
          order by at desc limit 1`,
    );
    expect(audit?.changes).toMatchObject({ year: 2020, rows: rows.length });
  });

  it("is refused to a leader and a department, as not found", async () => {
    for (const name of ["leader", "dept_approver"]) {
      const user = await signedIn(name);
      const response = await exportDepartmentPerformance(user, new URLSearchParams({ year: "2020" }), meta);
      expect(response.status).toBe(404);
    }
  });
});
