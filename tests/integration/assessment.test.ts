import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { scorecard } from "@/domain/assessment";
import { bureauDate } from "@/domain/rectification";
import {
  departmentRecords,
  departmentScorecard,
  scorecards,
  type ScorecardRow,
} from "@/features/assessment/queries";
import { db, queryRows } from "@/server/db";
import { fiscalYears, organisations } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { signedIn } from "../factories/users";

// 督考: each criterion of a department's scorecard against a count written here by hand in plain SQL,
// and who may read which row.

const YEAR = 2020;
const today = bureauDate(new Date());
let admin: CurrentUser;
let reviewer: CurrentUser;
let approver: CurrentUser; // 区科技局 (D03)
let filer: CurrentUser; // a unit of 区科技局
let otherApprover: CurrentUser; // 区教育局 (D01)
let leader: CurrentUser;
let d03: string;
let d01: string;

beforeAll(async () => {
  [admin, reviewer, approver, filer, otherApprover, leader] = await Promise.all(
    ["finance_admin", "finance_reviewer", "dept_approver", "dept_filer", "approver_d01", "leader"].map(
      signedIn,
    ),
  );
  const orgs = await db.select({ id: organisations.id, code: organisations.code }).from(organisations);
  d03 = orgs.find((o) => o.code === "D03")!.id;
  d01 = orgs.find((o) => o.code === "D01")!.id;
});

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await queryRows<T>(db, query))[0]!;
}

/** The same counts, by hand: nothing shared with the module's SQL. */
async function independentCounts(dept: string) {
  const projects = await one<{ n: number }>(
    sql`select count(*)::int as n from projects where department_id = ${dept} and year = ${YEAR}`,
  );
  // Target sheets were due by the end of the year's target month (Beijing time).
  const [fy] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
  const dueEnd = new Date(Date.UTC(YEAR, fy!.targetDueMonth, 1)).toISOString().slice(0, 10);
  const targets = await one<{ n: number }>(
    sql`select count(*)::int as n from (
          select p.id, min(x.at) as first from projects p
          join (select s.project_id, s.submitted_at as at from target_sheets s where s.year = ${YEAR}
                union all
                select s.project_id, t.created_at from target_sheet_transitions t
                join target_sheets s on s.id = t.sheet_id where t.to_status = 'SUBMITTED' and s.year = ${YEAR}) x
            on x.project_id = p.id
          where p.department_id = ${dept} and p.year = ${YEAR}
          group by p.id) f
        where (f.first + interval '8 hours')::date < ${dueEnd}::date`,
  );
  const self = await one<{ onTime: number; filed: number }>(
    sql`select
          count(*) filter (where (e.submitted_at + interval '8 hours')::date <= r.due_date)::int as "onTime",
          count(*) filter (where e.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED'))::int as filed
        from evaluations e join projects p on p.id = e.project_id
        join evaluation_rounds r on r.type = 'SELF' and r.year = p.year
        where e.type = 'SELF' and p.department_id = ${dept} and p.year = ${YEAR}`,
  );
  const sheets = await one<{ submitted: number; returned: number }>(
    sql`select count(*)::int as submitted,
          count(*) filter (where s.id in (select sheet_id from target_sheet_transitions where to_status = 'RETURNED'))::int as returned
        from target_sheets s join projects p on p.id = s.project_id
        where p.department_id = ${dept} and s.year = ${YEAR} and s.submitted_at is not null`,
  );
  const gap = await one<{ n: number; gap: string | null }>(
    sql`select count(*)::int as n, round(avg(se.total_score - sm.total_score), 2)::text as gap
        from evaluations sm join evaluations se on se.project_id = sm.project_id and se.type = 'SELF'
        join projects p on p.id = sm.project_id
        where sm.type = 'SAMPLED' and sm.status = 'SETTLED' and p.department_id = ${dept} and p.year = ${YEAR}`,
  );
  const notices = await one<{ counted: number; onTime: number }>(
    sql`select
          count(*) filter (where n.status <> 'OPEN' or n.due_date < ${today}::date or n.due_date is null)::int as counted,
          count(*) filter (where n.replied_at is not null and (n.replied_at + interval '8 hours')::date <= coalesce(n.due_date, '9999-12-31'))::int as "onTime"
        from monitoring_notices n join projects p on p.id = n.project_id
        where n.kind = 'CORRECTION' and p.department_id = ${dept} and p.year = ${YEAR}`,
  );
  const items = await one<{ counted: number; onTime: number }>(
    sql`select
          count(*) filter (where i.status = 'CLOSED' or i.deadline < ${today}::date)::int as counted,
          count(*) filter (where i.status = 'CLOSED' and (i.closed_at + interval '8 hours')::date <= i.deadline)::int as "onTime"
        from rectification_items i
        left join projects p on p.id = i.project_id
        left join evaluations e on e.id = i.source_id
        where i.department_id = ${dept} and coalesce(p.year, e.year) = ${YEAR}`,
  );
  return { projects: projects.n, targets: targets.n, self, sheets, gap, notices, items };
}

