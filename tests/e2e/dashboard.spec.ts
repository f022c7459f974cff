import { expect, test, type Page } from "@playwright/test";
import { NAV_ITEMS } from "../../src/components/shell/nav-items";
import zhNav from "../../src/messages/zh-CN/nav.json";
import { can } from "../../src/server/permissions";
import type { Role } from "../../src/server/schema/enums";
import { DEMO_ACCOUNTS, signIn, signOut } from "./helpers";

type Account = (typeof DEMO_ACCOUNTS)[number];

// What each demo account should meet on its first page: its role, its dashboard's heading, and the
// navigation its permissions give it (besides the explicit examples below).
const EXPECTED: Record<Account, { role: Role; heading: string }> = {
  finance_admin: { role: "FINANCE_ADMIN", heading: "全区预算绩效总览" },
  finance_reviewer: { role: "FINANCE_REVIEWER", heading: "分管部门绩效总览" },
  expert: { role: "EXPERT", heading: "评审专家工作台" },
  dept_filer: { role: "DEPT_FILER", heading: "单位绩效工作台" },
  dept_approver: { role: "DEPT_APPROVER", heading: "部门绩效工作台" },
  dept_filer2: { role: "DEPT_FILER", heading: "单位绩效工作台" },
  agency: { role: "AGENCY", heading: "第三方机构工作台" },
  leader: { role: "LEADER", heading: "领导驾驶舱" },
  sysadmin: { role: "SYS_ADMIN", heading: "系统管理概览" },
  auditor: { role: "AUDITOR", heading: "安全审计概览" },
};

const navLinks = (page: Page) => page.getByRole("navigation", { name: zhNav.mainNav }).getByRole("link");

/** The number printed in a headline card, read as the user sees it ("1,317" → 1317). */
async function cardNumber(page: Page, label: string): Promise<number> {
  const text = await page
    .getByTestId("headline")
    .getByRole("link")
    .filter({ hasText: label })
    .locator(".num")
    .innerText();
  return Number(text.replace(/,/g, ""));
}

async function columnNumbers(
  page: Page,
  table: ReturnType<Page["locator"]>,
  column: number,
): Promise<number[]> {
  const cells = await table.locator(`tbody tr td:nth-child(${column})`).allInnerTexts();
  return cells.map((c) => Number(c.replace(/[,%]/g, "")));
}

for (const username of DEMO_ACCOUNTS) {
  test(`${username} sees their own dashboard and navigation`, async ({ page }) => {
    const { role, heading } = EXPECTED[username];
    await signIn(page, username);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    const expectedNav = NAV_ITEMS.filter((i) => can(role, i.permission)).map(
      (i) => zhNav[i.key as keyof typeof zhNav] as string,
    );
    await expect(navLinks(page)).toHaveText(expectedNav);
  });
}

test("the navigation follows the separation of duties", async ({ page }) => {
  await signIn(page, "sysadmin");
  await expect(navLinks(page)).toHaveText(["工作台", "用户管理"]);
  await signOut(page);
  await signIn(page, "auditor");
  await expect(navLinks(page)).toHaveText(["工作台", "审计日志"]);
  await signOut(page);
  // Business roles never see the administrator's or the auditor's pages; only finance configures years.
  await signIn(page, "finance_admin");
  await expect(navLinks(page).first()).toHaveText("工作台");
  const financeNav = await navLinks(page).allTextContents();
  expect(financeNav).toEqual(expect.arrayContaining(["项目库", "指标库", "年度设置"]));
  for (const hidden of ["用户管理", "审计日志"]) expect(financeNav).not.toContain(hidden);
  // Finance's many links are grouped by the stages of the chain, in its order.
  await expect(page.getByRole("navigation", { name: "主导航" }).locator("p")).toHaveText([
    "工作概览",
    "预算编制与事前",
    "目标与事中",
    "事后评价",
    "整改与结果应用",
    "管理与设置",
  ]);
  await signOut(page);
  await signIn(page, "dept_filer");
  await expect(navLinks(page).first()).toHaveText("工作台");
  const deptNav = await navLinks(page).allTextContents();
  expect(deptNav).toEqual(expect.arrayContaining(["项目库", "绩效目标"]));
  for (const hidden of ["用户管理", "审计日志", "年度设置", "指标库"]) expect(deptNav).not.toContain(hidden);
});

