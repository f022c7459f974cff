import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// 督考 through the browser: finance reads the 2020 ranking, follows a department's points to the
// records behind them and exports the ranking; a department's approver sees its own row only, and
// another department's page is not found.

async function rowOf(page: Page, name: string) {
  return page.getByTestId("assessment-row").filter({ has: page.getByRole("link", { name, exact: true }) });
}

test("finance ranks the departments, drills into 区科技局's points and exports the ranking", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  await page.getByRole("navigation").getByRole("link", { name: "部门绩效考核" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "部门预算绩效管理工作考核" })).toBeVisible();
  await page.getByLabel("预算年度").selectOption("2020");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/year=2020/);

  const rows = page.getByTestId("assessment-row");
  expect(await rows.count()).toBeGreaterThan(10);
  // Ranked by total, highest first.
  const totals = (await page.getByTestId("assessment-total").allTextContents()).map(Number);
  expect(totals).toEqual([...totals].sort((a, b) => b - a));
  await expect(rows.first().locator("td").first()).toHaveText("1");
  await expect(page.getByRole("columnheader", { name: /整改按期销号/ })).toContainText("15 分");

  // 区科技局's rectification points lead to its items.
  const kj = await rowOf(page, "区科技局");
  const total = (await kj.getByTestId("assessment-total").textContent())!;
  await kj.getByRole("link", { name: /^整改按期销号：/ }).click();
  await expect(page).toHaveURL(/\/assessment\/[0-9a-f-]{36}\?year=2020#rectification$/);
  await expect(page.getByRole("heading", { level: 1, name: "区科技局 · 2020" })).toBeVisible();
  await expect(page.getByTestId("assessment-criteria").getByTestId("assessment-total")).toHaveText(total);
  const basis = page.getByTestId("criterion-rectification");
  const [, done, of] = /(\d+) \/ (\d+) 项整改按期销号/.exec(
    (await basis.locator("td").nth(2).textContent())!,
  )!;
  const items = page.getByTestId("records-rectification").getByTestId("record-item");
  await expect(items.filter({ hasText: "按时" })).toHaveCount(Number(done));
  await expect(items.filter({ hasNotText: "未到期，不计" })).toHaveCount(Number(of));
  // The items are the records themselves: one opens on the rectification page.
  await items.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/rectification\/[0-9a-f-]{36}$/);
  await page.goBack();

  // The sampled projects behind 自评质量, and the notices behind 监控纠偏落实.
  await expect(page.getByTestId("records-scoreGap").getByTestId("record-gap").first()).toBeVisible();
  await expect(page.getByTestId("records-notices").getByTestId("record-notice").first()).toBeVisible();

  // The ranking as .xlsx.
  await page.goto("/assessment?year=2020");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("部门绩效管理工作考核-2020.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  expect(header).toContain("部门");
  expect(header).toContain("总分");
  expect(sheet.rowCount - 1).toBe(await rows.count());
  const deptCol = header.indexOf("部门");
  const totalCol = header.indexOf("总分");
  const kjRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(deptCol).value === "区科技局")!;
  expect(Number(kjRow.getCell(totalCol).value).toFixed(2)).toBe(total);
});

test("a department's approver sees its own row only; another department's page is not found", async ({
  page,
}) => {
  await signIn(page, "dept_approver");
  await page.getByRole("navigation").getByRole("link", { name: "部门绩效考核" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "部门预算绩效管理工作考核" })).toBeVisible();
  await expect(page.getByTestId("assessment-row")).toHaveCount(1);
  await expect(page.getByTestId("assessment-row")).toContainText("区科技局");
  await expect(page.getByRole("columnheader", { name: "排名" })).toHaveCount(0);
  await page.getByTestId("assessment-row").getByRole("link", { name: "区科技局", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^区科技局 · \d{4}$/ })).toBeVisible();
  // No rank among the one row it sees.
  await expect(page.getByText(/第 \d+ 名/)).toHaveCount(0);

  // 区教育局's page, by its address from finance's ranking: not found.
  const browser = page.context().browser()!;
  const finance = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const fp = await finance.newPage();
  await signIn(fp, "finance_admin");
  await fp.goto("/assessment?year=2020");
  const href = await (
    await rowOf(fp, "区教育局")
  )
    .getByRole("link", { name: "区教育局", exact: true })
    .getAttribute("href");
  await finance.close();
  const response = await page.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("区教育局")).toHaveCount(0);

  await page.goto("/assessment?year=2020");
  await page.screenshot({ path: "test-results/assessment-dept.png", fullPage: true });
});