describe("督考 scorecard", () => {
  it("counts each criterion of 区科技局 as an independent SQL count does", async () => {
    const card = await departmentScorecard(admin, YEAR, d03, { today });
    expect(card).not.toBeNull();
    const c = card!.row.counts;
    const x = await independentCounts(d03);
    expect(x.projects).toBeGreaterThan(0);
    expect(card!.row.projects).toBe(x.projects);
    expect(c.targetsOnTime).toEqual({ done: x.targets, of: x.projects });
    expect(c.selfOnTime).toEqual({ done: x.self.onTime, of: x.projects });
    expect(c.coverage).toEqual({ done: x.self.filed, of: x.projects });
    expect(c.targetQuality).toEqual({ done: x.sheets.submitted - x.sheets.returned, of: x.sheets.submitted });
    expect(c.scoreGap).toEqual({ of: x.gap.n, gap: x.gap.gap });
    expect(c.notices).toEqual({ done: x.notices.onTime, of: x.notices.counted });
    expect(c.rectification).toEqual({ done: x.items.onTime, of: x.items.counted });
    // The demo gives 区科技局 something under every heading.
    expect(x.gap.n).toBeGreaterThan(0);
    expect(x.notices.counted).toBeGreaterThan(0);
    expect(x.items.counted).toBeGreaterThan(0);
    // The points are the domain arithmetic on those counts and the year's weights.
    expect(card!.row.total).toBe(scorecard(c, card!.weights).total);
  });

  it("holds for every department: the same counts, ranked by total", async () => {
    const all = (await scorecards(admin, YEAR, { today }))!;
    const depts = await one<{ n: number }>(
      sql`select count(distinct department_id)::int as n from projects where year = ${YEAR}`,
    );
    expect(all.rows).toHaveLength(depts.n);
    const totals = all.rows.map((r) => r.total ?? -1);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(all.rows[0]!.rank).toBe(1);
    // The scorecard is not flat: the demo's late self-evaluations and open items separate departments.
    expect(new Set(totals).size).toBeGreaterThan(3);
    // Another department, checked the same way.
    const d01Row = all.rows.find((r) => r.departmentId === d01)!;
    const x = await independentCounts(d01);
    expect(d01Row.counts.selfOnTime.done).toBe(x.self.onTime);
    expect(d01Row.counts.coverage.done).toBe(x.self.filed);
    expect(d01Row.counts.rectification).toEqual({ done: x.items.onTime, of: x.items.counted });
  });

  it("follows a returned target sheet and the year's weights", async () => {
    const before = (await departmentScorecard(admin, YEAR, d03, { today }))!.row;
    const [sheet] = await queryRows<{ id: string }>(
      db,
      sql`select s.id from target_sheets s join projects p on p.id = s.project_id
          where p.department_id = ${d03} and s.year = ${YEAR} order by p.code limit 1`,
    );
    await db.execute(
      sql`insert into target_sheet_transitions (sheet_id, from_status, to_status, comment, created_at)
          values (${sheet!.id}, 'SUBMITTED', 'RETURNED', '指标未量化', '2020-02-20T02:00:00Z')`,
    );
    const [fy] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
    await db
      .update(fiscalYears)
      .set({ assessTargetQuality: 30, assessCoverage: 0 })
      .where(eq(fiscalYears.year, YEAR));
    try {
      const after = (await departmentScorecard(admin, YEAR, d03, { today }))!;
      expect(after.row.counts.targetQuality.done).toBe(before.counts.targetQuality.done - 1);
      const quality = after.row.criteria.find((c) => c.criterion === "targetQuality")!;
      expect(quality.weight).toBe(30);
      const { done, of } = after.row.counts.targetQuality;
      expect(quality.points).toBe(Math.round((3000 * done) / of));
      const records = await departmentRecords(admin, YEAR, d03, { today });
      expect(records.sheets.map((s) => s.lastReason)).toContain("指标未量化");
    } finally {
      await db
        .update(fiscalYears)
        .set({ assessTargetQuality: fy!.assessTargetQuality, assessCoverage: fy!.assessCoverage })
        .where(eq(fiscalYears.year, YEAR));
      await db.execute(
        sql`delete from target_sheet_transitions where sheet_id = ${sheet!.id} and comment = '指标未量化'`,
      );
    }
  });

  it("lists the records behind the points", async () => {
    const card = (await departmentScorecard(admin, YEAR, d03, { today }))!.row;
    const r = await departmentRecords(admin, YEAR, d03, { today });
    expect(r.projects).toHaveLength(card.projects);
    expect(r.projects.filter((p) => p.selfOnTime)).toHaveLength(card.counts.selfOnTime.done);
    expect(r.projects.filter((p) => p.selfFiled)).toHaveLength(card.counts.coverage.done);
    expect(r.projects.filter((p) => p.targetOnTime)).toHaveLength(card.counts.targetsOnTime.done);
    expect(r.gaps).toHaveLength(card.counts.scoreGap.of);
    expect(r.notices.filter((n) => n.counted)).toHaveLength(card.counts.notices.of);
    expect(r.notices.filter((n) => n.onTime)).toHaveLength(card.counts.notices.done);
    expect(r.items.filter((i) => i.counted)).toHaveLength(card.counts.rectification.of);
    expect(r.items.filter((i) => i.onTime)).toHaveLength(card.counts.rectification.done);
    // The department-wide evaluation's items name no project and still count for the year.
    expect(r.items.some((i) => i.code === null)).toBe(true);
  });
});

