import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures";

/**
 * The management post's screening and bulletin, on the demo data: the 苏州 report waits with
 * three issues; bulletins 第1–8期 are published and 第9期 is a draft, so a new bulletin takes
 * the next number of the series, 第10期 (the draft keeps 9).
 */
test.describe.configure({ mode: "serial" });

let bulletinPath = "";

function issueCard(page: Page, title: string) {
  return page.getByTestId("screening-issue").filter({ hasText: title });
}

test("manager verifies an issue of the submitted 苏州 report and rejects another with a reason", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/manager/verification");
  await expect(page.getByRole("heading", { level: 1, name: "核实与甄别" })).toBeVisible();
  const report = page.getByTestId("screening-report").filter({ hasText: "临时额度到期前未提醒客户" });
  await expect(report).toBeVisible();

  const verified = issueCard(page, "临时额度到期前未提醒客户");
  await verified.getByRole("button", { name: "核实通过" }).click();
  await verified.getByLabel("核实说明（可不填）").fill("已调取3通录音核实。");
  await verified.getByRole("button", { name: "确认核实通过" }).click();
  await expect(verified.getByRole("status")).toContainText("已核实通过");
  await expect(verified).toHaveAttribute("data-status", "verified");

  const rejected = issueCard(page, "积分有效期规则调整未提前告知");
  await rejected.getByRole("button", { name: "不予通报…" }).click();
  await rejected.getByRole("button", { name: "确认不予通报" }).click();
  // The browser's own check stops an empty reason before it is sent.
  const reason = rejected.getByLabel("不予通报的理由");
  await expect(reason).toBeFocused();
  await reason.fill("经核实，积分有效期调整已于半年前通过账单和短信告知，个案客户未留意，不纳入通报。");
  await rejected.getByRole("button", { name: "确认不予通报" }).click();
  await expect(rejected.getByRole("status")).toContainText("不予通报");
  await expect(rejected).toHaveAttribute("data-status", "rejected");
  await expect(rejected).toContainText("经核实，积分有效期调整已于半年前");

  // One issue still waits, so the report is not reviewed yet.
  await expect(report.getByText("1 项待处理")).toBeVisible();
});

test("manager compiles a bulletin with the verified issue, publishes it as 第10期, prints it and downloads the PDF", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/bulletins/new");
  await expect(page.getByText("新一期将编为第10期")).toBeVisible();
  const editor = page.getByTestId("bulletin-editor");
  await editor.getByLabel("标题").fill("临时额度到期提醒");
  await editor.getByLabel("编者按").fill("苏州中心反映临时额度到期前无提醒，客户在外消费被拒，建议到期前短信提醒。");
  await editor.getByLabel(/临时额度到期前未提醒客户/).check();
  const preview = editor.getByTestId("bulletin-preview-item");
  await expect(preview).toHaveCount(1);
  await expect(preview).toContainText("相关记录 4 条");
  await editor.getByRole("button", { name: "保存草稿" }).click();

  await expect(page).toHaveURL(/\/bulletins\/\d+\?saved=1$/);
  bulletinPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "客户之声专题通报 第10期" })).toBeVisible();
  await expect(page.getByText("第10期草稿已保存")).toBeVisible();
  await expect(page.getByTestId("bulletin-issue")).toHaveCount(1);

  await page.getByRole("button", { name: "发布第10期…" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("发布后内容不能再修改");
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page).toHaveURL(new RegExp(`${bulletinPath}\\?published=\\d+$`));
  await expect(page.getByText(/第10期已发布，已通知 \d+ 位领导和部门人员/)).toBeVisible();
  await expect(page.getByRole("link", { name: "发布更正版" })).toBeVisible();
  await expect(page.getByRole("button", { name: "发布第10期…" })).toHaveCount(0);

  // The print page: the A4 sheet alone, without the navigation and the tools.
  await page.goto(bulletinPath);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(page.getByTestId("bulletin-sheet")).toBeVisible();
  await expect(page.getByTestId("bulletin-sheet")).toContainText("临时额度到期前未提醒客户");
  await page.emulateMedia({ media: "screen" });

  const pdf = await page.request.get(`${bulletinPath}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(body.subarray(-6).toString("latin1")).toBe("%%EOF\n");

  // The management post's list shows it at the top of the series.
  await page.goto("/bulletins");
  await expect(page.getByTestId("bulletin-row").first()).toHaveAttribute("data-number", "10");
});

test("leadership acknowledges 第10期 once, and the manager sees who has read it", async ({ page, browser }) => {
  expect(bulletinPath).not.toBe("");
  await signInAs(page, "leadership");
  await page.goto("/bulletins");
  const row = page.getByTestId("bulletin-row").filter({ hasText: "临时额度到期提醒" });
  await expect(row).toContainText("待阅知");
  await row.getByRole("link", { name: "临时额度到期提醒" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "客户之声专题通报 第10期" })).toBeVisible();
  await page.getByRole("button", { name: "我已阅知" }).click();
  await expect(page.getByTestId("acknowledged")).toContainText("您已于");
  await page.reload();
  await expect(page.getByTestId("acknowledged")).toContainText("您已于");
  await expect(page.getByRole("button", { name: "我已阅知" })).toHaveCount(0);

  const managerPage = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await signInAs(managerPage, "manager");
  await managerPage.goto(bulletinPath);
  await expect(managerPage.getByTestId("readers-read")).toContainText("赵志远");
  await expect(managerPage.getByTestId("readers-unread")).not.toContainText("赵志远");
  await managerPage.context().close();
});
