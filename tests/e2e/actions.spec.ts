import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures";

/**
 * Acting on a published issue and closing the loop, on the demo data: card operations works
 * its action on 卡片到期换卡未提前通知 to done, the management post verifies it with the public
 * wording (the issue's only action, so the issue is resolved), the monthly meeting decides two
 * items and publishes its minutes, leadership comments, and the public page shows the outcome.
 */
test.describe.configure({ mode: "serial" });

const issueTitle = "卡片到期换卡未提前通知";
const publicTitle = "到期换卡前提前短信通知并确认寄送地址";
const publicOutcome = "卡片到期前两个月，我们会先短信通知您并确认寄送地址，新卡寄出后再提醒您激活。";
const meetingTitle = "E2E 客户之声专题会";

function dayFromToday(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function openMeeting(page: Page) {
  await page.goto("/meetings");
  await page.getByTestId("meeting-row").filter({ hasText: meetingTitle }).getByRole("link").click();
  await expect(page.getByTestId("meeting-title")).toHaveText(meetingTitle);
}

test("department (卡片运营部) opens its action, posts progress with an evidence link, and marks it done", async ({ page }) => {
  await signInAs(page, "department");
  await page.getByTestId("department-action").filter({ hasText: issueTitle }).getByRole("link", { name: issueTitle }).click();
  await expect(page).toHaveURL(/\/department\/actions\/\d+$/);
  await expect(page.getByTestId("action-issue-title")).toHaveText(issueTitle);

  const progress = page.getByTestId("action-progress-form");
  await progress.getByLabel("负责人").fill("刘建国（卡片运营部制卡组）");
  await progress.getByLabel("进度（%）").fill("60");
  await progress.getByLabel("进展说明").fill("换卡前短信通知模板和地址确认流程已上线试运行。");
  await progress.getByLabel("佐证链接").fill("https://intranet.example.com/renewal/pilot");
  await progress.getByRole("button", { name: "提交进展" }).click();
  await expect(progress.getByRole("status")).toHaveText("进展已提交。");
  const updates = page.getByTestId("action-updates");
  await expect(updates).toContainText("换卡前短信通知模板和地址确认流程已上线试运行。");
  await expect(updates.locator('a[href="https://intranet.example.com/renewal/pilot"]')).toBeVisible();
  await expect(page.getByTestId("action-owner")).toHaveText("刘建国（卡片运营部制卡组）");

  const done = page.getByTestId("action-complete-form");
  await done.getByLabel("完成说明").fill("到期换卡短信通知全量上线，相关来电明显减少。");
  await done.getByLabel("佐证链接").fill("https://intranet.example.com/renewal/release");
  await done.getByRole("button", { name: "标记完成" }).click();
  await expect(page.getByText("已提交完成，等待客户之声管理岗核实。")).toBeVisible();
  await expect(page.getByTestId("action-complete-form")).toHaveCount(0);
});

test("manager verifies the done action with the approved public wording, which resolves the issue", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/manager/actions");
  const row = page.getByTestId("action-to-verify").filter({ hasText: issueTitle });
  await row.getByLabel("对外标题").fill(publicTitle);
  await row.getByLabel("对外说明的改进结果").fill(publicOutcome);
  await row.getByRole("button", { name: "核实通过" }).click();
  await expect(page.getByText("已核实，问题已标记为已解决，并已通知相关人员。")).toBeVisible();
  await expect(page.getByTestId("action-to-verify").filter({ hasText: issueTitle })).toHaveCount(0);
});

test("manager opens a meeting, decides one item verified_closed and another change_due, and publishes the minutes", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/meetings");
  const form = page.getByTestId("meeting-open-form");
  await form.getByLabel("会议名称").fill(meetingTitle);
  await form.getByLabel("参会人员").fill("赵志远（中心领导）\n张立群（客户之声管理岗）\n刘建国（卡片运营部）");
  await form.getByRole("button", { name: "召开并生成议程" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.getByTestId("meeting-title")).toHaveText(meetingTitle);

  // A done action: verified and closed on the spot.
  const doneItem = page.getByTestId("agenda-done").getByTestId("meeting-item").filter({ hasText: "新卡激活短信验证码收不到" });
  await expect(doneItem.getByLabel("决定")).toHaveValue("verified_closed");
  await doneItem.getByLabel("说明（可不填）").fill("验证码到达时间降至10秒以内，同意验证关闭。");
  await doneItem.getByRole("button", { name: "记录决定" }).click();
  await expect(doneItem.getByTestId("item-decision")).toContainText("验证关闭");

  // An overdue action: a new due date.
  const overdueItem = page.getByTestId("agenda-overdue").getByTestId("meeting-item").filter({ hasText: "卡片寄送物流信息无法查询" });
  await overdueItem.getByLabel("决定").selectOption("change_due");
  await overdueItem.getByLabel("新截止日期").fill(dayFromToday(30));
  await overdueItem.getByLabel("说明（可不填）").fill("服务商联调延期，同意再延一个月。");
  await overdueItem.getByRole("button", { name: "记录决定" }).click();
  await expect(overdueItem.getByTestId("item-decision")).toContainText("调整截止日期");

  page.once("dialog", (dialog) => void dialog.accept());
  const minutes = page.getByTestId("meeting-minutes-form");
  await expect(minutes.getByLabel("会议纪要")).toHaveValue(/验证关闭/);
  await minutes.getByRole("button", { name: "发布纪要" }).click();
  await expect(page.getByTestId("meeting-minutes")).toContainText("调整截止日期");
  await expect(page.getByText("纪要已发布").first()).toBeVisible();
  await expect(page.getByTestId("meeting-decision-form")).toHaveCount(0);
});

test("leadership reads the published minutes and comments on them", async ({ page }) => {
  await signInAs(page, "leadership");
  await openMeeting(page);
  await expect(page.getByTestId("meeting-minutes")).toContainText("新卡激活短信验证码收不到");
  await expect(page.getByTestId("meeting-attendees")).toContainText("赵志远（中心领导）");
  const comment = page.getByTestId("meeting-comment-form");
  await comment.getByLabel("意见").fill("物流查询请卡片运营部按新日期完成，下次会议汇报。");
  await comment.getByRole("button", { name: "发表意见" }).click();
  await expect(page.getByTestId("meeting-comments")).toContainText("物流查询请卡片运营部按新日期完成");
});

test.describe("a customer without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sees the resolved improvement on “you said, we did”", async ({ page }) => {
    await page.goto("/improvements");
    await expect(page.getByRole("heading", { level: 1, name: "您说，我们做了" })).toBeVisible();
    const first = page.getByTestId("improvement").first();
    await expect(first).toContainText(publicTitle);
    await expect(first).toContainText(publicOutcome);
  });
});
