import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

const status = (page: Page) => page.getByTestId("evaluation-status");

/** Every indicator's points input with the indicator's maximum (read from its row). */
async function sheetRows(page: Page) {
  const inputs = page.locator('input[name="points"]');
  const n = await inputs.count();
  expect(n).toBeGreaterThan(0);
  const rows: { input: ReturnType<Page["locator"]>; max: number }[] = [];
  for (let i = 0; i < n; i++) {
    const input = inputs.nth(i);
    const max = Number(await input.locator("xpath=ancestor::tr[1]").locator("td").nth(1).textContent());
    rows.push({ input, max });
  }
  return rows;
}

/** Open a subject's evaluation of a year from the list. */
async function openFromList(page: Page, path: string, year: number, subject: string) {
  await page.goto(`${path}?year=${year}`);
  await page.getByRole("table").getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${subject} · ${year} 年度`);
}

test("区科技局's approver fills the 2021 department-wide self-evaluation: a blank line is refused, then it is submitted", async ({
  page,
}) => {
  await signIn(page, "dept_approver");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "部门整体评价" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "部门整体绩效评价" })).toBeVisible();
  await openFromList(page, "/dept-evaluations", 2021, "区科技局");
  await expect(status(page)).toHaveText("待自评");
  // The department's budget execution is shown with the sheet.
  await expect(page.getByTestId("execution")).toContainText("预算执行率");
  await expect(page.getByTestId("execution")).toContainText("万元");

  const rows = await sheetRows(page);
  // Everything but the third line, each a point short where it can be.
  let expected = 0;
  for (const [i, r] of rows.entries()) {
    if (i === 2) continue;
    const v = r.max >= 5 ? r.max - 1 : r.max;
    expected += v;
    await r.input.fill(String(v));
  }
  await page
    .getByLabel("部门整体自评报告")
    .fill(
      "区科技局根据部门职责设置整体绩效目标，将预算执行情况报告和绩效自评合一开展整体自评，重点工作任务基本完成。",
    );
  await page.getByLabel("预算执行情况说明").fill("全年预算执行率较高，结转资金主要为跨年度科技项目后补助。");
  await page.getByRole("button", { name: "提交整体自评" }).click();
  await expect(page.getByText("还不能提交，请检查标红的字段")).toBeVisible();
  await expect(rows[2]!.input).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("提交前须为每项指标评分")).toBeVisible();
  await expect(status(page)).toHaveText("待自评");

  // What was typed is still there; the missing line is filled and it goes to finance.
  await expect(page.getByLabel("预算执行情况说明")).toHaveValue(/跨年度科技项目/);
  await rows[2]!.input.fill(String(rows[2]!.max));
  expected += rows[2]!.max;
  await expect(page.getByTestId("live-total")).toContainText(`合计 ${expected.toFixed(2)} 分`);
  await page.getByRole("button", { name: "提交整体自评" }).click();
  await expect(status(page)).toHaveText("待实地评价");
  await expect(page.getByTestId("totals")).toContainText(expected.toFixed(2));
  await expect(page.getByTestId("engagement")).toContainText("尚未委托第三方");
  await expect(page.getByText("跨年度科技项目后补助")).toBeVisible();
});

test("a 人大 leader records a review opinion on the settled 2020 区科技局 evaluation", async ({ page }) => {
  await signIn(page, "leader");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "部门整体评价" }).click();
  // The list exports to Excel with both totals, the grade, the agency and the number of opinions.
  await page.goto("/dept-evaluations?year=2020");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).click();
  const file = await (await downloading).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(
    expect.arrayContaining(["评价对象", "自评得分", "评价得分", "评价等级", "实地评价机构", "审议意见数"]),
  );
  const col = (name: string) => header.indexOf(name) + 1;
  const row = [2, 3]
    .map((r) => sheet.getRow(r))
    .find((r) => r.getCell(col("评价对象")).value === "区科技局")!;
  expect(Number(row.getCell(col("自评得分")).value)).toBeGreaterThan(
    Number(row.getCell(col("评价得分")).value),
  );
  expect(row.getCell(col("评价等级")).value).toBe("良");
  expect(Number(row.getCell(col("审议意见数")).value)).toBeGreaterThanOrEqual(1);
  await openFromList(page, "/dept-evaluations", 2020, "区科技局");
  await expect(status(page)).toHaveText("已完成");
  // Self and field evaluation totals side by side, and the seeded opinion.
  const totals = page.getByTestId("totals");
  await expect(totals).toContainText("自评得分");
  await expect(totals).toContainText("实地评价得分");
  const opinions = page.getByRole("list", { name: "人大审议意见" });
  await expect(opinions).toContainText("区人大常委会审议了区科技局");

  await page.getByRole("button", { name: "记录审议意见" }).click();
  await expect(page.locator("#opinion-body-error")).toContainText("此项为必填项");
  const body = "区人大常委会第三十六次会议审议：要求区科技局于 2021 年 12 月底前报告整改落实情况。";
  await page.locator("#opinion-body").fill(body);
  await page.getByRole("button", { name: "记录审议意见" }).click();
  await expect(page.getByText("审议意见已记录")).toBeVisible();
  await expect(opinions.getByText(body)).toBeVisible();
  await expect(opinions.getByRole("listitem").last()).toContainText("孙志红");

  // The department reads it too.
  const url = page.url();
  await page.context().clearCookies();
  await signIn(page, "dept_approver");
  await page.goto(url);
  await expect(page.getByRole("list", { name: "人大审议意见" }).getByText(body)).toBeVisible();
  await expect(page.getByRole("button", { name: "记录审议意见" })).toHaveCount(0);

  // A leader of 区委区政府 reads the opinions too, and is told that 人大 records them.
  await page.context().clearCookies();
  await signIn(page, "leader_gov");
  await page.goto(url);
  await expect(page.getByRole("list", { name: "人大审议意见" }).getByText(body)).toBeVisible();
  await expect(page.getByRole("button", { name: "记录审议意见" })).toHaveCount(0);
  await expect(page.locator("#main").getByText("审议意见由区人大录入，此处仅供查阅。")).toBeVisible();
});

test("下管镇 submits its 2021 township evaluation; finance returns it, then settles it after resubmission", async ({
  page,
}) => {
  await signIn(page, "filer_t01");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "乡镇财政评价" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "乡镇财政运行综合绩效评价" })).toBeVisible();
  await openFromList(page, "/township-evaluations", 2021, "下管镇");
  await expect(status(page)).toHaveText("待自评");
  for (const r of await sheetRows(page)) await r.input.fill(String(r.max));
  await page
    .getByLabel("乡镇财政运行自评报告")
    .fill("2021 年下管镇财政运行平稳，民生支出占比稳定，债务风险可控。");
  await page.getByRole("button", { name: "提交自评" }).click();
  await expect(status(page)).toHaveText("待财政评分");
  const url = page.url();

  // Finance sends it back with a reason.
  await page.context().clearCookies();
  await signIn(page, "finance_admin");
  await page.goto(url);
  await expect(status(page)).toHaveText("待财政评分");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.locator("#return-comment-error")).toContainText("退回时必须填写退回意见");
  await page.getByLabel("退回原因").fill("请补充隐性债务化解进度的佐证说明");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(status(page)).toHaveText("已退回");

  // The township sees why, corrects and submits again.
  await page.context().clearCookies();
  await signIn(page, "filer_t01");
  await page.goto(url);
  await expect(page.getByText("已退回：请补充隐性债务化解进度的佐证说明")).toBeVisible();
  await page
    .getByLabel("乡镇财政运行自评报告")
    .fill("2021 年下管镇财政运行平稳；隐性债务已按化解计划完成年度任务。");
  await page.getByRole("button", { name: "提交自评" }).click();
  await expect(status(page)).toHaveText("待财政评分");

  // Finance scores beside the township's own points and settles it.
  await page.context().clearCookies();
  await signIn(page, "finance_admin");
  await page.goto(url);
  const rows = await sheetRows(page);
  let total = 0;
  for (const [i, r] of rows.entries()) {
    const v = i < 6 ? r.max - 2 : r.max;
    total += v;
    await r.input.fill(String(v));
  }
  await page.getByRole("button", { name: "添加问题" }).click();
  await page.locator("#finding-problem-new-0").fill("村级资产台账更新不及时");
  await page.locator("#finding-requirement-new-0").fill("年底前完成资产清查");
  await page.getByLabel("财政评价意见").fill("财政运行总体平稳，资产管理基础工作需加强。");
  await page.getByRole("button", { name: "评定并完成" }).click();
  await expect(status(page)).toHaveText("已完成");
  const totals = page.getByTestId("totals");
  await expect(totals).toContainText(total.toFixed(2));
  await expect(totals).toContainText("100.00");
  await expect(totals).toContainText("良");
  await expect(page.getByText("村级资产台账更新不及时")).toBeVisible();
});

test("another department, another township and an agency reach neither evaluation by its address", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  await openFromList(page, "/dept-evaluations", 2020, "区科技局");
  const dept = new URL(page.url()).pathname;
  await openFromList(page, "/township-evaluations", 2020, "下管镇");
  const township = new URL(page.url()).pathname;
  const notFound = async (username: string, paths: string[]) => {
    await page.context().clearCookies();
    await signIn(page, username);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
      await expect(page.locator("#main")).not.toContainText("区人大常委会审议");
    }
  };
  // 区金融办's approver, a township's filer other than 下管镇's, and the demo agency.
  await notFound("approver_d04", [dept, township]);
  await notFound("filer_t02", [dept, township]);
  await notFound("agency", [dept, township]);
  // 区科技局's own approver reads its own.
  await page.context().clearCookies();
  await signIn(page, "dept_approver");
  await page.goto(dept);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("区科技局 · 2020 年度");
});
