import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const cell = (page: Page, field: string, level: string, row: number) =>
  page.getByLabel(`${field}（${level} 第 ${row} 行）`, { exact: true });

async function pick(page: Page, level: string, name: string) {
  const section = page.getByRole("region", { name: level });
  await section.getByRole("button", { name: "从指标库选择" }).click();
  await section.getByRole("searchbox", { name: "搜索指标名称" }).fill(name);
  await section.getByRole("button", { name: `选用 ${name}` }).click();
}

const status = (page: Page) => page.getByTestId("sheet-status");

test("a unit fills a target sheet, fixes a quality problem, and it goes through department and finance", async ({
  page,
}) => {
  await signIn(page, "dept_filer");
  await page.getByRole("link", { name: "绩效目标", exact: true }).click();
  await expect(page.getByRole("heading", { name: "绩效目标" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "按状态统计" })
    .getByRole("link", { name: /未填报/ })
    .click();
  await expect(page.getByRole("link", { name: /未填报/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("table").locator("tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/targets\/[0-9a-f-]{36}$/);
  const sheetUrl = page.url();

  await page.getByLabel("总体目标").fill("完成区级科技创新服务年度任务，服务科技型中小企业。");
  await pick(page, "产出指标", "支持科技项目数量");
  await cell(page, "指标值", "产出指标", 1).fill("20");
  await cell(page, "分值", "产出指标", 1).fill("30");
  // Enter in a cell adds the next row and moves the focus there.
  await cell(page, "分值", "产出指标", 1).press("Enter");
  await expect(cell(page, "三级指标", "产出指标", 2)).toBeFocused();
  await page.keyboard.type("科技奖补资金兑现及时率");
  await cell(page, "符号", "产出指标", 2).selectOption({ label: "=" });
  await cell(page, "指标值", "产出指标", 2).fill("100");
  await cell(page, "计量单位", "产出指标", 2).fill("%");
  await cell(page, "分值", "产出指标", 2).fill("20");

  await page.getByRole("region", { name: "效益指标" }).getByRole("button", { name: "添加指标" }).click();
  await cell(page, "三级指标", "效益指标", 1).fill("科技服务水平");
  await cell(page, "符号", "效益指标", 1).selectOption({ label: "定性" });
  await cell(page, "指标值", "效益指标", 1).fill("进一步提高");
  await cell(page, "分值", "效益指标", 1).fill("30");

  await pick(page, "满意度指标", "企业满意度");
  await cell(page, "指标值", "满意度指标", 1).fill("90");
  await cell(page, "分值", "满意度指标", 1).fill("10");
  await expect(page.getByTestId("subtotals")).toContainText("产出指标 小计 50 / 50 分");

  await page.getByRole("button", { name: "提交审核" }).click();
  const vague = page.getByTestId("indicator-row-2").getByRole("alert");
  await expect(vague).toContainText("表述笼统");
  await expect(cell(page, "指标值", "效益指标", 1)).toHaveValue("进一步提高");

  await cell(page, "指标值", "效益指标", 1).fill("服务科技型企业不少于50家");
  await expect(vague).toHaveCount(0);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(status(page)).toHaveText("待部门审核");

  await page.context().clearCookies();
  await signIn(page, "dept_approver");
  await page.goto(sheetUrl);
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(status(page)).toHaveText("待财政审核");

  await page.context().clearCookies();
  await signIn(page, "finance_admin");
  await page.goto(sheetUrl);
  await expect(page.getByRole("cell", { name: "服务科技型企业不少于50家" })).toBeVisible();
  await page.getByLabel("意见").fill("同意");
  await page.getByRole("button", { name: "批复" }).click();
  await expect(status(page)).toHaveText("已批复");
});

test("a filer of another department cannot open a 区科技局 sheet", async ({ page }) => {
  await signIn(page, "dept_filer");
  await page.goto("/targets?year=2022&status=DRAFT");
  await expect(page.getByRole("link", { name: /草稿/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("table").locator("tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/targets\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel("总体目标")).toBeVisible();
  const url = page.url();
  await page.context().clearCookies();
  await signIn(page, "dept_filer2");
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  await expect(page.getByLabel("总体目标")).toHaveCount(0);
});
