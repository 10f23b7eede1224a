import { expect, test } from "@playwright/test";
import { demoRoles, signIn, signInAs } from "./fixtures";

const headings: Record<(typeof demoRoles)[number], RegExp> = {
  agent: /您好/,
  supervisor: /班组客户之声队列/,
  specialist: /站点客户之声/,
  manager: /客户之声管理岗/,
  department: /本部门的改进事项/,
  leadership: /中心领导总览/,
  admin: /系统管理/,
};

for (const role of demoRoles) {
  test(`${role} signs in and lands on the ${role} page with its own data`, async ({ page }) => {
    await signInAs(page, role);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings[role]);
    await expect(page.getByTestId("viewer")).toBeVisible();
    const session = await page.request.get("/api/auth/session");
    expect((await session.json()).user.role).toBe(role);
  });
}

test("agent who types the manager's URL is refused with 403", async ({ page }) => {
  await signInAs(page, "agent");
  const response = await page.goto("/manager");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问此页面" })).toBeVisible();
  await expect(page.getByText("待核实的站点报告")).toHaveCount(0);
});

test("department user is refused the admin page, and every other role's page", async ({ page }) => {
  await signInAs(page, "department");
  for (const other of demoRoles.filter((r) => r !== "department")) {
    const response = await page.goto(`/${other}`);
    expect(response?.status(), other).toBe(403);
  }
});

test("a visitor without a session is sent to sign in and back", async ({ page }) => {
  await page.goto("/supervisor");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsupervisor/);
  await page.getByLabel("邮箱").fill("supervisor@demo.local");
  await page.getByLabel("密码").fill("demo1234");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/supervisor$/);
});

test("a wrong password is refused with a clear message and the e-mail kept", async ({ page }) => {
  await signIn(page, "leadership@demo.local", "not-the-password");
  await expect(page.locator("form [role=alert]")).toContainText("邮箱或密码不正确");
  await expect(page.getByLabel("邮箱")).toHaveValue("leadership@demo.local");
  await expect(page).toHaveURL(/\/signin/);
});

test("admin disables a user, who loses access at the next request", async ({ browser }) => {
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await agentPage.goto("/signin");
  await agentPage.getByLabel("邮箱").fill("agent.sh1.2@demo.local");
  await agentPage.getByLabel("密码").fill("demo1234");
  await agentPage.getByRole("button", { name: "登录" }).click();
  await expect(agentPage).toHaveURL(/\/agent$/);

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInAs(adminPage, "admin");
  const row = adminPage.locator('[data-testid="user-row"][data-email="agent.sh1.2@demo.local"]');
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row.getByText("已停用")).toBeVisible();

  await agentPage.reload();
  await expect(agentPage).toHaveURL(/\/signin/);
  const session = await agentPage.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});

  await row.getByRole("button", { name: "启用" }).click();
  await expect(row.getByText("启用", { exact: true })).toBeVisible();
  await agentContext.close();
  await adminContext.close();
});

test("a user switches the interface to Traditional Chinese and to English", async ({ page }) => {
  await signInAs(page, "manager");
  await page.getByRole("button", { name: "繁體中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("客戶之聲管理崗");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VoC management post");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("客户之声管理岗");
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, "specialist");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/specialist");
  await expect(page).toHaveURL(/\/signin/);
});
