import { and, asc, between, eq, inArray, max, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import {
  categories,
  channels,
  recordDayCells,
  recordKinds,
  recordWeekCells,
  regionDayCells,
  regions,
  regionWeekCells,
  sites,
  type Channel,
  type RecordKind,
} from "@/db/schema";
import { coverRange, provincePrefixes, recordCellSlots, regionKindSlots, sumSlots, unknownProvinceIndex } from "@/lib/stats/cells";
import { addDays, type Grain, type StatsFilters } from "@/lib/stats/filters";
import { scopeSiteId, type StatsScope } from "@/lib/stats/scope";

/**
 * Record figures for the dashboards, read from the cells (never from raw records): whole weeks
 * from the week cells and the days at the edges of the range from the day cells, so a query
 * costs the weeks × sites × categories it covers, whatever the number of records.
 */

export interface Names {
  nameHans: string;
  nameHant: string;
  nameEn: string;
}

export interface Freshness {
  /** When the newest cell in the view was last changed by a record; null when the view is empty. */
  refreshedAt: Date | null;
}

function selectedKinds(filters: StatsFilters): RecordKind[] {
  return filters.kind ? [filters.kind] : [...recordKinds];
}

function selectedChannels(filters: StatsFilters): Channel[] {
  return filters.channel ? [filters.channel] : [...channels];
}

const recordSlots = recordCellSlots;

/** The category and, for a parent, its children: a filter on a parent counts them all. */
export async function categoryFamily(db: Executor, categoryId: number): Promise<number[]> {
  const rows = await db
    .select({ id: categories.id })
    .from(categories)
    .where(sql`${categories.id} = ${categoryId} or ${categories.parentId} = ${categoryId}`);
  return rows.map((r) => r.id);
}

/** The site and category conditions of the filters and the viewer's scope, for either cell table. */
async function keyConditions(db: Executor, filters: StatsFilters, scope: StatsScope) {
  const siteId = scopeSiteId(scope) ?? filters.siteId;
  const family = filters.categoryId !== undefined ? await categoryFamily(db, filters.categoryId) : undefined;
  return (table: { siteId: AnyPgColumn; categoryId: AnyPgColumn }): SQL[] => {
    const conditions: SQL[] = [];
    if (siteId !== undefined) conditions.push(eq(table.siteId, siteId));
    if (family !== undefined) conditions.push(inArray(table.categoryId, family.length > 0 ? family : [-1]));
    return conditions;
  };
}

const never = sql`false`;

function dayRuns(column: AnyPgColumn, runs: [string, string][]): SQL {
  return runs.length > 0 ? (or(...runs.map(([first, last]) => between(column, first, last))) ?? never) : never;
}

/**
 * The record cells of a range for the filters and the viewer's scope, as one subquery: `day` is
 * the cell's day, or the Monday of a week cell; each row falls inside one period of the grain.
 */
export async function recordCells(db: Executor, filters: StatsFilters, scope: StatsScope, range: { from: string; to: string } = filters, grain: Grain = filters.grain) {
  const cover = coverRange(range.from, range.to, grain);
  const keys = await keyConditions(db, filters, scope);
  const byDay = db
    .select({ day: recordDayCells.day, siteId: recordDayCells.siteId, categoryId: recordDayCells.categoryId, counts: recordDayCells.counts, refreshedAt: recordDayCells.refreshedAt })
    .from(recordDayCells)
    .where(and(dayRuns(recordDayCells.day, cover.days), ...keys(recordDayCells)));
  const byWeek = db
    .select({ day: recordWeekCells.week, siteId: recordWeekCells.siteId, categoryId: recordWeekCells.categoryId, counts: recordWeekCells.counts, refreshedAt: recordWeekCells.refreshedAt })
    .from(recordWeekCells)
    .where(and(cover.weeks.length > 0 ? inArray(recordWeekCells.week, cover.weeks) : never, ...keys(recordWeekCells)));
  return byDay.unionAll(byWeek).as("cells");
}

/** The region cells of a range counting these kinds' rows (see regionKindSlots), as recordCells. */
async function regionCells(db: Executor, filters: StatsFilters, scope: StatsScope, kindSlots: number[]) {
  const cover = coverRange(filters.from, filters.to, filters.grain);
  const keys = await keyConditions(db, filters, scope);
  const byDay = db
    .select({ counts: regionDayCells.counts })
    .from(regionDayCells)
    .where(and(inArray(regionDayCells.kindSlot, kindSlots), dayRuns(regionDayCells.day, cover.days), ...keys(regionDayCells)));
  const byWeek = db
    .select({ counts: regionWeekCells.counts })
    .from(regionWeekCells)
    .where(and(inArray(regionWeekCells.kindSlot, kindSlots), cover.weeks.length > 0 ? inArray(regionWeekCells.week, cover.weeks) : never, ...keys(regionWeekCells)));
  return byDay.unionAll(byWeek).as("cells");
}

export function periodOf(grain: Grain, day: SQL | AnyPgColumn): SQL<string> {
  return sql<string>`to_char(date_trunc(${sql.raw(`'${grain}'`)}, ${day}::timestamp), 'YYYY-MM-DD')`;
}

/** Every period start between two days, so charts show the empty periods too. */
export function periodsBetween(from: string, to: string, grain: Grain): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  if (grain === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (grain === "month") start.setUTCDate(1);
  const out: string[] = [];
  const end = `${to}`;
  for (let d = start; d.toISOString().slice(0, 10) <= end; ) {
    out.push(d.toISOString().slice(0, 10));
    if (grain === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (grain === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

export interface KindTrendPoint {
  period: string;
  total: number;
  byKind: Partial<Record<RecordKind, number>>;
}

export interface KindTrend extends Freshness {
  grain: Grain;
  kinds: RecordKind[];
  points: KindTrendPoint[];
}

/** Records per day, week or month, split by kind (the kinds the filters allow). */
export async function getRecordTrend(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<KindTrend> {
  const kinds = selectedKinds(filters);
  const chans = selectedChannels(filters);
  const cells = await recordCells(db, filters, scope);
  const columns: Record<string, SQL<number>> = {};
  for (const kind of kinds) {
    columns[kind] = sql<number>`coalesce(sum(${sumSlots(sql`${cells.counts}`, recordSlots([kind], chans))}), 0)`.mapWith(Number);
  }
  const period = periodOf(filters.grain, cells.day);
  const rows = await db
    .select({ period, refreshedAt: max(cells.refreshedAt), ...columns })
    .from(cells)
    .groupBy(period)
    .orderBy(period);
  const byPeriod = new Map(rows.map((r) => [r.period, r as unknown as Record<string, number>]));
  let refreshedAt: Date | null = null;
  for (const r of rows) if (r.refreshedAt && (!refreshedAt || r.refreshedAt > refreshedAt)) refreshedAt = r.refreshedAt;
  const points = periodsBetween(filters.from, filters.to, filters.grain).map((p) => {
    const row = byPeriod.get(p);
    const byKind: Partial<Record<RecordKind, number>> = {};
    let total = 0;
    for (const kind of kinds) {
      const n = row ? Number(row[kind] ?? 0) : 0;
      byKind[kind] = n;
      total += n;
    }
    return { period: p, total, byKind };
  });
  return { grain: filters.grain, kinds, points, refreshedAt };
}

export interface CategoryCount extends Names {
  categoryId: number;
  code: string;
  n: number;
  /** A parent whose children can be opened. */
  hasChildren: boolean;
}

export interface CategoryBreakdown extends Freshness {
  /** The parent being drilled into, or null for the top level. */
  parent: (Names & { categoryId: number; code: string }) | null;
  rows: CategoryCount[];
}

/**
 * Records by category: top-level categories (children counted in their parent), or, when the
 * filter names a parent, its children (and records filed on the parent itself).
 */
export async function countRecordsByCategory(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<CategoryBreakdown> {
  const all = await db
    .select({ id: categories.id, parentId: categories.parentId, code: categories.code, nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn, position: categories.position })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id));
  const byId = new Map(all.map((c) => [c.id, c]));
  const chosen = filters.categoryId !== undefined ? byId.get(filters.categoryId) : undefined;
  const hasChildren = new Set(all.filter((c) => c.parentId !== null).map((c) => c.parentId!));
  const drill = chosen && hasChildren.has(chosen.id) ? chosen : chosen?.parentId ? byId.get(chosen.parentId) : undefined;

  const slots = recordSlots(selectedKinds(filters), selectedChannels(filters));
  const cells = await recordCells(db, drill ? { ...filters, categoryId: drill.id } : { ...filters, categoryId: undefined }, scope);
  const n = sql<number>`coalesce(sum(${sumSlots(sql`${cells.counts}`, slots)}), 0)`.mapWith(Number);
  const rows = await db
    .select({ categoryId: cells.categoryId, n, refreshedAt: max(cells.refreshedAt) })
    .from(cells)
    .groupBy(cells.categoryId);

  const totals = new Map<number, number>();
  let refreshedAt: Date | null = null;
  for (const r of rows) {
    const category = byId.get(r.categoryId);
    if (!category) continue;
    const key = drill ? category.id : (category.parentId ?? category.id);
    totals.set(key, (totals.get(key) ?? 0) + r.n);
    if (r.refreshedAt && (!refreshedAt || r.refreshedAt > refreshedAt)) refreshedAt = r.refreshedAt;
  }
  const shown = all.filter((c) => (drill ? c.id === drill.id || c.parentId === drill.id : c.parentId === null));
  const result = shown
    .map((c) => ({
      categoryId: c.id,
      code: c.code,
      nameHans: c.nameHans,
      nameHant: c.nameHant,
      nameEn: c.nameEn,
      n: totals.get(c.id) ?? 0,
      hasChildren: !drill && hasChildren.has(c.id),
    }))
    .filter((c) => c.n > 0 || !drill || c.categoryId !== drill.id)
    .sort((a, b) => b.n - a.n || a.categoryId - b.categoryId);
  return {
    parent: drill ? { categoryId: drill.id, code: drill.code, nameHans: drill.nameHans, nameHant: drill.nameHant, nameEn: drill.nameEn } : null,
    rows: result,
    refreshedAt,
  };
}

export interface ChannelCount {
  channel: Channel;
  n: number;
}

/** Records by channel, every channel listed (in the enum's order), zeros included. */
export async function countRecordsByChannel(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<ChannelCount[]> {
  const kinds = selectedKinds(filters);
  const cells = await recordCells(db, filters, scope);
  const columns: Record<string, SQL<number>> = {};
  for (const channel of selectedChannels(filters)) {
    columns[channel] = sql<number>`coalesce(sum(${sumSlots(sql`${cells.counts}`, recordSlots(kinds, [channel]))}), 0)`.mapWith(Number);
  }
  const [row] = await db.select(columns).from(cells);
  const values = (row ?? {}) as Record<string, number>;
  return selectedChannels(filters).map((channel) => ({ channel, n: Number(values[channel] ?? 0) }));
}

export interface SiteCount extends Names {
  /** null for records without a site (public submissions and other channels). */
  siteId: number | null;
  code: string | null;
  n: number;
}

export async function countRecordsBySite(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<SiteCount[]> {
  const slots = recordSlots(selectedKinds(filters), selectedChannels(filters));
  const cells = await recordCells(db, filters, scope);
  const n = sql<number>`coalesce(sum(${sumSlots(sql`${cells.counts}`, slots)}), 0)`.mapWith(Number);
  const rows = await db.select({ siteId: cells.siteId, n }).from(cells).groupBy(cells.siteId);
  const siteRows = await db.select().from(sites).orderBy(asc(sites.id));
  const counts = new Map(rows.map((r) => [r.siteId, r.n]));
  const shownSite = scopeSiteId(scope) ?? filters.siteId;
  const out: SiteCount[] = siteRows
    .filter((s) => shownSite === undefined || s.id === shownSite)
    .map((s) => ({ siteId: s.id, code: s.code, nameHans: s.nameHans, nameHant: s.nameHant, nameEn: s.nameEn, n: counts.get(s.id) ?? 0 }));
  const unsited = counts.get(0) ?? 0;
  if (unsited > 0) out.push({ siteId: null, code: null, nameHans: "未分中心", nameHant: "未分中心", nameEn: "No site", n: unsited });
  return out;
}

export interface ProvinceCount extends Names {
  /** The province's six-digit code, or null for records without a region. */
  code: string | null;
  n: number;
}

/**
 * Records by the customer's province, largest first, provinces without records left out. The
 * region cells are kept by kind, not by channel: a channel filter does not apply here, and the
 * result says so.
 */
export async function countRecordsByProvince(
  db: Executor,
  filters: StatsFilters,
  scope: StatsScope,
): Promise<{ rows: ProvinceCount[]; channelFilterApplied: false }> {
  const kinds = selectedKinds(filters);
  const cells = await regionCells(db, filters, scope, regionKindSlots(kinds));
  const columns: Record<string, SQL<number>> = {};
  for (let p = 1; p <= unknownProvinceIndex; p++) {
    columns[`p${p}`] = sql<number>`coalesce(sum(${cells.counts}[${sql.raw(String(p))}]), 0)`.mapWith(Number);
  }
  const [row] = await db.select(columns).from(cells);
  const values = (row ?? {}) as Record<string, number>;
  const provinceRows = await db
    .select({ code: regions.code, nameHans: regions.nameHans, nameHant: regions.nameHant, nameEn: regions.nameEn })
    .from(regions)
    .where(eq(regions.level, "province"));
  const byPrefix = new Map(provinceRows.map((r) => [r.code.slice(0, 2), r]));
  const out: ProvinceCount[] = [];
  provincePrefixes.forEach((prefix, i) => {
    const n = Number(values[`p${i + 1}`] ?? 0);
    const region = byPrefix.get(prefix);
    if (n > 0 && region) out.push({ ...region, n });
  });
  const unknown = Number(values[`p${unknownProvinceIndex}`] ?? 0);
  if (unknown > 0) out.push({ code: null, nameHans: "未填地区", nameHant: "未填地區", nameEn: "No region", n: unknown });
  out.sort((a, b) => b.n - a.n);
  return { rows: out, channelFilterApplied: false };
}

export interface ShiftPoint {
  period: string;
  total: number;
  complaints: number;
  suggestions: number;
  /** Records from proactive channels: surveys and research. */
  proactive: number;
}

/** The seed's shifts: complaints against suggestions, and reactive against proactive channels. */
export async function getShifts(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<ShiftPoint[]> {
  const kinds = selectedKinds(filters);
  const chans = selectedChannels(filters);
  const cells = await recordCells(db, filters, scope);
  const column = sql`${cells.counts}`;
  const period = periodOf(filters.grain, cells.day);
  const total = sql<number>`coalesce(sum(${sumSlots(column, recordSlots(kinds, chans))}), 0)`.mapWith(Number);
  const complaints = sql<number>`coalesce(sum(${sumSlots(column, recordSlots(kinds.filter((k) => k === "complaint"), chans))}), 0)`.mapWith(Number);
  const suggestions = sql<number>`coalesce(sum(${sumSlots(column, recordSlots(kinds.filter((k) => k === "suggestion"), chans))}), 0)`.mapWith(Number);
  const proactive = sql<number>`coalesce(sum(${sumSlots(column, recordSlots(kinds, chans.filter((c) => proactiveChannels.includes(c))))}), 0)`.mapWith(Number);
  const rows = await db
    .select({ period, total, complaints, suggestions, proactive })
    .from(cells)
    .groupBy(period)
    .orderBy(period);
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return periodsBetween(filters.from, filters.to, filters.grain).map(
    (p) => byPeriod.get(p) ?? { period: p, total: 0, complaints: 0, suggestions: 0, proactive: 0 },
  );
}

/** Channels through which the center asks rather than waits to be told. */
export const proactiveChannels: readonly Channel[] = ["survey"];

export interface RisingCategory extends Names {
  categoryId: number;
  code: string;
  /** Records in the last seven days of the range. */
  recent: number;
  /** The weekly average of the eight weeks before. */
  usual: number;
  /** recent ÷ usual; null when there was nothing before. */
  ratio: number | null;
}

/**
 * Categories rising against their usual level: the last 7 days of the range against the weekly
 * average of the 8 weeks before, at least `minimum` records, largest rise first.
 */
export async function listRisingCategories(
  db: Executor,
  filters: StatsFilters,
  scope: StatsScope,
  options: { limit?: number; minimum?: number } = {},
): Promise<RisingCategory[]> {
  const limit = options.limit ?? 5;
  const minimum = options.minimum ?? 5;
  const recentFrom = addDays(filters.to, -6);
  const usualFrom = addDays(recentFrom, -56);
  const slots = recordSlots(selectedKinds(filters), selectedChannels(filters));
  // Two ranges read apart, so that no week cell straddles the line between them.
  const sumByCategory = async (range: { from: string; to: string }) => {
    const cells = await recordCells(db, filters, scope, range, "week");
    const n = sql<number>`coalesce(sum(${sumSlots(sql`${cells.counts}`, slots)}), 0)`.mapWith(Number);
    return db.select({ categoryId: cells.categoryId, n }).from(cells).groupBy(cells.categoryId);
  };
  const recentRows = await sumByCategory({ from: recentFrom, to: filters.to });
  const beforeRows = new Map((await sumByCategory({ from: usualFrom, to: addDays(recentFrom, -1) })).map((r) => [r.categoryId, r.n]));
  const rows = recentRows.map((r) => ({ categoryId: r.categoryId, recent: r.n, before: beforeRows.get(r.categoryId) ?? 0 }));
  const names = await db.select().from(categories);
  const byId = new Map(names.map((c) => [c.id, c]));
  return rows
    .filter((r) => r.recent >= minimum)
    .map((r) => {
      const usual = r.before / 8;
      const c = byId.get(r.categoryId)!;
      return { categoryId: r.categoryId, code: c.code, nameHans: c.nameHans, nameHant: c.nameHant, nameEn: c.nameEn, recent: r.recent, usual, ratio: usual > 0 ? r.recent / usual : null };
    })
    .filter((r) => r.ratio === null || r.ratio > 1)
    .sort((a, b) => ratioRank(b) - ratioRank(a) || b.recent - a.recent)
    .slice(0, limit);
}

/** New categories (nothing before) rank above any finite rise. */
function ratioRank(row: { ratio: number | null }): number {
  return row.ratio ?? Number.MAX_VALUE;
}
