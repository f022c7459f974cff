import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

// 集中抽评 through the browser, each step by its role: finance draws a small batch of 2020 projects,
// forms two groups and starts; the reviewer of the first group re-scores a project and settles it;
// finance publishes the feedback to its department; the department's approver reads and acknowledges
// it, and another department does not find it. The batch name is unique to the run.

async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** The department approver's account of a department code (区科技局 D03 has the demo account). */
const approverOf = (code: string) => (code === "D03" ? "dept_approver" : `approver_${code.toLowerCase()}`);

async function settle(page: Page, batchName: string, projectName: string, opinion: string) {
  await page.goto("/sampling");
  await page.locator("section", { hasText: batchName }).getByRole("link", { name: projectName }).click();
  await expect(page).toHaveURL(/\/sampling\/evaluations\/[0-9a-f-]{36}$/);
  const first = page.getByLabel(/的抽评得分$/).first();
  const unit = Number(await first.inputValue());
  await first.fill(String(Math.max(0, unit - 1)));
  await page
    .getByLabel(/的评分意见$/)
    .first()
    .fill("佐证材料不足，扣 1 分");
  await page.getByLabel("抽评组总体意见").fill(opinion);
  await page.getByRole("button", { name: "确认抽评得分" }).click();
  // Settled: the sheet turns read-only and shows the group's figures.
  await expect(page.getByRole("button", { name: "确认抽评得分" })).toHaveCount(0);
  await expect(page.getByText(opinion)).toBeVisible();
  await expect(page.getByText("佐证材料不足，扣 1 分")).toBeVisible();
}

/**
 * Two members of a group save the same sheet: the one who saved second is told someone else changed it,
 * and keeps what they typed; the first one's save stands.
 */
async function concurrentSaves(page: Page, browser: Browser, sheetUrl: string) {
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "expert_01");
  await other.goto(sheetUrl);
  await page.goto(sheetUrl);
  await other
    .getByLabel(/的评分意见$/)
    .first()
    .fill("专家意见：完成值有据");
  await other.getByRole("button", { name: "保存", exact: true }).click();
  await expect(other.getByText("已保存")).toBeVisible();
  await page
    .getByLabel(/的评分意见$/)
    .first()
    .fill("审核员意见：需补充材料");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("该记录已被他人修改，请刷新后重试")).toBeVisible();
  await expect(page.getByLabel(/的评分意见$/).first()).toHaveValue("审核员意见：需补充材料");
  await page.reload();
  await expect(page.getByLabel(/的评分意见$/).first()).toHaveValue("专家意见：完成值有据");
  await other.context().close();
}

