"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { FixEffect, FixEffects } from "@/db/queries/stats/effects";
import { axisTick, ChartFrame, formatNumber, palette, useDrill } from "./common";

/** Before and after bars for every fix, the change written over the pair; a pair selects the fix. */
export function FixEffectsChart({ data, label, fixLabels, labels, links, locale }: {
  data: FixEffects;
  label: string;
  /** issueId → short title under the bars. */
  fixLabels: Record<number, string>;
  labels: { before: string; after: string };
  /** issueId → the dashboard with that fix selected. */
  links: Record<number, string>;
  locale: string;
}) {
  const drill = useDrill();
  const rows = data.fixes.map((f) => ({
    issueId: f.issueId,
    name: fixLabels[f.issueId] ?? f.title,
    before: f.before,
    after: f.after,
    change: f.changePercent === null ? "" : `${f.changePercent > 0 ? "+" : ""}${formatNumber(f.changePercent, locale)}%`,
    fell: (f.changePercent ?? 0) < 0,
  }));
  const names: Record<string, string> = labels;
  const open = (i: number) => drill(links[rows[i]?.issueId ?? -1]);
  return (
    <ChartFrame label={label} height={Math.max(200, rows.length * 64 + 40)} clickable>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 72, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke={palette.grid} />
        <XAxis type="number" tick={axisTick} allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={128} tick={{ ...axisTick, fontSize: 11 }} interval={0} tickLine={false} axisLine={false} />
        <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v, name) => [formatNumber(Number(v), locale), names[String(name)] ?? name]} />
        <Legend formatter={(name: string) => names[name] ?? name} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="before" fill={palette.muted} maxBarSize={18} isAnimationActive={false} onClick={(_, i) => open(i)} />
        <Bar dataKey="after" fill={palette.good} maxBarSize={18} isAnimationActive={false} onClick={(_, i) => open(i)}>
          {rows.map((r) => (
            <Cell key={r.issueId} fill={r.fell ? palette.good : palette.bad} />
          ))}
          <LabelList dataKey="change" position="right" style={{ fontSize: 12, fontWeight: 600, fill: "#0f172a" }} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** One fix's records week by week around the fix: grey before, green from the week it was done. */
export function FixWeeklyChart({ fix, label, weekLabel, seriesLabel, locale }: {
  fix: FixEffect;
  label: string;
  /** "第 {week} 周" with a placeholder `#`. */
  weekLabel: string;
  seriesLabel: string;
  locale: string;
}) {
  const rows = fix.weekly.map((w) => ({ ...w, name: weekLabel.replace("#", String(w.week)) }));
  return (
    <ChartFrame label={label} height={240}>
      <BarChart data={rows} margin={{ top: 16, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={palette.grid} />
        <XAxis dataKey="name" tick={{ ...axisTick, fontSize: 11 }} interval={0} />
        <YAxis tick={axisTick} allowDecimals={false} />
        <Tooltip formatter={(v) => [formatNumber(Number(v), locale), seriesLabel]} />
        <ReferenceLine x={weekLabel.replace("#", "0")} stroke={palette.good} strokeDasharray="4 3" />
        <Bar dataKey="n" maxBarSize={40} radius={[4, 4, 0, 0]} isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.week} fill={r.week < 0 ? palette.muted : palette.good} />
          ))}
          <LabelList dataKey="n" position="top" style={{ fontSize: 11, fill: "#334155" }} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
