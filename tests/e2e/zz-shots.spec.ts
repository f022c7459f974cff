import { test } from "@playwright/test";
import { signIn } from "./helpers";

test("shots", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "finance_admin");
  await page.goto("/settings/years/2020");
  await page.locator("#assessCoverage").fill("30");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: "/tmp/h7shots/years.png", fullPage: true });
  await page.goto("/assessment/" + "x");
  await page.goto("/assessment?year=2020");
  await page.getByTestId("assessment-row").filter({ hasText: "区科技局" }).getByRole("link", { name: "区科技局", exact: true }).click();
  await page.waitForURL(/assessment\/[0-9a-f-]{36}/);
  await page.screenshot({ path: "/tmp/h7shots/detail-full.png", fullPage: true });
  await signIn(page, "dept_approver");
  await page.goto("/assessment");
  await page.screenshot({ path: "/tmp/h7shots/dept.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/h7shots/mobile.png" });
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "agency");
  await page.goto("/todos");
  await page.screenshot({ path: "/tmp/h7shots/todos.png" });
});
