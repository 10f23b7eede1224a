import { CycleTimeChart } from "@/components/charts/cycle-time-chart";
import type { CycleStage } from "@/db/queries/stats/workflow";
import { cycleStages } from "@/db/queries/stats/workflow";
import { loadFigure } from "./data";
import { FigureCard } from "./figure-card";
import { sectionTools, type SectionProps } from "./context";

/** Median and 90th-percentile days per stage, the slowest stage named and coloured. */
export async function CycleSection({ filters, scope }: SectionProps) {
  const stages = await loadFigure("cycle-times", filters, scope);
  const { t, format, locale, tables } = await sectionTools(filters);
  const slowest = stages.reduce<(typeof stages)[number] | null>((worst, s) => (s.median !== null && (worst?.median ?? -1) < s.median ? s : worst), null);
  const stageLabels = Object.fromEntries(cycleStages.map((s) => [s, t(`stages.${s}`)])) as Record<CycleStage, string>;
  return (
    <FigureCard
      id="cycle-times"
      title={t("charts.cycle")}
      hint={slowest ? t("charts.slowest", { stage: `${stageLabels[slowest.stage]} · ${format.number(slowest.median ?? 0, { maximumFractionDigits: 1 })}` }) : undefined}
      figure="cycle-times"
      tables={tables("cycle-times", stages)}
      filters={filters}
      empty={stages.every((s) => s.count === 0)}
    >
      <ol className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5" aria-label={t("charts.cycle")}>
        {stages.map((s) => (
          <li key={s.stage} className={`rounded-lg px-3 py-2 ring-1 ring-inset ${s.stage === slowest?.stage ? "bg-orange-50 ring-orange-200" : "bg-slate-50 ring-slate-200"}`} data-slowest={s.stage === slowest?.stage ? "true" : undefined}>
            <p className="text-xs text-slate-600">{stageLabels[s.stage]}</p>
            <p className={`mt-0.5 text-lg font-semibold tabular-nums ${s.stage === slowest?.stage ? "text-orange-700" : "text-slate-900"}`}>
              {s.median === null ? "—" : format.number(s.median, { maximumFractionDigits: 1 })}
              <span className="ml-1 text-xs font-normal text-slate-500">
                {t("series.median")} · {t("series.p90")} {s.p90 === null ? "—" : format.number(s.p90, { maximumFractionDigits: 1 })}
              </span>
            </p>
          </li>
        ))}
      </ol>
      <CycleTimeChart
        data={stages}
        slowest={slowest?.stage ?? null}
        label={t("chartLabel", { title: t("charts.cycle") })}
        labels={{ median: t("series.median"), p90: t("series.p90") }}
        stageLabels={stageLabels}
        locale={locale}
      />
    </FigureCard>
  );
}
