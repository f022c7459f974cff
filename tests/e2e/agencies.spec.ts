import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("finance keeps the agency registry: filters it, sees who may not be engaged, and suspends with a reason", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "第三方机构" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "第三方机构库" })).toBeVisible();
  await page.getByLabel("机构类型").selectOption({ label: "资产评估机构" });
  await page.getByRole("button", { name: "筛选" }).click();
  const table = page.getByRole("table", { name: "第三方机构列表" });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await table.getByRole("link", { name: "曹娥资产评估有限公司" }).click();
  await expect(page.getByTestId("eligibility")).toContainText("近三年内有违规记录");

  await page.goto("/agencies?q=江南绩效");
  await page.getByRole("link", { name: "江南绩效管理咨询有限公司" }).click();
  await expect(page.getByTestId("eligibility")).toContainText("目前可以承接");
  await page.getByLabel("状态", { exact: true }).selectOption({ label: "暂停" });
  await page.getByRole("button", { name: "更新状态" }).click();
  await expect(page.locator("#status-reason-error")).toContainText("暂停或列入黑名单时必须说明原因");
  await page.getByLabel("原因", { exact: true }).fill("评价报告逾期未提交");
  await page.getByRole("button", { name: "更新状态" }).click();
  await expect(page.getByText("状态已更新")).toBeVisible();
  await expect(page.getByTestId("agency-status")).toHaveText("暂停");
  await expect(page.getByTestId("eligibility")).toContainText("机构状态不是“正常”");

  // Put it back, so the registry stays as the demo has it.
  await page.getByLabel("状态", { exact: true }).selectOption({ label: "正常" });
  await page.getByRole("button", { name: "更新状态" }).click();
  await expect(page.getByTestId("agency-status")).toHaveText("正常");
});

test("an agency keeps its own staff and conflicts, and cannot open another agency", async ({ page }) => {
  await signIn(page, "agency");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "第三方机构" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "越州会计师事务所有限公司" })).toBeVisible();
  await expect(page.getByRole("button", { name: "更新状态" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "登记违规" })).toHaveCount(0);

  const name = `钱${Date.now() % 1000}`;
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("职称").fill("注册会计师");
  await page.getByRole("button", { name: "添加" }).click();
  await expect(page.getByRole("list", { name: /从业人员/ })).toContainText(name);
  await page.getByRole("button", { name: `移除 ${name}` }).click();
  await expect(page.getByRole("list", { name: /从业人员/ })).not.toContainText(name);

  await page.getByLabel("统一社会信用代码").fill("12345");
  await page.getByRole("button", { name: "保存基本信息" }).click();
  await expect(page.locator("#agency-creditCode-error")).toContainText("18 位");

  // Another agency's page, by its address, is not found.
  await page.context().clearCookies();
  await signIn(page, "finance_admin");
  await page.goto("/agencies?q=凤鸣");
  const href = await page.getByRole("link", { name: "凤鸣会计师事务所（普通合伙）" }).getAttribute("href");
  await page.context().clearCookies();
  await signIn(page, "agency");
  await page.goto(href!);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});
