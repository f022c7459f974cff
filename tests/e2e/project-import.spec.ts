import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

// 批量导入项目 as the unit's filer does it: download the template, upload a file with a bad row (nothing
// is saved, the row is named), then a good file: preview, confirm, and find the projects in the list.

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
const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("单位填报员批量导入项目：有错误的行不导入任何项目并指明行号，正确的文件预览后导入", async ({ page }) => {
  const errors = collectErrors(page);
  const tag = `批量导入${Date.now() % 100000}`;
  await signIn(page, "dept_filer");
  await page.goto("/projects");
  await page.getByRole("link", { name: "批量导入" }).click();
  await expect(page).toHaveURL(/\/projects\/import$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("批量导入项目");

  // The template, with the columns in Chinese.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载导入模板" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("项目导入模板.xlsx");
  const template = new ExcelJS.Workbook();
  await template.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  expect((template.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);

  // One bad row (line 3: no name, an amount that is not a number): nothing imported, the row named.
  await page.getByLabel("填好的模板（.xlsx）").setInputFiles({
    name: "项目申报.xlsx",
    mimeType: MIME,
    buffer: await xlsx([
      [`${tag}-科普宣传活动`, "部门预算专项", "新增", "一次性", "否", "普通", 850000, ""],
      [null, "部门预算专项", "延续", "经常性", "否", "普通", "八十万", ""],
    ]),
  });
  await page.getByRole("button", { name: "预览检查" }).click();
  await expect(page.getByText("文件中有错误的行，未导入任何项目")).toBeVisible();
  const bad = page.getByTestId("import-error");
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText("第 3 行");
  await expect(bad).toContainText("项目名称：此项为必填项");
  await expect(bad).toContainText("申报数（元）");
  await expect(page.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

  // A good file: the preview first, then the import.
  await page.getByLabel("填好的模板（.xlsx）").setInputFiles({
    name: "项目申报.xlsx",
    mimeType: MIME,
    buffer: await xlsx([
      [`${tag}-科普宣传活动`, "部门预算专项", "新增", "一次性", "否", "普通", 850000, "面向社区开展科普宣传"],
      [`${tag}-实验室设备购置`, "部门预算专项", "新增", "一次性", "是", "政府采购", "3,200,000.00", ""],
    ]),
  });
  await page.getByRole("button", { name: "预览检查" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.locator("tbody tr")).toHaveCount(2);
  await expect(preview).toContainText(`${tag}-实验室设备购置`);
  await expect(preview).toContainText("320.00");
  await expect(page.getByText("文件检查通过：共 2 个项目，申报数合计 405.00 万元")).toBeVisible();
  await page.screenshot({ path: "reports/screens/project-import-preview.png", fullPage: true });
  // Nothing saved by the preview.
  await page.goto(`/projects?year=2022&q=${encodeURIComponent(tag)}`);
  await expect(page.getByText(`${tag}-科普宣传活动`)).toHaveCount(0);
  await page.goBack();

  await page.getByLabel("填好的模板（.xlsx）").setInputFiles({
    name: "项目申报.xlsx",
    mimeType: MIME,
    buffer: await xlsx([
      [`${tag}-科普宣传活动`, "部门预算专项", "新增", "一次性", "否", "普通", 850000, "面向社区开展科普宣传"],
      [`${tag}-实验室设备购置`, "部门预算专项", "新增", "一次性", "是", "政府采购", "3,200,000.00", ""],
    ]),
  });
  await page.getByRole("button", { name: "预览检查" }).click();
  await page.getByRole("button", { name: "确认导入 2 个项目" }).click();
  await expect(page.getByText("已导入 2 个项目")).toBeVisible();
  await page.getByRole("link", { name: "查看本单位待提交的项目" }).click();
  await expect(page).toHaveURL(/\/projects\?year=2022&stage=DRAFT/);
  await page.goto(`/projects?year=2022&q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("link", { name: `${tag}-科普宣传活动` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${tag}-实验室设备购置` })).toBeVisible();
  expect(errors).toEqual([]);
});
