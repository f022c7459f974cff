import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

// 从 Excel 导入指标 as the unit's filer: a file with a bad row fills nothing and names the row; a good
// file previews, replaces the editor's rows, and the sheet is saved as usual.

const HEADERS = ["一级指标", "二级指标", "三级指标", "符号", "指标值", "计量单位", "分值"];
const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("单位填报员从 Excel 导入绩效指标：错误行不填入并指明行号，正确文件预览后替换并保存", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await signIn(page, "dept_filer");
  // The draft target sheet waiting in the to-dos.
  await page.getByTestId("work-todos").locator("li[data-kind=TARGETS]").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/targets\/[0-9a-f-]{36}$/);
  const url = page.url();
  await page.getByText("从 Excel 导入指标").click();
  const box = page.getByTestId("indicator-import");
  const file = box.getByLabel("填好的指标模板（.xlsx）");

  await file.setInputFiles({
    name: "指标.xlsx",
    mimeType: MIME,
    buffer: await xlsx([
      ["产出指标", "数量指标", "举办科普讲座场次", "≥", 12, "场", 20],
      ["满意度指标", "数量指标", "", "≥", 90, "%", 10],
    ]),
  });
  await box.getByRole("button", { name: "检查文件" }).click();
  await expect(box.getByText("文件中有错误的行，未填入任何指标")).toBeVisible();
  const bad = box.getByTestId("indicator-import-error");
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText("第 3 行");
  await expect(bad).toContainText("二级指标：不属于所填的一级指标");
  await expect(bad).toContainText("三级指标：此项为必填项");

  await file.setInputFiles({
    name: "指标.xlsx",
    mimeType: MIME,
    buffer: await xlsx([
      ["产出指标", "数量指标", "举办科普讲座场次", "≥", 12, "场", 25],
      ["产出指标", "质量指标", "讲座内容审核通过率", "=", 100, "%", 25],
      ["效益指标", "社会效益指标", "受益群众人次", "≥", 5000, "人次", 30],
      ["满意度指标", "服务对象满意度指标", "参与群众满意度", "≥", 90, "%", 10],
    ]),
  });
  await box.getByRole("button", { name: "检查文件" }).click();
  await expect(box.getByTestId("indicator-import-preview").locator("tbody tr")).toHaveCount(4);
  await box.getByRole("button", { name: "用这 4 条指标替换当前指标" }).click();
  await expect(box.getByText("已填入 4 条指标")).toBeVisible();
  await expect(page.locator("#ind-1-name")).toHaveValue("讲座内容审核通过率");
  await page.screenshot({ path: "reports/screens/indicator-import.png", fullPage: true });

  await page.getByRole("button", { name: "保存草稿" }).click();
  // Saved: the page reloads the sheet, and nothing is left unsaved.
  await expect(page.getByText("有未保存的修改")).toHaveCount(0);
  await page.goto(url);
  await expect(page.locator("#ind-2-name")).toHaveValue("受益群众人次");
  await expect(page.locator("[id^='ind-'][id$='-name']")).toHaveCount(4);
  expect(errors).toEqual([]);
});
