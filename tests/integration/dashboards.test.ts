import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/features/auth/service";
import {
  draftProjects,
  headline,
  kindBreakdown,
  lowestExecution,
  orgBreakdown,
  stageBreakdown,
  yearTrend,
  type Totals,
} from "@/features/dashboards/queries";
import { auditOverview, systemOverview } from "@/features/dashboards/system-queries";
import { SETTINGS_FIELDS, yearSettingsSchema } from "@/features/years/schemas";
import { updateYearSettings } from "@/features/years/service";
import { sumYuan, toFen } from "@/domain/money";
import { db, queryRows } from "@/server/db";
import { isAppError } from "@/server/errors";
import { fiscalYears, organisations, projects } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { signedIn } from "../factories/users";

// Year 2020 is the year the dashboards open on; its settings are this file's to change.
const YEAR = 2020;

type Expected = {
  n: number;
  budget: string;
  executed: string;
  gi: number;
  gi_budget: string;
  pre: number;
  depts: number;
};

/** The figures computed independently, in plain SQL over the projects a `where` selects. */
async function expected(where: ReturnType<typeof sql>, year = YEAR): Promise<Expected> {
  const [fy] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year));
  const [row] = await queryRows<Expected>(
    db,
    sql`select count(*)::int as n,
          coalesce(sum(budget_current) + sum(budget_carryover) + sum(budget_other), 0)::text as budget,
          coalesce(sum(executed_current) + sum(executed_carryover) + sum(executed_other), 0)::text as executed,
          count(*) filter (where kind = 'GOV_INVESTMENT')::int as gi,
          coalesce(sum(budget_current + budget_carryover + budget_other) filter (where kind = 'GOV_INVESTMENT'), 0)::text as gi_budget,
          count(*) filter (where kind = 'GOV_INVESTMENT'
                             or ((novelty = 'NEW' or is_major) and requested_amount >= ${fy!.preAssessmentThreshold}))::int as pre,
          count(distinct department_id)::int as depts
        from projects where year = ${year} and ${where}`,
  );
  return {
    ...row!,
    n: Number(row!.n),
    gi: Number(row!.gi),
    pre: Number(row!.pre),
    depts: Number(row!.depts),
  };
}

function expectTotals(actual: Totals, e: { n: number; budget: string; executed: string }) {
  expect(actual.projects).toBe(e.n);
  expect(toFen(actual.budget)).toBe(toFen(e.budget));
  expect(toFen(actual.executed)).toBe(toFen(e.executed));
}

async function expectConsistent(user: CurrentUser, e: Expected) {
  const [h, stages, departments, kinds] = await Promise.all([
    headline(user, YEAR),
    stageBreakdown(user, YEAR),
    orgBreakdown(user, YEAR, "department"),
    kindBreakdown(user, YEAR),
  ]);
  expectTotals(h, e);
  expect(h.investmentProjects).toBe(e.gi);
  expect(toFen(h.investmentBudget)).toBe(toFen(e.gi_budget));
  expect(h.preAssessmentProjects).toBe(e.pre);
  expect(h.departments).toBe(e.depts);
  // Every breakdown adds back up to the headline.
  expect(stages.reduce((s, r) => s + r.projects, 0)).toBe(e.n);
  expect(toFen(sumYuan(...stages.map((r) => r.budget)))).toBe(toFen(e.budget));
  expect(departments).toHaveLength(e.depts);
  expect(departments.reduce((s, r) => s + r.projects, 0)).toBe(e.n);
  expect(toFen(sumYuan(...departments.map((r) => r.executed)))).toBe(toFen(e.executed));
  expect(kinds.reduce((s, r) => s + r.projects, 0)).toBe(e.n);
  // Largest budget first.
  const budgets = departments.map((r) => toFen(r.budget));
  expect(budgets.every((b, i) => i === 0 || b <= budgets[i - 1]!)).toBe(true);
  return { h, departments };
}