test("the finance dashboard's department rows add up to its headline and sort by a clicked header", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  const projects = await cardNumber(page, "项目数");
  expect(projects).toBeGreaterThan(0);
  const departments = page.getByRole("table", { name: /各部门项目数/ });
  await page.getByRole("button", { name: /显示全部/ }).click();
  const counts = await columnNumbers(page, departments, 3);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(projects);
  // "涉及 N 个部门" under the count is the number of rows.
  await expect(page.getByTestId("headline")).toContainText(`涉及 ${counts.length} 个部门`);

  await departments.getByRole("button", { name: /执行率/ }).click();
  await expect(departments.locator("th", { hasText: "执行率" })).toHaveAttribute("aria-sort", "descending");
  const rates = await columnNumbers(page, departments, 6);
  expect(rates.every((r, i) => i === 0 || r <= rates[i - 1]!)).toBe(true);

  // The stage chart's data table holds the same total.
  await page
    .getByRole("heading", { name: "项目所处环节" })
    .locator("xpath=ancestor::section[1]")
    .getByText("查看数据表")
    .click();
  const stageTable = page.getByRole("table", { name: "项目所处环节" });
  const stageCounts = await columnNumbers(page, stageTable, 2);
  expect(stageCounts.reduce((a, b) => a + b, 0)).toBe(projects);
});

test("the year is chosen in the selector and kept in the address", async ({ page }) => {
  await signIn(page, "finance_admin");
  await expect(page.getByLabel("预算年度")).toHaveValue("2020");
  const before = await cardNumber(page, "项目数");
  await page.getByLabel("预算年度").selectOption("2022");
  await expect(page).toHaveURL(/\/dashboard\?year=2022$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("全区预算绩效总览");
  await expect.poll(() => cardNumber(page, "项目数")).not.toBe(before);
  await page.reload();
  await expect(page.getByLabel("预算年度")).toHaveValue("2022");
  await expect(page.getByTestId("headline").getByRole("link").first()).toHaveAttribute("href", /year=2022/);
});

test("a reviewer's dashboard covers only their division's departments", async ({ page }) => {
  await signIn(page, "finance_reviewer");
  const table = page.getByRole("table", { name: /各部门项目数/ });
  const names = await table.locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(names.sort()).toEqual(
    ["区大数据发展管理局", "区委宣传部", "区教育局", "区文化和广电旅游体育局", "区科技局"].sort(),
  );
  const counts = await columnNumbers(page, table, 3);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(await cardNumber(page, "项目数"));
});

test("a filer's to-do list opens their own draft projects", async ({ page }) => {
  await signIn(page, "dept_filer");
  const todo = page.getByTestId("work-todos").locator("li[data-kind=PROJECT]");
  const first = todo.getByRole("link").first();
  const name = await first.innerText();
  await first.click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByText(name).first()).toBeVisible();
});

test("experts are told where their assignments will appear; agencies see their engagements", async ({
  page,
}) => {
  await signIn(page, "expert");
  await expect(page.getByText("暂无分配给您的评审任务")).toBeVisible();
  await signOut(page);
  await signIn(page, "agency");
  await expect(page.getByText("越州会计师事务所").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "进行中的委托（按报告期限）" })).toBeVisible();
  await expect(page.getByRole("table", { name: "第三方评价委托列表" }).getByRole("row")).toHaveCount(3);
});

test("the system and audit administrators see no business figures", async ({ page }) => {
  await signIn(page, "sysadmin");
  await expect(page.getByRole("heading", { name: "按角色统计账号" })).toBeVisible();
  await expect(page.getByTestId("headline")).toHaveCount(0);
  await expect(page.getByText("全年预算")).toHaveCount(0);
  await signOut(page);
  await signIn(page, "auditor");
  await expect(page.getByRole("heading", { name: "安全事件统计" })).toBeVisible();
  await expect(page.getByRole("link", { name: "查看审计日志" })).toHaveAttribute("href", "/audit");
  await expect(page.getByText("全年预算")).toHaveCount(0);
});

test("the chain shows how far the year's projects have come, each step opening its list where the role may", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  await page.goto("/dashboard?year=2020");
  const self = page.getByTestId("chain-self");
  await expect(self).toContainText("单位自评已提交");
  await expect(self).toContainText(/\/ 1,317/);
  await expect(page.getByTestId("chain-monitoring")).toContainText(/红灯 \d+ · 黄灯 \d+ · 绿灯 \d+/);
  await expect(page.getByTestId("chain-sampled")).toContainText("亿元");
  await self.getByRole("link").click();
  await expect(page).toHaveURL(/\/self-evaluations\?year=2020$/);

  // Leaders read the chain; the sampled review's list is not theirs to open.
  await page.context().clearCookies();
  await signIn(page, "leader");
  await page.goto("/dashboard?year=2020");
  await expect(page.getByTestId("chain-sampled")).toContainText("集中抽评");
  await expect(page.getByTestId("chain-sampled").getByRole("link")).toHaveCount(0);
  await expect(page.getByTestId("chain-self").getByRole("link")).toHaveCount(1);
});
