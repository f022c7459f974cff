import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// A fresh account for each run: the demo accounts are shared by specs running in parallel.
const username = `e2e_user_${Date.now() % 1_000_000_000}`;
const initialPassword = "Start#2024e2e";
const ownPassword = "Mine#2024e2e";

async function signInExpecting(page: Page, name: string, password: string, url: RegExp) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(name);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(url);
}

test("sysadmin creates a user who must change the password, then disables them and their session ends", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "sysadmin");
  await admin.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "用户管理" }).click();
  await expect(admin.getByRole("heading", { name: "用户管理" })).toBeVisible();
  await admin.getByRole("link", { name: "新建用户" }).click();

  await admin.getByLabel("用户名").fill(username);
  await admin.getByLabel("姓名").fill("端到端测试");
  await admin.getByLabel("角色").selectOption({ label: "单位填报员" });
  await admin.getByLabel("所属组织").selectOption({ label: "区实验中学" });
  await admin.getByLabel("初始密码").fill("abc12345");
  await admin.getByRole("button", { name: "创建用户" }).click();

  // The weak password is refused on its own field; what was typed elsewhere stays.
  const password = admin.getByLabel("初始密码");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(admin.locator("#password-error")).toContainText("密码至少 8 位");
  await expect(admin.getByLabel("用户名")).toHaveValue(username);
  await expect(admin.getByLabel("所属组织").locator("option:checked")).toHaveText("区实验中学");

  await password.fill(initialPassword);
  await admin.getByRole("button", { name: "创建用户" }).click();
  await expect(admin).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}\?created=1$/);
  await expect(admin.getByText("用户已创建")).toBeVisible();
  await expect(admin.getByText("待修改密码")).toBeVisible();

  // The new user signs in and is held on the password page until the password is changed.
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signInExpecting(user, username, initialPassword, /\/account\/password$/);
  await expect(user.getByText("须先修改密码")).toBeVisible();
  await user.goto("/dashboard");
  await expect(user).toHaveURL(/\/account\/password$/);
  // The link's request comes back as a redirect to the password page; wait for it to land before
  // typing, or the page it re-renders would clear what was typed.
  await Promise.all([
    user.waitForResponse((r) => new URL(r.url()).pathname === "/dashboard"),
    user.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作台" }).click(),
  ]);
  await expect(user).toHaveURL(/\/account\/password$/);
  await user.waitForLoadState("networkidle");

  await user.getByLabel("当前密码").fill(initialPassword);
  await user.getByRole("textbox", { name: "新密码", exact: true }).fill(ownPassword);
  await user.getByLabel("确认新密码").fill(ownPassword);
  await user.getByRole("button", { name: "修改密码" }).click();
  await expect(user).toHaveURL(/\/dashboard$/);
  await user.goto("/dashboard");
  await expect(user).toHaveURL(/\/dashboard$/);

  // The administrator disables the account; the open session ends at its next request.
  await admin.reload();
  await expect(admin.getByText("待修改密码")).toHaveCount(0);
  await admin.getByRole("button", { name: "停用账号" }).click();
  await admin.getByRole("button", { name: "确认停用" }).click();
  await expect(admin.getByText("账号已停用")).toBeVisible();
  await expect(admin.getByRole("button", { name: "启用账号" })).toBeVisible();

  await user.goto("/dashboard");
  await expect(user).toHaveURL(/\/login/);
  await signInExpecting(user, username, ownPassword, /\/login/);
  await expect(user.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toBeVisible();

  // The list finds the account by name, disabled.
  await admin.goto(`/admin/users?q=${username}&status=disabled`);
  const row = admin.getByRole("row").filter({ hasText: username });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("停用")).toBeVisible();

  await adminContext.close();
  await userContext.close();
});

test("a role and organisation that do not fit are refused on the organisation field", async ({ page }) => {
  await signIn(page, "sysadmin");
  await page.goto("/admin/users/new");
  await page.getByLabel("用户名").fill(`${username}_x`);
  await page.getByLabel("姓名").fill("错配");
  await page.getByLabel("角色").selectOption({ label: "部门审核人" });
  await expect(page.getByText("该角色应归属：部门、乡镇")).toBeVisible();
  await page.getByLabel("所属组织").selectOption({ label: "绩效管理科" });
  await page.getByLabel("初始密码").fill(initialPassword);
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.locator("#orgId-error")).toHaveText("该角色不能归属于所选组织");
  await expect(page).toHaveURL(/\/admin\/users\/new$/);
});

test("the system administrator filters the user list by role", async ({ page }) => {
  await signIn(page, "sysadmin");
  await page.goto("/admin/users");
  await page.getByLabel("角色").selectOption({ label: "审计管理员" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/role=AUDITOR/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("auditor");
  for (const text of await rows.allInnerTexts()) expect(text).toContain("审计管理员");
});

test("other roles get not found on user administration and the audit log; sysadmin on business pages", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  for (const path of ["/admin/users", "/admin/users/new", "/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  }
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "用户管理" }),
  ).toHaveCount(0);
  expect((await page.request.get("/audit/export")).status()).toBe(404);

  await page.context().clearCookies();
  await signIn(page, "sysadmin");
  for (const path of ["/projects", "/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  }
});
