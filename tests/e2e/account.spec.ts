import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";

// Only failing changes on a demo account: other specs sign in with it at the same time.
test("the password page refuses a wrong current password and a mismatched confirmation", async ({ page }) => {
  await signIn(page, "leader");
  await page.getByRole("link", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { name: "修改密码" })).toBeVisible();

  await page.getByLabel("当前密码").fill("Wrong#2024");
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Fresh#2024");
  await page.getByLabel("确认新密码").fill("Fresh#2024");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#currentPassword-error")).toHaveText("当前密码不正确");
  await expect(page.getByLabel("当前密码")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("当前密码").fill(DEMO_PASSWORD);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Fresh#2024");
  await page.getByLabel("确认新密码").fill("Fresh#2025");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#confirmPassword-error")).toHaveText("两次输入的密码不一致");

  await page.getByLabel("当前密码").fill(DEMO_PASSWORD);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("weakpass");
  await page.getByLabel("确认新密码").fill("weakpass");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#newPassword-error")).toContainText("密码至少 8 位");

  // Still signed in with the old password, and free to go anywhere.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
});
