import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const FIXTURES = path.resolve("tests/fixtures/attachments");
const PDF = fs.readFileSync(path.join(FIXTURES, "evidence.pdf"));

/** A 2022 project of dept_filer's unit (区科技创新服务中心, 区科技局) at a stage that takes files. */
async function projectOfFiler(page: Page, stage: "DRAFT" | "TARGET_SETTING"): Promise<string> {
  await page.goto(`/projects?year=2022&stage=${stage}`);
  const href = await page
    .getByRole("table")
    .locator('tbody tr a[href^="/projects/"]')
    .first()
    .getAttribute("href");
  const id = href?.match(/^\/projects\/([0-9a-f-]{36})$/)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

test("dept_filer uploads a PDF, downloads it, and is refused a page renamed .pdf", async ({
  page,
  browser,
}) => {
  await signIn(page, "dept_filer");
  const projectId = await projectOfFiler(page, "DRAFT");
  // The project page leads to its files.
  await page.goto(`/projects/${projectId}`);
  await page.getByRole("link", { name: "项目附件" }).click();
  await expect(page).toHaveURL(`/attachments/project/${projectId}`);
  await expect(page.getByRole("heading", { level: 1, name: "项目附件" })).toBeVisible();
  await expect(page.getByText("暂无附件")).toBeVisible();
  await expect(
    page.getByText("支持 PDF、Word、Excel、PowerPoint、PNG、JPEG，单个文件不超过 20 MB"),
  ).toBeVisible();

  const name = "绩效佐证材料.pdf";
  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name, mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByText(`已上传：${name}`)).toBeVisible();
  const row = page.getByRole("table").locator("tbody tr", { hasText: name });
  await expect(row).toContainText("李晓东");
  await expect(row).toContainText("0.2 KB");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: `下载 ${name}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(name);
  const saved = await download.path();
  expect(fs.readFileSync(saved)).toEqual(PDF);

  await input.setInputFiles(path.join(FIXTURES, "page-renamed.pdf"));
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByText("文件内容与扩展名不符，已拒绝上传")).toBeVisible();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(1);

  // Another department's filer: the page and the file read as not found.
  const other = await browser.newPage();
  await signIn(other, "dept_filer2");
  await other.goto(`/attachments/project/${projectId}`);
  await expect(other.getByRole("heading", { name: "未找到" })).toBeVisible();
  const fileHref = await page.getByRole("link", { name: `下载 ${name}` }).getAttribute("href");
  const response = await other.request.get(fileHref!);
  expect(response.status()).toBe(404);
  await other.close();
});

test("dept_filer deletes their file from a project at target setting; it leaves the list", async ({
  page,
}) => {
  await signIn(page, "dept_filer");
  const projectId = await projectOfFiler(page, "TARGET_SETTING");
  await page.goto(`/attachments/project/${projectId}`);
  const name = "待删除的材料.pdf";
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  const row = page.getByRole("table").locator("tbody tr", { hasText: name });
  await expect(row).toBeVisible();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `删除 ${name}` }).click();
  await expect(row).toHaveCount(0);
});

test("the upload endpoint refuses posts from another site", async ({ page }) => {
  await signIn(page, "dept_filer");
  const projectId = await projectOfFiler(page, "DRAFT");
  const multipart = {
    entityType: "project",
    entityId: projectId,
    file: { name: "evidence.pdf", mimeType: "application/pdf", buffer: PDF },
  };
  const foreign = await page.request.post("/attachments/upload", {
    headers: { origin: "https://evil.example" },
    multipart,
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ ok: false, code: "FORBIDDEN" });
});
