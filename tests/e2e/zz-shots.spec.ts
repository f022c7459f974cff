import { test } from "@playwright/test";
import { signIn } from "./helpers";

test("shots", async ({ page }) => {
  await signIn(page, "finance_admin");
  await page.goto("/assessment?year=2020");
  await page.screenshot({ path: "/tmp/h7shots/ranking.png", fullPage: false });
  await page.getByTestId("assessment-row").filter({ hasText: "区科技局" }).getByRole("link", { name: "区科技局", exact: true }).click();
  await page.waitForURL(/assessment\/[0-9a-f-]{36}/);
  await page.screenshot({ path: "/tmp/h7shots/detail.png", fullPage: false });
  await page.goto("/settings/years/2020");
  await page.getByLabel("自评覆盖率").fill("30");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForTimeout(1500);
  await page.locator("#assessWeights").scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: "/tmp/h7shots/years.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/assessment?year=2020");
  await page.screenshot({ path: "/tmp/h7shots/mobile.png", fullPage: false });
  await page.goto("/todos");
  await page.screenshot({ path: "/tmp/h7shots/todos.png", fullPage: false });
});