test("finance draws and starts a batch, a reviewer settles a score, the department acknowledges the feedback", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const batchName = `e2e抽评批次 ${Date.now()}`;

  // Finance: draw two projects into two groups.
  await signIn(page, "finance_admin");
  await page.goto("/sampling?year=2020");
  await page.getByRole("button", { name: "抽取" }).click();
  await expect(page.getByText("此项为必填项").first()).toBeVisible();
  await page.getByLabel("批次名称").fill(batchName);
  await page.getByLabel("抽取数量").fill("2");
  await page.getByLabel("抽评组数").fill("2");
  await page.getByLabel("随机种子").fill("20211322");
  // 2020's red monitoring warnings alone outnumber two places: refused on the size, nothing drawn.
  await page.getByRole("button", { name: "抽取" }).click();
  await expect(page.locator("#batch-size-error")).toContainText("超过了抽取数量");
  await page.getByLabel("事中监控红色预警项目必选").uncheck();
  await page.getByRole("button", { name: "抽取" }).click();
  await expect(page).toHaveURL(/\/sampling\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: batchName })).toBeVisible();
  const batchUrl = page.url();

  const group1 = page.getByRole("form", { name: "第1组成员" });
  await group1.getByLabel("陈建国（finance_reviewer）").check();
  await group1.getByLabel("（expert_01）").check();
  await group1.getByLabel("组长").selectOption({ label: "陈建国（finance_reviewer）" });
  await group1.getByRole("button", { name: "保存成员" }).click();
  await expect(group1.getByText("已保存本组成员")).toBeVisible();
  const group2 = page.getByRole("form", { name: "第2组成员" });
  await group2.getByLabel("reviewer_ys").check();
  await group2.getByLabel("组长").selectOption({ index: 1 });
  await group2.getByRole("button", { name: "保存成员" }).click();
  await expect(group2.getByText("已保存本组成员")).toBeVisible();
  await page.getByRole("button", { name: "启动抽评" }).click();
  await expect(page.getByText("抽评中").first()).toBeVisible();

  // What was drawn: each row's group, code, project and department.
  const rows = page.getByRole("table", { name: "抽评项目" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  const drawn = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "");
      const link = tr.querySelector("a");
      return {
        code: cells[0]!,
        name: link?.textContent?.trim() ?? "",
        href: link?.getAttribute("href") ?? "",
        department: cells[2]!,
        group: cells[6]!,
      };
    }),
  );
  const mine = drawn.find((r) => r.group === "第1组")!;
  const other = drawn.find((r) => r.group === "第2组")!;
  expect(mine.href).toMatch(/^\/sampling\/evaluations\//);
  const deptCode = mine.code.split("-")[1]!;

  // The first group's reviewer sees and settles their project; the other group's sheet is not theirs.
  await switchTo(page, "finance_reviewer");
  await concurrentSaves(page, browser, mine.href);
  await settle(page, batchName, mine.name, "经核查，自评基本客观，个别指标佐证不足。");
  await page.goto(other.href);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();

  // The feedback waits for every sampled project of the department to be settled.
  if (other.department === mine.department) {
    await switchTo(page, "reviewer_ys");
    await settle(page, batchName, other.name, "经核查，自评偏高。");
  }

  // Finance writes and publishes the feedback to that department.
  await switchTo(page, "finance_admin");
  await page.goto(batchUrl);
  await expect(page.getByRole("table", { name: "抽评项目" }).getByText("已确认").first()).toBeVisible();

  // The list goes to Excel with why each project was drawn, its group and both scores.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).first().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  expect(header).toEqual(expect.arrayContaining(["项目编码", "入选原因", "抽评组", "自评得分", "抽评得分"]));
  expect(sheet.rowCount).toBe(3);
  const col = (name: string) => header.indexOf(name) + 1;
  const settledRow = [2, 3]
    .map((i) => sheet.getRow(i))
    .find((r) => r.getCell(col("项目编码")).text === mine.code)!;
  expect(settledRow.getCell(col("入选原因")).text).toBe("分层随机");
  expect(settledRow.getCell(col("抽评组")).text).toBe("第1组");
  expect(Number(settledRow.getCell(col("抽评得分")).value)).toBeGreaterThan(0);
  expect(settledRow.getCell(col("差距（自评−抽评）")).value).not.toBeNull();
  await page.getByRole("link", { name: `${mine.department}的反馈意见` }).click();
  await expect(page.getByRole("heading", { name: "2020 年度项目支出绩效集中抽评反馈意见" })).toBeVisible();
  await page.getByLabel("发现的问题").fill("部分绩效指标佐证材料不完整，自评得分偏高。");
  await page.getByLabel("整改要求").fill("完善佐证材料，如实开展自评，9 月底前报送整改情况。");
  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByTestId("feedback-state")).toHaveText("待部门签收");
  const feedbackUrl = page.url();

  // The department's approver finds it on the dashboard, reads it and acknowledges it.
  await switchTo(page, approverOf(deptCode));
  await expect(page.getByTestId("feedback-received")).toContainText(batchName);
  await page.goto("/sampling/feedback");
  await page.getByRole("link", { name: batchName }).click();
  await expect(page).toHaveURL(feedbackUrl);
  await expect(page.getByText("部分绩效指标佐证材料不完整，自评得分偏高。")).toBeVisible();
  await expect(page.getByText(mine.name)).toBeVisible();
  await page.getByRole("button", { name: "签收" }).click();
  await expect(page.getByTestId("feedback-state")).toContainText("已于");
  await expect(page.getByRole("button", { name: "签收" })).toHaveCount(0);

  // Another department does not find it.
  await switchTo(page, deptCode === "D01" ? "dept_filer" : "dept_filer2");
  await page.goto(feedbackUrl);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});
