import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn, signOut } from "./helpers";

// 第三方评价 end to end: finance engages an agency for a project; the agency declares no conflict of
// interest, scores and reports; finance returns it for quality; the agency fixes it; finance accepts
// and rates it; the rating shows in the agency's registry record.

const PROJECT = "2021-D02-0002";
const AGENCY = "越州会计师事务所有限公司";

test("finance engages an agency; the agency declares, reports and fixes; finance returns, accepts and rates", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "finance_admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "第三方评价" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "第三方评价" })).toBeVisible();
  await page.getByRole("link", { name: "委托机构" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "委托第三方机构" })).toBeVisible();

  // Find the project.
  await page.getByLabel("年度").selectOption("2021");
  await page.getByLabel("查找项目").fill(PROJECT);
  await page.getByRole("button", { name: "查找" }).click();
  const form = page.getByRole("form", { name: "委托第三方机构" });
  await expect(form.getByText("2021年疾病预防控制中心基本公共卫生服务")).toBeVisible();
  await form.getByRole("radio", { name: /2021年疾病预防控制中心基本公共卫生服务/ }).check();

  // A suspended agency is refused, with the reason under the agency field.
  await form.getByLabel("受托机构").selectOption({ label: "东山财经研究院（不可委托：机构状态不是“正常”）" });
  await form.getByLabel("委托费用（万元）").fill("6.8");
  await form
    .getByLabel("评价范围与要求")
    .fill("对项目决策、过程、产出和效益开展评价，实地核查并开展满意度调查。");
  await form.getByRole("button", { name: "确认委托" }).click();
  await expect(page.locator("#engage-agency-error")).toContainText("该机构状态不是“正常”，不能委托");

  await form.getByLabel("受托机构").selectOption({ label: AGENCY });
  await form.getByRole("button", { name: "确认委托" }).click();
  await expect(page).toHaveURL(/\/third-party\/[0-9a-f-]{36}\?engaged=1$/);
  await expect(page.getByText("已委托，等待机构组建评价小组并声明无利益冲突。")).toBeVisible();
  await expect(page.getByTestId("engagement-status")).toHaveText("待机构声明");
  const address = new URL(page.url()).pathname;
  await signOut(page);

  // The agency names its team and declares no conflict of interest.
  await signIn(page, "agency");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "第三方评价" }).click();
  await page.getByRole("link", { name: "2021年疾病预防控制中心基本公共卫生服务" }).click();
  await expect(page).toHaveURL(new RegExp(`${address}$`));
  const declaration = page.getByRole("form", { name: "利益冲突声明" });
  await expect(declaration.getByLabel("声明内容")).toHaveValue(/不存在任何利益冲突/);
  await declaration.getByRole("button", { name: "提交声明并开始评价" }).click();
  await expect(page.locator("#declare-staff-error")).toContainText("请至少选择一名评价小组成员");
  await expect(page.locator("#declare-confirm-error")).toContainText("请勾选确认声明");
  const staff = declaration.locator('input[name="staffIds"]');
  await staff.nth(0).check();
  await staff.nth(1).check();
  await declaration.getByLabel(/本人代表评价小组确认以上声明属实/).check();
  await declaration.getByRole("button", { name: "提交声明并开始评价" }).click();
  await expect(page.getByTestId("engagement-status")).toHaveText("评价中");
  await expect(page.getByTestId("declaration")).toContainText("赵思远");

  // Scores: every indicator at its maximum but one, and the report.
  const sheet = page.getByRole("form", { name: "第三方评价评分表" });
  const rows = sheet.locator("tbody tr").filter({ has: page.locator('input[name="points"]') });
  const n = await rows.count();
  expect(n).toBeGreaterThan(10);
  for (let i = 0; i < n; i++) {
    const max = (await rows.nth(i).locator("td").nth(1).innerText()).trim();
    await rows
      .nth(i)
      .locator('input[name="points"]')
      .fill(i === 0 ? String(Number(max) - 1) : max);
  }
  await expect(sheet.getByTestId("live-total")).toContainText("合计 99.00 分，等级 优");
  await sheet.getByLabel("评价报告").fill("项目实施规范，绩效目标全面完成。");
  await sheet.getByRole("button", { name: "提交财政局审核" }).click();
  await expect(page.getByTestId("engagement-status")).toHaveText("待质量审核");
  await signOut(page);

  // Finance returns it for quality, with a reason.
  await signIn(page, "finance_admin");
  await page.goto(address);
  const review = page.getByRole("form", { name: "质量审核" });
  await review.getByRole("button", { name: "退回修改" }).click();
  await expect(page.locator("#review-comment-error")).toContainText("退回时必须写明原因");
  await review.getByLabel("审核意见").fill("报告缺少满意度调查的样本和结果分析，请补充后重新提交。");
  await review.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByTestId("engagement-status")).toHaveText("退回修改");
  await signOut(page);

  // The agency sees why, fixes the report and submits again.
  await signIn(page, "agency");
  await page.goto(address);
  await expect(page.getByTestId("return-reason")).toContainText("报告缺少满意度调查的样本和结果分析");
  await page
    .getByLabel("评价报告")
    .fill("项目实施规范，绩效目标全面完成。满意度调查发放问卷 320 份，回收有效问卷 301 份，满意率 96.3%。");
  await page.getByRole("button", { name: "提交财政局审核" }).click();
  await expect(page.getByTestId("engagement-status")).toHaveText("待质量审核");
  await signOut(page);

  // Finance accepts and rates the engagement.
  await signIn(page, "finance_admin");
  await page.goto(address);
  await page.getByRole("form", { name: "质量审核" }).getByRole("button", { name: "验收通过" }).click();
  await expect(page.getByTestId("engagement-status")).toHaveText("已验收");
  await expect(page.getByTestId("engagement-result")).toContainText("99.00");
  const rating = page.getByRole("form", { name: "机构评分" });
  await rating.getByLabel("质量（40）").fill("37");
  await rating.getByLabel("及时性（20）").fill("19");
  await rating.getByLabel("独立性（20）").fill("20");
  await rating.getByLabel("规范性（20）").fill("18.5");
  await expect(rating.getByTestId("rating-total")).toHaveText("合计 94.50 分");
  await rating.getByLabel("评价意见").fill("退回后补充及时，报告质量较好");
  await rating.getByRole("button", { name: "保存评分" }).click();
  await expect(page.getByTestId("engagement-rating")).toContainText("94.50");

  // The rating joins the agency's history in the registry.
  await page.getByRole("link", { name: AGENCY }).click();
  await expect(page.getByRole("heading", { level: 1, name: AGENCY })).toBeVisible();
  const history = page.getByRole("table", { name: "评价得分记录" });
  await expect(history.getByRole("row").filter({ hasText: "94.50" })).toContainText(
    "2021年疾病预防控制中心基本公共卫生服务",
  );
});

