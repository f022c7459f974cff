import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

const PDF = fs.readFileSync(path.resolve("tests/fixtures/attachments/evidence.pdf"));
const status = (page: Page) => page.getByTestId("evaluation-status");
const liveTotal = async (page: Page) => Number(await page.getByTestId("live-total").textContent());
const pointsCell = (page: Page, row: number) => page.locator(`#line-${row}-points`);

/** A received 2020 self-evaluation of dept_filer's unit: its page address. */
async function receivedOfFiler(page: Page): Promise<string> {
  await page.goto("/self-evaluations?year=2020&status=RECEIVED");
  const href = await page
    .getByRole("table", { name: "单位自评列表" })
    .locator('tbody tr a[href^="/self-evaluations/"]')
    .first()
    .getAttribute("href");
  expect(href).toMatch(/^\/self-evaluations\/[0-9a-f-]{36}$/);
  return href!;
}

test("a unit refills a returned self-evaluation with the total following its typing; department and finance take it", async ({
  page,
}) => {
  await signIn(page, "dept_filer");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "单位自评" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "单位自评" })).toBeVisible();
  const url = await receivedOfFiler(page);

  // Finance sends it back with a reason.
  await page.context().clearCookies();
  await signIn(page, "finance_admin");
  await page.goto(url);
  await expect(status(page)).toHaveText("财政已接收");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.locator("#review-comment-error")).toContainText("退回时必须填写退回意见");
  await page.getByLabel("审核意见").fill("请补充第一项指标的偏差原因");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(status(page)).toHaveText("已退回");

  // The unit sees why, and the form.
  await page.context().clearCookies();
  await signIn(page, "dept_filer");
  await page.goto(url);
  await expect(page.getByText("已退回：请补充第一项指标的偏差原因")).toBeVisible();
  const before = await liveTotal(page);
  const max = Number(await page.locator("tbody tr").first().locator("td").nth(3).textContent());
  // Points above the indicator's points are flagged on the cell as they are typed.
  await pointsCell(page, 0).fill(String(max + 5));
  await expect(page.locator("#line-0-points-error")).toContainText(`得分不能超过分值 ${max.toFixed(2)}`);
  await pointsCell(page, 0).fill("0");
  await expect(page.locator("#line-0-points-error")).toHaveCount(0);
  // The total drops by what the first line had, at once, and the grade follows it.
  const dropped = await liveTotal(page);
  expect(dropped).toBeLessThan(before);
  await expect(page.getByText("有未保存的修改")).toBeVisible();
  // Following a link inside the app asks first; declining keeps the page and what was typed.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("有未保存的修改");
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作台" }).click();
  await expect(page).toHaveURL(url);
  await expect(pointsCell(page, 0)).toHaveValue("0");
  await pointsCell(page, 0).fill(String(max));
  await expect(page.getByTestId("live-total")).not.toHaveText(dropped.toFixed(2));
  const full = await liveTotal(page);
  expect(full).toBeGreaterThanOrEqual(before);
  await expect(page.getByTestId("live-grade")).toHaveText(
    full >= 90 ? "优" : full >= 80 ? "良" : full >= 60 ? "中" : "差",
  );

  // Enter moves to the next row's points.
  await pointsCell(page, 0).press("Enter");
  await expect(pointsCell(page, 1)).toBeFocused();
  await page.locator("#line-0-note").fill("受疫情影响，部分培训改为线上，已按计划完成。");

  // Evidence goes with it.
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "自评佐证.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByText("已上传：自评佐证.pdf")).toBeVisible();

  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存")).toBeVisible();
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(status(page)).toHaveText("待部门审核");
  await expect(page.getByTestId("stored-total")).toHaveText(full.toFixed(2));

  await page.context().clearCookies();
  await signIn(page, "dept_approver");
  await page.goto(url);
  await page.getByRole("button", { name: "审核通过" }).click();
  await expect(status(page)).toHaveText("待财政接收");

  await page.context().clearCookies();
  await signIn(page, "finance_admin");
  await page.goto(url);
  await expect(
    page.getByRole("cell", { name: "受疫情影响，部分培训改为线上，已按计划完成。" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "财政接收" }).click();
  await expect(status(page)).toHaveText("财政已接收");
});

