import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Deadline } from "@/lib/workflow";

/** The time-limit flag of an item: nothing when fine, amber when near its limit, red when past it. */
export async function DeadlineBadge({ state }: { state: Deadline | null | undefined }) {
  if (!state || state === "ok") return null;
  const t = await getTranslations("loop.deadline");
  return (
    <span data-testid={`deadline-${state}`}>
      <Badge tone={state === "overdue" ? "red" : "amber"}>{t(state)}</Badge>
    </span>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 w-20 rounded-full bg-slate-200" role="progressbar" aria-label={label} aria-valuenow={clamped} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-1.5 rounded-full bg-brand-500" style={{ width: `${clamped}%` }} />
      </div>
      <span className="text-xs tabular-nums text-slate-500">{clamped}%</span>
    </div>
  );
}
