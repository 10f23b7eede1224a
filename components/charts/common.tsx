"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { ResponsiveContainer } from "recharts";
import type { RecordKind } from "@/db/schema";

/** The colours every dashboard chart uses, so one thing keeps one colour across the page. */
export const palette = {
  brand: "#2f6fdb",
  brandDark: "#173b78",
  muted: "#94a3b8",
  good: "#059669",
  warn: "#ea580c",
  bad: "#e11d48",
  grid: "#e2e8f0",
  axis: "#64748b",
} as const;

export const kindColors: Record<RecordKind, string> = {
  complaint: "#e11d48",
  suggestion: "#2f6fdb",
  business_contact: "#94a3b8",
  service_record: "#0d9488",
  praise: "#65a30d",
};

export const axisTick = { fontSize: 12, fill: palette.axis } as const;

export type Grain = "day" | "week" | "month";

/** A period start (YYYY-MM-DD) as an axis label in the reader's language. */
export function formatPeriod(period: string, grain: Grain, locale: string): string {
  const date = new Date(`${period}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions = grain === "month" ? { year: "numeric", month: "short", timeZone: "UTC" } : { month: "numeric", day: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function formatNumber(value: number, locale: string, style: "int" | "percent" = "int"): string {
  return new Intl.NumberFormat(locale, style === "percent" ? { style: "percent", maximumFractionDigits: 0 } : { maximumFractionDigits: 1 }).format(value);
}

/** Opens the page behind a bar or point; a chart without a link for it does nothing. */
export function useDrill(): (href: string | null | undefined) => void {
  const router = useRouter();
  return useCallback((href) => {
    if (href) router.push(href);
  }, [router]);
}

/**
 * A chart's box: a fixed height on screen, a label for assistive technology (the figures
 * themselves are in the table under every chart, which is where keyboards and readers go).
 */
export function ChartFrame({ label, height = 260, clickable = false, children }: { label: string; height?: number; clickable?: boolean; children: React.ReactElement }) {
  return (
    <div
      role="img"
      aria-label={label}
      className={`dashboard-chart w-full ${clickable ? "[&_.recharts-rectangle]:cursor-pointer [&_.recharts-surface]:cursor-pointer" : ""}`}
      style={{ height }}
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** The index a click on a chart's background landed on, if any. */
export function clickedIndex(state: { activeTooltipIndex?: unknown; activeIndex?: unknown } | null | undefined): number | null {
  const raw = state?.activeTooltipIndex ?? state?.activeIndex;
  const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number.parseInt(raw, 10) : Number.NaN;
  return Number.isInteger(n) ? n : null;
}
