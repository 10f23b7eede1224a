import { getFormatter, getTranslations } from "next-intl/server";
import { ActionStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Td } from "@/components/ui/table";
import type { ActionStatus } from "@/db/schema";
import type { Deadline } from "@/lib/workflow";

const DAY = 86_400_000;

/**
 * The time-limit flag of an item: nothing when fine, amber when near its limit, red when past it.
 * Given its due moment, it also says how many days are left (or how many it is over), and with
 * `showOk` it shows those days on a neutral flag while the item is still fine.
 */
export async function DeadlineBadge({ state, dueAt, now = new Date(), showOk = false }: { state: Deadline | null | undefined; dueAt?: Date; now?: Date; showOk?: boolean }) {
  if (!state || (state === "ok" && !(showOk && dueAt))) return null;
  const t = await getTranslations("loop.deadline");
  let label = t(state);
  let title: string | undefined;
  if (dueAt) {
    const left = dueAt.getTime() - now.getTime();
    const days = state === "overdue" ? t("overdueBy", { count: Math.max(1, Math.ceil(-left / DAY)) }) : t("daysLeft", { count: Math.max(0, Math.floor(left / DAY)) });
    label = state === "near" ? `${label} · ${days}` : days;
    title = t("dueOn", { date: (await getFormatter()).dateTime(dueAt, { dateStyle: "medium", timeStyle: "short" }) });
  }
  return (
    <span data-testid={`deadline-${state}`} title={title}>
      <Badge tone={state === "overdue" ? "red" : state === "near" ? "amber" : "neutral"}>{label}</Badge>
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

/**
 * The owner, due date, progress and state cells of an action's row, as the department's and
 * the management post's action lists show them.
 */
export async function ActionTrackingCells({
  action,
}: {
  action: { ownerName: string | null; dueOn: string | null; progress: number; status: ActionStatus; deadline: Deadline | null | undefined };
}) {
  const [t, format] = [await getTranslations(), await getFormatter()];
  return (
    <>
      <Td className="text-slate-600">{action.ownerName ?? "—"}</Td>
      <Td className={`whitespace-nowrap tabular-nums ${action.deadline === "overdue" ? "text-rose-700" : "text-slate-600"}`}>
        {action.dueOn ? format.dateTime(new Date(`${action.dueOn}T00:00:00+08:00`), { dateStyle: "medium" }) : "—"}
      </Td>
      <Td>
        <ProgressBar value={action.progress} label={t("fields.progress")} />
      </Td>
      <Td>
        <span className="inline-flex flex-wrap gap-1">
          <ActionStatusBadge status={action.status} />
          <DeadlineBadge state={action.deadline} />
        </span>
      </Td>
    </>
  );
}
