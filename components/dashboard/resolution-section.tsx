import { OpenAgeChart } from "@/components/charts/open-age-chart";
import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { ResolutionChart } from "@/components/charts/resolution-chart";
import { Stat, StatGrid } from "@/components/ui/stat";
import type { AgeBucket } from "@/db/queries/stats/workflow";
import { localName } from "@/lib/i18n/config";
import { ageBuckets } from "@/db/queries/stats/workflow";
import { loadFigure } from "./data";
import { FigureCard } from "./figure-card";
import { FigureGrid } from "./section";
import { sectionTools, type SectionProps } from "./context";

/** Resolved ÷ published over time and by department, open issues by age, actions done on time. */
export async function ResolutionSection({ filters, scope }: SectionProps) {
  const [resolution, open, onTime] = await Promise.all([
    loadFigure("resolution", filters, scope),
    loadFigure("open-issues", filters, scope),
    loadFigure("actions-on-time", filters, scope),
  ]);
  const { t, format, locale, tables, links } = await sectionTools(filters);
  const resolutionTables = tables("resolution", resolution);
  const periodLinks = links(resolutionTables[0], (row) => String(row.cells[0]));
  const departmentLinks = links(resolutionTables[1], (_, i) => i);
  const openTables = tables("open-issues", open);
  const openLinks = links(openTables[0], (_, i) => ageBuckets[i]?.key ?? "");
  const onTimeTables = tables("actions-on-time", onTime);
  const openTotal = open.reduce((s, b) => s + b.beforeBulletin + b.inAction, 0);
  const olderBucket = open.find((b) => b.bucket === "older");
  const older = (olderBucket?.beforeBulletin ?? 0) + (olderBucket?.inAction ?? 0);
  const percent = (v: number | null) => (v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 0 }));
  const bucketLabels = Object.fromEntries(ageBuckets.map((b) => [b.key, t(`ages.${b.key}`)])) as Record<AgeBucket, string>;

  return (
    <div className="space-y-6">
      <StatGrid>
        <Stat
          label={t("series.rate")}
          value={percent(resolution.rate)}
          hint={t("charts.resolvedOfPublished", { resolved: resolution.resolved, published: resolution.published })}
          tone={resolution.rate !== null && resolution.rate >= resolution.reference ? "good" : "neutral"}
        />
        <Stat label={t("charts.onTime")} value={percent(onTime.rate)} hint={onTime.due > 0 ? t("charts.onTimeValue", { onTime: onTime.onTime, due: onTime.due }) : t("charts.onTimeEmpty")} tone={onTime.rate !== null && onTime.rate < 0.8 ? "warn" : "neutral"} />
        <Stat label={t("charts.openAges")} value={format.number(openTotal)} hint={t("charts.openOlder", { count: older })} tone={older > 0 ? "warn" : "neutral"} />
        <Stat label={t("charts.reference")} value={percent(resolution.reference)} hint={t("charts.referenceHint")} />
      </StatGrid>
      <FigureGrid columns={3}>
        <FigureCard
          id="resolution"
          title={t("charts.resolution")}
          hint={t("charts.resolutionHint")}
          figure="resolution"
          tables={resolutionTables}
          filters={filters}
          empty={resolution.published === 0}
          className="lg:col-span-2"
        >
          <ResolutionChart
            data={resolution}
            grain={filters.grain}
            label={t("chartLabel", { title: t("charts.resolution") })}
            labels={{ published: t("series.published"), resolved: t("series.resolved"), rate: t("series.rate"), reference: t("charts.referenceLine") }}
            links={periodLinks}
            locale={locale}
          />
        </FigureCard>
        <FigureCard id="by-department" title={t("charts.byDepartment")} figure="resolution" tables={resolutionTables.slice(1)} filters={filters} empty={resolution.byDepartment.length === 0}>
          <RankedBarChart
            label={t("chartLabel", { title: t("charts.byDepartment") })}
            locale={locale}
            format="percent"
            seriesLabel={t("series.rate")}
            rows={resolution.byDepartment.map((d, i) => ({ label: localName(d, locale), value: d.rate ?? 0, href: departmentLinks[i], tone: d.rate !== null && d.rate < resolution.reference ? "accent" : "default" }))}
          />
        </FigureCard>
      </FigureGrid>
      <FigureGrid>
        <FigureCard id="open-issues" title={t("charts.openAges")} hint={t("charts.openAgesHint")} figure="open-issues" tables={openTables} filters={filters} empty={openTotal === 0}>
          <OpenAgeChart
            data={open}
            label={t("chartLabel", { title: t("charts.openAges") })}
            labels={{ beforeBulletin: t("series.beforeBulletin"), inAction: t("series.inAction") }}
            bucketLabels={bucketLabels}
            links={openLinks}
            locale={locale}
          />
        </FigureCard>
        <FigureCard id="actions-on-time" title={t("charts.onTime")} hint={onTime.due > 0 ? t("charts.onTimeValue", { onTime: onTime.onTime, due: onTime.due }) : undefined} figure="actions-on-time" tables={onTimeTables} filters={filters} empty={onTime.due === 0}>
          <RankedBarChart
            label={t("chartLabel", { title: t("charts.onTime") })}
            locale={locale}
            format="percent"
            seriesLabel={t("columns.rate")}
            rows={onTime.byDepartment.map((d) => ({ label: localName(d, locale), value: d.rate ?? 0, tone: d.rate !== null && d.rate < 0.8 ? "accent" : "default" }))}
          />
        </FigureCard>
      </FigureGrid>
    </div>
  );
}
