"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { BulletinVolume } from "@/db/queries/stats/workflow";
import { axisTick, ChartFrame, formatNumber, palette, useDrill } from "./common";

/** Records behind each published bulletin, in the order they were published. */
export function BulletinVolumeChart({ data, label, numberLabel, seriesLabel, locale }: {
  data: BulletinVolume[];
  label: string;
  /** "第{number}期" with the number filled in, per bulletin id. */
  numberLabel: Record<number, string>;
  seriesLabel: string;
  locale: string;
}) {
  const drill = useDrill();
  const rows = data.map((b) => ({ ...b, name: numberLabel[b.bulletinId] ?? String(b.number) }));
  return (
    <ChartFrame label={label} height={240} clickable>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={palette.grid} />
        <XAxis dataKey="name" tick={axisTick} />
        <YAxis tick={axisTick} allowDecimals={false} />
        <Tooltip labelFormatter={(_, payload) => String(payload?.[0]?.payload?.title ?? "")} formatter={(v) => [formatNumber(Number(v), locale), seriesLabel]} />
        <Bar dataKey="records" fill={palette.brand} maxBarSize={40} radius={[4, 4, 0, 0]} isAnimationActive={false} onClick={(_, i) => drill(rows[i] ? `/bulletins/${rows[i].bulletinId}` : null)} />
      </BarChart>
    </ChartFrame>
  );
}
