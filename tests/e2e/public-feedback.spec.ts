import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures";

async function fillFeedback(page: Page, summary: string) {
  await page.getByLabel("建议").check();
  await page.getByLabel("涉及的业务").selectOption({ label: "自动还款" });
  await page.getByLabel("您所在的城市").selectOption({ label: "苏州市" });
  await page.getByLabel("一句话概括").fill(summary);
  await page.getByLabel("详细说明").fill("自动还款没扣成功也没有提醒，卡号 4111 1111 1111 1111。");
  await page.getByLabel("联系方式（可不填）").fill("13800138000");
}

test.describe("customer on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("customer submits a suggestion, gets a tracking number and follows it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "提建议或投诉" }).click();
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page.locator("#summary-error")).toHaveText("此项必填。");
    await expect(page.locator("#categoryCode-error")).toBeVisible();

    await fillFeedback(page, "建议自动还款失败时当天短信提醒");
    await page.getByRole("button", { name: "提交" }).click();
    const number = await page.getByTestId("tracking-number").textContent();
    expect(number).toMatch(/^VC-/);
    await expect(page.getByText("卡号或证件号已被隐藏")).toBeVisible();
    await expect(page.getByText("4111")).toHaveCount(0);

    await page.getByRole("link", { name: "查询进展" }).click();
    await page.getByLabel("联系方式").fill("138 0013 8000");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByTestId("tracking-result")).toContainText("已收到");

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("customer submits and looks up a complaint with scripts off", async ({ page }) => {
    await page.goto("/feedback");
    await page.getByLabel("投诉").check();
    await page.getByLabel("涉及的业务").selectOption({ label: "热线等候时间" });
    await page.getByLabel("一句话概括").fill("晚上打热线等了二十分钟");
    await page.getByLabel("详细说明").fill("晚上九点打 800 热线，排队二十分钟才接通。");
    await page.getByRole("button", { name: "提交" }).click();
    const number = (await page.getByTestId("tracking-number").textContent())!.trim();
    expect(number).toMatch(/^VC-/);

    await page.goto(`/track?n=${number}`);
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByTestId("tracking-result")).toContainText("已收到");
  });

  test("a wrong tracking number is refused with a clear message", async ({ page }) => {
    await page.goto("/track");
    await page.getByLabel("查询编号").fill("VC-0000-0000");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page.getByRole("alert")).toContainText("没有找到");
  });
});

test("specialist approves a public submission from the moderation queue", async ({ page }) => {
  await page.goto("/feedback");
  await fillFeedback(page, "建议账单可以按消费类别汇总");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByTestId("tracking-number")).toBeVisible();

  await signInAs(page, "specialist");
  await page.getByRole("link", { name: "审核公众提交" }).click();
  const card = page.getByTestId("pending-submission").filter({ hasText: "建议账单可以按消费类别汇总" }).locator("xpath=../..");
  await expect(card).toContainText("13800138000");
  await card.getByRole("button", { name: "不予受理" }).click();
  await expect(card.getByRole("alert").filter({ hasText: "此项必填" })).toBeVisible();
  await card.getByRole("button", { name: "通过" }).click();
  await expect(page.getByTestId("pending-submission").filter({ hasText: "建议账单可以按消费类别汇总" })).toHaveCount(0);
});
