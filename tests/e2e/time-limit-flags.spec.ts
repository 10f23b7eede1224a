import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures";

// The demo data's complaints run on the regulator's 15-day clock from when they happened; some of
// the supervisor's team's are past it (in issues still open), and one escalated issue of the
// specialist's site waits past its escalation → verification target.

test("supervisor sees each complaint's clock in the queue, and how many of the team's complaints are near or past the limit", async ({ page }, testInfo) => {
  await signInAs(page, "supervisor");
  const flagged = page.getByTestId("complaint-clock-flagged");
  await expect(flagged).toHaveText(/^[1-9]\d*$/);
  await expect(flagged.locator("xpath=ancestor::div[1]")).toContainText(/已逾期 \d+ · 临近 \d+ · 本组在办投诉 \d+/);

  const complaints = page.locator('[data-testid="queue-record"][data-kind="complaint"]');
  await expect(complaints.first()).toBeVisible();
  for (const row of await complaints.all()) {
    await expect(row.locator('[data-testid^="deadline-"]')).toHaveText(/^(剩 \d+ 天|不足 1 天|临近期限 · (剩 \d+ 天|不足 1 天)|已逾期 \d+ 天)$/);
  }
  const others = page.locator('[data-testid="queue-record"]:not([data-kind="complaint"])');
  await expect(others.first()).toBeVisible();
  await expect(others.locator('[data-testid^="deadline-"]')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("supervisor.png"), fullPage: true });
});

test("specialist sees the issues near or past the escalation → verification target, and their complaints near or past the clock", async ({ page }, testInfo) => {
  await signInAs(page, "specialist");
  await expect(page.getByTestId("inbox-flagged")).toHaveText(/^[1-9]\d*$/);
  const flags = page.getByTestId("inbox-issue-flags");
  await expect(flags.first()).toBeVisible();
  await expect(flags.filter({ hasText: "上报至核实" }).locator('[data-testid="deadline-overdue"]').first()).toHaveText(/^已逾期 \d+ 天$/);
  await expect(page.getByTestId("inbox-complaints-overdue").first()).toHaveText(/^\d+ 件投诉已逾期$/);
  await page.screenshot({ path: testInfo.outputPath("specialist.png"), fullPage: true });
});
