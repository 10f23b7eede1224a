import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures";

test.describe("agent's quick record", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "agent");
  });

  test("agent files a record from the keyboard alone", async ({ page }, testInfo) => {
    const summary = `开卡后密码函迟迟未到 ${Date.now().toString(36)}`;
    let keystrokes = 0;
    const type = async (text: string) => {
      await page.keyboard.type(text);
      keystrokes += [...text].length;
    };
    const press = async (key: string) => {
      await page.keyboard.press(key);
      keystrokes += 1;
    };

    await page.getByRole("radio", { name: /投诉/ }).focus();
    const started = Date.now();
    await press("Alt+1");
    await press("Tab");
    await type("密码函");
    await press("Tab");
    await type("suzhou");
    await press("Tab");
    await type("CR20261129-0001");
    await press("Tab");
    await type(summary);
    await press("Tab");
    await type("客户说卡已激活一周，还没收到密码函");
    await press("Control+Enter");
    await expect(page.getByRole("status").filter({ hasText: "已保存记录" })).toBeVisible();
    const seconds = (Date.now() - started) / 1000;
    testInfo.annotations.push({ type: "keyboard-filing", description: `${keystrokes} keystrokes, ${seconds.toFixed(1)} s` });
    console.log(`[figure] agent record by keyboard: ${keystrokes} keystrokes, ${seconds.toFixed(1)} s`);

    // The form is clear for the next call, and the record is in the agent's list with its details.
    await expect(page.getByLabel("摘要")).toHaveValue("");
    await page.goto(`/agent/records?q=${encodeURIComponent(summary)}`);
    const row = page.getByTestId("own-record");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(summary);
    await expect(row).toContainText("密码函寄送");
  });

  test("agent sees an open issue that looks the same and the record joins it", async ({ page }) => {
    await page.getByLabel("分类").fill("交易");
    await page.keyboard.press("Enter");
    await page.getByLabel("摘要").fill("境外交易后短信提醒延迟很久才收到");
    const suggestion = page.getByTestId("similar-issue").filter({ hasText: "境外交易短信提醒延迟" });
    await expect(suggestion).toBeVisible();
    await suggestion.getByRole("button", { name: "归入此问题" }).click();
    await expect(page.getByText("保存后将归入问题：境外交易短信提醒延迟")).toBeVisible();
    await page.getByRole("button", { name: "保存记录" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已归入所选问题" })).toBeVisible();
  });

  test("agent leaves the summary empty: the error is next to the field and the rest is kept", async ({ page }) => {
    await page.getByLabel("分类").fill("年费");
    await page.keyboard.press("Enter");
    await page.getByLabel("客户原话").fill("客户认为年费减免条件没有说明");
    await page.getByRole("button", { name: "保存记录" }).click();
    await expect(page.locator("#summary-error")).toHaveText("此项必填。");
    await expect(page.getByLabel("客户原话")).toHaveValue("客户认为年费减免条件没有说明");
    await expect(page.getByLabel("分类")).toHaveValue("费用与利息 › 年费");
  });

  test("agent's draft survives a reload", async ({ page }) => {
    await page.getByLabel("摘要").fill("草稿：客户建议账单日可自选");
    await page.waitForTimeout(300);
    await page.reload();
    await expect(page.getByText("已恢复上次未保存的草稿。")).toBeVisible();
    await expect(page.getByLabel("摘要")).toHaveValue("草稿：客户建议账单日可自选");
    await page.getByRole("button", { name: "清空草稿" }).click();
    await expect(page.getByLabel("摘要")).toHaveValue("");
  });

  test("agent corrects one of their own records", async ({ page }) => {
    const summary = `待更正记录 ${Date.now().toString(36)}`;
    await page.getByLabel("分类").fill("积分");
    await page.keyboard.press("Enter");
    await page.getByLabel("摘要").fill(summary);
    await page.getByRole("button", { name: "保存记录" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存记录" })).toBeVisible();

    await page.goto(`/agent/records?q=${encodeURIComponent(summary)}`);
    await page.getByTestId("own-record").getByRole("link", { name: "更正" }).click();
    await page.getByLabel("摘要").fill(`${summary}（已更正）`);
    await page.getByRole("button", { name: "保存更正" }).click();
    await expect(page.getByRole("status").filter({ hasText: "记录已更正" })).toBeVisible();
    await page.goto(`/agent/records?q=${encodeURIComponent("已更正")}`);
    await expect(page.getByTestId("own-record").filter({ hasText: `${summary}（已更正）` })).toHaveCount(1);
  });

  test("agent cannot open another agent's record", async ({ page }) => {
    const response = await page.goto("/agent/records/1");
    expect(response?.status()).toBe(404);
  });
});
