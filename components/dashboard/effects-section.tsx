import Link from "next/link";
import { FixEffectsChart, FixWeeklyChart } from "@/components/charts/fix-effect-charts";
import { Stat, StatGrid } from "@/components/ui/stat";
import { localName } from "@/lib/i18n/config";
import { fixTitle } from "@/lib/stats/tables";
import { dashboardHref } from "@/lib/stats/url";
import { loadFigure } from "./data";
import { FigureCard } from "./figure-card";
import { FigureGrid } from "./section";
import { sectionTools, type SectionProps } from "./context";

function shortTitle(text: string, max = 14): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text;
}

/** Records on each fixed topic before and after the fix, the total, and one fix week by week. */
export async function EffectsSection({ filters, scope, selectedFix }: SectionProps & { selectedFix?: number }) {
  const effects = await loadFigure("fix-effects", filters, scope);
  const { t, format, locale, tables } = await sectionTools(filters);
  const effectTables = tables("fix-effects", effects);
  const selected = effects.fixes.find((f) => f.issueId === selectedFix) ?? effects.fixes[0];
  const fixHref = (issueId: number) => `${dashboardHref(filters, { fix: issueId })}#effects`;
  const change = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${format.number(v, { maximumFractionDigits: 1 })}%`);
  const empty = effects.fixes.length === 0;

  return (
    <div className="space-y-6">
      {!empty ? (
        <StatGrid>
          <Stat label={t("charts.totalChange")} value={change(effects.changePercent)} hint={t("charts.totalValue", { before: effects.before, after: effects.after })} tone={(effects.changePercent ?? 0) < 0 ? "good" : "neutral"} />
          <Stat label={t("columns.fix")} value={format.number(effects.fixes.length)} />
          <Stat label={t("series.before")} value={format.number(effects.before)} />
          <Stat label={t("series.after")} value={format.number(effects.after)} />
        </StatGrid>
      ) : null}
      <FigureGrid align="start">
        <FigureCard id="fix-effects" title={t("charts.fixes")} hint={t("charts.fixesHint")} figure="fix-effects" tables={effectTables} filters={filters} empty={empty}>
          <FixEffectsChart
            data={effects}
            label={t("chartLabel", { title: t("charts.fixes") })}
            fixLabels={Object.fromEntries(effects.fixes.map((f) => [f.issueId, shortTitle(fixTitle(f))]))}
            labels={{ before: t("series.before"), after: t("series.after") }}
            links={Object.fromEntries(effects.fixes.map((f) => [f.issueId, fixHref(f.issueId)]))}
            locale={locale}
          />
          <ul className="mt-4 divide-y divide-slate-100 border-t border-slate-100 text-sm" data-testid="fix-list">
            {effects.fixes.map((f) => (
              <li key={f.issueId} className="flex items-center justify-between gap-3 py-2" data-testid="fix" data-change={f.changePercent ?? ""}>
                <span className="min-w-0">
                  <Link href={`/issues/${f.issueId}`} className="font-medium text-slate-800 hover:underline">
                    {fixTitle(f)}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {localName(f, locale)} · {format.dateTime(new Date(`${f.fixedOn}T00:00:00+08:00`), { dateStyle: "medium" })} · {f.before} → {f.after}
                  </span>
                </span>
                <span className="flex shrink-0 items-center gap-3">
                  <span className={`text-sm font-semibold tabular-nums ${(f.changePercent ?? 0) < 0 ? "text-emerald-700" : f.changePercent === null ? "text-slate-400" : "text-rose-700"}`}>{change(f.changePercent)}</span>
                  <Link
                    href={fixHref(f.issueId)}
                    aria-current={f.issueId === selected?.issueId ? "true" : undefined}
                    className={`no-print rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${f.issueId === selected?.issueId ? "bg-brand-50 text-brand-800 ring-brand-200" : "text-slate-600 ring-slate-200 hover:bg-slate-50"}`}
                  >
                    {t("charts.selectFix")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </FigureCard>
        {selected ? (
          <FigureCard
            id="fix-weekly"
            title={t("charts.fixWeekly", { title: fixTitle(selected) })}
            hint={t("charts.fixWeeklyHint")}
            figure="fix-effects"
            tables={effectTables.filter((tb) => tb.part === "weekly").map((tb) => ({ ...tb, rows: tb.rows.filter((r) => r.cells[0] === fixTitle(selected)) }))}
            filters={filters}
          >
            <FixWeeklyChart fix={selected} label={t("chartLabel", { title: t("charts.fixWeekly", { title: fixTitle(selected) }) })} weekLabel={t("weekLabel", { week: "#" })} seriesLabel={t("series.records")} locale={locale} />
            <p className="mt-3 text-sm text-slate-700">
              <span className="font-medium">{localName(selected, locale)}</span>: {selected.before} → {selected.after}{" "}
              <span className={`font-semibold ${(selected.changePercent ?? 0) < 0 ? "text-emerald-700" : "text-rose-700"}`}>{change(selected.changePercent)}</span>
            </p>
          </FigureCard>
        ) : null}
      </FigureGrid>
    </div>
  );
}
