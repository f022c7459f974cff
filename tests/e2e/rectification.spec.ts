import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// 整改 through the browser, each step by its role: finance raises an item from the 2020 sampled
// review's feedback to 区科技局; the department's approver finds it in the bell, uploads evidence and
// replies; finance sends it back with a reason; the approver replies again; finance closes it. Then
// a 2021 project whose 2020 predecessor was evaluated shows last year's grade and suggestion.

const PDF = fs.readFileSync(path.resolve("tests/fixtures/attachments/evidence.pdf"));

async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

test("finance raises a rectification from sampling feedback; the department replies with evidence; reopened, replied again, closed", async ({
  page,
}) => {
  // Five sign-ins and a dozen steps across three roles: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const problem = `抽评发现绩效目标量化不足（${Date.now() % 100000}）`;
  await signIn(page, "finance_admin");
  await page.goto("/sampling?year=2020");
  await page.getByRole("link", { name: "2020年度项目支出绩效集中抽评" }).first().click();
  await page.getByRole("link", { name: "区科技局的反馈意见" }).click();
  await expect(page).toHaveURL(/\/sampling\/[0-9a-f-]{36}\/feedback\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: "据此反馈发起整改" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "发起整改" })).toBeVisible();
  await expect(page.getByRole("main").getByText("区科技局").first()).toBeVisible();
  // The problems and requirements of the feedback are prefilled; finance narrows them down.
  await expect(page.getByLabel("存在问题")).not.toHaveValue("");
  await page.getByLabel("存在问题").fill("");
  await page.getByRole("button", { name: "发起整改" }).click();
  await expect(page.getByText("此项为必填项").or(page.getByText("请填写"))).toBeVisible();
  await page.getByLabel("存在问题").fill(problem);
  await page.getByLabel("整改要求").fill("细化量化绩效目标，补充佐证材料并书面报送整改情况");
  await page.getByRole("button", { name: "发起整改" }).click();
  await expect(page).toHaveURL(/\/rectification\/[0-9a-f-]{36}$/);
  const itemUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("item-status")).toContainText("待整改");

  // The department's approver sees the to-do in the bell and opens it.
  await switchTo(page, "dept_approver");
  await expect(page.getByTestId("bell-count")).toBeVisible();
  await page.getByTestId("notification-bell").locator("summary").click();
  await page
    .getByTestId("notification-bell")
    .getByRole("link", { name: new RegExp(problem.slice(0, 10)) })
    .first()
    .click();
  await expect(page).toHaveURL(itemUrl);
  await page.locator('input[type="file"]').setInputFiles({
    name: "整改佐证材料.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByText("已上传：整改佐证材料.pdf")).toBeVisible();
  await page.getByRole("button", { name: "报送整改情况" }).click();
  await expect(page.getByLabel("整改措施及成效")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("整改措施及成效").fill("已修订绩效目标表，量化指标 12 项");
  await page.getByRole("button", { name: "报送整改情况" }).click();
  await expect(page.getByTestId("item-status")).toContainText("待核验");

  // Finance sends it back: a reason is required.
  await switchTo(page, "finance_admin");
  await page.goto(itemUrl);
  await expect(page.getByTestId("latest-measures")).toHaveText("已修订绩效目标表，量化指标 12 项");
  await expect(page.getByRole("link", { name: "下载 整改佐证材料.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "退回重新整改" }).click();
  await expect(page.getByText("请填写原因")).toBeVisible();
  await page.getByLabel("核验意见").fill("未附修订后的管理制度，请补充");
  await page.getByRole("button", { name: "退回重新整改" }).click();
  await expect(page.getByTestId("item-status")).toContainText("待整改");

  // The approver sees the reason and replies again.
  await switchTo(page, "dept_approver");
  await page.goto("/todos");
  // The to-do says what it is about: the department the feedback went to.
  await expect(
    page.getByTestId("todo-list").locator("li").filter({ hasText: "整改被退回" }).first(),
  ).toContainText("区科技局");
  await page
    .getByRole("link", { name: /整改被退回/ })
    .first()
    .click();
  await expect(page).toHaveURL(itemUrl);
  await expect(page.locator("#main").getByText("未附修订后的管理制度，请补充").first()).toBeVisible();
  await page.getByLabel("整改措施及成效").fill("已补充印发《项目绩效管理办法》");
  await page.getByRole("button", { name: "报送整改情况" }).click();
  await expect(page.getByTestId("item-status")).toContainText("待核验");

  // Finance closes it; the history keeps every step.
  await switchTo(page, "finance_admin");
  await page.goto(itemUrl);
  await page.getByLabel("核验意见").fill("整改到位，予以销号");
  await page.getByRole("button", { name: "核验通过，销号" }).click();
  await expect(page.getByTestId("item-status")).toContainText("已销号");
  const history = page.getByTestId("item-history").locator("li");
  await expect(history).toHaveCount(5);
  await expect(history.nth(2)).toContainText("退回重新整改");
  await expect(history.nth(2)).toContainText("未附修订后的管理制度，请补充");
  await expect(history.nth(4)).toContainText("核验销号");

  // The list shows it closed; another department's approver does not find it.
  await page.goto("/rectification?status=CLOSED&source=SAMPLED");
  await page.getByLabel("部门").selectOption({ label: "区科技局" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/dept=/);
  await expect(page.getByRole("link", { name: problem })).toBeVisible();
  await switchTo(page, "approver_d01");
  const response = await page.goto(itemUrl);
  expect(response?.status()).toBe(404);
});

test("a 2021 project continuing a 2020 evaluated one shows last year's grade and the suggestion", async ({
  page,
}) => {
  await signIn(page, "finance_admin");
  await page.goto("/projects?year=2021");
  const cell = page.getByTestId("previous-result").first();
  await expect(cell).toBeVisible();
  await cell.click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const card = page.getByTestId("last-year-result");
  await expect(card).toContainText(/上年项目 2020-/);
  await expect(card.getByTestId("result-grade")).toContainText(/[优良中差]/);
  await expect(card.getByTestId("result-suggestion")).toContainText(/优先保障|保持|压减|压减或取消/);
  await expect(card.getByTestId("result-suggestion")).toContainText("万元");
});
