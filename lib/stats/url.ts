import type { RecordKind, Channel } from "@/db/schema";
import type { AgeBucket } from "@/db/queries/stats/workflow";
import { addDays, toSearchParams, type Grain, type StatsFilters } from "./filters";

/**
 * Links between the dashboard and the records or issues behind a figure. Every link keeps the
 * view's filters, so the list behind a bar counts what the bar counted.
 */

/** The last day of the period that starts on `period`, held inside the view's range. */
export function periodRange(period: string, grain: Grain, filters: Pick<StatsFilters, "from" | "to">): { from: string; to: string } {
  let end = period;
  if (grain === "week") end = addDays(period, 6);
  if (grain === "month") {
    const d = new Date(`${period}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + 1, 0);
    end = d.toISOString().slice(0, 10);
  }
  return { from: period < filters.from ? filters.from : period, to: end > filters.to ? filters.to : end };
}

function withParams(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function dashboardHref(filters: Partial<StatsFilters>, extra: Record<string, string | number | undefined> = {}): string {
  const params = toSearchParams(filters);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  return withParams("/dashboard", params);
}

export interface RecordDrill {
  from?: string;
  to?: string;
  kind?: RecordKind;
  channel?: Channel;
  /** 0 for records without a site. */
  siteId?: number;
  categoryId?: number;
  /** A province's code, or "none". */
  province?: string;
  teamId?: number;
}

export function recordsHref(filters: StatsFilters, drill: RecordDrill = {}): string {
  const params = toSearchParams({ ...filters, from: drill.from ?? filters.from, to: drill.to ?? filters.to, kind: drill.kind ?? filters.kind, channel: drill.channel ?? filters.channel, categoryId: drill.categoryId ?? filters.categoryId });
  // Site 0 (no site) is not a filter value the dashboard takes, only the list behind it.
  if (drill.siteId !== undefined) params.set("siteId", String(drill.siteId));
  if (drill.province) params.set("province", drill.province);
  if (drill.teamId !== undefined) params.set("teamId", String(drill.teamId));
  return withParams("/dashboard/records", params);
}

export type IssueDrillParams =
  | { drill: "published"; from?: string; to?: string; resolved?: boolean; departmentId?: number }
  | { drill: "open"; bucket?: AgeBucket };

export function issuesHref(filters: StatsFilters, drill: IssueDrillParams): string {
  const params = toSearchParams({ ...filters, kind: undefined, channel: undefined });
  params.set("drill", drill.drill);
  if (drill.drill === "published") {
    if (drill.from) params.set("from", drill.from);
    if (drill.to) params.set("to", drill.to);
    if (drill.resolved !== undefined) params.set("resolved", drill.resolved ? "1" : "0");
    if (drill.departmentId !== undefined) params.set("departmentId", String(drill.departmentId));
  } else if (drill.bucket) {
    params.set("bucket", drill.bucket);
  }
  return withParams("/dashboard/issues", params);
}

export function csvHref(figure: string, filters: StatsFilters, part?: string): string {
  const params = toSearchParams(filters);
  if (part) params.set("part", part);
  return withParams(`/dashboard/csv/${figure}`, params);
}
