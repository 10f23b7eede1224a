import { timeZone } from "@/lib/i18n/config";

/** Today's calendar date in the center's time zone, as YYYY-MM-DD. */
export function todayInCenter(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Midnight at the start of the center's current day, as an instant. */
export function startOfCenterDay(now = new Date()): Date {
  // Asia/Shanghai has no daylight saving: UTC+8 all year.
  return new Date(`${todayInCenter(now)}T00:00:00+08:00`);
}

export function daysAgo(days: number, now = new Date()): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
