import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

// The whole chain through the browser: the unit fills and submits, the department returns and then
// approves, finance accepts and sends it to an expert group with `expert`, the expert scores, and
// finance concludes with a cut — and the year's 财政再评估 totals move.

const DIMS = ["立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性"];

async function fileProject(page: Page, name: string): Promise<string> {
  await page.goto("/projects/new");
  await page.getByLabel("项目名称").fill(name);
  await page.getByLabel("新增/延续").selectOption({ label: "新增" });
  await page.getByLabel("项目周期").selectOption({ label: "一次性" });
  await page.getByLabel("申报数（元）").fill("8000000");
  await page.getByRole("button", { name: "保存项目" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

test("a pre-assessment goes from the unit through the department, finance and an expert to a conclusion", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "dept_filer");
  const name = `2022年科技企业孵化载体提升 ${Date.now()}`;
  const projectId = await fileProject(page, name);
  await expect(page.getByTestId("project-pre-status")).toContainText("未填报");

  await page.goto(`/pre-assessments/${projectId}`);
  for (const [i, d] of DIMS.entries()) {
    await page.getByLabel(`${d} · 得分（0–20）`).fill(String(15 + (i % 3)));
    await page.getByLabel(`${d} · 说明`).fill(`${d}说明`);
  }
  await expect(page.getByTestId("live-total")).toHaveText("合计 79 / 100");
  await page.getByRole("button", { name: "提交部门审核" }).click();
  await expect(page.getByText("已提交，当前不可修改")).toBeVisible();

  await switchTo(page, "dept_approver");
  await page.goto(`/pre-assessments/${projectId}`);
  await page.getByRole("button", { name: "退回" }).click();
  await expect(page.getByText("退回时必须填写退回意见")).toBeVisible();
  await page.getByLabel("审核意见").fill("效益指标请量化到孵化企业数量");
  await page.getByRole("button", { name: "退回" }).click();
  // The panel goes once the status moved; the comment shows in the history.
  await expect(page.getByText("待部门审核 → 已退回")).toBeVisible();

  await switchTo(page, "dept_filer");
  await page.goto(`/pre-assessments/${projectId}`);
  // The reason shows on the page (and now also in the bell's to-do).
  await expect(page.locator("#main").getByText("效益指标请量化到孵化企业数量")).toBeVisible();
  await page.getByLabel("绩效目标合理性 · 说明").fill("年内新增孵化企业 30 家");
  await page.getByRole("button", { name: "提交部门审核" }).click();
  await expect(page.getByText("已提交，当前不可修改")).toBeVisible();

  await switchTo(page, "dept_approver");
  await page.goto(`/pre-assessments/${projectId}`);
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(page.getByText("待部门审核 → 待财政受理")).toBeVisible();

  await switchTo(page, "finance_admin");
  await page.goto("/pre-assessments?year=2022");
  const totals = page.getByTestId("pre-totals");
  await expect(totals).toContainText("68");
  await expect(totals).toContainText("43.52");
  await expect(totals).toContainText("7.13");
  await expect(totals).toContainText("16.39");
  await page.goto(`/pre-assessments/${projectId}`);
  await page.getByRole("button", { name: "受理", exact: true }).click();
  await expect(page.getByText("待财政受理 → 财政审核中")).toBeVisible();

  await page.goto("/pre-assessments/groups?year=2022");
  await page.getByLabel("专家组名称").fill(`孵化载体专家组 ${Date.now()}`);
  await page.getByRole("combobox", { name: "组长" }).selectOption({ label: "周明远（expert）" });
  await page.getByRole("checkbox", { name: "周明远（expert）" }).check();
  await page.getByRole("checkbox", { name: new RegExp(name) }).check();
  await page.getByRole("button", { name: "组建" }).click();
  await expect(page.getByText("专家组已组建")).toBeVisible();

  await switchTo(page, "expert");
  await page.goto("/pre-assessments/groups?year=2022");
  await page.getByRole("link", { name }).click();
  for (const d of DIMS) await page.getByLabel(d, { exact: true }).fill("16");
  await page.getByLabel("评审意见").fill("建设内容基本合理，设备购置预算偏高，建议核减。");
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("已提交评分")).toBeVisible();

  await switchTo(page, "finance_admin");
  await page.goto(`/pre-assessments/${projectId}`);
  await page.getByRole("combobox", { name: "结论" }).selectOption({ label: "调整后予以支持" });
  await page.getByLabel("建议金额（元）").fill("6000000");
  await expect(page.getByTestId("live-cut")).toHaveText("200.00 万元");
  await expect(page.getByTestId("live-rate")).toHaveText("25.00%");
  await page.getByRole("button", { name: "出具结论" }).click();
  const conclusion = page.getByTestId("conclusion");
  await expect(conclusion).toContainText("调整后予以支持");
  await expect(conclusion).toContainText("25.00%");

  await page.goto("/pre-assessments?year=2022");
  // 68 → 69 projects; 43.52 + 0.08 = 43.60 亿元 requested; 7.1328 + 0.02 = 7.15 亿元 cut.
  await expect(totals).toContainText("69");
  await expect(totals).toContainText("43.60");
  await expect(totals).toContainText("7.15");
});

test("dept_filer2 cannot open a 区科技局 pre-assessment, and an expert sees only their groups", async ({
  page,
}) => {
  await signIn(page, "dept_approver");
  await page.goto("/pre-assessments?year=2022&status=SUBMITTED");
  const link = page.getByRole("table").getByRole("link").first();
  const href = (await link.getAttribute("href"))!;
  await switchTo(page, "dept_filer2");
  const response = await page.goto(href);
  expect(response?.status()).toBe(404);
  await switchTo(page, "expert_08");
  const foreign = await page.goto(href);
  expect(foreign?.status()).toBe(404);
});

test("finance exports the year's pre-assessment list with every concluded cut", async ({ page }) => {
  await signIn(page, "finance_admin");
  await page.goto("/pre-assessments?year=2022&status=CONCLUDED");
  const all = Number((await page.getByTestId("pre-count").innerText()).match(/需评估项目 (\d+) 个/)![1]);
  expect(all).toBeGreaterThanOrEqual(68);
  // One department's list: 区科技局's grows while another test concludes a new pre-assessment there.
  await page.getByLabel("主管部门").selectOption({ label: "区教育局" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/dept=/);
  const shown = Number((await page.getByTestId("pre-count").innerText()).match(/需评估项目 (\d+) 个/)![1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(all);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^事前绩效评估-2022-\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.actualRowCount - 1).toBe(shown);
  const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean);
  expect(headers).toEqual(expect.arrayContaining(["评估结论", "核减额（元）", "核减率（%）"]));
  sheet.eachRow((row, i) => {
    if (i === 1) return;
    expect(row.getCell(5).value).toBe("已出具结论");
    // 核减额 = 申报数 − 建议数, to the fen.
    const [requested, recommended, cut] = [7, 8, 9].map((c) => Number(row.getCell(c).value));
    expect(Math.round((requested - recommended) * 100)).toBe(Math.round(cut * 100));
  });
});
