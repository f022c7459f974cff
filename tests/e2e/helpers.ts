import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2021";

/** Sign in through the form, as a person does, and wait for the dashboard. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Every demo account, its role, and what it should see. */
export const DEMO_ACCOUNTS = [
  "finance_admin",
  "finance_reviewer",
  "expert",
  "dept_filer",
  "dept_approver",
  "dept_filer2",
  "agency",
  "leader",
  "sysadmin",
  "auditor",
] as const;

/**
 * Sign out from the header, as a person does. A click that lands before the page has hydrated does
 * nothing, as it would for a person on a slow machine, who clicks again.
 */
export async function signOut(page: Page) {
  await expect(async () => {
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}
