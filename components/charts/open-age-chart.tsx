"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { AgeBucket, OpenIssueAge } from "@/db/queries/stats/workflow";
import { axisTick, ChartFrame, formatNumber, palette, useDrill } from "./common";

/** Open issues by age, split into those still before the bulletin and those in action. */
export function OpenAgeChart({ data, label, labels, bucketLabels, links, locale }: {
  data: OpenIssueAge[];
  label: string;
  labels: { beforeBulletin: string; inAction: string };
  bucketLabels: Record<AgeBucket, string>;
  links: Partial<Record<AgeBucket, string>>;
  locale: string;
}) {
  const drill = useDrill();
  const rows = data.map((d) => ({ ...d, name: bucketLabels[d.bucket] }));
  const names: Record<string, string> = { beforeBulletin: labels.beforeBulletin, inAction: labels.inAction };
  const open = (index: number) => drill(links[rows[index]?.bucket as AgeBucket]);
  return (
    <ChartFrame label={label} height={240} clickable>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={palette.grid} />
        <XAxis dataKey="name" tick={axisTick} interval={0} />
        <YAxis tick={axisTick} allowDecimals={false} />
        <Tooltip formatter={(v, name) => [formatNumber(Number(v), locale), names[String(name)] ?? name]} />
        <Legend formatter={(name: string) => names[name] ?? name} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="beforeBulletin" stackId="age" fill={palette.muted} maxBarSize={56} isAnimationActive={false} onClick={(_, i) => open(i)} />
        <Bar dataKey="inAction" stackId="age" fill={palette.warn} maxBarSize={56} isAnimationActive={false} onClick={(_, i) => open(i)} />
      </BarChart>
    </ChartFrame>
  );
}
