import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { districtBreakdown, headline, orgBreakdown } from "@/features/dashboards/queries";
import { resolveDistrict } from "@/features/districts/queries";
import { exportProjects } from "@/features/projects/export";
import { departmentFilter, departmentOptions, listProjects } from "@/features/projects/queries";
import { resolveListFilters } from "@/features/projects/schemas";
import { aggregateCacheStats } from "@/server/aggregate-cache";
import { db, queryRows } from "@/server/db";
import { auditLog, projects } from "@/server/schema";
import { inDistrict, readsWholeProvince } from "@/server/scope";
import { PROVINCE_DISTRICT, PROVINCE_PROJECTS, seedProvince } from "@/server/seed/province";
import { DEMO_DISTRICT_ID } from "@/server/seed/seed";
import type { CurrentUser } from "@/server/session";
import { withOwnSeededDatabase } from "../factories/own-database";
import { signedIn } from "../factories/users";

vi.mock("next-intl/server", () => import("../factories/intl-server"));

// 行政区划 picker (?district=): a province-level finance administrator or leader narrows the dashboard
// and the project list to one district; a district user's parameter changes nothing.

// It adds a second district with 2020 projects: on the server, in a database of its own.
withOwnSeededDatabase();

const YEAR = 2020;
const EAST = PROVINCE_DISTRICT.id;
const list = { year: YEAR, sort: "code" as const, dir: "asc" as const, page: 1, money: "wan" as const };
let provinceAdmin: CurrentUser;
let provinceLeader: CurrentUser;
let demoAdmin: CurrentUser;
let eastAdmin: CurrentUser;
let demoCount: number;
let allCount: number;

beforeAll(async () => {
  await seedProvince(db);
  await seedProvince(db); // a second run changes nothing
  [provinceAdmin, provinceLeader, demoAdmin, eastAdmin] = await Promise.all(
    ["province_admin", "province_leader", "finance_admin", "east_lake_admin"].map(signedIn),
  );
  const [row] = await queryRows<{ demo: number; all: number }>(
    db,
    sql`select count(*) filter (where district_id = ${DEMO_DISTRICT_ID})::int demo, count(*)::int "all"
        from projects where year = ${YEAR}`,
  );
  demoCount = row!.demo;
  allCount = row!.all;
});

const eastBudget = PROVINCE_PROJECTS.reduce((s, p) => s + Number(p.budget), 0);

