import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn, signOut } from "./helpers";

// The province's view: a province-level finance administrator (省财政厅) picks 行政区划 on the dashboard
// and the project list; a district's administrator gets no picker, and a district in the URL changes
// nothing for them. The demo data has one district, so this spec starts the built app on a database of
// its own with SEED_PROVINCE=true (a second district, 东湖区, and the province accounts), on the port
// after the suite's.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const baseURL = `http://localhost:${PORT}`;
test.use({ baseURL });
test.describe.configure({ mode: "serial" });

let server: ChildProcess | undefined;
const log: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Its own process group, so stopping it stops `next start` under the script too.
  server = spawn("bash", ["scripts/e2e-server.sh", String(PORT)], {
    env: { ...process.env, SEED_PROVINCE: "true" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d: Buffer) => log.push(d.toString()));
  server.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  const deadline = Date.now() + 200_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${log.join("")}`);
    const status = await fetch(`${baseURL}/login`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not come up:\n${log.join("")}`);
});

test.afterAll(async () => {
  if (!server?.pid || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  await exited;
});

const main = (page: Page) => page.locator("#main");
/** The figure of the dashboard's 项目数 card. */
const projectCount = async (page: Page) =>
  Number(
    (
      await main(page).getByText("项目数", { exact: true }).locator("xpath=..").locator(".num").innerText()
    ).replace(/,/g, ""),
  );

let eastLake = "";
let demoDistrictCount = 0;

test("a province administrator switches the dashboard between the province and its districts", async ({
  page,
}) => {
  await signIn(page, "province_admin");
  await page.goto("/dashboard?year=2020");
  const picker = main(page).getByLabel("行政区划");
  await expect(picker).toBeVisible();
  await expect(picker.locator("option:checked")).toHaveText("全省");
  await expect(picker.locator("option")).toHaveText(["全省", "示范区", "东湖区"]);
  await expect(main(page).getByRole("heading", { name: "全省预算绩效总览" })).toBeVisible();
  const province = await projectCount(page);
  // The whole province is summed up by district, not by its departments; a district's name opens it.
  const byDistrict = main(page).getByRole("table", { name: /各行政区划项目数/ });
  await expect(byDistrict.getByRole("link", { name: "示范区" })).toBeVisible();
  await expect(byDistrict.getByRole("link", { name: "东湖区" })).toBeVisible();
  await expect(main(page).getByText("各部门绩效情况")).toHaveCount(0);
  await byDistrict.getByRole("link", { name: "东湖区" }).click();
  await expect(main(page).getByRole("heading", { name: "东湖区预算绩效总览" })).toBeVisible();
  await expect(main(page).getByText("各部门绩效情况")).toBeVisible();
  await page.goto("/dashboard?year=2020");

  await picker.selectOption({ label: "东湖区" });
  await expect(page).toHaveURL(/[?&]district=[0-9a-f-]{36}/);
  eastLake = new URL(page.url()).searchParams.get("district")!;
  expect(new URL(page.url()).searchParams.get("year")).toBe("2020");
  await expect(main(page).getByRole("heading", { name: "东湖区预算绩效总览" })).toBeVisible();
  await expect.poll(() => projectCount(page)).toBe(3);
  await expect(main(page).getByRole("link", { name: "东湖区教育局" }).first()).toBeVisible();
  await expect(main(page).getByText("区教育局", { exact: true })).toHaveCount(0);
  await page.screenshot({ path: "reports/screens/dashboard-province-district.png", fullPage: true });

  // The year changes, the district stays.
  await main(page).getByLabel("预算年度").selectOption({ label: "2021 年度" });
  await expect(page).toHaveURL(new RegExp(`year=2021.*district=${eastLake}`));
  await expect(main(page).getByLabel("行政区划").locator("option:checked")).toHaveText("东湖区");
  await main(page).getByLabel("预算年度").selectOption({ label: "2020 年度" });
  await expect(page).toHaveURL(/year=2020/);

  await main(page).getByLabel("行政区划").selectOption({ label: "示范区" });
  await expect(main(page).getByRole("heading", { name: "示范区预算绩效总览" })).toBeVisible();
  await expect.poll(() => projectCount(page)).toBe(province - 3);
  demoDistrictCount = province - 3;

  await main(page).getByLabel("行政区划").selectOption({ label: "全省" });
  await expect(page).not.toHaveURL(/district=/);
  await expect.poll(() => projectCount(page)).toBe(province);
  await page.screenshot({ path: "reports/screens/dashboard-province.png", fullPage: true });

  // The project list filters by the same district.
  await page.goto(`/projects?year=2020&district=${eastLake}`);
  await expect(main(page).getByLabel("行政区划").locator("option:checked")).toHaveText("东湖区");
  const rows = main(page).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("DH2020-001");
  await page.screenshot({ path: "reports/screens/projects-province-district.png", fullPage: true });
  // The province's departments are offered once a district is picked, that district's only (东湖区
  // has one: no choice to offer).
  const department = main(page).getByLabel("主管部门");
  await expect(department).toHaveCount(0);
  await page.goto("/projects?year=2020");
  await expect(department).toBeDisabled();
  await expect(department.locator("option:checked")).toHaveText("先选择行政区划");
  await expect(rows).toHaveCount(25);
  const filterForm = main(page).getByRole("form", { name: "筛选项目" });
  await filterForm.getByLabel("行政区划").selectOption({ label: "示范区" });
  await filterForm.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/district=/);
  await expect(department).toBeEnabled();
  await expect(department.locator("option", { hasText: "区教育局" }).first()).toBeAttached();
  await expect(department.locator("option", { hasText: "东湖区" })).toHaveCount(0);
  await signOut(page);
});

