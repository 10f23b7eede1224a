/**
 * Days in the generated window, counted back from "today" in Asia/Shanghai (UTC+8, no daylight
 * saving): day 0 is today, day 1 yesterday. Everything derives from the given date, never the clock,
 * except `now` when no date is given.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

export class Calendar {
  readonly todayStart: number;
  readonly nowMs: number;

  constructor(
    readonly today: string,
    nowMs?: number,
  ) {
    const [y, m, d] = today.split("-").map(Number);
    this.todayStart = Date.UTC(y, m - 1, d) - SHANGHAI;
    // A given date means noon of that day, so the same date always gives the same data.
    this.nowMs = nowMs ?? this.todayStart + 12 * HOUR;
  }

  static todayInShanghai(nowMs: number): string {
    return new Date(nowMs + SHANGHAI).toISOString().slice(0, 10);
  }

  dayStart(daysAgo: number): number {
    return this.todayStart - daysAgo * DAY;
  }

  /** A moment of a day, never later than a minute before now. */
  at(daysAgo: number, hour: number, minute = 0): number {
    return Math.min(this.dayStart(daysAgo) + hour * HOUR + minute * MINUTE, this.nowMs - MINUTE);
  }

  /** Whether the moment has come (stages after now have not happened yet). */
  passed(daysAgo: number, hour = 0): boolean {
    return this.dayStart(daysAgo) + hour * HOUR <= this.nowMs;
  }

  date(daysAgo: number): string {
    return new Date(this.dayStart(daysAgo) + SHANGHAI).toISOString().slice(0, 10);
  }

  /** 0 = Sunday … 6 = Saturday. */
  weekday(daysAgo: number): number {
    return new Date(this.dayStart(daysAgo) + SHANGHAI).getUTCDay();
  }

  /** YYYYMMDD of a moment, in Shanghai. */
  compact(ms: number): string {
    const d = new Date(ms + SHANGHAI);
    return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
  }

  /** Days ago of a calendar date (negative: in the future). */
  daysAgoOf(date: string): number {
    const [y, m, d] = date.split("-").map(Number);
    return Math.round((this.todayStart - (Date.UTC(y, m - 1, d) - SHANGHAI)) / DAY);
  }
}
