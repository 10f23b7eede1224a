"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { KindTrend } from "@/db/queries/stats/records";
import type { RecordKind } from "@/db/schema";
import { axisTick, ChartFrame, formatNumber, formatPeriod, kindColors, palette, useDrill } from "./common";

/** Records per period, stacked by kind; a segment opens that period's records of that kind. */
export function KindTrendChart({ data, label, kindLabels, links, locale }: {
  data: KindTrend;
  label: string;
  kindLabels: Record<RecordKind, string>;
  /** `${period}|${kind}` → the records behind the segment. */
  links: Record<string, string>;
  locale: string;
}) {
  const drill = useDrill();
  const rows = data.points.map((p) => ({ period: p.period, ...p.byKind }));
  return (
    <ChartFrame label={label} height={280} clickable>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={palette.grid} />
        <XAxis dataKey="period" tick={axisTick} tickFormatter={(p: string) => formatPeriod(p, data.grain, locale)} minTickGap={16} />
        <YAxis tick={axisTick} allowDecimals={false} tickFormatter={(v: number) => formatNumber(v, locale)} />
        <Tooltip labelFormatter={(p) => formatPeriod(String(p), data.grain, locale)} formatter={(v, name) => [formatNumber(Number(v), locale), kindLabels[name as RecordKind] ?? name]} />
        <Legend formatter={(kind: string) => kindLabels[kind as RecordKind] ?? kind} wrapperStyle={{ fontSize: 12 }} />
        {data.kinds.map((kind) => (
          <Bar
            key={kind}
            dataKey={kind}
            stackId="kinds"
            fill={kindColors[kind]}
            maxBarSize={48}
            isAnimationActive={false}
            onClick={(_, index) => drill(links[`${rows[index]?.period}|${kind}`])}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
