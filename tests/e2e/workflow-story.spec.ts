import { expect, test, type Page } from "@playwright/test";
import { signInAs, type DemoRole } from "./fixtures";

/**
 * The seed's PIN-letter story, walked through every role on the built app: agents file
 * records, a customer writes in, the supervisor escalates, the specialist reports, the
 * management post verifies and publishes a bulletin, the department takes it as an immediate
 * new practice and marks it done, the monthly meeting verifies it, and the customer's tracking
 * page shows the outcome.
 */
test.describe.configure({ mode: "serial" });

const marker = `密码函迟迟未到 ${Date.now().toString(36)}`;
const issueTitle = `开卡后密码函寄送滞后，客户无法及时用卡（${marker}）`;
const publicTitle = "开卡后可在800电话直接设置密码，当天即可用卡";
const publicOutcome = "现在开卡成功后可以直接通过800热线设置交易密码，当天即可用卡，不再需要等待密码函。";
const contact = "13900139000";
let issueId = 0;
let trackingNumber = "";

async function as(page: Page, role: DemoRole) {
  await page.context().clearCookies();
  await signInAs(page, role);
}

function inDays(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test("agents file PIN-letter complaints and report them to the supervisor", async ({ page }) => {
  await as(page, "agent");
  for (const words of ["卡已激活一周，密码函还没收到，刷卡要密码用不了。", "开卡三天了密码函没到，想当天就能用卡。"]) {
    await page.getByLabel("分类").fill("密码函");
    await page.keyboard.press("Enter");
    await page.getByLabel("客户所在地").fill("suzhou");
    await page.keyboard.press("Enter");
    await page.getByLabel("摘要").fill(`${marker}，无法用卡`);
    await page.getByLabel("客户原话").fill(words);
    await page.getByLabel("上报督导").check();
    await page.getByRole("button", { name: "保存记录" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存记录" })).toBeVisible();
  }
});

test("customer writes in on the public page and the specialist approves it", async ({ page }) => {
  await page.context().clearCookies();
  await page.goto("/feedback");
  await page.getByLabel("投诉").check();
  await page.getByLabel("涉及的业务").selectOption({ label: "密码函寄送" });
  await page.getByLabel("您所在的城市").selectOption({ label: "苏州市" });
  await page.getByLabel("一句话概括").fill(`${marker}（客户来信）`);
  await page.getByLabel("详细说明").fill("开卡后一直等密码函，快两周了还没收到，卡没法用。");
  await page.getByLabel("联系方式（可不填）").fill(contact);
  await page.getByRole("button", { name: "提交" }).click();
  trackingNumber = (await page.getByTestId("tracking-number").textContent())!.trim();
  expect(trackingNumber).toMatch(/^VC-/);

  await as(page, "specialist");
  await page.goto("/specialist/moderation");
  const card = page.getByTestId("pending-submission").filter({ hasText: marker }).locator("xpath=../..");
  await card.getByRole("button", { name: "通过" }).click();
  await expect(page.getByTestId("pending-submission").filter({ hasText: marker })).toHaveCount(0);
});

test("supervisor groups the records into an issue and escalates it to the specialist", async ({ page }) => {
  await as(page, "supervisor");
  await page.goto(`/supervisor?q=${encodeURIComponent(marker)}`);
  const rows = page.getByTestId("queue-record");
  await expect(rows).toHaveCount(2);
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  const create = page.getByTestId("create-issue-form");
  await create.getByLabel("问题标题").fill(issueTitle);
  await create.getByLabel("问题描述").fill("开卡后密码函寄送慢，客户无法刷卡消费，来电集中。");
  await create.getByRole("button", { name: "创建问题" }).click();
  // Both records left the queue; the new issue waits in "My issues" as a draft with them.
  await expect(rows).toHaveCount(0);
  const mine = page.getByTestId("my-issue").filter({ hasText: issueTitle });
  await expect(mine).toContainText("2 条记录");
  issueId = Number((await mine.getByRole("link").first().getAttribute("href"))?.match(/\/issues\/(\d+)/)?.[1]);
  expect(issueId).toBeGreaterThan(0);
  await mine.getByRole("button", { name: "上报专员" }).click();
  await expect(mine).toContainText("已上报专员");
});

test("specialist adds the customer's letter as evidence and reports the issue to the management post", async ({ page }) => {
  await as(page, "specialist");
  await page.goto(`/issues/${issueId}`);
  const evidence = page.getByTestId("evidence-form");
  await evidence.getByLabel(new RegExp(marker)).check();
  await evidence.getByRole("button", { name: "补充所选证据" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已补充 1 条其他渠道证据" })).toBeVisible();
  await expect(page.getByTestId("issue-record")).toHaveCount(3);

  await page.goto("/specialist/reports/new");
  await page.getByLabel(`#${issueId} ${issueTitle}`).check();
  await page.getByLabel("分析").fill("密码函寄送滞后导致开卡后无法用卡，三个渠道均有反映，建议开卡时直接设置密码。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/specialist\/reports\/\d+\?saved=1$/);
  await page.getByRole("button", { name: "提交管理岗" }).click();
  await expect(page.getByRole("status").filter({ hasText: "报告已提交管理岗" })).toBeVisible();
});

test("manager verifies the issue and publishes it in a numbered bulletin", async ({ page }) => {
  await as(page, "manager");
  await page.goto("/manager/verification");
  const card = page.getByTestId("screening-issue").filter({ hasText: issueTitle });
  await card.getByRole("button", { name: "核实通过" }).click();
  await card.getByRole("button", { name: "确认核实通过" }).click();
  // Its report had no other issue: the report is reviewed and leaves the list of waiting ones.
  await expect(page.getByTestId("screening-issue").filter({ hasText: issueTitle })).toHaveCount(0);
  await page.goto(`/issues/${issueId}`);
  await expect(page.getByText("已核实", { exact: true }).first()).toBeVisible();

  await page.goto("/bulletins/new");
  const editor = page.getByTestId("bulletin-editor");
  await editor.getByLabel("标题").fill("密码函寄送滞后影响客户用卡");
  await editor.getByLabel("编者按").fill("开卡后密码函迟迟未到，客户无法用卡，建议开卡环节改为电话直接设置交易密码。");
  await editor.getByLabel(new RegExp(marker)).check();
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/bulletins\/\d+\?saved=1$/);
  await page.getByRole("button", { name: /^发布第\d+期…$/ }).click();
  await page.getByRole("button", { name: "确认发布" }).click();
  await expect(page.getByText(/第\d+期已发布/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /客户之声专题通报 第\d+期/ })).toBeVisible();
});

test("manager assigns it to card operations as an immediate new practice", async ({ page }) => {
  await as(page, "manager");
  await page.goto(`/issues/${issueId}`);
  const form = page.getByTestId("assign-action-form");
  await form.getByLabel("责任部门").selectOption({ label: "卡片运营部" });
  await form.getByLabel("处置方式").selectOption({ label: "立即成为新的业务实践" });
  await form.getByLabel("截止日期").fill(inDays(14));
  await form.getByRole("button", { name: "分派" }).click();
  await expect(page.getByText("已分派，责任部门已收到通知。")).toBeVisible();
});

test("department puts the practice in place and marks the action done", async ({ page }) => {
  await as(page, "department");
  await page.getByTestId("department-action").filter({ hasText: issueTitle }).getByRole("link", { name: issueTitle }).click();
  const progress = page.getByTestId("action-progress-form");
  await progress.getByLabel("负责人").fill("刘建国（卡片运营部）");
  await progress.getByLabel("进度（%）").fill("50");
  await progress.getByLabel("进展说明").fill("800电话开卡后直接设置交易密码的功能已在测试环境验证。");
  await progress.getByRole("button", { name: "提交进展" }).click();
  await expect(progress.getByRole("status")).toHaveText("进展已提交。");
  const done = page.getByTestId("action-complete-form");
  await done.getByLabel("完成说明").fill("新系统上线：客户开卡后直接在800电话设置交易密码，当天即可用卡。");
  await done.getByLabel("佐证链接").fill("https://intranet.example.com/pin-by-phone/release");
  await done.getByRole("button", { name: "标记完成" }).click();
  await expect(page.getByText("已提交完成，等待客户之声管理岗核实。")).toBeVisible();
});

test("the monthly VoC meeting verifies the done action and closes the issue with the public wording", async ({ page }) => {
  await as(page, "manager");
  await page.goto("/meetings");
  const form = page.getByTestId("meeting-open-form");
  await form.getByLabel("会议名称").fill(`密码函专题会 ${marker}`);
  await form.getByLabel("参会人员").fill("赵志远（中心领导）\n张立群（客户之声管理岗）\n刘建国（卡片运营部）");
  await form.getByRole("button", { name: "召开并生成议程" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const item = page.getByTestId("agenda-done").getByTestId("meeting-item").filter({ hasText: issueTitle });
  await expect(item.getByLabel("决定")).toHaveValue("verified_closed");
  await item.getByLabel("对外标题").fill(publicTitle);
  await item.getByLabel("对外说明的改进结果").fill(publicOutcome);
  await item.getByRole("button", { name: "记录决定" }).click();
  await expect(item.getByTestId("item-decision")).toContainText("验证关闭");

  await page.goto(`/issues/${issueId}`);
  await expect(page.getByText("已解决", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("上报客户之声专员");
  await expect(page.getByTestId("timeline")).toContainText("核实通过");
  await expect(page.getByTestId("timeline")).toContainText("标记完成");
});

test("the customer's tracking page shows the outcome, and the agent is told", async ({ page }) => {
  await page.context().clearCookies();
  await page.goto(`/track?n=${trackingNumber}`);
  await page.getByLabel("联系方式").fill(contact);
  await page.getByRole("button", { name: "查询" }).click();
  const result = page.getByTestId("tracking-result");
  await expect(result).toContainText("已解决");
  await expect(result).toContainText(publicOutcome);

  await page.goto("/improvements");
  await expect(page.getByTestId("improvement").filter({ hasText: publicTitle }).first()).toBeVisible();

  await as(page, "agent");
  await page.goto("/notifications");
  await expect(page.getByText(new RegExp(publicTitle.slice(0, 8))).first()).toBeVisible();
});
