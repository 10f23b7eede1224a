import { BulletinVolumeChart } from "@/components/charts/bulletin-volume-chart";
import { ShiftsChart } from "@/components/charts/shifts-chart";
import { loadFigure } from "./data";
import { FigureCard } from "./figure-card";
import { FigureGrid } from "./section";
import { sectionTools, type SectionProps } from "./context";

/** The seed's three shifts: complaints to suggestions, reactive to proactive, fewer records per bulletin. */
export async function ShiftsSection({ filters, scope, bulletins = true }: SectionProps & { bulletins?: boolean }) {
  const [shifts, volumes] = await Promise.all([loadFigure("shifts", filters, scope), bulletins ? loadFigure("bulletins", filters, scope) : Promise.resolve([])]);
  const { t, root, locale, tables, links } = await sectionTools(filters);
  const shiftTables = tables("shifts", shifts);
  const periodLinks = links(shiftTables[0], (row) => String(row.cells[0]));
  const numberLabel = Object.fromEntries(volumes.map((b) => [b.bulletinId, root("bulletin.numberTitle", { number: b.number, title: "" }).replace(/\s*·\s*$/, "")]));
  return (
    <FigureGrid columns={bulletins ? 3 : 2}>
      <FigureCard
        id="shifts"
        title={t("charts.shares")}
        hint={t("charts.sharesHint")}
        figure="shifts"
        tables={shiftTables}
        filters={filters}
        empty={shifts.every((p) => p.total === 0)}
        className={bulletins ? "lg:col-span-2" : "lg:col-span-2"}
      >
        <ShiftsChart
          data={shifts}
          grain={filters.grain}
          label={t("chartLabel", { title: t("charts.shares") })}
          labels={{ complaintShare: t("series.complaintShare"), suggestionShare: t("series.suggestionShare"), proactiveShare: t("series.proactiveShare") }}
          links={periodLinks}
          locale={locale}
        />
      </FigureCard>
      {bulletins ? (
        <FigureCard id="bulletins" title={t("charts.bulletins")} hint={t("charts.bulletinsHint")} figure="bulletins" tables={tables("bulletins", volumes)} filters={filters} empty={volumes.length === 0}>
          <BulletinVolumeChart data={volumes} label={t("chartLabel", { title: t("charts.bulletins") })} numberLabel={numberLabel} seriesLabel={t("series.records")} locale={locale} />
        </FigureCard>
      ) : null}
    </FigureGrid>
  );
}
