import { expect, test, type Locator, type Page } from "@playwright/test";
import { NAV_ITEMS } from "../../src/components/shell/nav-items";
import enNav from "../../src/messages/en/nav.json";
import { can } from "../../src/server/permissions";
import type { Role } from "../../src/server/schema/enums";
import { DEMO_PASSWORD, signIn } from "./helpers";

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

/** Every text of these elements, each checked for Chinese characters (data values are not selected). */
async function expectNoChinese(locator: Locator, what: string) {
  const texts = await locator.allInnerTexts();
  expect(texts.length, `${what}: nothing found`).toBeGreaterThan(0);
  for (const text of texts) expect(text, `${what}: "${text}"`).not.toMatch(CJK);
}

/** The sign-in form once the browser has chosen English. */
async function signInInEnglish(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function switchToEnglish(page: Page) {
  await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

async function expectEnglishShell(page: Page, role: Role) {
  const nav = page.getByRole("navigation", { name: enNav.mainNav });
  await expect(nav.getByRole("link")).toHaveText(
    NAV_ITEMS.filter((i) => can(role, i.permission)).map((i) => enNav[i.key as keyof typeof enNav] as string),
  );
  await expectNoChinese(nav.getByRole("link"), "navigation");
  // The stage headings over the links (shown when a role's links span more than one stage).
  await expectNoChinese(nav.locator("p"), "navigation stages");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectNoChinese(page.getByRole("heading"), "headings");
}

test("English replaces every label of the finance dashboard and is remembered", async ({ page }) => {
  await signIn(page, "finance_admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("全区预算绩效总览");
  await switchToEnglish(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("District performance overview");

  const check = async () => {
    await expectEnglishShell(page, "FINANCE_ADMIN");
    await expectNoChinese(page.getByTestId("headline").getByRole("link"), "headline cards");
    await expectNoChinese(page.locator("main th"), "table headers");
    await expectNoChinese(page.locator("main summary"), "data-table toggles");
    await expectNoChinese(page.locator("main button"), "buttons");
    await expectNoChinese(page.getByLabel("Budget year").locator("option"), "year options");
  };
  await check();
  // The choice is kept in the browser: a reload stays in English.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("District performance overview");
  await check();

  await page.getByRole("link", { name: "Year settings" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Year settings");
  await expectNoChinese(page.locator("main th"), "year table headers");
  await page.getByRole("link", { name: "Edit the settings of 2022" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings for 2022");
  await expectNoChinese(page.locator("main label"), "form labels");
  await expectNoChinese(page.locator("main button, main a"), "form buttons");
});

test("English reaches the department, leader, system and audit dashboards", async ({ page }) => {
  const cases: { username: string; role: Role; heading: string }[] = [
    { username: "dept_approver", role: "DEPT_APPROVER", heading: "Department workspace" },
    { username: "leader", role: "LEADER", heading: "Leadership cockpit" },
    { username: "sysadmin", role: "SYS_ADMIN", heading: "System administration overview" },
    { username: "auditor", role: "AUDITOR", heading: "Security audit overview" },
  ];
  for (const [i, c] of cases.entries()) {
    // The language is a per-browser choice: switched once, it holds for the next account too.
    if (i === 0) {
      await signIn(page, c.username);
      await switchToEnglish(page);
    } else await signInInEnglish(page, c.username);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.heading);
    await expectEnglishShell(page, c.role);
    await expectNoChinese(page.locator("main th"), `${c.username} table headers`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
  }
});
