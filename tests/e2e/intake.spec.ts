import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures";

const fixtures = path.join(process.cwd(), "tests", "fixtures", "imports");

test("specialist enters a forum item: a bad link is marked at its field with everything else kept, then it saves", async ({ page }) => {
  await signInAs(page, "specialist");
  await page.goto("/specialist/intake");
  await expect(page.getByRole("heading", { level: 1, name: "其他渠道录入" })).toBeVisible();
  const form = page.locator("form", { has: page.locator("#cr-summary") });

  await form.getByLabel("渠道").selectOption("forum");
  await form.getByLabel("来源").fill("信用卡论坛·用卡交流版");
  await form.getByLabel("链接").fill("forum.example.cn/t/77");
  await form.getByLabel("类型").selectOption("complaint");
  await form.getByLabel("分类").selectOption("pin.letter");
  await form.getByLabel("客户地区").fill("苏州");
  await form.getByLabel("紧急程度").selectOption("high");
  await form.getByLabel("摘要").fill("开卡后密码函迟迟不到");
  await form.getByLabel("客户原话").fill("卡到了一周，密码函还没到，没法用卡。");
  await form.getByRole("button", { name: "保存" }).click();

  const link = form.getByLabel("链接");
  await expect(form.getByText("请输入以 http:// 或 https:// 开头的有效网址。")).toBeVisible();
  await expect(link).toHaveAttribute("aria-invalid", "true");
  await expect(link).toBeFocused();
  await expect(link).toHaveValue("forum.example.cn/t/77");
  await expect(form.getByLabel("渠道")).toHaveValue("forum");
  await expect(form.getByLabel("类型")).toHaveValue("complaint");
  await expect(form.getByLabel("分类")).toHaveValue("pin.letter");
  await expect(form.getByLabel("客户地区")).toHaveValue("苏州");
  await expect(form.getByLabel("紧急程度")).toHaveValue("high");
  await expect(form.getByLabel("摘要")).toHaveValue("开卡后密码函迟迟不到");
  await expect(form.getByLabel("客户原话")).toHaveValue("卡到了一周，密码函还没到，没法用卡。");
  await expect(form.getByLabel("摘要")).not.toHaveAttribute("aria-invalid", "true");

  await link.fill("https://forum.example.cn/t/77");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText(/^已保存为第 \d+ 号记录。/);
  // Ready for the next post from the same board.
  await expect(form.getByLabel("摘要")).toHaveValue("");
  await expect(form.getByLabel("渠道")).toHaveValue("forum");
  await expect(form.getByLabel("来源")).toHaveValue("信用卡论坛·用卡交流版");
  await expect(page.getByTestId("intake-recent-record").first()).toContainText("开卡后密码函迟迟不到");
});

test("specialist uploads a CSV, sees the bad rows in the preview, and saves only the valid rows", async ({ page }) => {
  await signInAs(page, "specialist");
  await page.goto("/specialist/intake");
  await page.getByLabel("文件", { exact: true }).setInputFiles(path.join(fixtures, "records-zh.csv"));
  await page.getByRole("button", { name: "上传并预览" }).click();

  await expect(page).toHaveURL(/\/specialist\/intake\/import\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "导入预览" })).toBeVisible();
  await expect(page.getByTestId("import-row")).toHaveCount(5);
  await expect(page.locator('[data-testid="import-row"][data-valid="false"]')).toHaveCount(2);
  await expect(page.locator('[data-row="5"]')).toContainText("不存在的分类");
  await expect(page.locator('[data-row="5"]')).toContainText("没有这个分类，请从列表中选择。");
  await expect(page.locator('[data-row="6"]')).toContainText("此项必填。");
  await expect(page.locator('[data-row="2"]')).toContainText("************7894");
  await expect(page.locator('[data-row="2"]')).not.toContainText("6222");
  await expect(page.getByText("将跳过第 5、6 行。")).toBeVisible();

  await page.getByRole("button", { name: "全部正确才保存" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "未保存任何记录" })).toHaveText("有 2 行存在错误，未保存任何记录。请修正后重新上传，或选择只保存正确的行。");
  await expect(page.getByTestId("import-committed")).toHaveCount(0);

  await page.getByRole("button", { name: "只保存 3 条正确的行" }).click();
  const summary = page.getByTestId("import-committed");
  await expect(summary).toContainText("保存 3 条记录（只保存正确的行）");
  await expect(summary).toContainText("跳过了第 5、6 行。");
  await expect(page.locator('[data-row="2"]')).toContainText(/记录 #\d+/);
  await expect(page.locator('[data-row="5"]')).toContainText("未保存");
  await expect(page.getByRole("button", { name: /只保存/ })).toHaveCount(0);
});
