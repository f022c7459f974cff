import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { seedId } from "../../src/server/seed/random";
import { signIn } from "./helpers";

const rows = (page: Page) => page.getByRole("table").locator("tbody tr");
type Column = "code" | "name" | "unit" | "department" | "kind" | "budget";
const column = (page: Page, name: Column) => rows(page).locator(`[data-col="${name}"]`);

/** The filtered count from the totals line, e.g. "共 1,317 个项目" → 1317. */
async function shownCount(page: Page): Promise<number> {
  const text = await page.getByTestId("project-count").innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

test("finance_admin filters by department and kind, and pages through the list", async ({ page }) => {
  await signIn(page, "finance_admin");
  await page.getByRole("link", { name: "项目库", exact: true }).click();
  await expect(page.getByRole("heading", { name: "项目库" })).toBeVisible();
  await expect(page.getByTestId("project-count")).toHaveText("共 1,317 个项目");

  await page.getByLabel("主管部门").selectOption({ label: "区教育局" });
  await page.getByLabel("项目类型").selectOption({ label: "部门预算专项" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/dept=.*kind=DEPT_SPECIAL/);
  await expect(page.getByTestId("project-count")).not.toHaveText("共 1,317 个项目");

  const count = await shownCount(page);
  expect(count).toBeGreaterThan(25);
  const pages = Math.ceil(count / 25);
  await expect(page.getByTestId("page-status")).toHaveText(
    `第 1 / ${pages} 页，共 ${count.toLocaleString("en-US")} 条`,
  );
  await expect(rows(page)).toHaveCount(25);
  expect(new Set(await column(page, "department").allInnerTexts())).toEqual(new Set(["区教育局"]));
  expect(new Set(await column(page, "kind").allInnerTexts())).toEqual(new Set(["部门预算专项"]));
  const firstPage = await column(page, "code").allInnerTexts();

  await page.getByRole("link", { name: "第 2 页" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("page-status")).toHaveText(
    `第 2 / ${pages} 页，共 ${count.toLocaleString("en-US")} 条`,
  );
  const secondPage = await column(page, "code").allInnerTexts();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.some((code) => firstPage.includes(code))).toBe(false);
  expect(new Set(await column(page, "department").allInnerTexts())).toEqual(new Set(["区教育局"]));

  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(column(page, "code").first()).toHaveText(firstPage[0]!);
});

test("a search by code finds the project, whose page shows its amounts and stage", async ({ page }) => {
  await signIn(page, "finance_admin");
  await page.goto("/projects");
  await page.getByLabel("项目名称或编码").fill("2020-D03-0007");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId("project-count")).toHaveText("共 1 个项目");
  const budgetInList = await column(page, "budget").innerText();
  const name = await column(page, "name").innerText();

  await rows(page).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // The funding table (the page has others, e.g. the monitoring history).
  const funding = page.getByRole("table").filter({ hasText: "资金来源" });
  for (const source of ["本年财政拨款", "上年结转", "其他资金"]) {
    await expect(funding.getByRole("cell", { name: source, exact: true })).toBeVisible();
  }
  // The detail's 全年预算数 total (万元) is the list's figure for the same project.
  const totalRow = funding.locator("tbody tr").last();
  await expect(totalRow.locator("td").first()).toHaveText("合计");
  await expect(totalRow.locator("td").nth(1)).toHaveText(budgetInList);

  const timeline = page.getByRole("list", { name: "项目所处环节" });
  await expect(timeline.locator('[aria-current="step"]')).toContainText("单位自评");
  await expect(timeline.locator('[data-state="done"]')).toHaveCount(5);
  await expect(timeline.locator('[data-state="pending"]')).toHaveCount(2);
  // Finance does not file projects: no edit button.
  await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
});

test("the export is the filtered list, every page of it", async ({ page }) => {
  await signIn(page, "finance_admin");
  await page.goto("/projects");
  await page.getByLabel("主管部门").selectOption({ label: "区科技局" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/dept=/);
  const count = await shownCount(page);
  expect(count).toBeGreaterThan(25);
  const firstCode = await column(page, "code").first().innerText();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.actualRowCount - 1).toBe(count);
  const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean);
  expect(headers).toContain("全年预算数（元）");
  expect(sheet.getRow(2).getCell(2).value).toBe(firstCode);
  const departments = new Set<unknown>();
  sheet.eachRow((row, i) => i > 1 && departments.add(row.getCell(5).value));
  expect([...departments]).toEqual(["区科技局"]);
});

test("dept_filer files a project, fixes a bad amount and lands on its page", async ({ page }) => {
  await signIn(page, "dept_filer");
  await page.goto("/projects");
  await page.getByRole("link", { name: "项目申报" }).click();
  await expect(page).toHaveURL(/\/projects\/new$/);
  await expect(page.getByText("区科技创新服务中心 · 区科技局")).toBeVisible();

  const name = `2022年科技型中小企业培育服务 ${Date.now()}`;
  await page.getByLabel("项目名称").fill(name);
  await page.getByLabel("新增/延续").selectOption({ label: "新增" });
  await page.getByLabel("项目周期").selectOption({ label: "一次性" });
  const amount = page.getByLabel("申报数（元）");
  await amount.fill("12.345");
  await page.getByRole("button", { name: "保存项目" }).click();

  await expect(page.getByText("请输入金额，最多两位小数")).toBeVisible();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toBeFocused();
  await expect(page.getByLabel("项目名称")).toHaveValue(name);
  await expect(page.getByLabel("项目周期")).toHaveValue("ONE_OFF");

  await amount.fill("1234567.89");
  await page.getByRole("button", { name: "保存项目" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.locator("dl").getByText(/^2022-D03-\d{4}$/)).toBeVisible();
  // 1,234,567.89 元 shows as 123.46 万元.
  await expect(page.getByText("123.46", { exact: true })).toBeVisible();
  const timeline = page.getByRole("list", { name: "项目所处环节" });
  await expect(timeline.locator('[aria-current="step"]')).toContainText("项目申报");

  await page.getByRole("link", { name: "编辑" }).click();
  await page.getByLabel("项目名称").fill(`${name}（修订）`);
  await page.getByRole("button", { name: "保存项目" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name}（修订）` })).toBeVisible();
});

test("dept_filer2 cannot open a 区科技局 project, and never sees one in the list", async ({ page }) => {
  const foreign = seedId("project:2020:D03:0001");
  await signIn(page, "dept_filer2");
  await page.goto(`/projects/${foreign}`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  await page.goto(`/projects/${foreign}/edit`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();

  await page.goto(`/projects?year=all&dept=${seedId("org:dept:D03")}`);
  await expect(page.getByLabel("主管部门")).toHaveCount(0);
  const count = await shownCount(page);
  expect(count).toBeGreaterThan(0);
  expect(new Set(await column(page, "department").allInnerTexts())).toEqual(new Set(["区教育局"]));
  expect(new Set(await column(page, "unit").allInnerTexts())).toEqual(new Set(["区实验中学"]));

  await page.getByLabel("项目名称或编码").fill("D03");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("没有符合条件的项目")).toBeVisible();
});
