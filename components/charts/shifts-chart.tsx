"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ShiftPoint } from "@/db/queries/stats/records";
import { axisTick, ChartFrame, clickedIndex, formatNumber, formatPeriod, kindColors, palette, useDrill, type Grain } from "./common";

/** Complaints, suggestions and proactive (survey) records as shares of each period's records. */
export function ShiftsChart({ data, grain, label, labels, links, locale }: {
  data: ShiftPoint[];
  grain: Grain;
  label: string;
  labels: { complaintShare: string; suggestionShare: string; proactiveShare: string };
  links: Record<string, string>;
  locale: string;
}) {
  const drill = useDrill();
  const share = (n: number, total: number) => (total > 0 ? n / total : null);
  const rows = data.map((p) => ({
    period: p.period,
    complaintShare: share(p.complaints, p.total),
    suggestionShare: share(p.suggestions, p.total),
    proactiveShare: share(p.proactive, p.total),
  }));
  const names: Record<string, string> = labels;
  return (
    <ChartFrame label={label} height={260} clickable>
      <LineChart
        data={rows}
        margin={{ top: 8, right: 12, bottom: 0, left: -8 }}
        accessibilityLayer={false}
        onClick={(state) => {
          const i = clickedIndex(state);
          if (i !== null) drill(links[rows[i]?.period ?? ""]);
        }}
      >
        <CartesianGrid vertical={false} stroke={palette.grid} />
        <XAxis dataKey="period" tick={axisTick} tickFormatter={(p: string) => formatPeriod(p, grain, locale)} minTickGap={16} />
        <YAxis tick={axisTick} domain={[0, "auto"]} tickFormatter={(v: number) => formatNumber(v, locale, "percent")} />
        <Tooltip
          labelFormatter={(p) => formatPeriod(String(p), grain, locale)}
          formatter={(v, name) => [v === null || v === undefined ? "—" : formatNumber(Number(v), locale, "percent"), names[String(name)] ?? name]}
        />
        <Legend formatter={(name: string) => names[name] ?? name} wrapperStyle={{ fontSize: 12 }} />
        <Line dataKey="complaintShare" stroke={kindColors.complaint} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        <Line dataKey="suggestionShare" stroke={kindColors.suggestion} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        <Line dataKey="proactiveShare" stroke={palette.good} strokeWidth={2} strokeDasharray="5 3" dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
