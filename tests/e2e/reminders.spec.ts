import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// 即将到期 / 已逾期 reminders beyond rectification, as the people who owe the work see them: a unit whose
// monitoring reports of the 2020 round were never filed, and a department whose own 2021
// department-wide evaluation is past its due date. Each reminder opens the record it is about.

test("a unit with unfiled monitoring reports finds the overdue round in its bell and opens it", async ({
  page,
}) => {
  await signIn(page, "filer_d02_1");
  const bell = page.getByTestId("notification-bell");
  await bell.locator("summary").click();
  const reminder = bell.getByRole("link", {
    name: /绩效运行监控已过截止日期（2020-08-31），尚有 \d+ 个项目未填报/,
  });
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText("[已逾期]");
  await reminder.click();
  await expect(page).toHaveURL(/\/monitoring\/rounds\/[0-9a-f-]{36}/);
  // The drop-down closes on arriving, so it does not cover the page.
  await expect(reminder).toBeHidden();
  await expect(page.locator("#main table").getByText("未填报", { exact: true }).first()).toBeVisible();
});

test("a department finds its overdue department-wide self-evaluation among its to-dos", async ({ page }) => {
  await signIn(page, "dept_approver");
  await page.goto("/todos");
  const item = page
    .getByTestId("todo-list")
    .locator("li")
    .filter({ hasText: "2021 年度整体绩效自评已逾期（期限 2022-04-30）" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("区科技局");
  await item.getByRole("link", { name: /整体绩效自评已逾期/ }).click();
  await expect(page).toHaveURL(/\/dept-evaluations\/[0-9a-f-]{36}$/);
  // Opened, it is read; loading the list again writes nothing new: still one.
  await page.goto("/todos?show=all");
  await expect(
    page.getByTestId("todo-list").locator("li").filter({ hasText: "2021 年度整体绩效自评已逾期" }),
  ).toHaveCount(1);
});
