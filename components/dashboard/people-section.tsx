import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { Stat, StatGrid } from "@/components/ui/stat";
import { localName } from "@/lib/i18n/config";
import { loadFigure } from "./data";
import { FigureCard } from "./figure-card";
import { sectionTools, type SectionProps } from "./context";

/** Teams (never agents) side by side: what they filed, the share escalated, ideas practised. */
export async function PeopleSection({ filters, scope }: SectionProps) {
  const teams = await loadFigure("teams", filters, scope);
  const { t, format, locale, tables, links } = await sectionTools(filters);
  const teamTables = tables("teams", teams);
  const teamLinks = links(teamTables[0], (_, i) => i);
  const percent = (v: number | null) => (v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 0 }));
  const multiSite = new Set(teams.map((r) => r.siteId)).size > 1;

  if (scope.level === "team" || scope.level === "author") {
    const team = teams[0];
    return (
      <FigureCard id="teams" title={team ? team.teamName : t("sections.people.teamTitle")} figure="teams" tables={teamTables} filters={filters} empty={!team}>
        {team ? (
          <StatGrid>
            <Stat label={t("columns.filed")} value={format.number(team.filed)} />
            <Stat label={t("columns.escalated")} value={format.number(team.escalated)} />
            <Stat label={t("columns.escalatedShare")} value={percent(team.escalatedShare)} />
            <Stat label={t("columns.ideasPracticed")} value={format.number(team.ideasPracticed)} tone={team.ideasPracticed > 0 ? "good" : "neutral"} />
          </StatGrid>
        ) : null}
      </FigureCard>
    );
  }

  return (
    <FigureCard id="teams" title={t("charts.teams")} figure="teams" tables={teamTables} filters={filters} empty={teams.length === 0}>
      <div className="grid gap-6 lg:grid-cols-2">
        <RankedBarChart
          label={t("chartLabel", { title: t("charts.teams") })}
          locale={locale}
          seriesLabel={t("series.filed")}
          rows={teams.map((r, i) => ({ label: multiSite ? `${localName(r.site, locale)} · ${r.teamName}` : r.teamName, value: r.filed, href: teamLinks[i] }))}
        />
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("charts.teams")}</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">{t("columns.team")}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{t("columns.escalatedShare")}</th>
                <th scope="col" className="py-2 text-right font-medium">{t("columns.ideasPracticed")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {teams.map((r) => (
                <tr key={r.teamId}>
                  <th scope="row" className="py-2 pr-3 font-normal text-slate-800">
                    {multiSite ? <span className="text-slate-500">{localName(r.site, locale)} · </span> : null}
                    {r.teamName}
                  </th>
                  <td className="py-2 pr-3 text-right tabular-nums text-slate-700">{percent(r.escalatedShare)}</td>
                  <td className={`py-2 text-right tabular-nums ${r.ideasPracticed > 0 ? "font-semibold text-emerald-700" : "text-slate-500"}`}>{format.number(r.ideasPracticed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </FigureCard>
  );
}
