import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a wrong password shows an error and keeps the user on the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("dept_filer");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toBeVisible();
  await expect(page.getByLabel("密码")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login/);
});

test("sign-out ends the session on the server: a copy of the cookie stops working too", async ({
  page,
  browser,
}) => {
  await signIn(page, "leader");
  const stolen = await page.context().cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(stolen);
  const other = await thief.newPage();
  await other.goto("/dashboard");
  await expect(other).toHaveURL(/\/login/);
  await thief.close();
});
