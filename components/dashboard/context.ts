import "server-only";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import type { StatsFilters } from "@/lib/stats/filters";
import type { StatsFigure } from "@/lib/stats/registry";
import type { StatsScope } from "@/lib/stats/scope";
import { figureTables, targetHref, type FigureResult, type FigureTable, type TableContext, type Translate } from "@/lib/stats/tables";

/** What every section gets from the page: the view's filters and the viewer's scope. */
export interface SectionProps {
  filters: StatsFilters;
  scope: StatsScope;
}

/** The translator, formatter and locale a section renders with, and its figures' tables. */
export async function sectionTools(filters: StatsFilters) {
  const [root, t, format, locale] = [await getTranslations(), await getTranslations("dashboard"), await getFormatter(), (await getLocale()) as Locale];
  const ctx: TableContext = { t: root as unknown as Translate, locale, filters };
  return {
    t,
    root,
    format,
    locale,
    tables<F extends StatsFigure>(figure: F, data: FigureResult<F>): FigureTable[] {
      return figureTables(figure, data, ctx);
    },
    /** Each row's link, keyed by what the chart knows the row by. */
    links(table: FigureTable | undefined, key: (cells: FigureTable["rows"][number], index: number) => string | number): Record<string, string> {
      const out: Record<string, string> = {};
      table?.rows.forEach((row, i) => {
        if (row.target) out[String(key(row, i))] = targetHref(row.target, filters);
      });
      return out;
    },
  };
}
