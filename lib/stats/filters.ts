import { z } from "zod";
import { channels, recordKinds, type Channel, type RecordKind } from "@/db/schema";
import { todayInCenter } from "@/lib/dates";

/** How a dashboard's time axis is grouped. */
export const grains = ["day", "week", "month"] as const;
export type Grain = (typeof grains)[number];

/**
 * What every dashboard figure is filtered by. Kept in the URL (see toSearchParams) so that a
 * view can be shared; the API takes the same parameters.
 */
export interface StatsFilters {
  /** First and last calendar day shown, inclusive, in the center's time zone. */
  from: string;
  to: string;
  grain: Grain;
  siteId?: number;
  /** A parent category takes its children with it. */
  categoryId?: number;
  channel?: Channel;
  kind?: RecordKind;
}

/** The longest range a view may ask for: five years of days. */
export const maxRangeDays = 5 * 366;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "stats.filters.date");
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().positive().optional());
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(values).optional());

export const statsFiltersSchema = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    grain: optionalEnum(grains),
    siteId: optionalId,
    categoryId: optionalId,
    channel: optionalEnum(channels),
    kind: optionalEnum(recordKinds),
  })
  .strip();

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days in the default view: half a year by week, long enough to see a fix take effect. */
export const defaultRangeDays = 182;

export function defaultStatsFilters(today: string = todayInCenter()): StatsFilters {
  return { from: addDays(today, -(defaultRangeDays - 1)), to: today, grain: "week" };
}

/** A grain that keeps a chart readable: days up to two months, weeks up to a year, then months. */
export function grainFor(from: string, to: string): Grain {
  const days = daysBetween(from, to) + 1;
  if (days <= 62) return "day";
  if (days <= 366) return "week";
  return "month";
}

export type StatsFiltersResult =
  | { ok: true; filters: StatsFilters }
  | { ok: false; errors: { field: string; message: string }[] };

/**
 * Reads filters from URL parameters. Missing values take the defaults; a value that cannot be
 * read is an error naming its field (the API answers 400, a page falls back to the defaults).
 */
export function parseStatsFilters(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
  today: string = todayInCenter(),
): StatsFiltersResult {
  const entries: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) entries[key] = value;
  } else {
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === "string") entries[key] = value;
      else if (Array.isArray(value) && value.length > 0) entries[key] = value[0]!;
    }
  }
  const parsed = statsFiltersSchema.safeParse(entries);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: issue.message })),
    };
  }
  const defaults = defaultStatsFilters(today);
  const to = parsed.data.to ?? (parsed.data.from && parsed.data.from > defaults.to ? parsed.data.from : defaults.to);
  const from = parsed.data.from ?? addDays(to, -(defaultRangeDays - 1));
  const errors: { field: string; message: string }[] = [];
  if (Number.isNaN(Date.parse(`${from}T00:00:00Z`))) errors.push({ field: "from", message: "stats.filters.date" });
  if (Number.isNaN(Date.parse(`${to}T00:00:00Z`))) errors.push({ field: "to", message: "stats.filters.date" });
  if (errors.length === 0 && from > to) errors.push({ field: "from", message: "stats.filters.order" });
  if (errors.length === 0 && daysBetween(from, to) + 1 > maxRangeDays) errors.push({ field: "from", message: "stats.filters.range" });
  if (errors.length > 0) return { ok: false, errors };
  const filters: StatsFilters = { from, to, grain: parsed.data.grain ?? grainFor(from, to) };
  if (parsed.data.siteId) filters.siteId = parsed.data.siteId;
  if (parsed.data.categoryId) filters.categoryId = parsed.data.categoryId;
  if (parsed.data.channel) filters.channel = parsed.data.channel;
  if (parsed.data.kind) filters.kind = parsed.data.kind;
  return { ok: true, filters };
}

/** The URL parameters that give these filters back; defaults are left out to keep links short. */
export function toSearchParams(filters: Partial<StatsFilters>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.grain) params.set("grain", filters.grain);
  if (filters.siteId) params.set("siteId", String(filters.siteId));
  if (filters.categoryId) params.set("categoryId", String(filters.categoryId));
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.kind) params.set("kind", filters.kind);
  return params;
}
