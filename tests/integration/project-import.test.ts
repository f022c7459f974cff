import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { importProjectsDefinition, runImportProjects } from "@/features/projects/definitions";
import { projectImportTemplate } from "@/features/projects/import-template";
import { runAction } from "@/server/action-client";
import { db, queryRows } from "@/server/db";
import type { CurrentUser } from "@/server/session";
import { catalogTranslator, failure, uniqueName } from "../factories/messages";
import { signedIn } from "../factories/users";

vi.mock("next-intl/server", () => import("../factories/intl-server"));

// 批量导入项目: a filer's template, a file with one bad row that saves nothing and names the row, and a
// good file that previews, then files every row as a draft of the filer's own unit in one go.

const meta = { ip: "10.8.0.1", userAgent: "vitest" };
const YEAR = 2022;
const HEADERS = [
  "项目名称",
  "项目类型",
  "新增/延续",
  "项目周期",
  "是否重大项目",
  "特殊领域",
  "申报数（元）",
  "项目说明",
];

async function xlsx(rows: (string | number | null)[][], headers = HEADERS): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], "projects.xlsx");
}

async function run(user: CurrentUser, file: File, intent: "preview" | "import") {
  return runAction(importProjectsDefinition, runImportProjects, {
    user,
    raw: { year: String(YEAR), intent, file },
    meta,
    t: await catalogTranslator(),
  });
}

const countOf = async (name: string) => {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from projects where name like ${`${name}%`}`,
  );
  return Number(row!.n);
};

const prefix = uniqueName("导入测试");
afterAll(async () => {
  await db.execute(sql`delete from projects where name like ${`${prefix}%`}`);
});

describe("importing projects from the template", () => {
  it("gives the filer a template with the Chinese headers and the allowed values", async () => {
    const filer = await signedIn("dept_filer2");
    const response = await projectImportTemplate(filer);
    expect(response.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await response.arrayBuffer());
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(String(wb.worksheets[1]!.getRow(3).getCell(2).value)).toContain("部门预算专项 / 政府投资项目");
    // A finance account does not file projects: no template for it.
    expect((await projectImportTemplate(await signedIn("finance_admin"))).status).toBe(404);
  });

  it("saves nothing when one row is wrong, and names that row and its cell", async () => {
    const filer = await signedIn("dept_filer2");
    const file = await xlsx([
      [`${prefix}-甲`, "部门预算专项", "新增", "一次性", "否", "普通", 1_200_000, "说明"],
      [`${prefix}-乙`, "部门预算专项", "延续", "经常性", "是", "", "12,345.6", null],
      [`${prefix}-丙`, "专项资金", "新增", "一次性", "否", "普通", -5, null],
    ]);
    for (const intent of ["preview", "import"] as const) {
      const result = failure(await run(filer, file, intent));
      expect(result.message).toBe("t:errors.projectImport.hasErrors");
      expect(Object.keys(result.fieldErrors ?? {})).toEqual(["row.4"]);
      // The kind is not one of the choices, the amount not above zero: both named.
      expect(result.fieldErrors!["row.4"]).toHaveLength(2);
    }
    expect(await countOf(prefix)).toBe(0);
  });

  it("refuses a file without the template's columns, and a file of another type", async () => {
    const filer = await signedIn("dept_filer2");
    const noColumns = failure(await run(filer, await xlsx([["x"]], ["名称"]), "preview"));
    expect(noColumns.fieldErrors?.file).toEqual(["t:errors.projectImport.unreadable"]);
    const csv = failure(await run(filer, new File(["a,b"], "projects.csv"), "preview"));
    expect(csv.fieldErrors?.file).toEqual(["t:validation.importNotXlsx"]);
  });

  it("previews a good file without saving, then files every row as a draft of the filer's own unit", async () => {
    const filer = await signedIn("dept_filer2");
    const file = await xlsx([
      [`${prefix}-一`, "部门预算专项", "新增", "一次性", "否", "普通", 1_200_000, "说明"],
      [`${prefix}-二`, "政府投资项目", "延续", "跨年度", "是", "政府采购", "3,500,000.50", null],
    ]);
    const preview = await run(filer, file, "preview");
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data).toMatchObject({ count: 2, total: "4700000.50", imported: null });
    expect(preview.data.preview[1]).toMatchObject({
      line: 3,
      kind: "GOV_INVESTMENT",
      novelty: "CONTINUING",
      duration: "MULTI_YEAR",
      isMajor: true,
      specialArea: "GOV_PROCUREMENT",
      requestedAmount: "3500000.50",
    });
    expect(await countOf(prefix)).toBe(0);

    const done = await run(filer, file, "import");
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.data.imported).toHaveLength(2);
    const rows = await queryRows<{
      code: string;
      unit_id: string;
      department_id: string;
      stage: string;
      year: number;
    }>(
      db,
      sql`select code, unit_id, department_id, stage, year from projects where name like ${`${prefix}%`} order by code`,
    );
    expect(rows.map((r) => r.code).sort()).toEqual([...done.data.imported!].sort());
    for (const r of rows)
      expect(r).toMatchObject({
        unit_id: filer.orgId,
        department_id: filer.departmentId,
        stage: "DRAFT",
        year: YEAR,
      });
    const [audit] = await queryRows<{ changes: { count: number; codes: string[] } }>(
      db,
      sql`select changes from audit_log where action = 'projects.imported' and actor_id = ${filer.id}
          order by at desc limit 1`,
    );
    expect(audit?.changes).toMatchObject({ count: 2, codes: done.data.imported });
  });

  it("is refused to anyone who does not file projects", async () => {
    const approver = await signedIn("dept_approver");
    const result = failure(await run(approver, await xlsx([]), "preview"));
    expect(result.code).toBe("FORBIDDEN");
  });
});