test("a province administrator narrows the other lists, their exports, and follows the dashboard's links in the district", async ({
  page,
}) => {
  test.setTimeout(180_000);
  expect(eastLake).not.toBe("");
  await signIn(page, "province_admin");
  const rows = main(page).locator("tbody tr");

  // 单位自评: 行政区划 is a field of the filters; 东湖区's three projects of 2020, nobody else's.
  await page.goto("/self-evaluations?year=2020");
  const filters = main(page).getByRole("form", { name: "筛选" });
  await expect(filters.getByLabel("行政区划").locator("option")).toHaveText(["全省", "示范区", "东湖区"]);
  await filters.getByLabel("行政区划").selectOption({ label: "东湖区" });
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`year=2020.*district=${eastLake}`));
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("DH2020-001");
  await expect(main(page).getByText("区教育局", { exact: true })).toHaveCount(0);
  await page.screenshot({ path: "reports/screens/self-evaluations-province-district.png", fullPage: true });
  // The Excel export of the list is 东湖区's too.
  const exported = await page.request.get(`/self-evaluations/export?year=2020&district=${eastLake}`);
  expect(exported.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
  expect(workbook.worksheets[0]!.actualRowCount - 1).toBe(3);

  // 整改跟踪: the demo district's items under 示范区, none under 东湖区.
  await page.goto("/rectification");
  const rectFilters = main(page).getByRole("form", { name: "筛选整改事项" });
  await expect(rectFilters.getByLabel("部门", { exact: true })).toBeDisabled();
  await rectFilters.getByLabel("行政区划").selectOption({ label: "示范区" });
  await rectFilters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/district=/);
  await expect(rows.first()).toBeVisible();
  // Under 全省 the department field waited for a district; now it lists 示范区's departments.
  await expect(
    main(page).getByRole("form", { name: "筛选整改事项" }).getByLabel("部门", { exact: true }),
  ).toBeEnabled();
  await page.screenshot({ path: "reports/screens/rectification-province-district.png", fullPage: true });
  await main(page)
    .getByRole("form", { name: "筛选整改事项" })
    .getByLabel("行政区划")
    .selectOption({ label: "东湖区" });
  await main(page).getByRole("form", { name: "筛选整改事项" }).getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`district=${eastLake}`));
  await expect(main(page).getByText("没有符合条件的整改事项")).toBeVisible();

  // 绩效目标: the same district through the URL, kept by the picker.
  await page.goto(`/targets?year=2020&district=${eastLake}`);
  await expect(main(page).getByLabel("行政区划").locator("option:checked")).toHaveText("东湖区");
  await expect(rows).toHaveCount(3);

  // The dashboard of 东湖区: its links into the lists open on 东湖区.
  await page.goto(`/dashboard?year=2020&district=${eastLake}`);
  await main(page).getByTestId("chain-self").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/self-evaluations\\?year=2020&district=${eastLake}`));
  await expect(main(page).getByLabel("行政区划").locator("option:checked")).toHaveText("东湖区");
  await expect(rows).toHaveCount(3);
  await page.goto(`/dashboard?year=2020&district=${eastLake}`);
  await main(page)
    .getByRole("link", { name: /项目数/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/projects\\?year=2020&district=${eastLake}`));
  await expect(main(page).getByLabel("行政区划").locator("option:checked")).toHaveText("东湖区");
  await expect(rows).toHaveCount(3);
  await signOut(page);
});

test("a district's administrator has no picker, and a district in the URL shows only their own", async ({
  page,
}) => {
  expect(eastLake).not.toBe("");
  await signIn(page, "finance_admin");
  await page.goto(`/dashboard?year=2020&district=${eastLake}`);
  await expect(main(page).getByRole("heading", { name: "全区预算绩效总览" })).toBeVisible();
  await expect(main(page).getByLabel("行政区划")).toHaveCount(0);
  await expect.poll(() => projectCount(page)).toBe(demoDistrictCount);
  await expect(main(page).getByText("东湖区教育局")).toHaveCount(0);

  await page.goto(`/projects?year=2020&district=${eastLake}`);
  await expect(main(page).getByLabel("行政区划")).toHaveCount(0);
  await expect(main(page).getByText("DH2020-001")).toHaveCount(0);
  await expect(main(page).locator("tbody tr").first()).toBeVisible();

  // The other lists neither offer the picker nor show 东湖区's projects.
  await page.goto(`/self-evaluations?year=2020&district=${eastLake}`);
  await expect(main(page).getByLabel("行政区划")).toHaveCount(0);
  await expect(main(page).getByText("DH2020-001")).toHaveCount(0);
  await expect(main(page).locator("tbody tr").first()).toBeVisible();
  await page.goto(`/rectification?district=${eastLake}`);
  await expect(main(page).getByLabel("行政区划")).toHaveCount(0);
  await expect(main(page).locator("tbody tr").first()).toBeVisible();
  await signOut(page);
});

test("the province's leader narrows the cockpit the same way", async ({ page }) => {
  await signIn(page, "province_leader");
  await page.goto("/dashboard?year=2020");
  await expect(main(page).getByText("全省 · 2020 年度预算绩效主要指标（只读）")).toBeVisible();
  await main(page).getByLabel("行政区划").selectOption({ label: "东湖区" });
  await expect(main(page).getByText("东湖区 · 2020 年度预算绩效主要指标（只读）")).toBeVisible();
  await expect.poll(() => projectCount(page)).toBe(3);
  await signOut(page);
});
