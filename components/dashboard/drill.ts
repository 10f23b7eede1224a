import "server-only";
import { forbidden } from "next/navigation";
import { Forbidden } from "@/lib/errors";
import { defaultStatsFilters, parseStatsFilters, type StatsFilters } from "@/lib/stats/filters";
import { statsScopeFor, type StatsScope } from "@/lib/stats/scope";
import type { Viewer } from "@/lib/session";

export type SearchParams = Record<string, string | string[] | undefined>;

export function param(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return typeof value === "string" && value !== "" ? value : Array.isArray(value) ? value[0] : undefined;
}

export function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The viewer's scope, or 403 for a viewer without the site, team or department their role needs. */
export function dashboardScope(viewer: Viewer): StatsScope {
  try {
    return statsScopeFor(viewer);
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
}

/**
 * The filters of a list behind a figure. `siteId=0` (records without a site) is a value the
 * lists take but the dashboard's filters do not, so it is read aside.
 */
export function drillFilters(params: SearchParams): { filters: StatsFilters; siteId?: number } {
  const siteParam = param(params, "siteId");
  const parsed = parseStatsFilters({ ...params, siteId: siteParam === "0" ? undefined : siteParam });
  const filters = parsed.ok ? parsed.filters : defaultStatsFilters();
  return { filters, siteId: siteParam === "0" ? 0 : filters.siteId };
}
