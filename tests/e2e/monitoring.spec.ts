import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

const reportStatus = (page: Page) => page.getByTestId("report-status");

async function as(page: Page, username: string, url?: string) {
  await page.context().clearCookies();
  await signIn(page, username);
  if (url) await page.goto(url);
}

test("finance opens a round; a unit files a lagging report and sees red; a correction notice is answered and closed", async ({
  page,
}) => {
  const roundName = `2020年1–9月绩效运行监控（区科技局）${Date.now() % 100000}`;

  // 财政: open a round for 区科技局, January to September.
  await signIn(page, "finance_admin");
  await page.getByRole("link", { name: "事中监控", exact: true }).click();
  await expect(page.getByRole("heading", { name: "事中监控" })).toBeVisible();
  await page.getByRole("link", { name: "开启监控轮次" }).first().click();
  await page.getByLabel("年度").selectOption("2020");
  await page.getByLabel("监控期间").selectOption({ label: "1–9 月" });
  await page.getByLabel("轮次名称").fill(roundName);
  await page.getByLabel("报送截止日期").fill("2020-10-31");
  await page.getByLabel("指定部门").check();
  await page.getByRole("button", { name: "开启轮次" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请至少选择一个部门" })).toBeVisible();
  await page.getByRole("checkbox", { name: "区科技局", exact: true }).check();
  await page.getByRole("button", { name: "开启轮次" }).click();
  await expect(page.getByRole("heading", { name: roundName })).toBeVisible();
  await expect(page.getByRole("table", { name: "填报进度（按部门）" })).toContainText("区科技局");

  // 单位: file a report of the round with execution far behind time.
  await as(page, "dept_filer", "/monitoring");
  await page.getByRole("link", { name: roundName }).click();
  await expect(page.getByRole("heading", { name: roundName })).toBeVisible();
  // A project the treasury has paid for: the form is pre-filled from the imported payments.
  await page.getByRole("row").filter({ hasText: "2020-D03-0009" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/monitoring\/reports\/[0-9a-f-]{36}$/);
  const reportUrl = page.url();
  await expect(reportStatus(page)).toHaveText("未填报");
  await expect(page.getByText(/已按国库支付数据（截至 2020-09-30）预填/)).toBeVisible();
  await expect(page.getByLabel("本年财政拨款（元）")).toHaveValue(/^[1-9]\d*\.\d{2}$/);
  await page.getByLabel("本年财政拨款（元）").fill("1000");
  await page.getByLabel("上年结转（元）").fill("0");
  await page.getByLabel("其他资金（元）").fill("0");
  const progress = page.getByRole("form", { name: "填报监控表" }).getByLabel(/截至期末完成$/);
  const n = await progress.count();
  expect(n).toBeGreaterThan(0);
  // Submitting with a figure unlike the treasury's and no progress is refused on each field.
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("与国库支付数据不一致，请说明原因")).toBeVisible();
  await expect(page.getByText("请填写该指标的进度").first()).toBeVisible();
  await expect(page.getByText("此项为必填项")).toBeVisible();
  await expect(page.getByLabel("本年财政拨款（元）")).toHaveValue("1000");
  await page.getByLabel("与支付数据不一致的原因").fill("部分合同款已报账尚未支付");
  for (let i = 0; i < n; i++) await progress.nth(i).fill("1");
  await page.getByRole("radio", { name: "完全不可能" }).check();
  await page.getByRole("checkbox", { name: "经费保障" }).check();
  await page.getByLabel("纠偏措施").fill("申请调整实施计划，第四季度集中支付");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(reportStatus(page)).toHaveText("待部门审核");
  await expect(page.getByTestId("warning-colour")).toHaveText("红色预警");
  await expect(page.getByText("偏离超过 20%").first()).toBeVisible();

  // Another department's filer cannot open it.
  await as(page, "dept_filer2", reportUrl);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();

  // 财政: a correction notice with a due date.
  await as(page, "finance_admin", reportUrl);
  await expect(page.getByTestId("warning-colour")).toHaveText("红色预警");
  await page
    .getByRole("textbox", { name: "处理意见", exact: true })
    .fill("预算执行严重滞后，请于10月15日前提出纠偏措施并加快支付。");
  await page.getByRole("button", { name: "下达", exact: true }).click();
  await expect(page.getByLabel("整改期限").locator("..").getByRole("alert")).toHaveText("此项为必填项");
  await page.getByLabel("整改期限").fill("2020-10-15");
  await page.getByRole("button", { name: "下达", exact: true }).click();
  const notice = page.getByTestId("notice");
  await expect(notice).toContainText("纠偏通知");
  await expect(notice).toContainText("待答复");

  // 单位: answers it.
  await as(page, "dept_filer", reportUrl);
  await expect(notice).toContainText("纠偏通知");
  await notice
    .getByRole("textbox", { name: "答复", exact: true })
    .fill("已召开专题会议，10月已支付合同进度款 120 万元。");
  await notice.getByRole("button", { name: "提交答复" }).click();
  await expect(notice).toContainText("已答复");

  // 财政: closes it; the project page shows the round and the closed notice.
  await as(page, "finance_admin", reportUrl);
  await notice.getByLabel("办结意见").fill("措施可行，予以办结");
  await notice.getByRole("button", { name: "办结" }).click();
  await expect(notice).toContainText("已办结");
  await page.getByRole("link", { name: /查看项目/ }).click();
  const section = page.getByRole("table", { name: "事中监控" });
  await expect(section).toContainText(roundName);
  await expect(section).toContainText("红色预警");
});

test("finance filters the warning overview to red and exports exactly that list to .xlsx", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  // The seeded 2020 round's overview (another test may be opening a newer, empty round meanwhile).
  await page.goto("/monitoring");
  const roundHref = await page
    .getByRole("link", { name: "2020年1–7月绩效运行监控" })
    .first()
    .getAttribute("href");
  const roundId = roundHref!.match(/[0-9a-f-]{36}/)![0];
  await page.goto(`/monitoring/warnings?round=${roundId}`);
  await expect(page.getByRole("heading", { name: "预警总览" })).toBeVisible();
  const red = Number(await page.locator("a", { hasText: "红色预警" }).first().locator(".num").innerText());
  expect(red).toBeGreaterThan(0);
  await page.getByLabel("预警", { exact: true }).selectOption({ label: "红色预警" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("page-status")).toContainText(`共 ${red.toLocaleString("en-US")} 条`);
  await expect(page.locator("tbody").last().getByText("绿色", { exact: true })).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("绩效监控预警-2020-7.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(10).value).toBe("预警");
  expect(sheet.rowCount - 1).toBe(red);
  for (let r = 2; r <= sheet.rowCount; r++) expect(sheet.getRow(r).getCell(10).value).toBe("红色预警");
});

test("finance imports treasury payments: a bad row blocks the file, a good file is previewed then imported", async ({
  page,
}) => {
  const csv = (rows: string[]) => ({
    name: "支付明细.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`项目编码,支付日期,支付金额,资金来源\n${rows.join("\n")}\n`),
  });
  await signIn(page, "finance_admin");
  await page.goto("/monitoring/payments");
  await page.getByLabel("年度").selectOption("2021");
  const file = page.getByLabel("文件");

  await file.setInputFiles(
    csv(["2021-D01-0001,2021-03-15,120000.00,本年财政拨款", "2021-D01-0002,2021-13-01,5000,上年结转"]),
  );
  await page.getByRole("button", { name: "预览检查" }).click();
  await expect(page.getByText("文件中有错误的行，未导入任何数据")).toBeVisible();
  await expect(page.getByTestId("import-error")).toHaveCount(1);
  await expect(page.getByTestId("import-error")).toContainText("第 3 行");
  await expect(page.getByTestId("import-error")).toContainText("支付日期格式不正确");
  await expect(page.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

  await file.setInputFiles(
    csv(["2021-D01-0001,2021-03-15,120000.00,本年财政拨款", "2021-D01-0002,2021/6/30,5000,上年结转"]),
  );
  await page.getByRole("button", { name: "预览检查" }).click();
  await expect(page.getByText("检查通过：共 2 行，涉及 2 个项目，合计 12.50 万元")).toBeVisible();
  await page.getByRole("button", { name: "确认导入 2 行" }).click();
  await expect(page.getByText("已导入 2 行，涉及 2 个项目，合计 12.50 万元")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "支付明细.csv" })).toContainText("12.50");
});