test("an agency sees only its own engagements; another agency's reads as not found", async ({ page }) => {
  await signIn(page, "finance_admin");
  await page.goto("/third-party?year=2020&q=2020-D01");
  const link = page.getByRole("table", { name: "第三方评价委托列表" }).getByRole("link").first();
  const href = await link.getAttribute("href");
  await signOut(page);
  await signIn(page, "agency");
  await page.goto("/third-party");
  const cells = page.getByRole("table", { name: "第三方评价委托列表" }).locator("tbody tr");
  await expect(cells.first()).toBeVisible();
  await page.goto(href!);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});

test("finance filters the accepted 2020 evaluations and exports them to Excel", async ({ page }) => {
  await signIn(page, "finance_admin");
  await page.goto("/third-party");
  const filters = page.getByRole("form", { name: "筛选第三方评价" });
  await filters.getByLabel("年度").selectOption("2020");
  await filters.getByLabel("状态").selectOption({ label: "已验收" });
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/year=2020/);
  // 21 projects and the field evaluations of the two department-wide evaluations.
  await expect(page.getByTestId("page-status")).toContainText("共 23 条");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^第三方评价-\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  expect(header).toEqual([
    "年度",
    "项目编码",
    "评价对象",
    "部门",
    "受托机构",
    "委托费用（万元）",
    "报告期限",
    "状态",
    "得分",
    "等级",
    "机构评分",
  ]);
  const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(1));
  expect(rows).toHaveLength(23);
  const projectRows = rows.filter((r) => r[1]);
  expect(projectRows).toHaveLength(21);
  expect(projectRows.filter((r) => r[9] === "优")).toHaveLength(15);
  expect(projectRows.filter((r) => r[9] === "良")).toHaveLength(6);
  expect(rows.filter((r) => !r[1]).map((r) => r[2])).toEqual(
    expect.arrayContaining(["区科技局部门整体绩效评价", "区金融办部门整体绩效评价"]),
  );
  expect(rows.every((r) => r[7] === "已验收" && typeof r[10] === "number")).toBe(true);
});
