import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the performance administrator changes the 2022 threshold, fixes the weights and saves", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "年度设置" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("年度设置");
  await page.getByRole("link", { name: "编辑 2022 年度设置" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2022 年度设置");

  const threshold = page.getByLabel("申报金额门槛");
  const output = page.getByLabel("产出指标");
  await threshold.fill("5,000,000");
  await expect(page.getByText("即 500.00 万元")).toBeVisible();
  await output.fill("55");
  await expect(page.getByText("当前合计 105 分")).toBeVisible();
  await page.getByRole("button", { name: "保存" }).click();

  // The error sits on the weights group, every weight points at it, and what was typed stays.
  const error = page.locator("#weights-error");
  await expect(error).toHaveText("产出、效益、满意度指标和预算执行率的权重之和必须等于 100");
  await expect(output).toHaveAttribute("aria-invalid", "true");
  await expect(output).toHaveAttribute("aria-describedby", /weights-error/);
  await expect(page.getByLabel("预算执行率")).toHaveAttribute("aria-invalid", "true");
  await expect(output).toBeFocused();
  await expect(output).toHaveValue("55");
  await expect(threshold).toHaveValue("5,000,000");

  await output.fill("50");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已保存 2022 年度设置");
  await expect(error).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel("申报金额门槛")).toHaveValue("5000000.00");
  await expect(page.getByLabel("产出指标")).toHaveValue("50");
  await page.getByRole("link", { name: "返回年度列表" }).click();
  await expect(
    page
      .getByRole("row", { name: /2022 年度/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("500.00");
});

test("a stale form is refused with a clear message instead of overwriting", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  for (const page of [first, second]) {
    await signIn(page, "finance_admin");
    await page.goto("/settings/years/2021");
  }
  await first.getByLabel("密码有效期").fill("60");
  await first.getByRole("button", { name: "保存" }).click();
  await expect(first.getByRole("status")).toContainText("已保存");

  await second.getByLabel("密码有效期").fill("30");
  await second.getByRole("button", { name: "保存" }).click();
  await expect(second.getByRole("alert").first()).toHaveText("该记录已被他人修改，请刷新后重试");
  await second.reload();
  await expect(second.getByLabel("密码有效期")).toHaveValue("60");
});

test("other roles cannot open the year settings", async ({ page }) => {
  await signIn(page, "finance_reviewer");
  const response = await page.goto("/settings/years/2022");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});
