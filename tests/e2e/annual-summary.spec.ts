import fs from "node:fs";
import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { signIn, signOut } from "./helpers";

// The performance division opens the generated 2021 summary, writes next year's plan, prints it to an
// A4 PDF and downloads it as Word; a leader reads it; a department cannot open it.

test("finance writes the plan, prints the summary on A4 and downloads it as Word", async ({ page }) => {
  await signIn(page, "finance_admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "年度工作总结" }).click();
  await expect(page).toHaveURL(/\/reports\/annual-summary/);
  // It opens on the work year evaluating the latest evaluated budget year: 2021 (budget year 2020).
  await expect(page.getByLabel("工作年度")).toHaveValue("2021");

  const doc = page.getByTestId("annual-summary");
  await expect(doc.getByRole("heading", { level: 2 })).toHaveText(
    "2021 年度预算绩效管理工作总结及 2022 年工作思路",
  );
  const overall = page.getByTestId("summary-overall");
  await expect(overall).toContainText("对 2020 年度 1317 个部门预算专项资金项目和政府投资项目开展绩效自评");
  await expect(overall).toContainText("对 124 个项目的自评情况进行集中抽评，集中抽评资金 8.40 亿元");
  await expect(page.getByTestId("summary-pre")).toContainText(
    "对 68 只部门预算和政府投资项目开展财政再评估，单位申报资金 43.52 亿元，核减资金 7.13 亿元，核减率达 16.39%",
  );
  await expect(page.getByTestId("summary-sampled")).toContainText("分 4 个抽评组对 124 个项目进行了集中抽评");
  await expect(
    doc.getByRole("table", { name: "集中抽评分组情况（资金单位：万元）" }).locator("tbody tr"),
  ).toHaveCount(4);

  // Section 三 is the bureau's own text.
  await expect(page.getByTestId("summary-planEmpty")).toBeVisible();
  await page.getByRole("button", { name: "编辑工作思路" }).click();
  await page.getByLabel("2022 年工作思路").fill("一是健全管理体系。\n二是优化管理手段。");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存（第 1 版）")).toBeVisible();
  await expect(doc.getByText("二是优化管理手段。")).toBeVisible();
  await expect(page.getByTestId("summary-planEmpty")).toHaveCount(0);

  // Printing shows the document alone: no navigation, no toolbar, no editor.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(page.getByRole("button", { name: "编辑工作思路" })).toBeHidden();
  await expect(doc).toBeVisible();
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: false });
  const text = pdf.toString("latin1");
  expect(text.startsWith("%PDF-")).toBe(true);
  // A4 is 595 × 842 points; the summary runs over more than one page.
  expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 Word" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("2021年度预算绩效管理工作总结.docx");
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  expect(Object.keys(zip.files)).toEqual(
    expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]),
  );
  const xml = await zip.file("word/document.xml")!.async("string");
  for (const words of [
    "1317 个部门预算专项资金项目",
    "集中抽评资金 8.40 亿元",
    "单位申报资金 43.52 亿元，核减资金 7.13 亿元，核减率达 16.39%",
    "二是优化管理手段。",
  ])
    expect(xml).toContain(words);
});

test("a leader reads the summary without an editor; a department cannot open it", async ({ page }) => {
  await signIn(page, "leader");
  await page.goto("/reports/annual-summary?year=2021");
  await expect(page.getByTestId("summary-overall")).toContainText("1317 个部门预算专项资金项目");
  await expect(page.getByRole("link", { name: "下载 Word" })).toBeVisible();
  await expect(page.getByRole("button", { name: "编辑工作思路" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, "dept_approver");
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "年度工作总结" }),
  ).toHaveCount(0);
  await page.goto("/reports/annual-summary?year=2021");
  await expect(page.getByTestId("annual-summary")).toHaveCount(0);
  const response = await page.request.get("/reports/annual-summary/docx?year=2021");
  expect(response.status()).toBe(404);
});
