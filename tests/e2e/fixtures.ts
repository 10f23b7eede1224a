import { expect, type Page } from "@playwright/test";

export const demoRoles = ["agent", "supervisor", "specialist", "manager", "department", "leadership", "admin"] as const;
export type DemoRole = (typeof demoRoles)[number];
export const demoPassword = "demo1234";

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel(/邮箱|郵箱|E-mail/).fill(email);
  await page.getByLabel(/密码|密碼|Password/).fill(password);
  await page.getByRole("button", { name: /^(登录|登入|Sign in)$/ }).click();
}

/** Signs in as the demo account of a role and waits for that role's home page. */
export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await signIn(page, `${role}@demo.local`);
  await expect(page).toHaveURL(new RegExp(`/${role}$`));
}