describe("finance dashboards", () => {
  it("shows the performance administrator the whole district's figures", async () => {
    const admin = await signedIn("finance_admin");
    const e = await expected(sql`true`);
    expect(e.n).toBe(1317);
    const { departments } = await expectConsistent(admin, e);
    // One department row checked against its own SQL.
    const first = departments[0]!;
    const d = await expected(sql`department_id = ${first.id}`);
    expectTotals(first, d);
  });

  it("shows a reviewer only the departments their division covers", async () => {
    const reviewer = await signedIn("finance_reviewer");
    const covered = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.coveringDivisionId, reviewer.orgId!));
    expect(covered.map((c) => c.name)).toEqual(
      expect.arrayContaining(["区教育局", "区科技局", "区委宣传部"]),
    );
    const ids = covered.map((c) => c.id);
    const e = await expected(
      sql`department_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    const { h, departments } = await expectConsistent(reviewer, e);
    expect(departments.every((d) => ids.includes(d.id))).toBe(true);
    expect(h.projects).toBeLessThan(1317);
  });
});

describe("department dashboards", () => {
  it("shows a filer only their unit, and an approver their department", async () => {
    const filer = await signedIn("dept_filer");
    const approver = await signedIn("dept_approver");
    const unitFigures = await expected(sql`unit_id = ${filer.orgId}`);
    expect(unitFigures.n).toBeGreaterThan(0);
    expectTotals(await headline(filer, YEAR), unitFigures);
    expectTotals(await headline(approver, YEAR), await expected(sql`department_id = ${approver.orgId}`));

    const units = await orgBreakdown(filer, YEAR, "unit");
    expect(units.map((u) => u.id)).toEqual([filer.orgId]);
    const approverUnits = await orgBreakdown(approver, YEAR, "unit");
    expect(approverUnits.length).toBeGreaterThan(1);

    const [lowest, drafts] = await Promise.all([lowestExecution(filer, YEAR), draftProjects(filer, 50)]);
    const ids = [...lowest.map((r) => r.id), ...drafts.rows.map((r) => r.id)];
    const owners = await db
      .select({ unitId: projects.unitId, stage: projects.stage, year: projects.year })
      .from(projects)
      .where(
        sql`${projects.id} in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    expect(owners.length).toBe(new Set(ids).size);
    expect(owners.every((o) => o.unitId === filer.orgId)).toBe(true);
    // Lowest first.
    const rates = lowest.map((r) => Number(toFen(r.executed)) / Number(toFen(r.budget)));
    expect(rates.every((r, i) => i === 0 || r >= rates[i - 1]!)).toBe(true);
    // The to-do list is the latest year's drafts, all of them counted.
    const [draftCount] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from projects where unit_id = ${filer.orgId} and stage = 'DRAFT' and year = (select max(year) from fiscal_years)`,
    );
    expect(drafts.year).toBe(2022);
    expect(drafts.total).toBe(Number(draftCount!.n));
    expect(drafts.rows.length).toBe(Math.min(50, drafts.total));
  });
});

describe("non-business roles", () => {
  it("give the system and audit administrators no project figures at all", async () => {
    for (const username of ["sysadmin", "auditor", "expert", "agency"]) {
      const user = await signedIn(username);
      const [h, stages, departments, lowest, drafts, trend] = await Promise.all([
        headline(user, YEAR),
        stageBreakdown(user, YEAR),
        orgBreakdown(user, YEAR, "department"),
        lowestExecution(user, YEAR),
        draftProjects(user),
        yearTrend(user),
      ]);
      expect(h, username).toMatchObject({
        projects: 0,
        budget: "0",
        executed: "0",
        investmentProjects: 0,
        preAssessmentProjects: 0,
      });
      expect(stages.every((s) => s.projects === 0)).toBe(true);
      expect(departments).toEqual([]);
      expect(lowest).toEqual([]);
      expect(drafts.rows).toEqual([]);
      expect(trend.every((y) => y.projects === 0)).toBe(true);
    }
  });

  it("gives the system administrator accounts and organisations, and the auditor the audit log, only", async () => {
    const [sysadmin, auditor, admin] = await Promise.all([
      signedIn("sysadmin"),
      signedIn("auditor"),
      signedIn("finance_admin"),
    ]);
    const system = await systemOverview(sysadmin);
    expect(Object.keys(system).sort()).toEqual([
      "byRole",
      "orgsByKind",
      "recentFailures",
      "recentSignIns",
      "users",
    ]);
    expect(system.users.total).toBe(system.byRole.reduce((s, r) => s + r.total, 0));
    expect(system.orgsByKind.find((o) => o.kind === "DEPARTMENT")?.total).toBe(36);
    expect(JSON.stringify(system)).not.toMatch(/budget|executed|project/i);

    // Other files may sign in on a shared server database meanwhile: counts can only grow, and our
    // attempt is found by its own client address.
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const before = await auditOverview(auditor);
    await verifyCredentials(
      { username: "dept_filer2", password: "wrong" },
      { ip, userAgent: "vitest" },
      { db },
    );
    const after = await auditOverview(auditor);
    expect(Object.keys(after).sort()).toEqual(["recentFailures", "since", "today", "week"]);
    expect(after.today.failures).toBeGreaterThanOrEqual(before.today.failures + 1);
    expect(after.week.failures).toBeGreaterThanOrEqual(before.week.failures + 1);
    expect(after.week.total).toBeGreaterThanOrEqual(after.today.total);
    expect(after.recentFailures.find((r) => r.ip === ip)).toMatchObject({
      username: "dept_filer2",
      reason: "password",
    });

    for (const [fn, user] of [
      [systemOverview, auditor],
      [systemOverview, admin],
      [auditOverview, sysadmin],
      [auditOverview, admin],
    ] as const) {
      const error = await (fn as (u: CurrentUser) => Promise<unknown>)(user).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe("FORBIDDEN");
    }
  });
});

describe("the pre-assessment count", () => {
  it("follows the year's threshold as set through the years service", async () => {
    const admin = await signedIn("finance_admin");
    const before = await headline(admin, YEAR);
    expect(before.preAssessmentProjects).toBe((await expected(sql`true`)).pre);

    const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
    const save = (threshold: string, version: number) =>
      db.transaction((tx) =>
        updateYearSettings(
          yearSettingsSchema.parse({
            ...Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, String(row![f])])),
            year: YEAR,
            version,
            preAssessmentThreshold: threshold,
          }),
          { db: tx, user: admin },
        ),
      );
    const lowered = await save("1000000", row!.version);
    try {
      const after = await headline(admin, YEAR);
      expect(after.preAssessmentThreshold).toBe("1000000.00");
      expect(after.preAssessmentProjects).toBe((await expected(sql`true`)).pre);
      expect(after.preAssessmentProjects).toBeGreaterThan(before.preAssessmentProjects);
    } finally {
      await save(row!.preAssessmentThreshold, lowered.version);
    }
    expect((await headline(admin, YEAR)).preAssessmentProjects).toBe(before.preAssessmentProjects);
  });
});
