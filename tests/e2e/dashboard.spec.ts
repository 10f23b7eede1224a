import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs, type DemoRole } from "./fixtures";

/**
 * The dashboard on the demo data, for every role: each sees the sections of its scope; the
 * management post filters through the form, drills from a bar into the records behind it and
 * from a parent category into its children, downloads a figure as CSV, and finds the PIN-letter
 * fix with its fall in records.
 */

const everything = ["trends", "resolution", "cycle", "shifts", "effects", "people"];
const sectionsOf: Record<DemoRole, string[]> = {
  manager: everything,
  leadership: everything,
  admin: everything,
  specialist: everything,
  supervisor: ["people", "trends", "shifts", "effects"],
  agent: ["own", "trends", "effects"],
  department: ["resolution", "cycle", "effects"],
};
const allSections = ["own", ...everything];

for (const [role, sections] of Object.entries(sectionsOf) as [DemoRole, string[]][]) {
  test(`${role} opens the dashboard from the navigation and sees the sections of their scope`, async ({ page }) => {
    await signInAs(page, role);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "数据看板" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "数据看板" })).toBeVisible();
    await expect(page.getByTestId("freshness")).toContainText("数据截至");
    for (const section of sections) await expect(page.getByTestId(`section-${section}`)).toBeVisible();
    for (const section of allSections.filter((s) => !sections.includes(s))) await expect(page.getByTestId(`section-${section}`)).toHaveCount(0);
    // Every section finishes loading: no skeleton is left.
    await expect(page.getByRole("status").filter({ hasText: "正在计算" })).toHaveCount(0, { timeout: 30_000 });
    if (role === "agent") await expect(page.getByTestId("own-contribution")).toBeVisible();
    if (role === "supervisor" || role === "agent") await expect(page.getByTestId("section-trends").getByRole("heading", { level: 2 })).toContainText("问题趋势 · 上海");
  });
}

test("manager filters to complaints through the form and opens the records behind a bar", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/dashboard");
  const form = page.getByTestId("dashboard-filters");
  await form.getByLabel("类型").selectOption("complaint");
  await form.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(/[?&]kind=complaint(&|$)/);
  // Empty fields are left out of the shared address.
  expect(page.url()).not.toMatch(/=(&|$)/);
  await expect(form.getByLabel("类型")).toHaveValue("complaint");

  const trend = page.getByTestId("figure-trend");
  const bars = trend.locator(".recharts-bar-rectangle path");
  await expect(bars.last()).toBeVisible();
  await bars.last().click();
  await expect(page).toHaveURL(/\/dashboard\/records\?.*kind=complaint/);
  await expect(page.getByRole("heading", { level: 1, name: "图表背后的记录" })).toBeVisible();
  const rows = page.getByTestId("drill-record");
  await expect(rows.first()).toBeVisible();
  const kinds = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-kind")));
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(["complaint"]));
  await expect(page.getByTestId("drill-conditions")).toContainText("投诉");
});

test("manager drills from a parent category into its children and back", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/dashboard");
  const categories = page.getByTestId("figure-categories");
  await categories.getByText("以表格查看").click();
  const parent = categories.locator('table a[href^="/dashboard?"]').first();
  const name = (await parent.innerText()).trim();
  await parent.click();
  await expect(page).toHaveURL(/[?&]categoryId=\d+/);
  await expect(page.getByTestId("figure-categories").getByRole("heading", { level: 3 })).toHaveText(`${name} 的细分`);
  await expect(page.getByTestId("dashboard-filters").getByLabel("分类")).not.toHaveValue("");
  await page.getByTestId("category-up").click();
  await expect(page).not.toHaveURL(/categoryId=/);
  await expect(page.getByTestId("figure-categories").getByRole("heading", { level: 3 })).toHaveText("按分类");
});

test("manager downloads a figure as CSV with a byte-order mark and a header row", async ({ page, request }) => {
  await signInAs(page, "manager");
  await page.goto("/dashboard?kind=complaint");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("figure-trend").getByTestId("csv-link").click()]);
  expect(download.suggestedFilename()).toMatch(/^voc-trend-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe("时段起始日,投诉,合计");
  expect(lines.length).toBeGreaterThan(2);

  // Without a session there is no file.
  const anonymous = await request.get("/dashboard/csv/trend", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
});

test("manager sees the PIN-letter fix with its fall in records and its weeks before and after", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/dashboard#effects");
  const pin = page.getByTestId("fix").filter({ hasText: "800电话直接设置密码" });
  await expect(pin).toBeVisible();
  const change = Number(await pin.getAttribute("data-change"));
  expect(change).toBeLessThan(-50);
  await pin.getByRole("link", { name: "查看此项" }).click();
  await expect(page).toHaveURL(/[?&]fix=\d+/);
  await expect(page.getByTestId("figure-fix-weekly").getByRole("heading", { level: 3 })).toContainText("800电话直接设置密码");
});

/** Clicks the link of the table row with the largest value in its last column; returns that value. */
async function openLargestRow(page: import("@playwright/test").Page, figure: string): Promise<number> {
  const card = page.getByTestId(`figure-${figure}`);
  await card.getByText("以表格查看").first().click();
  const rows = card.locator("table").first().locator("tbody tr");
  const totals = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.lastElementChild?.textContent?.replace(/[^\d.]/g, "") || 0)));
  expect(totals.length).toBeGreaterThan(0);
  const largest = totals.indexOf(Math.max(...totals));
  await rows.nth(largest).locator("a").first().click();
  return totals[largest]!;
}

for (const role of ["manager", "leadership", "admin", "specialist", "supervisor", "agent"] as const) {
  test(`${role} changes a filter, opens a period of the trend and finds the records behind it`, async ({ page }) => {
    await signInAs(page, role);
    await page.goto("/dashboard");
    const form = page.getByTestId("dashboard-filters");
    await form.getByLabel("时间粒度").selectOption("month");
    await form.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/[?&]grain=month(&|$)/);
    await openLargestRow(page, "trend");
    await expect(page).toHaveURL(/\/dashboard\/records\?/);
    await expect(page.getByRole("heading", { level: 1, name: "图表背后的记录" })).toBeVisible();
    await expect(page.getByTestId("drill-record").first()).toBeVisible();
  });
}

test("department changes a filter, opens its resolution figure and finds the issues behind it", async ({ page }) => {
  await signInAs(page, "department");
  await page.goto("/dashboard");
  const form = page.getByTestId("dashboard-filters");
  await form.getByLabel("时间粒度").selectOption("month");
  await form.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(/[?&]grain=month(&|$)/);
  await openLargestRow(page, "resolution");
  await expect(page).toHaveURL(/\/dashboard\/issues\?/);
  await expect(page.getByTestId("drill-issue").first()).toBeVisible();
});
