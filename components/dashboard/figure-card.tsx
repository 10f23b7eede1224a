import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { Locale } from "@/lib/i18n/config";
import type { StatsFilters } from "@/lib/stats/filters";
import { formatCell, targetHref, type FigureTable } from "@/lib/stats/tables";
import { csvHref } from "@/lib/stats/url";

/**
 * A figure: its title and one-line reading hint, the chart, and under it the same figures as a
 * real table (folded on screen, printed open) with a CSV download of exactly those rows.
 */
export async function FigureCard({
  id,
  title,
  hint,
  note,
  figure,
  tables,
  filters,
  empty = false,
  className = "",
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  note?: React.ReactNode;
  /** The statsFigures name the CSV route serves. */
  figure: string;
  tables: FigureTable[];
  filters: StatsFilters;
  empty?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  const [t, locale] = [await getTranslations("dashboard"), (await getLocale()) as Locale];
  return (
    <section aria-labelledby={`${id}-title`} className={`flex min-w-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm print:break-inside-avoid print:shadow-none ${className}`} data-testid={`figure-${id}`}>
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 px-5 pt-4">
        <div className="min-w-0">
          <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-800">
            {title}
          </h3>
          {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
        </div>
        {tables[0] && !empty ? (
          <a href={csvHref(figure, filters, tables.length > 1 ? tables[0].part : undefined)} download className="no-print shrink-0 text-xs font-medium text-brand-700 hover:underline" data-testid="csv-link">
            {t("csv")}
          </a>
        ) : null}
      </header>
      <div className="flex-1 px-5 py-4">
        {empty ? <EmptyState title={t("empty")} hint={t("emptyHint")} /> : children}
        {note ? <p className="mt-3 text-xs text-slate-500">{note}</p> : null}
      </div>
      {!empty && tables.length > 0 ? (
        <details className="dashboard-table group border-t border-slate-100 px-5 py-3 text-sm">
          <summary className="cursor-pointer select-none text-xs font-medium text-slate-600 hover:text-slate-900">{t("showTable")}</summary>
          <div className="mt-3 space-y-4">
            {tables.map((table) => (
              <FigureTableView key={table.part} table={table} filters={filters} locale={locale} figure={figure} showCsv={tables.length > 1} csvLabel={t("csv")} />
            ))}
          </div>
        </details>
      ) : null}
    </section>
  );
}

function FigureTableView({ table, filters, locale, figure, showCsv, csvLabel }: { table: FigureTable; filters: StatsFilters; locale: Locale; figure: string; showCsv: boolean; csvLabel: string }) {
  return (
    <div>
      {showCsv ? (
        <p className="mb-1 flex items-center justify-between text-xs text-slate-500">
          <span className="font-medium">{table.title}</span>
          <a href={csvHref(figure, filters, table.part)} download className="no-print font-medium text-brand-700 hover:underline">
            {csvLabel}
          </a>
        </p>
      ) : null}
      <div className="max-h-96 overflow-auto rounded-lg border border-slate-100 print:max-h-none">
        <table className="w-full text-left text-xs">
          <caption className="sr-only">{table.title}</caption>
          <thead className="sticky top-0 bg-slate-50 text-slate-500">
            <tr>
              {table.columns.map((c, i) => (
                <th key={i} scope="col" className={`whitespace-nowrap px-3 py-2 font-medium ${c.format === "text" ? "" : "text-right"}`}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.cells.map((cell, i) => {
                  const format = table.columns[i]?.format ?? "text";
                  const text = formatCell(cell, format, locale);
                  const Tag = i === 0 ? "th" : "td";
                  return (
                    <Tag key={i} scope={i === 0 ? "row" : undefined} className={`px-3 py-1.5 ${i === 0 ? "font-normal text-slate-800" : "text-slate-600"} ${format === "text" ? "" : "whitespace-nowrap text-right tabular-nums"}`}>
                      {i === 0 && row.target ? (
                        <a href={targetHref(row.target, filters)} className="text-brand-700 hover:underline">
                          {text}
                        </a>
                      ) : (
                        text
                      )}
                    </Tag>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
