import { getLocale } from "next-intl/server";
import { setLocaleAction } from "@/lib/actions/preferences";
import { localeLabels, locales } from "@/lib/i18n/config";
import { currentPath } from "@/lib/request";

/** Three buttons in a form: a language change needs no JavaScript. */
export async function LocaleSwitcher({ tone = "light" }: { tone?: "light" | "dark" }) {
  const current = await getLocale();
  const returnTo = (await currentPath()) ?? "/";
  const base = tone === "dark" ? "text-brand-100 hover:bg-white/10" : "text-slate-600 hover:bg-slate-100";
  const active = tone === "dark" ? "bg-white/15 text-white" : "bg-slate-200 text-slate-900";
  return (
    <form action={setLocaleAction} className="flex items-center gap-0.5 text-xs" aria-label="Language / 语言">
      <input type="hidden" name="returnTo" value={returnTo} />
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`rounded-md px-2 py-1 font-medium ${locale === current ? active : base}`}
        >
          {localeLabels[locale]}
        </button>
      ))}
    </form>
  );
}
