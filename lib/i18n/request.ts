import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { defaultLocale, isLocale, localeCookie, localeFromAcceptLanguage, timeZone, type Locale } from "./config";

export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = loadMessages(locale);
  return { locale, messages, timeZone, now: new Date() };
});