describe("督考 scope", () => {
  const ids = (rows: ScorecardRow[]) => rows.map((r) => r.departmentId).sort();

  it("shows a department only its own row; another department's reads as not found", async () => {
    for (const user of [approver, filer]) {
      const all = (await scorecards(user, YEAR, { today }))!;
      expect(ids(all.rows)).toEqual([d03]);
      expect(await departmentScorecard(user, YEAR, d01, { today })).toBeNull();
    }
    const other = (await scorecards(otherApprover, YEAR, { today }))!;
    expect(ids(other.rows)).toEqual([d01]);
    expect(await departmentScorecard(otherApprover, YEAR, d03, { today })).toBeNull();
    // The department's own row is the same as finance sees it.
    const own = (await departmentScorecard(approver, YEAR, d03, { today }))!.row;
    const asAdmin = (await departmentScorecard(admin, YEAR, d03, { today }))!.row;
    expect(own.counts).toEqual(asAdmin.counts);
    expect(own.total).toBe(asAdmin.total);
    // Nor its rank: it sees no other row to be ranked against.
    expect(own.rank).toBeNull();
    expect(asAdmin.rank).not.toBeNull();
  });

  it("shows a reviewer the departments its division covers, and leaders all", async () => {
    const covered = await queryRows<{ id: string }>(
      db,
      sql`select distinct o.id from organisations o join projects p on p.department_id = o.id and p.year = ${YEAR}
          where o.covering_division_id = ${reviewer.orgId}`,
    );
    const mine = (await scorecards(reviewer, YEAR, { today }))!;
    expect(ids(mine.rows)).toEqual(covered.map((r) => r.id).sort());
    expect(mine.rows.length).toBeGreaterThan(0);
    const all = (await scorecards(admin, YEAR, { today }))!;
    expect(ids((await scorecards(leader, YEAR, { today }))!.rows)).toEqual(ids(all.rows));
  });

  it("lists a filer only its own unit's records of its department", async () => {
    const r = await departmentRecords(filer, YEAR, d03, { today });
    const unitProjects = await one<{ n: number }>(
      sql`select count(*)::int as n from projects where unit_id = ${filer.orgId} and year = ${YEAR}`,
    );
    expect(r.projects).toHaveLength(unitProjects.n);
    expect(r.items.every((i) => i.id)).toBe(true);
    const outside = await departmentRecords(otherApprover, YEAR, d03, { today });
    expect(outside.projects).toHaveLength(0);
    expect(outside.items).toHaveLength(0);
  });
});
