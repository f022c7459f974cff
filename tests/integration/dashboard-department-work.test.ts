import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bureauDate } from "@/domain/rectification";
import { gradeDistribution } from "@/features/dashboards/leader-queries";
import { reviewSheet } from "@/features/targets/service";
import {
  evaluationResults,
  returnedItems,
  warningProjects,
  workTodos,
} from "@/features/dashboards/work-queries";
import { db, queryRows } from "@/server/db";
import type { CurrentUser } from "@/server/session";
import { signedIn } from "../factories/users";

// The department dashboard's lists, each count against a plain query of its own here: a filer's unit,
// an approver's department. Written per table, not through the dashboard's union.

const one = async (q: ReturnType<typeof sql>) => {
  const [row] = await queryRows<{ n: number }>(db, q);
  return Number(row?.n ?? 0);
};

/** Where a project belongs to the user: the filer's unit, the approver's department. */
const own = (user: CurrentUser, alias = "p") =>
  user.role === "DEPT_FILER"
    ? sql.raw(`${alias}.unit_id = '${user.orgId}'`)
    : sql.raw(`${alias}.department_id = '${user.orgId}'`);

async function expectedTodos(user: CurrentUser) {
  const filer = user.role === "DEPT_FILER";
  const today = bureauDate(new Date());
  const fill = sql.raw(filer ? "('DRAFT', 'RETURNED')" : "('SUBMITTED')");
  const itemScope = filer
    ? sql.raw(`i.unit_id = '${user.orgId}'`)
    : sql.raw(`i.department_id = '${user.departmentId}'`);
  const counts = {
    RECTIFICATION: await one(sql`select count(*)::int as n from rectification_items i where ${itemScope}
      and (i.status = 'OPEN' or (i.status <> 'CLOSED' and i.deadline < ${today}))`),
    NOTICE:
      await one(sql`select count(*)::int as n from monitoring_notices n join projects p on p.id = n.project_id
      where n.status = 'OPEN' and ${own(user)}`),
    MONITORING:
      await one(sql`select count(*)::int as n from monitoring_reports r join projects p on p.id = r.project_id
      where r.status in ${sql.raw(filer ? "('NOT_FILED', 'DRAFT', 'RETURNED')" : "('SUBMITTED')")} and ${own(user)}`),
    SELF: await one(sql`select count(*)::int as n from evaluations e join projects p on p.id = e.project_id
      where e.type = 'SELF' and e.status in ${fill} and ${own(user)}`),
    TARGETS:
      await one(sql`select count(*)::int as n from target_sheets s join projects p on p.id = s.project_id
      where s.status in ${fill} and ${own(user)}`),
    PRE_ASSESSMENT:
      await one(sql`select count(*)::int as n from pre_assessments a join projects p on p.id = a.project_id
      where a.status in ${fill} and ${own(user)}`),
    PROJECT: filer
      ? await one(sql`select count(*)::int as n from projects p where p.stage = 'DRAFT' and ${own(user)}`)
      : 0,
  };
  const overdueItems = await one(sql`select count(*)::int as n from rectification_items i where ${itemScope}
    and i.status <> 'CLOSED' and i.deadline < ${today}`);
  return { counts, overdueItems };
}

