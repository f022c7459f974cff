import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { bureauDate } from "@/domain/rectification";
import { rectificationSummary } from "@/features/dashboards/chain-queries";
import { departmentPerformance } from "@/features/dashboards/department-queries";
import { exportDepartmentPerformance } from "@/features/dashboards/export";
import { db, queryRows } from "@/server/db";
import { signedIn } from "../factories/users";

vi.mock("next-intl/server", () => import("../factories/intl-server"));

// 整改 on the finance and leader dashboards: the year's items open / closed / overdue, and each
// department's overdue items, against counts written here from the tables themselves. An item is of
// a year by its project's year, or (no project) by the year of the evaluation it was raised from.

const ofYear = sql.raw(`(select case when i.project_id is not null
    then (select p.year from projects p where p.id = i.project_id)
    else (select e.year from evaluations e where e.id = i.source_id) end)`);

type Counts = { total: number; open: number; replied: number; closed: number; overdue: number };

async function expected(where: ReturnType<typeof sql>): Promise<Counts> {
  const today = bureauDate(new Date());
  const [row] = await queryRows<Counts>(
    db,
    sql`select count(*)::int as total,
          count(*) filter (where i.status in ('OPEN', 'REPLIED'))::int as open,
          count(*) filter (where i.status = 'REPLIED')::int as replied,
          count(*) filter (where i.closed_at is not null and i.status = 'CLOSED')::int as closed,
          count(*) filter (where i.status in ('OPEN', 'REPLIED') and i.deadline < ${today}::date)::int as overdue
        from rectification_items i where ${ofYear} = 2020 and ${where}`,
  );
  return row!;
}

describe("rectification figures on the dashboards", () => {
  it("counts the year's items open, closed and overdue for finance and leaders", async () => {
    const [admin, leader] = await Promise.all([signedIn("finance_admin"), signedIn("leader")]);
    const want = await expected(sql`true`);
    expect(await rectificationSummary(admin, 2020)).toEqual(want);
    expect(await rectificationSummary(leader, 2020)).toEqual(want);
    // The demo's items are all on 2020 projects, some of each state.
    expect(want.total).toBeGreaterThan(0);
    expect(want.open + want.closed).toBe(want.total);
    expect(want.overdue).toBeGreaterThan(0);
    expect(want.closed).toBeGreaterThan(0);
    expect(await rectificationSummary(admin, 2021)).toEqual(await expectedYear(2021));
  });

  it("narrows to the reviewer's departments and to an approver's own", async () => {
    const [reviewer, approver] = await Promise.all([signedIn("finance_reviewer"), signedIn("dept_approver")]);
    expect(await rectificationSummary(reviewer, 2020)).toEqual(
      await expected(
        sql`i.department_id in (select id from organisations where covering_division_id = ${reviewer.orgId})`,
      ),
    );
    const own = await rectificationSummary(approver, 2020);
    expect(own).toEqual(await expected(sql`i.department_id = ${approver.departmentId}`));
    // 区科技局 has items of every state in the demo, among them overdue ones.
    expect(own.total).toBeGreaterThan(0);
    expect(own.overdue).toBeGreaterThan(0);
  });

  it("gives each department of the table its overdue items, and exports the column", async () => {
    const admin = await signedIn("finance_admin");
    const rows = await departmentPerformance(admin, 2020);
    const today = bureauDate(new Date());
    const perDept = await queryRows<{ id: string; n: number }>(
      db,
      sql`select i.department_id as id, count(*)::int as n from rectification_items i
          where ${ofYear} = 2020 and i.status <> 'CLOSED' and i.deadline < ${today}::date
          group by i.department_id`,
    );
    const byId = new Map(perDept.map((r) => [r.id, Number(r.n)]));
    for (const r of rows) expect(r.overdue, r.name).toBe(byId.get(r.id) ?? 0);
    expect(rows.reduce((a, r) => a + r.overdue, 0)).toBe((await rectificationSummary(admin, 2020)).overdue);

    const response = await exportDepartmentPerformance(admin, new URLSearchParams({ year: "2020" }), {
      ip: "10.4.5.7",
      userAgent: "vitest",
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = headers.indexOf("逾期整改事项（项）") + 1;
    expect(col).toBeGreaterThan(0);
    rows.forEach((r, i) => expect(sheet.getRow(i + 2).getCell(col).value, r.name).toBe(r.overdue));
  });
});

async function expectedYear(year: number): Promise<Counts> {
  const today = bureauDate(new Date());
  const [row] = await queryRows<Counts>(
    db,
    sql`select count(*)::int as total,
          count(*) filter (where i.status <> 'CLOSED')::int as open,
          count(*) filter (where i.status = 'REPLIED')::int as replied,
          count(*) filter (where i.status = 'CLOSED')::int as closed,
          count(*) filter (where i.status <> 'CLOSED' and i.deadline < ${today}::date)::int as overdue
        from rectification_items i where ${ofYear} = ${year}`,
  );
  return row!;
}
