import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures";

/** Set by scripts/e2e-server.mjs and seeded with records:write and records:read. */
const demoToken = "voc_demo_token_for_browser_tests_0001";
const auth = { authorization: `Bearer ${demoToken}` };

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { example: Record<string, unknown> }> } }>>;
}

test("the telephony system posts the documented example with the demo token, retries it, and reads it back", async ({ request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as OpenApi;
  const example = document.paths["/api/v1/records"].post.requestBody?.content["application/json"].example;
  expect(example?.categoryCode).toBe("pin.letter");
  const externalId = `e2e-${Date.now()}`;
  const key = `key-${externalId}`;

  const created = await request.post("/api/v1/records", { headers: { ...auth, "idempotency-key": key }, data: { ...example, externalId } });
  expect(created.status()).toBe(201);
  const record = await created.json();
  expect(created.headers()["location"]).toBe(`/api/v1/records/${record.id}`);
  expect(record).toMatchObject({ externalId, channel: "hotline", siteCode: "SZ", regionCode: "320500", contact: "138****8000", category: { code: "pin.letter" } });

  const retried = await request.post("/api/v1/records", { headers: { ...auth, "idempotency-key": key }, data: { ...example, externalId } });
  expect(retried.status()).toBe(200);
  expect(retried.headers()["idempotent-replayed"]).toBe("true");
  expect((await retried.json()).id).toBe(record.id);

  const fetched = await request.get(`/api/v1/records/${record.id}`, { headers: auth });
  expect(fetched.status()).toBe(200);
  expect((await fetched.json()).summary).toBe(example?.summary);

  const listed = await request.get(`/api/v1/records?channel=hotline&categoryCode=pin&limit=5`, { headers: auth });
  expect(listed.status()).toBe(200);
  const page = await listed.json();
  expect(page.data[0].id).toBe(record.id);
  expect(page.data).toHaveLength(5);
  expect(typeof page.nextCursor).toBe("string");
});

test("the API refuses a request without a token and a body that is not JSON, as problem+json", async ({ request }) => {
  const anonymous = await request.post("/api/v1/records", { data: { summary: "x" } });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toBe("application/problem+json");
  expect(anonymous.headers()["www-authenticate"]).toContain("Bearer");

  const garbage = await request.post("/api/v1/records", { headers: { ...auth, "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(garbage.status()).toBe(400);
  expect((await garbage.json()).title).toBe("Malformed JSON");

  const bad = await request.post("/api/v1/records", { headers: auth, data: { kind: "complaint", channel: "hotline", categoryCode: "no.such", summary: "测试" } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors).toEqual([{ field: "categoryCode", message: "There is no such category; choose one from the list." }]);
});

test("GET /api/v1/openapi.json is an OpenAPI 3.1.0 document", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const document = JSON.parse(await response.text()) as OpenApi;
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths).sort()).toEqual(["/api/v1/records", "/api/v1/records/bulk", "/api/v1/records/{id}", "/api/v1/regions", "/api/v1/stats/{figure}"]);
});

test.describe("a visitor without an account, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("reads the API reference at /developers, with every endpoint and a curl example", async ({ page }) => {
    await page.goto("/developers");
    await expect(page).toHaveURL(/\/developers$/);
    await expect(page.getByRole("heading", { level: 1, name: "接口文档" })).toBeVisible();
    for (const endpoint of ["POST /api/v1/records", "GET /api/v1/records", "POST /api/v1/records/bulk", "GET /api/v1/records/{id}", "GET /api/v1/regions", "GET /api/v1/stats/{figure}"]) {
      await expect(page.getByRole("heading", { name: endpoint, exact: true })).toBeVisible();
    }
    await expect(page.locator("#createRecord pre").last()).toContainText("curl -X POST");
    await expect(page.locator("#createRecord pre").first()).toContainText('"categoryCode": "pin.letter"');
    await expect(page.getByRole("cell", { name: "pin.letter", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "OpenAPI 3.1 JSON" })).toHaveAttribute("href", "/api/v1/openapi.json");
  });
});

test("admin issues a token, which works at once and is shown once; revoking it stops it", async ({ page, request }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "集成令牌" })).toBeVisible();
  await expect(page.locator('[data-testid="token-row"]').filter({ hasText: "Demo integration" })).toBeVisible();

  const name = `E2E gateway ${Date.now()}`;
  await page.getByLabel("名称", { exact: true }).fill(name);
  await page.getByRole("checkbox", { name: /records:read/ }).check();
  await page.getByRole("button", { name: "签发令牌", exact: true }).click();
  const issued = page.getByTestId("issued-token");
  await expect(issued).toBeVisible();
  const token = await issued.locator("input").inputValue();
  expect(token).toMatch(/^voc_[0-9A-Za-z]{32}$/);
  const row = page.locator(`[data-testid="token-row"][data-token-name="${name}"]`);
  await expect(row).toContainText(`${token.slice(0, 12)}…`);
  await expect(row).toContainText("records:write");
  await expect(row).toContainText("records:read");

  const ok = await request.get("/api/v1/records?limit=1", { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("issued-token")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(token);

  await row.getByText("撤销", { exact: true }).click();
  await expect(row).toContainText(`撤销后，使用“${name}”的系统将立即无法访问，且不能恢复。`);
  await row.getByRole("button", { name: "确认撤销" }).click();
  await expect(row).toContainText("已撤销");
  const refused = await request.get("/api/v1/records?limit=1", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});

/** The viewer's language, as the language menu would remember it. */
async function chooseLocale(page: Page, locale: "zh-Hans" | "zh-Hant" | "en", baseURL: string | undefined) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://127.0.0.1" }]);
}

const integrationWords = {
  "zh-Hans": { reference: "接口文档", start: "开始", fields: "记录字段", noToken: "无需令牌", tokens: "集成令牌", issue: "签发令牌", name: "名称" },
  "zh-Hant": { reference: "介面文件", start: "開始", fields: "記錄欄位", noToken: "無需令牌", tokens: "整合令牌", issue: "簽發令牌", name: "名稱" },
  en: { reference: "API reference", start: "Getting started", fields: "Record fields", noToken: "No token", tokens: "Integration tokens", issue: "Issue token", name: "Name" },
} as const;

for (const [locale, words] of Object.entries(integrationWords) as [keyof typeof integrationWords, (typeof integrationWords)[keyof typeof integrationWords]][]) {
  const others = Object.entries(integrationWords).filter(([other]) => other !== locale).map(([, w]) => w);

  test(`the API reference and the token page speak ${locale} only`, async ({ page, baseURL }) => {
    await chooseLocale(page, locale, baseURL);
    await page.goto("/developers");
    await expect(page).toHaveTitle(new RegExp(words.reference));
    await expect(page.getByRole("heading", { level: 1, name: words.reference, exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: words.start, exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: words.fields, exact: true })).toBeVisible();
    await expect(page.locator("#listRegions")).toContainText(words.noToken);
    await expect(page.getByRole("listitem").getByText("Authorization: Bearer voc_…", { exact: true })).toBeVisible();
    const main = page.locator("main");
    for (const other of others) await expect(main).not.toContainText(other.start);

    await signInAs(page, "admin");
    await page.goto("/admin/tokens");
    await expect(page.getByRole("heading", { level: 1, name: words.tokens, exact: true })).toBeVisible();
    await expect(page.getByLabel(words.name, { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: words.issue, exact: true })).toBeVisible();
    for (const other of others) await expect(page.getByRole("button", { name: other.issue, exact: true })).toHaveCount(0);
  });
}
