import Link from "next/link";
import { KindTrendChart } from "@/components/charts/kind-trend-chart";
import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { localName } from "@/lib/i18n/config";
import { dashboardHref, periodRange, recordsHref } from "@/lib/stats/url";
import type { RecordKind } from "@/db/schema";
import { loadFigure } from "./data";
import { FigureCard } from "./figure-card";
import { FigureGrid } from "./section";
import { sectionTools, type SectionProps } from "./context";

/** Records per period by kind, by category (with drill-down), channel, site and province; rising topics. */
export async function TrendsSection({ filters, scope }: SectionProps) {
  const [trend, categories, channels, sites, provinces, rising] = await Promise.all([
    loadFigure("trend", filters, scope),
    loadFigure("categories", filters, scope),
    loadFigure("channels", filters, scope),
    loadFigure("sites", filters, scope),
    loadFigure("provinces", filters, scope),
    loadFigure("rising", filters, scope),
  ]);
  const { t, root, locale, tables, links } = await sectionTools(filters);
  const kindLabels = Object.fromEntries(trend.kinds.map((k) => [k, root(`recordKind.${k}`)])) as Record<RecordKind, string>;
  const trendLinks: Record<string, string> = {};
  for (const p of trend.points) {
    for (const kind of trend.kinds) trendLinks[`${p.period}|${kind}`] = recordsHref(filters, { ...periodRange(p.period, filters.grain, filters), kind });
  }
  const trendTotal = trend.points.reduce((s, p) => s + p.total, 0);
  const categoryTables = tables("categories", categories);
  const channelTables = tables("channels", channels);
  const siteTables = tables("sites", sites);
  const provinceTables = tables("provinces", provinces);
  const risingTables = tables("rising", rising);
  const topProvinces = provinces.rows.slice(0, 10);
  const categoryLinks = links(categoryTables[0], (_, i) => i);
  const channelLinks = links(channelTables[0], (_, i) => i);
  const siteLinks = links(siteTables[0], (_, i) => i);
  const provinceLinks = links(provinceTables[0], (_, i) => i);
  const risingLinks = links(risingTables[0], (_, i) => i);
  const categoryTitle = categories.parent ? t("charts.categoriesIn", { parent: localName(categories.parent, locale) }) : t("charts.categories");

  return (
    <div className="space-y-6">
      <FigureGrid columns={3}>
        <FigureCard
          id="trend"
          title={t("charts.trend")}
          hint={t("charts.trendHint")}
          figure="trend"
          tables={tables("trend", trend)}
          filters={filters}
          empty={trendTotal === 0}
          className="lg:col-span-2"
        >
          <KindTrendChart data={trend} label={t("chartLabel", { title: t("charts.trend") })} kindLabels={kindLabels} links={trendLinks} locale={locale} />
        </FigureCard>
        <FigureCard id="rising" title={t("charts.rising")} hint={t("charts.risingHint")} figure="rising" tables={risingTables} filters={filters}>
          {rising.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">{t("charts.risingEmpty")}</p>
          ) : (
            <ol className="divide-y divide-slate-100" data-testid="rising-list">
              {rising.map((r, i) => (
                <li key={r.categoryId} className="flex items-center justify-between gap-3 py-2.5">
                  <Link href={risingLinks[i] ?? "#"} className="min-w-0 text-sm font-medium text-brand-800 hover:underline">
                    <span className="mr-2 inline-block w-4 text-xs tabular-nums text-slate-400">{i + 1}</span>
                    {localName(r, locale)}
                  </Link>
                  <span className="shrink-0 text-right">
                    <span className="block text-sm font-semibold tabular-nums text-rose-700">
                      {r.ratio === null ? t("charts.risingNew") : t("charts.risingTimes", { ratio: r.ratio.toFixed(1) })}
                    </span>
                    <span className="block text-xs tabular-nums text-slate-500">
                      {r.recent} / {r.usual.toFixed(1)}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </FigureCard>
      </FigureGrid>
      <FigureGrid columns={3} align="start">
        <FigureCard
          id="categories"
          title={categoryTitle}
          hint={t("charts.categoriesHint")}
          figure="categories"
          tables={categoryTables}
          filters={filters}
          empty={categories.rows.every((r) => r.n === 0)}
          note={
            categories.parent ? (
              <Link href={dashboardHref({ ...filters, categoryId: undefined })} className="font-medium text-brand-700 hover:underline" data-testid="category-up">
                ← {t("charts.backToTop")}
              </Link>
            ) : undefined
          }
        >
          <RankedBarChart
            label={t("chartLabel", { title: categoryTitle })}
            locale={locale}
            seriesLabel={t("series.records")}
            rows={categories.rows
              .filter((r) => r.n > 0)
              .map((r) => ({ label: localName(r, locale), value: r.n, href: categoryLinks[categories.rows.indexOf(r)], tone: r.hasChildren ? "drill" : "default" }))}
          />
        </FigureCard>
        <div className="grid gap-6 print:block print:space-y-4">
          <FigureCard id="channels" title={t("charts.channels")} figure="channels" tables={channelTables} filters={filters} empty={channels.every((c) => c.n === 0)}>
            <RankedBarChart
              label={t("chartLabel", { title: t("charts.channels") })}
              locale={locale}
              seriesLabel={t("series.records")}
              rows={channels.map((c, i) => ({ label: root(`issue.channel.${c.channel}`), value: c.n, href: channelLinks[i] }))}
            />
          </FigureCard>
          {scope.level === "all" ? (
            <FigureCard id="sites" title={t("charts.sites")} figure="sites" tables={siteTables} filters={filters} empty={sites.every((s) => s.n === 0)}>
              <RankedBarChart
                label={t("chartLabel", { title: t("charts.sites") })}
                locale={locale}
                seriesLabel={t("series.records")}
                rows={sites.map((s, i) => ({ label: s.siteId === null ? t("noSite") : localName(s, locale), value: s.n, href: siteLinks[i], tone: s.siteId === null ? "muted" : "default" }))}
              />
            </FigureCard>
          ) : null}
        </div>
        <FigureCard
          id="provinces"
          title={t("charts.provinces")}
          figure="provinces"
          tables={provinceTables}
          filters={filters}
          empty={provinces.rows.length === 0}
          note={t("charts.provincesNote")}
        >
          <RankedBarChart
            label={t("chartLabel", { title: t("charts.provinces") })}
            locale={locale}
            seriesLabel={t("series.records")}
            rows={topProvinces.map((p, i) => ({ label: p.code === null ? t("noRegion") : localName(p, locale), value: p.n, href: provinceLinks[i], tone: p.code === null ? "muted" : "default" }))}
          />
        </FigureCard>
      </FigureGrid>
    </div>
  );
}
