import type { RecordKind } from "@/db/schema";
import { Calendar, HOUR } from "./calendar";
import { anyHours, hotlineHours, weekdayLoad } from "./profile";
import { Weighted } from "./random";

/**
 * How many records each day gets. A day's weight is its weekday's load times a slow growth of the
 * card base, plus the spikes: topics that flare up for some weeks. The total is exactly N.
 */
export interface Spike {
  key: string;
  category: string;
  /** Extra records a day, as a share of an average day's everyday records, by days ago. */
  level: Float64Array;
  /** Kinds before and after `fixedDay` (days ago), when the story has a fix. */
  kinds: Weighted<RecordKind>;
  kindsAfterFix?: Weighted<RecordKind>;
  fixedDay?: number;
  hotlineShare: number;
}

export interface Volume {
  counts: Int32Array;
  /** Everyday weight of each day, and the spikes' weight on top. */
  base: Float64Array;
  total: Float64Array;
  /** Each spike's weight by day, in the same unit as `base`. */
  spikeWeights: Float64Array[];
}

const meanWeekday = weekdayLoad.reduce((a, b) => a + b, 0) / 7;

export function planVolume(calendar: Calendar, days: number, records: number, spikes: Spike[]): Volume {
  const base = new Float64Array(days);
  const total = new Float64Array(days);
  const spikeWeights = spikes.map(() => new Float64Array(days));
  for (let d = 0; d < days; d++) {
    const t = days > 1 ? 1 - d / (days - 1) : 1;
    const elapsed = d === 0 ? todaysShare(calendar) : 1;
    base[d] = weekdayLoad[calendar.weekday(d)] * (0.92 + 0.16 * t) * elapsed;
    total[d] = base[d];
    spikes.forEach((s, k) => {
      spikeWeights[k][d] = s.level[d] * meanWeekday * elapsed;
      total[d] += spikeWeights[k][d];
    });
  }
  return { counts: allocate(records, total), base, total, spikeWeights };
}

/** The share of today's calls already made by now (hours by the hotline's rhythm). */
function todaysShare(calendar: Calendar): number {
  const hours = (calendar.nowMs - calendar.todayStart) / HOUR;
  let done = 0;
  let all = 0;
  for (let h = 0; h < 24; h++) {
    all += hotlineHours[h];
    done += hotlineHours[h] * Math.max(0, Math.min(1, hours - h));
  }
  return all > 0 ? done / all : 1;
}

/** Split n in proportion to weights, exactly (largest remainders). */
function allocate(n: number, weights: Float64Array): Int32Array {
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = new Int32Array(weights.length);
  const remainders: [number, number][] = [];
  let given = 0;
  weights.forEach((w, i) => {
    const exact = sum > 0 ? (n * w) / sum : 0;
    counts[i] = Math.floor(exact);
    given += counts[i];
    remainders.push([exact - counts[i], i]);
  });
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; given < n; k++, given++) counts[remainders[k % remainders.length][1]]++;
  return counts;
}

/** A topic's curve: quiet, a rise, a plateau, a fall, then a low level. Days counted back. */
export function spikeCurve(days: number, shape: { rise: number; peak: number; fall: number; end: number; height: number; before: number; after: number }): Float64Array {
  const level = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    let v: number;
    if (d >= shape.rise) v = shape.before;
    else if (d >= shape.peak) v = shape.before + ((shape.rise - d) / Math.max(1, shape.rise - shape.peak)) * (shape.height - shape.before);
    else if (d >= shape.fall) v = shape.height;
    else if (d >= shape.end) v = shape.after + ((d - shape.end) / Math.max(1, shape.fall - shape.end)) * (shape.height - shape.after);
    else v = shape.after;
    level[d] = v;
  }
  return level;
}

/** Hours of the day as weighted tables: the hotline's, and the other channels'. */
export const hotlineHourTable = new Weighted(hotlineHours.map((w, h) => [h, w] as const));
export const anyHourTable = new Weighted(anyHours.map((w, h) => [h, w] as const));
