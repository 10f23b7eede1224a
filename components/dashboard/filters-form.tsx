import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { channels, recordKinds } from "@/db/schema";
import { localName, type Locale } from "@/lib/i18n/config";
import { grains, type StatsFilters } from "@/lib/stats/filters";
import type { StatsScope } from "@/lib/stats/scope";
import type { DashboardOptions } from "./data";

const control =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200";

/**
 * The view's filters as a plain GET form: the filters live in the address (a view can be
 * shared or bookmarked) and the form works without JavaScript.
 */
export async function DashboardFilters({ filters, scope, options }: { filters: StatsFilters; scope: StatsScope; options: DashboardOptions }) {
  const [t, tk, tc, locale] = [await getTranslations("dashboard.filters"), await getTranslations("recordKind"), await getTranslations("issue.channel"), (await getLocale()) as Locale];
  const parents = options.categories.filter((c) => c.parentId === null);
  const childrenOf = (id: number) => options.categories.filter((c) => c.parentId === id);
  const recordFilters = scope.level !== "department";
  return (
    <form method="get" action="/dashboard" className="no-print mb-8 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("title")} data-testid="dashboard-filters">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
        <label className="block text-xs font-medium text-slate-600">
          {t("from")}
          <input type="date" name="from" defaultValue={filters.from} className={control} required />
        </label>
        <label className="block text-xs font-medium text-slate-600">
          {t("to")}
          <input type="date" name="to" defaultValue={filters.to} className={control} required />
        </label>
        <label className="block text-xs font-medium text-slate-600">
          {t("grain")}
          <select name="grain" defaultValue={filters.grain} className={control}>
            {grains.map((g) => (
              <option key={g} value={g}>
                {t(`grains.${g}`)}
              </option>
            ))}
          </select>
        </label>
        {scope.level === "all" ? (
          <label className="block text-xs font-medium text-slate-600">
            {t("site")}
            <select name="siteId" defaultValue={filters.siteId ?? ""} className={control}>
              <option value="">{t("allSites")}</option>
              {options.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {localName(s, locale)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="block text-xs font-medium text-slate-600">
          {t("category")}
          <select name="categoryId" defaultValue={filters.categoryId ?? ""} className={control}>
            <option value="">{t("allCategories")}</option>
            {parents.map((p) => {
              const kids = childrenOf(p.id);
              if (kids.length === 0) {
                return (
                  <option key={p.id} value={p.id}>
                    {localName(p, locale)}
                  </option>
                );
              }
              return (
                <optgroup key={p.id} label={localName(p, locale)}>
                  <option value={p.id}>{t("allOf", { name: localName(p, locale) })}</option>
                  {kids.map((c) => (
                    <option key={c.id} value={c.id}>
                      {localName(c, locale)}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </label>
        {recordFilters ? (
          <>
            <label className="block text-xs font-medium text-slate-600">
              {t("channel")}
              <select name="channel" defaultValue={filters.channel ?? ""} className={control}>
                <option value="">{t("allChannels")}</option>
                {channels.map((c) => (
                  <option key={c} value={c}>
                    {tc(c)}
                  </option>
                ))}
              </select>
            </label>
            <label className="block text-xs font-medium text-slate-600">
              {t("kind")}
              <select name="kind" defaultValue={filters.kind ?? ""} className={control}>
                <option value="">{t("allKinds")}</option>
                {recordKinds.map((k) => (
                  <option key={k} value={k}>
                    {tk(k)}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
      </div>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-slate-500">{t("shareHint")}</p>
        <div className="flex gap-2">
          <Link href="/dashboard" className={buttonClass("secondary", "sm")}>
            {t("reset")}
          </Link>
          <button type="submit" className={buttonClass("primary", "sm")}>
            {t("apply")}
          </button>
        </div>
      </div>
    </form>
  );
}
