import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { signIn, signOut } from "./helpers";

// A fresh account of its own: the demo accounts are shared by specs running in parallel.
const username = `e2e_2fa_${Date.now() % 1_000_000_000}`;
const initialPassword = "Start#2024tf";
const ownPassword = "Mine#2024tf";

const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: at,
  });

async function passwordStep(page: Page) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(ownPassword);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("已启用双因素认证")).toBeVisible();
}

test("a user turns on two-factor sign-in, then signs in with a code and once with a recovery code", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The system administrator opens the account.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "sysadmin");
  await admin.goto("/admin/users/new");
  await admin.getByLabel("用户名").fill(username);
  await admin.getByLabel("姓名").fill("双因素测试");
  await admin.getByLabel("角色").selectOption({ label: "绩效管理员" });
  await admin.getByLabel("所属组织").selectOption({ label: "绩效管理科" });
  await admin.getByLabel("初始密码").fill(initialPassword);
  await admin.getByRole("button", { name: "创建用户" }).click();
  await expect(admin).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}\?created=1$/);
  const userPage = admin.url().split("?")[0]!;

  // The user sets a password of their own, then turns on two-factor sign-in from the account menu.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(initialPassword);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("当前密码").fill(initialPassword);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(ownPassword);
  await page.getByLabel("确认新密码").fill(ownPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole("link", { name: "双因素认证" }).click();
  await expect(page.getByRole("heading", { name: "双因素认证" })).toBeVisible();
  await expect(page.getByRole("img", { name: "双因素认证二维码" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");

  // A wrong code is refused on its field; the code the app shows now turns it on.
  await page.getByLabel("验证码").fill(codeAt(secret, Date.now() - 10 * 60_000));
  await page.getByRole("button", { name: "启用双因素认证" }).click();
  await expect(page.locator("#code-error")).toHaveText("验证码不正确，请输入应用中当前显示的 6 位验证码");
  await page.getByLabel("验证码").fill(codeAt(secret, Date.now()));
  await page.getByRole("button", { name: "启用双因素认证" }).click();
  await expect(page.getByText("双因素认证已启用")).toBeVisible();
  const codes = (await page.getByTestId("recovery-codes").locator("li").allInnerTexts()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await page.getByRole("link", { name: "我已保存恢复码，继续" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);

  // The password alone is not enough: the form asks for the code, and a wrong one is refused.
  await passwordStep(page);
  await page.getByLabel("动态验证码").fill("000000");
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByText("验证码错误或已使用")).toBeVisible();
  // The next step's code (the current one was spent on enrolment): accepted within the window.
  await page.getByLabel("动态验证码").fill(codeAt(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);

  // A recovery code works once.
  await passwordStep(page);
  await page.getByLabel("动态验证码").fill(codes[0]!);
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/account/two-factor");
  await expect(page.getByText("剩余恢复码")).toBeVisible();
  await expect(page.locator("dd.num")).toHaveText("9");
  await signOut(page);
  await passwordStep(page);
  await page.getByLabel("动态验证码").fill(codes[0]!);
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByText("验证码错误或已使用")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  // The phone is lost: the system administrator resets it, and the password alone signs in again.
  await admin.goto(userPage);
  await admin.getByRole("button", { name: "重置双因素认证" }).click();
  await admin.getByRole("button", { name: "确认重置" }).click();
  await expect(admin.getByText("已重置双因素认证")).toBeVisible();
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(ownPassword);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await context.close();
  await adminContext.close();
});

test("the auditor checks the audit log's integrity", async ({ page }) => {
  await signIn(page, "auditor");
  await page.goto("/audit");
  await page.getByRole("button", { name: "校验完整性" }).click();
  await expect(page.getByText(/哈希链完整：已校验 \d+ 条日志/)).toBeVisible();
  // The check is itself in the log.
  await page.reload();
  await expect(page.getByRole("table").getByText("校验审计日志完整性").first()).toBeVisible();
});