describe("the district picker", () => {
  it("offers every district to province-level users only, and accepts only one of them", async () => {
    expect(provinceAdmin.provinceWide).toBe(true);
    expect(provinceLeader.provinceWide).toBe(true);
    const offered = await resolveDistrict(provinceAdmin, EAST);
    expect(offered).toEqual({
      district: EAST,
      options: [
        { id: DEMO_DISTRICT_ID, name: "示范区" },
        { id: EAST, name: "东湖区" },
      ],
    });
    expect((await resolveDistrict(provinceAdmin, [EAST, DEMO_DISTRICT_ID])).district).toBe(EAST);
    for (const bad of [undefined, "", "not-an-id", "00000000-0000-4000-8000-000000000000"])
      expect((await resolveDistrict(provinceAdmin, bad)).district).toBeUndefined();

    for (const districtUser of [demoAdmin, eastAdmin])
      expect(await resolveDistrict(districtUser, EAST)).toEqual({ district: undefined, options: [] });
  });

  it("narrows a province-level administrator's dashboard to the district chosen", async () => {
    const all = await headline(provinceAdmin, YEAR);
    expect(all.projects).toBe(allCount);
    const east = await headline(inDistrict(provinceAdmin, EAST), YEAR);
    expect(east.projects).toBe(PROVINCE_PROJECTS.length);
    expect(Number(east.budget)).toBe(eastBudget);
    expect(east.departments).toBe(1);
    expect(
      (await orgBreakdown(inDistrict(provinceAdmin, EAST), YEAR, "department")).map((r) => r.name),
    ).toEqual(["东湖区教育局"]);
    const demo = await headline(inDistrict(provinceAdmin, DEMO_DISTRICT_ID), YEAR);
    expect(demo.projects).toBe(demoCount);
    expect(demo.projects + east.projects).toBe(all.projects);
    // The province's leader reads the same way.
    expect((await headline(inDistrict(provinceLeader, EAST), YEAR)).projects).toBe(PROVINCE_PROJECTS.length);
  });

  it("sums the whole province up by district, each district's row its own dashboard's figures", async () => {
    expect(readsWholeProvince(provinceAdmin)).toBe(true);
    expect(readsWholeProvince(inDistrict(provinceAdmin, EAST))).toBe(false);
    expect(readsWholeProvince(demoAdmin)).toBe(false);
    const rows = await districtBreakdown(provinceAdmin, YEAR);
    expect(rows.map((r) => r.id).sort()).toEqual([DEMO_DISTRICT_ID, EAST].sort());
    expect(rows.find((r) => r.id === EAST)!.name).toBe(PROVINCE_DISTRICT.name);
    for (const r of rows) {
      const own = await headline(inDistrict(provinceAdmin, r.id), YEAR);
      expect([r.projects, r.budget, r.executed]).toEqual([own.projects, own.budget, own.executed]);
    }
    const all = await headline(provinceAdmin, YEAR);
    expect(rows.reduce((n, r) => n + r.projects, 0)).toBe(all.projects);
  });

  it("narrows the project list, its departments and its export", async () => {
    const departments = await departmentOptions(inDistrict(provinceAdmin, EAST));
    expect(departments.map((d) => d.name)).toEqual(["东湖区教育局"]);
    const filters = resolveListFilters(
      { year: String(YEAR), district: EAST },
      { years: [YEAR], departmentIds: departments.map((d) => d.id), districtIds: [EAST] },
    );
    expect(filters.district).toBe(EAST);
    const east = await listProjects(provinceAdmin, filters);
    expect(east.rows.map((r) => r.code)).toEqual(PROVINCE_PROJECTS.map((p) => p.code));
    expect(east.totals.count).toBe(PROVINCE_PROJECTS.length);
    expect((await listProjects(provinceAdmin, list)).totals.count).toBe(allCount);

    const response = await exportProjects(
      provinceAdmin,
      new URLSearchParams({ year: String(YEAR), district: EAST }),
      { ip: "127.0.0.1", userAgent: "vitest" },
    );
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const [audit] = await db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, "project.exported"), eq(auditLog.actorUsername, "province_admin")));
    expect(audit!.changes).toMatchObject({ rows: PROVINCE_PROJECTS.length, filters: { district: EAST } });
  });

  it("lists the province's departments only once a district is picked, and accepts a linked one", async () => {
    const [eastDept] = await departmentOptions(inDistrict(provinceAdmin, EAST));
    const none = await departmentFilter(provinceAdmin, undefined, undefined);
    expect(none).toEqual({ options: [], all: false });
    // A dashboard's link names a department: accepted when it is in scope, with its name to show.
    const linked = await departmentFilter(provinceAdmin, undefined, eastDept!.id);
    expect(linked).toEqual({ options: [eastDept], all: false });
    expect(await departmentFilter(provinceAdmin, undefined, "not-a-uuid")).toEqual({
      options: [],
      all: false,
    });
    const picked = await departmentFilter(provinceAdmin, EAST, undefined);
    expect(picked).toEqual({ options: [eastDept], all: true });
    // A district user gets their district's list, and another district's department is not in it.
    const demo = await departmentFilter(demoAdmin, undefined, eastDept!.id);
    expect(demo.all).toBe(true);
    expect(demo.options.length).toBeGreaterThan(1);
    expect(demo.options.map((d) => d.id)).not.toContain(eastDept!.id);
    const filters = resolveListFilters(
      { year: String(YEAR), dept: eastDept!.id },
      { years: [YEAR], departmentIds: demo.options.map((d) => d.id) },
    );
    expect(filters.dept).toBeUndefined();
  });

  it("keeps the province's list totals until a project changes, and pages in the sort's order", async () => {
    // A committed write to a watched table: nothing computed before it is served after it.
    await db.execute(sql`update fiscal_years set year = year where year = ${YEAR}`);
    const before = aggregateCacheStats();
    const first = await listProjects(provinceAdmin, list);
    const again = await listProjects(provinceAdmin, list);
    expect(again.totals).toEqual(first.totals);
    const after = aggregateCacheStats();
    expect(after.computed - before.computed).toBe(1);
    expect(after.hits - before.hits).toBe(1);
    // A district user's totals are a district's: computed each time, never from the province's entry.
    expect((await listProjects(demoAdmin, list)).totals.count).toBe(demoCount);
    expect(aggregateCacheStats().computed).toBe(after.computed);

    const [code] = PROVINCE_PROJECTS.map((p) => p.code);
    await db.execute(sql`update projects set budget_current = budget_current + 1000 where code = ${code}`);
    const moved = await listProjects(provinceAdmin, list);
    expect(Number(moved.totals.budget) - Number(first.totals.budget)).toBe(1000);

    const page2 = await listProjects(provinceAdmin, { ...list, sort: "budget", dir: "desc", page: 2 });
    const expected = await queryRows<{ code: string }>(
      db,
      sql`select code from projects where year = ${YEAR}
          order by (budget_current + budget_carryover + budget_other) desc nulls last, code, id
          limit 25 offset 25`,
    );
    expect(page2.rows.map((r) => r.code)).toEqual(expected.map((r) => r.code));
  });

  it("gives a district user nothing beyond their own district, whatever district they pass", async () => {
    // The parameter is dropped before any query runs…
    expect(inDistrict(demoAdmin, EAST)).toBe(demoAdmin);
    expect(inDistrict(eastAdmin, DEMO_DISTRICT_ID)).toBe(eastAdmin);
    const dropped = resolveListFilters(
      { year: String(YEAR), district: EAST },
      { years: [YEAR], departmentIds: [], districtIds: [] },
    );
    expect(dropped.district).toBeUndefined();
    expect((await headline(inDistrict(demoAdmin, EAST), YEAR)).projects).toBe(demoCount);
    // …and were it forced into the list's filters, it would narrow within their scope, never widen it.
    expect((await listProjects(demoAdmin, { ...list, district: EAST })).totals.count).toBe(0);
    const own = await listProjects(eastAdmin, { ...list, district: DEMO_DISTRICT_ID });
    expect(own.totals.count).toBe(0);
    expect((await listProjects(eastAdmin, list)).rows.map((r) => r.code)).toEqual(
      PROVINCE_PROJECTS.map((p) => p.code),
    );

    const response = await exportProjects(
      demoAdmin,
      new URLSearchParams({ year: String(YEAR), district: EAST }),
      { ip: "127.0.0.1", userAgent: "vitest" },
    );
    await response.arrayBuffer();
    const [audit] = await db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, "project.exported"), eq(auditLog.actorUsername, "finance_admin")));
    expect(audit!.changes).toMatchObject({ rows: demoCount });
    expect((audit!.changes as { filters: object }).filters).not.toHaveProperty("district", EAST);
  });

  it("files the second district's projects under it", async () => {
    const rows = await db
      .select({ districtId: projects.districtId })
      .from(projects)
      .where(eq(projects.code, PROVINCE_PROJECTS[0].code));
    expect(rows).toEqual([{ districtId: EAST }]);
  });
});
