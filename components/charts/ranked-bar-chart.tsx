"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, ChartFrame, formatNumber, palette, useDrill } from "./common";

export interface RankedBar {
  label: string;
  value: number;
  href?: string | null;
  /** `drill`: opens a finer breakdown rather than a list; `accent`: stands out. */
  tone?: "default" | "drill" | "accent" | "muted";
}

const toneFill = { default: palette.brand, drill: palette.brandDark, accent: palette.warn, muted: palette.muted } as const;

/**
 * Horizontal bars, largest first as given: categories, channels, sites, provinces, departments.
 * The bars of names built from the query rows (see components/dashboard), so one chart serves
 * every "count by something" figure.
 */
export function RankedBarChart({ rows, label, locale, format = "int", seriesLabel }: {
  rows: RankedBar[];
  label: string;
  locale: string;
  format?: "int" | "percent";
  seriesLabel: string;
}) {
  const drill = useDrill();
  const height = Math.max(120, rows.length * 34 + 24);
  const longest = rows.reduce((m, r) => Math.max(m, [...r.label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)), 0);
  const axisWidth = Math.min(200, Math.max(64, longest * 6.5 + 12));
  return (
    <ChartFrame label={label} height={height} clickable={rows.some((r) => r.href)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 48, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke={palette.grid} />
        <XAxis type="number" hide domain={format === "percent" ? [0, 1] : [0, "auto"]} />
        <YAxis type="category" dataKey="label" width={axisWidth} tick={axisTick} interval={0} tickLine={false} axisLine={false} />
        <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => [formatNumber(Number(v), locale, format), seriesLabel]} />
        <Bar dataKey="value" maxBarSize={22} radius={[0, 4, 4, 0]} isAnimationActive={false} onClick={(_, index) => drill(rows[index]?.href)}>
          {rows.map((r, i) => (
            <Cell key={i} fill={toneFill[r.tone ?? "default"]} />
          ))}
          <LabelList dataKey="value" position="right" style={{ fontSize: 12, fill: "#334155" }} formatter={(v) => formatNumber(Number(v), locale, format)} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
