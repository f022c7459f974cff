import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the auditor finds a failed sign-in with its client address, and exports the log", async ({
  browser,
}) => {
  // A failed sign-in under a name of our own, so the row can be told from others'.
  const tried = `e2e_nobody_${Date.now() % 1_000_000_000}`;
  const visitor = await browser.newPage();
  await visitor.goto("/login");
  await visitor.getByLabel("用户名").fill(tried);
  await visitor.getByLabel("密码").fill("Wrong#2024");
  await visitor.getByRole("button", { name: "登录" }).click();
  await expect(visitor.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toBeVisible();
  await visitor.close();

  const page = await browser.newPage();
  await signIn(page, "auditor");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await page.getByRole("searchbox", { name: "用户" }).fill(tried);
  await page.getByLabel("操作").selectOption({ label: "登录失败" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/action=auth\.signInFailed/);

  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "客户端地址" })).toBeVisible();
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(tried);
  await expect(rows.first()).toContainText("登录失败");
  await expect(rows.first()).toContainText("失败");
  // The client address column holds an address, not the placeholder.
  const headers = await table.locator("thead th").allInnerTexts();
  const ipCell = rows.first().locator("td").nth(headers.indexOf("客户端地址"));
  await expect(ipCell).toHaveText(/^[0-9a-f.:]+$/i);

  // The export carries the same filter.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain("客户端地址");
  expect(sheet.rowCount).toBeGreaterThan(1);
  const userColumn = header.indexOf("用户") + 1;
  expect(sheet.getRow(2).getCell(userColumn).text).toBe(tried);

  // The export is itself in the log.
  await page.goto("/audit?action=audit.exported&user=auditor");
  await expect(page.locator("tbody tr").first()).toContainText("导出审计日志");
});

test("the auditor exports the unfiltered log", async ({ page }) => {
  await signIn(page, "auditor");
  await page.goto("/audit");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  // The header row and at least the sign-in just made.
  expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(1);
});

test("an end date before the start date is reported on the end date", async ({ page }) => {
  await signIn(page, "auditor");
  await page.goto("/audit");
  await page.getByLabel("开始日期").fill("2024-05-02");
  await page.getByLabel("结束日期").fill("2024-05-01");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator("#f-to-error")).toHaveText("结束日期不能早于开始日期");
  await expect(page.getByLabel("结束日期")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("link", { name: "导出 Excel" })).toHaveCount(0);
});

test("the auditor has no business pages and cannot manage users", async ({ page }) => {
  await signIn(page, "auditor");
  for (const path of ["/projects", "/admin/users"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  }
});
