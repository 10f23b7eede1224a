import { expect, test } from "@playwright/test";

test.describe("customer on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("sees the landing page with the improvements customers asked for, without horizontal scrolling", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "您说，我们做了" })).toBeVisible();
    await expect(page.getByText(/密码/).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the landing page renders and the language switch works", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "您说，我们做了" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "You said, we did" })).toBeVisible();
  });
});

test("the regions API lists every province and resolves historic names", async ({ request }) => {
  const all = await (await request.get("/api/v1/regions")).json();
  expect(all.data).toHaveLength(34);
  expect(all.data[0].nameHans).toBe("安徽省");
  const chaohu = await (await request.get(`/api/v1/regions?name=${encodeURIComponent("巢湖市")}`)).json();
  expect(chaohu.data.nameHans).toBe("合肥市");
  expect(chaohu.data.matchedBy).toBe("historic");
  const search = await (await request.get("/api/v1/regions?q=suzhou")).json();
  expect(search.data.map((r: { nameHans: string }) => r.nameHans)).toContain("苏州市");
  const unknown = await request.get(`/api/v1/regions?name=${encodeURIComponent("不存在市")}`);
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toContain("application/problem+json");
});
