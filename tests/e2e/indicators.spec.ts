import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("finance_admin adds a library indicator, finds it, and deactivates it", async ({ page }) => {
  const name = `绿色校园创建学校数${Date.now() % 100000}`;
  await signIn(page, "finance_admin");
  await page.getByRole("link", { name: "指标库", exact: true }).click();
  await page.getByRole("link", { name: "新增指标" }).click();
  await page.getByLabel("适用行业").selectOption({ label: "教育" });
  await page.getByLabel("一级指标").selectOption({ label: "效益指标" });
  await page.getByLabel("二级指标").selectOption({ label: "生态效益指标" });
  await page.getByLabel("指标名称").fill(name);
  // A quantitative indicator without a unit is refused at the field, and what was typed stays.
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("此项为必填项")).toBeVisible();
  await expect(page.getByLabel("指标名称")).toHaveValue(name);
  await page.getByLabel("计量单位").fill("所");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/indicators$/);

  await page.getByRole("searchbox", { name: "指标名称" }).fill(name);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(1);
  await page.getByRole("link", { name: `编辑指标 ${name}` }).click();
  await page.getByLabel(/^启用/).uncheck();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/indicators$/);
  await page.goto(`/indicators?active=inactive&q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(1);
});

test("a unit filer cannot open the indicator library", async ({ page }) => {
  await signIn(page, "dept_filer");
  await expect(page.getByRole("link", { name: "指标库", exact: true })).toHaveCount(0);
  await page.goto("/indicators");
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});
