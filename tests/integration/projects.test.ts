import { and, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { toFen } from "@/domain/money";
import { exportProjects } from "@/features/projects/export";
import { exportBatch, getProject, listProjects, type ExportCursor } from "@/features/projects/queries";
import { PAGE_SIZE, resolveListFilters, type ProjectListFilters } from "@/features/projects/schemas";
import { db, queryRows } from "@/server/db";
import { inBatches } from "@/server/excel";
import { auditLog, organisations, projects } from "@/server/schema";
import { orgIds } from "@/server/seed/seed";
import { signedIn } from "../factories/users";

// The export's column headers come from the catalogs, outside a request here.
vi.mock("next-intl/server", () => import("../factories/intl-server"));

const YEARS = [2022, 2021, 2020];
const D03 = orgIds.department("D03");
/** The list's filters as a URL would give them, for a user who may see every department. */
function filters(patch: Partial<ProjectListFilters> = {}): ProjectListFilters {
  return { ...resolveListFilters({}, { years: YEARS, departmentIds: [] }), ...patch };
}

async function sqlCount(where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(projects)
    .where(where);
  return row!.n;
}

describe("project list scope", () => {
  it("shows finance_admin and leader all 1,317 projects of 2020, the default year", async () => {
    for (const name of ["finance_admin", "leader"]) {
      const f = filters();
      expect(f.year).toBe(2020);
      const { totals, rows } = await listProjects(await signedIn(name), f);
      expect(totals.count).toBe(1317);
      expect(rows).toHaveLength(PAGE_SIZE);
    }
  });

  it("limits dept_approver to 区科技局 and dept_filer to their unit", async () => {
    const approver = await listProjects(await signedIn("dept_approver"), filters());
    expect(approver.totals.count).toBe(
      await sqlCount(and(eq(projects.year, 2020), eq(projects.departmentId, D03))!),
    );
    expect(approver.rows.every((r) => r.departmentName === "区科技局")).toBe(true);

    const filer = await signedIn("dept_filer");
    const own = await listProjects(filer, filters({ page: 1 }));
    const expected = await sqlCount(and(eq(projects.year, 2020), eq(projects.unitId, filer.orgId!))!);
    expect(expected).toBeGreaterThan(0);
    expect(own.totals.count).toBe(expected);
    expect(own.rows.every((r) => r.unitName === "区科技创新服务中心")).toBe(true);
  });

  it("limits finance_reviewer to the departments 教科文科 covers", async () => {
    const covered = ["区教育局", "区科技局", "区文化和广电旅游体育局", "区大数据发展管理局", "区委宣传部"];
    const ids = (
      await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(inArray(organisations.name, covered))
    ).map((r) => r.id);
    const { totals } = await listProjects(await signedIn("finance_reviewer"), filters());
    const expected = await sqlCount(and(eq(projects.year, 2020), inArray(projects.departmentId, ids))!);
    expect(expected).toBeGreaterThan(0);
    expect(totals.count).toBe(expected);
  });

  it("shows nothing to roles without project access through the library", async () => {
    for (const name of ["sysadmin", "auditor", "expert", "agency"]) {
      const { totals, rows } = await listProjects(await signedIn(name), filters({ year: "all" }));
      expect(totals.count, name).toBe(0);
      expect(rows, name).toHaveLength(0);
    }
  });
});

describe("project list search, filters, sort and pages", () => {
  it("finds a project by its code, and by part of a name or code in any case", async () => {
    const admin = await signedIn("finance_admin");
    const exact = await listProjects(admin, filters({ q: "2020-D03-0001" }));
    expect(exact.rows.map((r) => r.code)).toEqual(["2020-D03-0001"]);

    const partial = await listProjects(admin, filters({ q: "d03" }));
    const pattern = "%D03%";
    expect(partial.totals.count).toBe(
      await sqlCount(
        and(eq(projects.year, 2020), or(ilike(projects.code, pattern), ilike(projects.name, pattern)))!,
      ),
    );
    expect(partial.totals.count).toBeGreaterThan(0);
    // Wildcards are text: "%" matches only names containing a percent sign.
    expect((await listProjects(admin, filters({ q: "%" }))).totals.count).toBe(0);
  });

  it("filters by department, kind and stage", async () => {
    const admin = await signedIn("finance_admin");
    const byDept = await listProjects(admin, filters({ dept: D03, kind: "DEPT_SPECIAL" }));
    expect(byDept.totals.count).toBe(
      await sqlCount(
        and(eq(projects.year, 2020), eq(projects.departmentId, D03), eq(projects.kind, "DEPT_SPECIAL"))!,
      ),
    );
    const drafts = await listProjects(admin, filters({ year: 2022, stage: "DRAFT" }));
    expect(drafts.totals.count).toBe(
      await sqlCount(and(eq(projects.year, 2022), eq(projects.stage, "DRAFT"))!),
    );
    expect(drafts.totals.count).toBeGreaterThan(0);
  });

  it("pages without overlap and sorts by amount and rate", async () => {
    const admin = await signedIn("finance_admin");
    const [p1, p2, last] = await Promise.all(
      [1, 2, 53].map((page) => listProjects(admin, filters({ page }))),
    );
    const ids1 = new Set(p1!.rows.map((r) => r.id));
    expect(p2!.rows.some((r) => ids1.has(r.id))).toBe(false);
    expect(p1!.rows[0]!.code).toBe("2020-D01-0001");
    expect(last!.rows).toHaveLength(1317 - 52 * PAGE_SIZE);

    const byBudget = await listProjects(admin, filters({ sort: "budget", dir: "desc" }));
    const budgets = byBudget.rows.map((r) => toFen(r.budgetTotal));
    expect([...budgets].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(budgets);

    const byRate = await listProjects(admin, filters({ sort: "rate", dir: "asc" }));
    const rates = byRate.rows.map((r) => Number(r.executedTotal) / Number(r.budgetTotal));
    for (let i = 1; i < rates.length; i++) expect(rates[i]!).toBeGreaterThanOrEqual(rates[i - 1]!);
  });

  it("totals the filtered set in SQL, across all pages", async () => {
    const approver = await signedIn("dept_approver");
    const { totals } = await listProjects(approver, filters({ page: 2 }));
    const [expected] = await queryRows<{ budget: string; executed: string }>(
      db,
      sql`select sum(budget_current + budget_carryover + budget_other)::text as budget,
                 sum(executed_current + executed_carryover + executed_other)::text as executed
          from projects where year = 2020 and department_id = ${D03}`,
    );
    expect(toFen(totals.budget)).toBe(toFen(expected!.budget));
    expect(toFen(totals.executed)).toBe(toFen(expected!.executed));
  });

  it("ignores bad URL values and departments outside the user's scope", () => {
    const f = resolveListFilters(
      {
        year: "abc",
        page: "-3",
        sort: "evil",
        dir: "up",
        kind: "X",
        stage: ["DRAFT", "x"],
        dept: "nope",
        money: "usd",
      },
      { years: YEARS, departmentIds: [D03] },
    );
    expect(f).toEqual({ ...filters(), stage: "DRAFT", q: undefined });
    const outside = resolveListFilters(
      { dept: orgIds.department("D01") },
      { years: YEARS, departmentIds: [D03] },
    );
    expect(outside.dept).toBeUndefined();
    expect(resolveListFilters({ year: "1999" }, { years: YEARS, departmentIds: [] }).year).toBe(2020);
  });

  it("exports in keyset batches every row of the filtered list, once", async () => {
    const admin = await signedIn("finance_admin");
    const f = filters();
    const exported = async (g: typeof f) => {
      const rows: { id: string; year: number; code: string }[] = [];
      for await (const row of inBatches<Awaited<ReturnType<typeof exportBatch>>[number], ExportCursor>(
        (after, size) => exportBatch(admin, g, after, size),
        (r) => ({ year: r.year, code: r.code }),
        100,
      ))
        rows.push(row);
      return rows;
    };
    const year = await exported(f);
    expect(new Set(year.map((r) => r.id)).size).toBe(1317);
    expect(year).toHaveLength(1317);
    // Every year: each project of the district once, in the database's (year, code) order. (Other
    // files may add projects meanwhile on a shared server: the order is compared on what was exported.)
    const before = await queryRows<{ id: string }>(
      db,
      sql`select id from projects where district_id = ${admin.districtId}`,
    );
    const all = await exported({ ...f, year: "all" });
    const ids = new Set(all.map((r) => r.id));
    expect(ids.size).toBe(all.length);
    expect(before.filter((r) => !ids.has(r.id))).toEqual([]);
    const ordered = await queryRows<{ id: string }>(
      db,
      sql`select id from projects where district_id = ${admin.districtId} order by year, code`,
    );
    expect(all.map((r) => r.id)).toEqual(ordered.map((r) => r.id).filter((id) => ids.has(id)));
  });
});

describe("project detail", () => {
  it("returns null outside the user's scope and for unknown or malformed ids", async () => {
    const id = (
      await db.select({ id: projects.id }).from(projects).where(eq(projects.code, "2020-D03-0001"))
    )[0]!.id;
    expect(await getProject(await signedIn("finance_admin"), id)).toMatchObject({
      departmentName: "区科技局",
    });
    expect(await getProject(await signedIn("dept_filer2"), id)).toBeNull();
    expect(await getProject(await signedIn("sysadmin"), id)).toBeNull();
    expect(
      await getProject(await signedIn("finance_admin"), "00000000-0000-4000-8000-000000000000"),
    ).toBeNull();
    expect(await getProject(await signedIn("finance_admin"), "not-a-uuid")).toBeNull();
  });
});

describe("project export", () => {
  const meta = { ip: "127.0.0.1", userAgent: "vitest" };

  it("writes the filtered list in scope to .xlsx and audits the filters and the row count", async () => {
    const approver = await signedIn("dept_approver");
    const response = await exportProjects(
      approver,
      new URLSearchParams({ year: "2020", kind: "DEPT_SPECIAL" }),
      meta,
    );
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const expected = await sqlCount(
      and(eq(projects.year, 2020), eq(projects.departmentId, D03), eq(projects.kind, "DEPT_SPECIAL"))!,
    );
    expect(sheet.actualRowCount - 1).toBe(expected);
    expect(sheet.getRow(1).getCell(13).value).toBe("全年预算数（元）");
    const departments = new Set<unknown>();
    sheet.eachRow((row, i) => i > 1 && departments.add(row.getCell(5).value));
    expect([...departments]).toEqual(["区科技局"]);

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "project.exported"), eq(auditLog.actorUsername, "dept_approver")));
    expect(audit!.changes).toMatchObject({ rows: expected, filters: { year: 2020, kind: "DEPT_SPECIAL" } });
  });

  it("answers not found to a role that may not export", async () => {
    const response = await exportProjects(await signedIn("sysadmin"), new URLSearchParams(), meta);
    expect(response.status).toBe(404);
  });
});