describe("the department dashboard's work lists", () => {
  it.each(["dept_filer", "dept_approver"])("counts %s's to-dos by kind, overdue first", async (name) => {
    const user = await signedIn(name);
    const todos = await workTodos(user, 500);
    const { counts, overdueItems } = await expectedTodos(user);
    const got = Object.fromEntries(todos.counts.map((c) => [c.kind, c.total]));
    for (const [kind, n] of Object.entries(counts)) expect(got[kind] ?? 0, kind).toBe(n);
    expect(todos.total).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    // The demo gives 区科技局 overdue rectification items (and the unit late monitoring reports):
    // overdue to-dos lead the list, flagged.
    const overdueRect = todos.counts.find((c) => c.kind === "RECTIFICATION")?.overdue ?? 0;
    expect(overdueRect).toBe(overdueItems);
    if (name === "dept_approver") expect(overdueItems).toBeGreaterThan(0);
    expect(todos.overdue).toBeGreaterThan(0);
    expect(todos.rows[0]!.overdue).toBe(true);
    const firstOnTime = todos.rows.findIndex((r) => !r.overdue);
    if (firstOnTime >= 0) expect(todos.rows.slice(firstOnTime).every((r) => !r.overdue)).toBe(true);
    // Within the list, deadlines ascend with the undated last.
    const dated = todos.rows.filter((r) => !r.overdue).map((r) => r.deadline);
    const firstUndated = dated.indexOf(null);
    if (firstUndated >= 0) expect(dated.slice(firstUndated).every((d) => d === null)).toBe(true);
  });

  it("lists what was returned with its reason, within scope", async () => {
    for (const name of ["dept_filer", "dept_approver", "dept_filer2"]) {
      const user = await signedIn(name);
      const { total, rows } = await returnedItems(user, 100);
      const expected =
        (await one(sql`select count(*)::int as n from target_sheets s join projects p on p.id = s.project_id
          where s.status = 'RETURNED' and ${own(user)}`)) +
        (await one(sql`select count(*)::int as n from evaluations e join projects p on p.id = e.project_id
          where e.type = 'SELF' and e.status = 'RETURNED' and ${own(user)}`)) +
        (await one(sql`select count(*)::int as n from pre_assessments a join projects p on p.id = a.project_id
          where a.status = 'RETURNED' and ${own(user)}`)) +
        (await one(sql`select count(*)::int as n from monitoring_reports r join projects p on p.id = r.project_id
          where r.status = 'RETURNED' and ${own(user)}`));
      expect(total, name).toBe(expected);
      expect(rows.length).toBe(Math.min(total, 100));
    }
  });

  it("shows a sheet the department sent back to the unit, with the reason, to the unit's filer only", async () => {
    const [approver, filer, filer2] = await Promise.all([
      signedIn("dept_approver"),
      signedIn("dept_filer"),
      signedIn("dept_filer2"),
    ]);
    const [sheet] = await queryRows<{ id: string; version: number }>(
      db,
      sql`select s.id, s.version from target_sheets s join projects p on p.id = s.project_id
          where s.status = 'SUBMITTED' and p.unit_id = ${filer.orgId} order by p.code limit 1`,
    );
    expect(sheet).toBeDefined();
    // Returned through the real service in a transaction that is rolled back, so the shared
    // database of a server run keeps its state for the other files.
    const rollback = new Error("rollback");
    await expect(
      db.transaction(async (tx) => {
        const before = await returnedItems(filer, 100, tx);
        await reviewSheet(
          {
            sheetId: sheet!.id,
            version: sheet!.version,
            decision: "return",
            comment: "产出指标未量化，请补充指标值和计量单位",
          },
          { db: tx, user: approver },
        );
        const after = await returnedItems(filer, 100, tx);
        expect(after.total).toBe(before.total + 1);
        const row = after.rows.find((r) => r.id === sheet!.id);
        expect(row).toMatchObject({ kind: "TARGETS", reason: "产出指标未量化，请补充指标值和计量单位" });
        expect(after.rows[0]!.id).toBe(sheet!.id);
        const other = await returnedItems(filer2, 100, tx);
        expect(other.rows.some((r) => r.id === sheet!.id)).toBe(false);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it("counts red and yellow projects by their latest filed report", async () => {
    for (const name of ["dept_filer", "dept_approver"]) {
      const user = await signedIn(name);
      const w = await warningProjects(user, 2020, 1000);
      // Independently: the latest filed report per project, coloured by the rule's thresholds.
      const [expected] = await queryRows<{ red: number; yellow: number }>(
        db,
        sql`with latest as (
              select distinct on (r.project_id) r.project_id,
                coalesce(r.executed_current, 0) + coalesce(r.executed_carryover, 0) + coalesce(r.executed_other, 0) as ex,
                p.budget_current + p.budget_carryover + p.budget_other as bu, rd.period_months as m,
                fy.warning_red as red, fy.warning_yellow as yellow, r.executed_current
              from monitoring_reports r join projects p on p.id = r.project_id
                join monitoring_rounds rd on rd.id = r.round_id join fiscal_years fy on fy.year = rd.year
              where rd.year = 2020 and r.status in ('SUBMITTED', 'DEPT_APPROVED', 'APPROVED') and ${own(user)}
              order by r.project_id, rd.period_months desc)
            select count(*) filter (where executed_current is not null and bu > 0 and ex * 1200 < red * bu * m)::int as red,
              count(*) filter (where executed_current is not null and bu > 0 and ex * 1200 >= red * bu * m
                and ex * 1200 < yellow * bu * m)::int as yellow
            from latest`,
      );
      expect(w.red, name).toBe(Number(expected!.red));
      expect(w.yellow, name).toBe(Number(expected!.yellow));
      expect(w.rows.length).toBe(w.red + w.yellow);
      const firstYellow = w.rows.findIndex((r) => r.colour === "YELLOW");
      if (firstYellow >= 0) expect(w.rows.slice(firstYellow).every((r) => r.colour === "YELLOW")).toBe(true);
    }
  });

  it("shows the grades and key / third-party results of its own projects only", async () => {
    const [approver, filer2] = await Promise.all([signedIn("dept_approver"), signedIn("dept_filer2")]);
    const grades = await gradeDistribution(approver, 2020);
    const self = grades.find((g) => g.type === "SELF");
    const selfFiled =
      await one(sql`select count(*)::int as n from evaluations e join projects p on p.id = e.project_id
      where e.type = 'SELF' and e.year = 2020 and e.grade is not null
        and e.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED') and ${own(approver)}`);
    expect(self ? self.EXCELLENT + self.GOOD + self.PASS + self.FAIL : 0).toBe(selfFiled);
    for (const user of [approver, filer2]) {
      const results = await evaluationResults(user, 2020, 100);
      const n =
        await one(sql`select count(*)::int as n from evaluations e join projects p on p.id = e.project_id
        where e.type in ('KEY', 'THIRD_PARTY') and e.status = 'SETTLED' and e.year = 2020 and ${own(user)}`);
      expect(results.length).toBe(n);
    }
  });
});
