import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// The department dashboard as the two department roles use it: to-dos with deadlines first (overdue
// in red at the top), where the projects stand, warnings, what came back, grades and feedback.

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("部门审核人的工作台：逾期整改排在待办最前并标红，各板块齐全", async ({ page }) => {
  const errors = collectErrors(page);
  await signIn(page, "dept_approver");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("部门绩效工作台");

  const todos = page.getByTestId("work-todos");
  // The overdue ones come first, marked in words as well as in red.
  const first = todos.locator("li[data-overdue]").first();
  await expect(first).toBeVisible();
  await expect(first).toContainText("已逾期");
  await expect(todos.locator("li[data-kind]").first()).toHaveAttribute("data-overdue", "true");
  await expect(todos.getByRole("link", { name: /整改事项/ })).toContainText("已逾期");
  // An overdue rectification item is in the list and opens its page.
  const overdueItem = todos.locator("li[data-kind=RECTIFICATION][data-overdue]").first();
  const problem = await overdueItem.getByRole("link").innerText();
  await overdueItem.getByRole("link").click();
  await expect(page).toHaveURL(/\/rectification\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("main").getByText(problem).first()).toBeVisible();
  await page.goBack();

  await expect(page.getByTestId("warning-projects")).toContainText("红色预警");
  await expect(page.getByTestId("returned-items")).toContainText("没有被退回的材料");
  await expect(page.getByTestId("feedback-received")).toContainText("集中抽评反馈意见");
  await expect(page.getByRole("heading", { name: "2020 年度已完成评价的等级分布" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  // Projects by stage: the numbers as a table, each stage opening the list filtered to it.
  const stageCard = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "项目所处环节" }) });
  await stageCard.getByText("查看数据表").click();
  const stageLink = stageCard.getByRole("table").getByRole("link").first();
  await stageLink.click();
  await expect(page).toHaveURL(/\/projects\?year=2020&stage=[A-Z_]+/);

  await page.goto("/dashboard");
  await page.screenshot({ path: "reports/screens/dashboard-dept-approver.png", fullPage: true });
  expect(errors).toEqual([]);
});

test("单位填报员的工作台：逾期的监控报告在前，草稿申报在后，只见本单位", async ({ page }) => {
  const errors = collectErrors(page);
  await signIn(page, "dept_filer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("单位绩效工作台");
  const todos = page.getByTestId("work-todos");
  const rows = todos.locator("li[data-kind]");
  await expect(rows.first()).toHaveAttribute("data-overdue", "true");
  await expect(rows.last()).not.toHaveAttribute("data-overdue", "true");
  // Every project in the list is the unit's own (its codes carry the unit's projects only).
  const draft = todos.locator("li[data-kind=PROJECT]").first();
  await expect(draft).toContainText("无截止日期");
  const name = await draft.getByRole("link").innerText();
  await draft.getByRole("link").click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByText(name).first()).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByTestId("warning-projects")).toContainText("黄色预警");
  await expect(page.getByTestId("returned-items")).toContainText("没有被退回的材料");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "reports/screens/dashboard-dept-filer.png", fullPage: true });
  expect(errors).toEqual([]);
});