test("finance sees coverage by department and exports the list; another department's filer gets not found", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  await page.goto("/self-evaluations?year=2020");
  await expect(page.getByTestId("round-info")).toContainText("2020 年度项目单位自评已开启");
  const coverage = page.getByRole("table", { name: "2020 年度各部门自评覆盖情况" });
  await expect(coverage.getByRole("row", { name: /区科技局/ })).toBeVisible();
  await expect(page.getByTestId("coverage-headline")).toContainText(/已提交 \d+ \/ 1317 个项目/);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^单位自评-2020-\d{8}\.xlsx$/);

  await page.context().clearCookies();
  await signIn(page, "dept_filer");
  const url = await receivedOfFiler(page);
  await page.context().clearCookies();
  await signIn(page, "dept_filer2");
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});

test("the leader reads self-evaluations without any form; experts, agencies and administrators get not found", async ({
  page,
}) => {
  await signIn(page, "leader");
  await page.goto("/self-evaluations?year=2020");
  await expect(page.getByRole("heading", { level: 1, name: "单位自评" })).toBeVisible();
  await page.getByRole("table", { name: "单位自评列表" }).locator("tbody tr a").first().click();
  await expect(page.getByTestId("stored-total")).toBeVisible();
  await expect(page.getByRole("button", { name: "提交" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "退回修改" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "开启自评" })).toHaveCount(0);

  for (const username of ["expert", "agency", "sysadmin", "auditor"]) {
    await page.context().clearCookies();
    await signIn(page, username);
    await expect(
      page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "单位自评" }),
    ).toHaveCount(0);
    await page.goto("/self-evaluations");
    await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
    const response = await page.request.get("/self-evaluations/export?year=2020");
    expect(response.status()).toBe(404);
  }
});

test("a unit fills its self-evaluation in the downloaded .xlsx template; a wrong row refuses the whole file", async ({
  page,
}) => {
  // Finance sends one of the unit's received self-evaluations back (the last, so the other tests keep theirs).
  await signIn(page, "dept_filer");
  await page.goto("/self-evaluations?year=2020&status=RECEIVED");
  const links = page
    .getByRole("table", { name: "单位自评列表" })
    .locator('tbody tr a[href^="/self-evaluations/"]');
  const url = (await links.last().getAttribute("href"))!;
  const code = (
    await page
      .getByRole("table", { name: "单位自评列表" })
      .locator("tbody tr")
      .last()
      .locator("td")
      .first()
      .innerText()
  ).trim();
  await page.context().clearCookies();
  await signIn(page, "finance_admin");
  await page.goto(url);
  await page.getByLabel("审核意见").fill("请按模板重新填报");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(status(page)).toHaveText("已退回");

  await page.context().clearCookies();
  await signIn(page, "dept_filer");
  await page.goto("/self-evaluations?year=2020");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载导入模板" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^单位自评导入模板-2020-\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const [scores, budget] = workbook.worksheets;
  expect(scores!.name).toBe("指标得分");
  expect(budget!.name).toBe("预算执行");
  // Keep this project's rows only (a unit may send back part of its template).
  for (const sheet of [scores!, budget!])
    for (let n = sheet.rowCount; n > 1; n--)
      if (String(sheet.getRow(n).getCell(1).value) !== code) sheet.spliceRows(n, 1);
  const lines: ExcelJS.Row[] = [];
  scores!.eachRow((row, n) => n > 1 && lines.push(row));
  expect(lines.length).toBeGreaterThan(0);
  for (const row of lines) {
    row.getCell(9).value = "按模板填报";
    row.getCell(10).value = Number(row.getCell(8).value);
  }
  lines[0]!.getCell(10).value = Number(lines[0]!.getCell(8).value) + 1;
  const file = async () => ({
    name: "自评导入.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });

  await page.getByLabel("填好的模板文件").setInputFiles(await file());
  await page.getByRole("button", { name: "导入", exact: true }).click();
  const errors = page.getByRole("list", { name: "导入错误明细" });
  await expect(errors).toContainText("“指标得分”表第 2 行");
  await expect(errors).toContainText("超过该指标分值");

  lines[0]!.getCell(10).value = Number(lines[0]!.getCell(8).value);
  await page.getByLabel("填好的模板文件").setInputFiles(await file());
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByText(/已导入 1 份自评、\d+ 项指标/)).toBeVisible();

  await page.goto(url);
  await expect(page.locator("#line-0-actualValue")).toHaveValue("按模板填报");
  await expect(page.getByTestId("live-total")).toBeVisible();
});
