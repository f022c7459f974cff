import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

// 财政重点评价 through the browser, each step by its role: finance opens a key evaluation of a 2021
// project with the demo reviewer (陈建国) as lead; the reviewer scores it, records a finding and
// submits; finance returns it with a reason; the reviewer fixes and resubmits; finance approves and
// the grade shows. Also: an indicator-system edit that leaves 产出+效益 under 60% is refused.

async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

async function openEvaluation(page: Page, projectName: string) {
  await page.goto("/key-evaluations?year=2021");
  await page.getByRole("link", { name: projectName, exact: true }).click();
  await expect(page).toHaveURL(/\/key-evaluations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(projectName);
}

test("finance opens a key evaluation, the lead reviewer scores and submits, finance returns it and then approves", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "finance_admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "财政重点评价" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("财政重点评价");
  // The seeded 2020 work: six settled evaluations worth 2.12 亿元.
  await expect(page.getByTestId("key-summary")).toContainText("共 6 个项目");
  await expect(page.getByTestId("key-summary")).toContainText("2.12 亿元");

  await page.getByRole("link", { name: "新建重点评价" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建财政重点评价");
  await page.getByLabel("预算年度").selectOption("2021");
  await page.getByLabel("项目名称或编码").fill("工程");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/year=2021/);
  // The first project not yet key-evaluated.
  const form = page.getByRole("form", { name: "新建重点评价" });
  const box = form.locator('input[type="checkbox"]:not([name]):not([disabled])').first();
  const boxId = await box.getAttribute("id");
  const projectName = (await form.locator(`label[for="${boxId}"] span`).first().textContent())!.trim();
  // Nothing picked: the form says so under the field.
  await form.getByRole("button", { name: /^创建 0 项重点评价$/ }).click();
  await expect(form.getByText("请至少选择一个项目")).toBeVisible();
  await box.check();
  await expect(form.getByText("已选 1 个项目")).toBeVisible();
  await form.getByRole("checkbox", { name: /陈建国/ }).check();
  await form.getByRole("radio", { name: "指定陈建国为牵头人" }).check();
  await form.getByLabel("完成时限").fill("2022-09-30");
  await form.getByRole("button", { name: "创建 1 项重点评价" }).click();
  await expect(form.getByText("已创建 1 项重点评价。")).toBeVisible();

  // The lead reviewer scores: every line at full marks but the first, which loses 2 points.
  await switchTo(page, "finance_reviewer");
  await openEvaluation(page, projectName);
  const rows = page.locator("tbody tr").filter({ has: page.locator('input[name="points"]') });
  const n = await rows.count();
  expect(n).toBeGreaterThan(10);
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const max = Number((await row.locator("td").nth(1).textContent())!.trim());
    await row.locator('input[name="points"]').fill(String(i === 0 ? max - 2 : max));
  }
  await rows.first().locator('textarea[name="note"]').fill("可行性研究不充分，扣 2 分");
  await page.getByRole("button", { name: "添加问题" }).click();
  await page.getByLabel("问题 1", { exact: true }).fill("项目前期论证不充分，概算调整较大");
  await page.getByLabel("整改要求").fill("完善前期论证程序，严格控制概算调整");
  await page.getByLabel("整改期限").fill("2022-12-31");
  await expect(page.getByTestId("live-total")).toContainText("合计 98.00 分，等级 优");
  // The conclusion is required to submit.
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("提交前须填写评价结论")).toBeVisible();
  await page.getByLabel("评价结论").fill("项目总体完成年度目标，前期论证存在不足。");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("待审核").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "提交审核" })).toHaveCount(0);
  await expect(page.getByText("项目前期论证不充分，概算调整较大")).toBeVisible();

  // Finance returns it: a reason is required.
  await switchTo(page, "finance_admin");
  await openEvaluation(page, projectName);
  const review = page.getByRole("form", { name: "审核重点评价" });
  await review.getByRole("button", { name: "退回修改" }).click();
  await expect(review.getByText("退回时必须填写退回意见")).toBeVisible();
  await review.getByLabel("审核意见").fill("扣分依据未写明对应的佐证材料，请补充。");
  await review.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByText("已退回").first()).toBeVisible();

  // The reviewer sees why, fixes the note and resubmits.
  await switchTo(page, "finance_reviewer");
  await openEvaluation(page, projectName);
  await expect(
    page.getByRole("main").getByText("扣分依据未写明对应的佐证材料，请补充。").first(),
  ).toBeVisible();
  await page
    .locator('textarea[name="note"]')
    .first()
    .fill("可行性研究报告未论证建设规模，见佐证材料 3，扣 2 分");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("button", { name: "提交审核" })).toHaveCount(0);

  // Finance approves: the evaluation is complete with its score and grade.
  await switchTo(page, "finance_admin");
  await openEvaluation(page, projectName);
  await page.getByRole("form", { name: "审核重点评价" }).getByRole("button", { name: "审核通过" }).click();
  await expect(page.getByRole("form", { name: "审核重点评价" })).toHaveCount(0);
  await expect(page.getByText("已完成").first()).toBeVisible();
  await expect(page.getByText("98.00").first()).toBeVisible();
  await expect(page.getByText("优", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("见佐证材料 3，扣 2 分")).toBeVisible();

  // The list exports with Chinese headers and amounts in 万元.
  await page.goto("/key-evaluations?year=2021&status=SETTLED");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain("全年预算数（万元）");
  expect(header).toContain("评价等级");
  const names = sheet.getColumn(2).values.slice(2);
  expect(names).toContain(projectName);
});

