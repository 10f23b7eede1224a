import { sql, type SQL } from "drizzle-orm";
import { channels, recordKinds, type Channel, type RecordKind } from "@/db/schema";
import { addDays, type Grain } from "@/lib/stats/filters";

/**
 * The layout of the dashboard cells' count arrays (db/migrations/0003_dashboard_cells.sql):
 * positions follow the enums' declared order, 1-based as in SQL.
 */

/** GB/T 2260 prefixes of the 34 provincial-level divisions, in the order of voc_province_index. */
export const provincePrefixes = [
  "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
  "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
] as const;
/** The slot after the provinces counts records without a region. */
export const unknownProvinceIndex = provincePrefixes.length + 1;

export function kindIndex(kind: RecordKind): number {
  return recordKinds.indexOf(kind) + 1;
}

export function channelIndex(channel: Channel): number {
  return channels.indexOf(channel) + 1;
}

const comboSlots = recordKinds.length * channels.length;

export function recordSlot(kind: RecordKind, channel: Channel): number {
  return (kindIndex(kind) - 1) * channels.length + channelIndex(channel);
}

export function kindTotalSlot(kind: RecordKind): number {
  return comboSlots + kindIndex(kind);
}

export function channelTotalSlot(channel: Channel): number {
  return comboSlots + recordKinds.length + channelIndex(channel);
}

/**
 * The fewest slots that count the records of these kinds through these channels: a kind's
 * total when every channel is wanted, a channel's total when every kind is, else the combinations.
 */
export function recordCellSlots(kinds: readonly RecordKind[], chans: readonly Channel[]): number[] {
  if (chans.length === channels.length) return kinds.map(kindTotalSlot);
  if (kinds.length === recordKinds.length) return chans.map(channelTotalSlot);
  return kinds.flatMap((k) => chans.map((c) => recordSlot(k, c)));
}

/** The region cell rows that count these kinds: the all-kinds row (0) or each kind's own. */
export function regionKindSlots(kinds: readonly RecordKind[]): number[] {
  return kinds.length === recordKinds.length ? [0] : kinds.map(kindIndex);
}

/**
 * `column[a] + column[b] + …` over the given slots: the slots are computed integers, never user
 * input, so they are written into the statement; an empty list sums to 0.
 */
export function sumSlots(column: SQL, slots: readonly number[]): SQL {
  if (slots.length === 0) return sql`0`;
  const parts = slots.map((slot) => {
    if (!Number.isInteger(slot) || slot < 1) throw new Error(`bad cell slot ${slot}`);
    return sql`${column}[${sql.raw(String(slot))}]`;
  });
  return sql.join(parts, sql` + `);
}

/**
 * Where a range of days is read from: the Mondays of the whole weeks inside it, from the week
 * cells, and every other day, as inclusive [first, last] runs, from the day cells. With a day
 * grain every day is read by day. With a month grain a week that runs over the end of a month is
 * read by day, so that each row still falls in one period.
 */
export interface RangeCover {
  weeks: string[];
  days: [string, string][];
}

export function coverRange(from: string, to: string, grain: Grain): RangeCover {
  const weeks: string[] = [];
  const days: [string, string][] = [];
  const addDay = (day: string) => {
    const last = days[days.length - 1];
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else days.push([day, day]);
  };
  for (let day = from; day <= to; ) {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    const sunday = addDays(day, 6);
    const wholeWeek = grain !== "day" && weekday === 0 && sunday <= to && (grain !== "month" || sunday.slice(0, 7) === day.slice(0, 7));
    if (wholeWeek) {
      weeks.push(day);
      day = addDays(day, 7);
    } else {
      addDay(day);
      day = addDays(day, 1);
    }
  }
  return { weeks, days };
}
