export const locales = ["zh-Hans", "zh-Hant", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-Hans";
export const localeCookie = "NEXT_LOCALE";
export const timeZone = "Asia/Shanghai";

export const localeLabels: Record<Locale, string> = {
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
  en: "English",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Picks a locale from an Accept-Language header: Traditional for TW/HK/MO or Hant. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("zh")) {
      return /hant|tw|hk|mo/.test(tag) ? "zh-Hant" : "zh-Hans";
    }
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}

/** Rows that carry their name in three forms (sites, categories, departments, regions). */
export interface LocalizedNames {
  nameHans: string;
  nameHant: string;
  nameEn: string;
}

export function localName(row: LocalizedNames, locale: Locale): string {
  return locale === "en" ? row.nameEn : locale === "zh-Hant" ? row.nameHant : row.nameHans;
}
