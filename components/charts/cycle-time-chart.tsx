"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { CycleStage, StageTime } from "@/db/queries/stats/workflow";
import { axisTick, ChartFrame, formatNumber, palette } from "./common";

/** Median and 90th percentile days per stage; the slowest stage (by median) in the warning colour. */
export function CycleTimeChart({ data, slowest, label, labels, stageLabels, locale }: {
  data: StageTime[];
  slowest: CycleStage | null;
  label: string;
  labels: { median: string; p90: string };
  stageLabels: Record<CycleStage, string>;
  locale: string;
}) {
  const rows = data.map((s) => ({ ...s, name: stageLabels[s.stage] }));
  const names: Record<string, string> = { median: labels.median, p90: labels.p90 };
  return (
    <ChartFrame label={label} height={280}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={palette.grid} />
        <XAxis dataKey="name" tick={{ ...axisTick, fontSize: 11 }} interval={0} height={40} />
        <YAxis tick={axisTick} />
        <Tooltip formatter={(v, name) => [v === null || v === undefined ? "—" : formatNumber(Number(v), locale), names[String(name)] ?? name]} />
        <Legend formatter={(name: string) => names[name] ?? name} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="median" maxBarSize={36} isAnimationActive={false} fill={palette.brand}>
          {rows.map((r) => (
            <Cell key={r.stage} fill={r.stage === slowest ? palette.warn : palette.brand} />
          ))}
        </Bar>
        <Bar dataKey="p90" maxBarSize={36} isAnimationActive={false} fill="#bfd3f5">
          {rows.map((r) => (
            <Cell key={r.stage} fill={r.stage === slowest ? "#fdba74" : "#bfd3f5"} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