test("an indicator-system edit that leaves 产出+效益 under 60% is refused with the share", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "评价指标体系" }).click();
  await page.getByLabel("年度", { exact: true }).selectOption("2022");
  await page.getByRole("button", { name: "查看" }).click();
  await page.getByRole("link", { name: "PPP项目绩效评价指标体系" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("PPP项目绩效评价指标体系");
  // Every 产出 and 效益 line becomes a 决策 line: the total stays 100, the share falls to 0.
  const selects = page.locator('select[name="level1"]');
  const count = await selects.count();
  for (let i = 0; i < count; i++) {
    const s = selects.nth(i);
    if (["OUTPUT", "EFFECT"].includes(await s.inputValue())) await s.selectOption("DECISION");
  }
  await expect(page.getByTestId("template-sums")).toContainText("0.00%");
  await page.getByRole("button", { name: "保存指标体系" }).click();
  await expect(page.getByTestId("template-page-errors")).toContainText(
    "产出和效益指标合计占 0.00%，不能低于 60%",
  );
  // Nothing was saved.
  await page.reload();
  await expect(page.getByTestId("template-sums")).toContainText("产出+效益占比60.00%");
});

test("a department reads its own settled key evaluation and not another department's", async ({ page }) => {
  // Finance notes where two of the seeded 2020 evaluations live.
  await signIn(page, "finance_admin");
  await page.goto("/key-evaluations?year=2020");
  const own = page.getByRole("link", { name: "2020年区职业教育中心实训楼工程", exact: true });
  const other = page.getByRole("link", { name: "2020年驿亭卫生院迁建工程", exact: true });
  const ownHref = (await own.getAttribute("href"))!;
  const otherHref = (await other.getAttribute("href"))!;

  // 区教育局's approver sees its own result and findings, read-only, with no review history.
  await switchTo(page, "approver_d01");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "财政重点评价" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: "2020年区职业教育中心实训楼工程", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${ownHref}$`));
  await expect(page.getByText("已完成").first()).toBeVisible();
  await expect(page.getByTestId("findings-list")).toContainText("整改要求");
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByText("办理记录")).toHaveCount(0);
  // 区卫生健康局's evaluation is not found for it.
  await page.goto(otherHref);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});
