"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Resolution } from "@/db/queries/stats/workflow";
import { axisTick, ChartFrame, clickedIndex, formatNumber, formatPeriod, palette, useDrill, type Grain } from "./common";

/** Issues published and resolved per period, the rate as a line, and the seed's 90% as a dashed line. */
export function ResolutionChart({ data, grain, label, labels, links, locale }: {
  data: Resolution;
  grain: Grain;
  label: string;
  labels: { published: string; resolved: string; rate: string; reference: string };
  /** period → the issues published in it. */
  links: Record<string, string>;
  locale: string;
}) {
  const drill = useDrill();
  const names: Record<string, string> = { published: labels.published, resolved: labels.resolved, rate: labels.rate };
  return (
    <ChartFrame label={label} height={280} clickable>
      <ComposedChart
        data={data.points}
        margin={{ top: 8, right: 0, bottom: 0, left: -8 }}
        accessibilityLayer={false}
        onClick={(state) => {
          const i = clickedIndex(state);
          if (i !== null) drill(links[data.points[i]?.period ?? ""]);
        }}
      >
        <CartesianGrid vertical={false} stroke={palette.grid} />
        <XAxis dataKey="period" tick={axisTick} tickFormatter={(p: string) => formatPeriod(p, grain, locale)} minTickGap={16} />
        <YAxis yAxisId="count" tick={axisTick} allowDecimals={false} />
        <YAxis yAxisId="rate" orientation="right" domain={[0, 1]} tick={axisTick} tickFormatter={(v: number) => formatNumber(v, locale, "percent")} />
        <Tooltip
          labelFormatter={(p) => formatPeriod(String(p), grain, locale)}
          formatter={(v, name) => [v === null || v === undefined ? "—" : formatNumber(Number(v), locale, name === "rate" ? "percent" : "int"), names[String(name)] ?? name]}
        />
        <Legend formatter={(name: string) => names[name] ?? name} wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="count" dataKey="published" fill="#bfd3f5" maxBarSize={32} isAnimationActive={false} />
        <Bar yAxisId="count" dataKey="resolved" fill={palette.good} maxBarSize={32} isAnimationActive={false} />
        <Line yAxisId="rate" dataKey="rate" stroke={palette.brandDark} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        <ReferenceLine
          yAxisId="rate"
          y={data.reference}
          stroke={palette.warn}
          strokeDasharray="6 4"
          label={{ value: labels.reference, position: "insideTopLeft", fontSize: 11, fill: palette.warn }}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
