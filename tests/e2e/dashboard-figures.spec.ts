import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

/** Console errors and uncaught exceptions of the page, from the moment this is called. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("finance sorts the department table by the gap, exports it, and reads the chart's numbers", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await signIn(page, "finance_admin");
  await page.goto("/dashboard?year=2020");
  const table = page.getByTestId("department-performance");
  await expect(table).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  // Keyboard: the header is a button.
  const gapHeader = table.getByRole("button", { name: "自评−抽评" });
  await gapHeader.focus();
  await page.keyboard.press("Enter");
  await expect(table.getByRole("columnheader", { name: "自评−抽评" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const gaps = (await table.locator("tbody tr td:nth-child(7)").allInnerTexts())
    .filter((g) => g !== "—")
    .map((g) => Number(g.replace("+", "")));
  expect(gaps.length).toBeGreaterThan(1);
  expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  await page.keyboard.press("Enter");
  await expect(table.getByRole("columnheader", { name: "自评−抽评" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );

  // The chart's figures as a table.
  await page
    .getByRole("heading", { name: /自评与抽评得分对比/ })
    .locator("xpath=ancestor::section[1]")
    .getByText("查看数据表")
    .click();
  const gapTable = page.getByTestId("score-gap-table");
  await expect(gapTable).toBeVisible();
  const top = Number(await gapTable.locator("tbody tr").first().locator("td").nth(4).innerText());
  expect(top).toBe(Math.max(...gaps));

  const all = Number(
    (
      await table
        .locator("xpath=ancestor::section[1]")
        .getByRole("button", { name: /展开全部 \d+ 个部门/ })
        .innerText()
    ).match(/\d+/)![0],
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(4).value).toBe("资金（万元）");
  expect(sheet.actualRowCount).toBe(all + 1);
  expect(errors).toEqual([]);
});

test("finance sees rectification open, closed and overdue in the headline, the chain and the department table", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await signIn(page, "finance_admin");
  await page.goto("/dashboard?year=2020");
  const overdueCard = page.getByTestId("headline").getByRole("link").filter({ hasText: "整改逾期" });
  const overdue = Number((await overdueCard.locator(".num").innerText()).replace(/,/g, ""));
  expect(overdue).toBeGreaterThan(0);
  const chain = page.getByTestId("chain-rectification");
  await expect(chain).toContainText("已销号");
  await expect(page.getByTestId("chain-rectification-overdue")).toHaveText(`逾期 ${overdue} 项`);

  // The table's overdue column adds up to the headline, and sorts most overdue first.
  const table = page.getByTestId("department-performance");
  await table
    .locator("xpath=ancestor::section[1]")
    .getByRole("button", { name: /展开全部 \d+ 个部门/ })
    .click();
  await table.getByRole("button", { name: "逾期整改" }).click();
  await expect(table.getByRole("columnheader", { name: "逾期整改" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const column = (await table.locator("tbody tr td:nth-child(10)").allInnerTexts()).map(Number);
  expect(column.reduce((a, b) => a + b, 0)).toBe(overdue);
  expect(column).toEqual([...column].sort((a, b) => b - a));

  // The export carries the column.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const col = headers.indexOf("逾期整改事项（项）") + 1;
  expect(col).toBeGreaterThan(0);
  let sum = 0;
  for (let r = 2; r <= sheet.actualRowCount; r++) sum += Number(sheet.getRow(r).getCell(col).value);
  expect(sum).toBe(overdue);
  await page.screenshot({ path: "reports/screens/dashboard-finance.png", fullPage: true });
  expect(errors).toEqual([]);
});

test("the leadership dashboard shows grades, trends and the ranking, each linked, without console errors", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await signIn(page, "leader");
  await page.goto("/dashboard?year=2020");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  // Leaders are told how many rectification items are late, not asked to report them.
  await expect(page.getByTestId("dashboard-rectification")).toContainText(/\d+ 项整改已逾期未销号/);
  await expect(page.getByTestId("dashboard-rectification")).not.toContainText("请尽快报送");
  const grades = page.getByTestId("grade-table");
  const selfRow = grades.locator("tbody tr").filter({ hasText: "单位自评" });
  await expect(selfRow.locator("td").last()).toHaveText("1,317");
  const trend = page.getByTestId("trend-table");
  await expect(trend.locator("tbody tr").filter({ hasText: "2022" })).toContainText("43.52");
  await expect(trend.locator("tbody tr").filter({ hasText: "2022" })).toContainText("16.39%");
  // A figure opens the list behind it.
  await page
    .getByRole("heading", { name: /已完成评价的等级分布/ })
    .locator("xpath=ancestor::section[1]")
    .getByText("查看数据表")
    .click();
  await selfRow.locator("td").last().getByRole("link").click();
  await expect(page).toHaveURL(/\/self-evaluations\?year=2020/);
  expect(errors).toEqual([]);
});
