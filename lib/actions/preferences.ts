"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, localeCookie } from "@/lib/i18n/config";

/** Sets the UI language; works from a plain form post, without JavaScript. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  const returnTo = String(formData.get("returnTo") ?? "/");
  if (isLocale(locale)) {
    (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  }
  redirect(returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/");
}
