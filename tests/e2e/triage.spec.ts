import { expect, test, type Page } from "@playwright/test";
import { signInAs, type DemoRole } from "./fixtures";

/** One browser, several people: each signs in on a clean cookie jar. */
async function as(page: Page, role: DemoRole) {
  await page.context().clearCookies();
  await signInAs(page, role);
}

test("supervisor groups two records into an issue and escalates it; specialist sends it back; supervisor answers; specialist reports it to the management post", async ({ page }) => {
  const title = `分期手续费说明不清（浏览器测试 ${Date.now().toString(36)}）`;

  // The supervisor ticks two records of the week's concentrated topic and makes an issue of them.
  await as(page, "supervisor");
  await page.getByTestId("concentration-topic").filter({ hasText: "分期" }).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/supervisor\?q=/);
  const rows = page.getByTestId("queue-record");
  await expect(rows.nth(1)).toBeVisible();
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await expect(page.getByTestId("selection-bar")).toContainText("已选 2 条");
  const create = page.getByTestId("create-issue-form");
  await create.getByLabel("问题标题").fill(title);
  await create.getByLabel("问题描述").fill("本周多位客户反映办理账单分期时手续费说明不清。");
  await expect(create.getByLabel("分类")).toHaveValue("instalment");
  await create.getByRole("button", { name: "创建问题" }).click();
  const created = page.getByRole("status").filter({ hasText: "已创建问题" });
  await expect(created).toContainText("包含 2 条记录");
  const issueId = Number((await created.textContent())?.match(/#(\d+)/)?.[1]);
  expect(issueId).toBeGreaterThan(0);

  // It waits in "My issues" as a draft; escalating it sends it to the site's specialist.
  const mine = page.getByTestId("my-issue").filter({ hasText: title });
  await expect(mine).toContainText("草稿");
  await mine.getByRole("button", { name: "上报专员" }).click();
  await expect(mine).toContainText("已上报专员");

  // The specialist finds it in the inbox and sends it back with a question.
  await as(page, "specialist");
  await page.getByTestId("inbox-issue").filter({ hasText: title }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/issues/${issueId}$`));
  await expect(page.getByTestId("issue-record")).toHaveCount(2);
  const question = "请补充本周涉及的客户数量，以及是否集中在某一种分期产品。";
  await page.getByLabel("需要督导补充什么").fill(question);
  await page.getByRole("button", { name: "退回并提问" }).click();
  // Sent back: the issue shows the question, and the specialist's form for it is gone.
  await expect(page.getByText(`原因：${question}`).first()).toBeVisible();
  await expect(page.getByTestId("specialist-issue-panel")).toContainText(`已退回督导，等待补充：${question}`);
  await expect(page.getByRole("button", { name: "退回并提问" })).toHaveCount(0);

  // The supervisor answers in the description and escalates again.
  await as(page, "supervisor");
  await page.goto(`/issues/${issueId}`);
  const panel = page.getByTestId("supervisor-issue-panel");
  await expect(panel).toContainText(question);
  await panel.getByLabel("问题描述").fill("本周 7 位客户反映，均为账单分期，集中在 12 期产品。");
  await panel.getByRole("button", { name: "补充后重新上报" }).click();
  await expect(panel).toContainText("已上报，等待专员处理");
  await expect(page.getByTestId("issue-title").locator("xpath=..")).toContainText("本周 7 位客户反映，均为账单分期，集中在 12 期产品。");

  // The specialist puts it into a new site report with an analysis, saves and submits it.
  await as(page, "specialist");
  await page.goto("/specialist/reports/new");
  await page.getByLabel(`#${issueId} ${title}`).check();
  await expect(page.getByTestId("report-selected-totals")).toContainText("已选 1 个问题，共 2 条记录");
  await page.getByLabel("分析").fill("本期账单分期手续费说明不清的反映集中，建议统一告知口径。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/specialist\/reports\/\d+\?saved=1$/);
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  const reported = page.getByTestId("report-issue").filter({ hasText: title });
  await expect(reported).toContainText("投诉");
  await page.getByRole("button", { name: "提交管理岗" }).click();
  await expect(page).toHaveURL(/\?submitted=1$/);
  await expect(page.getByRole("status").filter({ hasText: "报告已提交管理岗" })).toBeVisible();
  await expect(page.getByTestId("site-report-document")).toContainText("已提交");

  await page.goto(`/issues/${issueId}`);
  await expect(page.getByText("已列入站点报告", { exact: true }).first()).toBeVisible();
});

test("supervisor dismisses a record with a reason, and the agent sees the reason among own records", async ({ page }) => {
  const reason = `个案诉求，已在通话中解决（浏览器测试 ${Date.now().toString(36)}）`;
  await as(page, "supervisor");
  const row = page.getByTestId("queue-record").filter({ hasText: "李晓雯" }).first();
  const recordId = await row.getAttribute("data-record-id");
  await row.getByRole("button", { name: /^不采纳记录/ }).click();
  const form = page.getByTestId("dismiss-form");
  await form.getByRole("button", { name: "确认不采纳" }).click();
  await expect(form.getByRole("alert")).toHaveText("此项必填。");
  await form.getByLabel("不采纳的原因").fill(reason);
  await form.getByRole("button", { name: "确认不采纳" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已不采纳该记录" })).toBeVisible();
  await expect(page.locator(`[data-record-id="${recordId}"]`)).toHaveCount(0);

  await as(page, "agent");
  await page.goto("/agent/records?status=dismissed");
  await expect(page.getByTestId("own-record").filter({ hasText: reason })).toContainText(`督导意见：${reason}`);
});
