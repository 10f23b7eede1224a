import type { Metadata } from "next";
import { Suspense } from "react";
import { forbidden, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CycleSection } from "@/components/dashboard/cycle-section";
import { loadDashboardOptions, loadFigure } from "@/components/dashboard/data";
import { EffectsSection } from "@/components/dashboard/effects-section";
import { DashboardFilters } from "@/components/dashboard/filters-form";
import { OwnSection } from "@/components/dashboard/own-section";
import { PeopleSection } from "@/components/dashboard/people-section";
import { PrintSupport } from "@/components/dashboard/print-support";
import { ResolutionSection } from "@/components/dashboard/resolution-section";
import { DashboardSection } from "@/components/dashboard/section";
import { ShiftsSection } from "@/components/dashboard/shifts-section";
import { TrendsSection } from "@/components/dashboard/trends-section";
import { PageHeader } from "@/components/ui/page-header";
import { Forbidden } from "@/lib/errors";
import { localName, type Locale } from "@/lib/i18n/config";
import { defaultStatsFilters, parseStatsFilters, type StatsFilters } from "@/lib/stats/filters";
import { scopeSeesRecordTrends, scopeSiteId, statsScopeFor, type StatsScope } from "@/lib/stats/scope";
import { dashboardHref } from "@/lib/stats/url";
import { requirePermission } from "@/lib/session";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

function scopeOf(viewer: Parameters<typeof statsScopeFor>[0]): StatsScope {
  try {
    return statsScopeFor(viewer);
  } catch (error) {
    // A viewer without the site, team or department their role needs sees nothing.
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
}

/**
 * One dashboard for every role, narrowed by the viewer's scope: the management post, leadership
 * and admins see the whole center, specialists their site, supervisors their team and agents
 * their own records (each with their site's trends), departments their own actions.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePermission("dashboard.read");
  const scope = scopeOf(viewer);
  const params = await searchParams;
  const [t, locale] = [await getTranslations("dashboard"), (await getLocale()) as Locale];
  const parsed = parseStatsFilters(params);
  const filters: StatsFilters = parsed.ok ? parsed.filters : defaultStatsFilters();
  const fixParam = typeof params.fix === "string" ? Number.parseInt(params.fix, 10) : Number.NaN;
  const selectedFix = Number.isSafeInteger(fixParam) && fixParam > 0 ? fixParam : undefined;
  // The form sends empty fields for "all": give the view its short, shareable address.
  if (parsed.ok && Object.values(params).some((v) => v === "")) redirect(dashboardHref(filters, { fix: selectedFix }));

  const options = await loadDashboardOptions();
  const siteId = scopeSiteId(scope);
  const site = options.sites.find((s) => s.id === siteId);
  const siteName = site ? localName(site, locale) : "";
  const department = scope.level === "department" ? options.departments.find((d) => d.id === scope.departmentId) : undefined;
  const description = t(`description.${scope.level}`, { site: siteName, department: department ? localName(department, locale) : "" });
  const siteTitle = (key: "trends" | "shifts" | "effects") => (site ? t(`sections.${key}.siteTitle`, { site: siteName }) : t(`sections.${key}.title`));
  const errors = parsed.ok ? [] : parsed.errors.map((e) => (e.message.startsWith("stats.filters.") ? t(`errors.${e.message.slice("stats.filters.".length)}`) : t("errors.value", { field: e.field })));
  const props = { filters, scope };

  const sections = {
    own: scope.level === "author" ? (
      <DashboardSection key="own" id="own" title={t("sections.own.title")} description={t("sections.own.description")}>
        <OwnSection filters={filters} authorId={scope.authorId} />
      </DashboardSection>
    ) : null,
    trends: (
      <DashboardSection key="trends" id="trends" title={siteTitle("trends")} description={t("sections.trends.description")}>
        <TrendsSection {...props} />
      </DashboardSection>
    ),
    resolution: (
      <DashboardSection key="resolution" id="resolution" title={t("sections.resolution.title")} description={t("sections.resolution.description")}>
        <ResolutionSection {...props} />
      </DashboardSection>
    ),
    cycle: (
      <DashboardSection key="cycle" id="cycle" title={t("sections.cycle.title")} description={t("sections.cycle.description")}>
        <CycleSection {...props} />
      </DashboardSection>
    ),
    shifts: (
      <DashboardSection key="shifts" id="shifts" title={siteTitle("shifts")} description={t("sections.shifts.description")}>
        <ShiftsSection {...props} />
      </DashboardSection>
    ),
    effects: (
      <DashboardSection key="effects" id="effects" title={siteTitle("effects")} description={t("sections.effects.description", { weeks: 4 })}>
        <EffectsSection {...props} selectedFix={selectedFix} />
      </DashboardSection>
    ),
    people: (
      <DashboardSection
        key="people"
        id="people"
        title={scope.level === "team" ? t("sections.people.teamTitle") : t("sections.people.title")}
        description={t("sections.people.description")}
      >
        <PeopleSection {...props} />
      </DashboardSection>
    ),
  };
  const layout: Record<StatsScope["level"], (keyof typeof sections)[]> = {
    all: ["trends", "resolution", "cycle", "shifts", "effects", "people"],
    site: ["trends", "resolution", "cycle", "shifts", "effects", "people"],
    team: ["people", "trends", "shifts", "effects"],
    author: ["own", "trends", "effects"],
    department: ["resolution", "cycle", "effects"],
  };

  return (
    <>
      <PrintSupport />
      <PageHeader title={t("title")} description={description} />
      <Suspense fallback={<p className="-mt-4 mb-4 h-4" />}>
        <Freshness filters={filters} scope={scope} />
      </Suspense>
      {errors.length > 0 ? (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          {t("filters.invalid", { errors: errors.join("；") })}
        </p>
      ) : null}
      <DashboardFilters filters={filters} scope={scope} options={options} />
      <nav aria-label={t("title")} className="no-print -mt-4 mb-8 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {layout[scope.level].map((key) => (
          <a key={key} href={`#${key}`} className="text-brand-700 hover:underline">
            {key === "people" && scope.level === "team" ? t("sections.people.teamTitle") : t(`sections.${key}.title`)}
          </a>
        ))}
      </nav>
      {layout[scope.level].map((key) => sections[key])}
    </>
  );
}

/** How fresh the figures are: record figures carry their newest cell's time; the rest are live. */
async function Freshness({ filters, scope }: { filters: StatsFilters; scope: StatsScope }) {
  const [t, format] = [await getTranslations("dashboard"), await getFormatter()];
  const trend = scopeSeesRecordTrends(scope) ? await loadFigure("trend", filters, scope) : null;
  const time = format.dateTime(trend?.refreshedAt ?? new Date(), { dateStyle: "medium", timeStyle: "short" });
  return (
    <p className="-mt-4 mb-4 text-xs text-slate-500" data-testid="freshness">
      {trend ? t("freshness", { time }) : t("freshnessLive", { time })}
    </p>
  );
}
