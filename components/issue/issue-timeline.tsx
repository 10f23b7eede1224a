import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { TimelineEntry } from "@/db/queries/issues";

/** Who did what, when and why: the issue's history straight from the audit log. */
export async function IssueTimeline({ entries }: { entries: TimelineEntry[] }) {
  const [t, format] = [await getTranslations(), await getFormatter()];
  if (entries.length === 0) return <EmptyState title={t("issue.noTimeline")} />;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
      {entries.map((e) => {
        const key = `audit.${e.action}`;
        const what = t.has(key) ? t(key) : e.action;
        const who = e.actorName ? t("issue.by", { name: e.actorName, role: e.actorRole && t.has(`roles.${e.actorRole}`) ? t(`roles.${e.actorRole}`) : (e.actorRole ?? "") }) : t("issue.system");
        return (
          <li key={e.id} className="relative text-sm">
            <span aria-hidden className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-500 ring-1 ring-brand-200" />
            <p>
              <span className="font-medium text-slate-900">{who}</span> <span className="text-slate-700">{what}</span>
            </p>
            {e.reason ? <p className="mt-0.5 text-slate-600">{t("issue.reason", { reason: e.reason })}</p> : null}
            <p className="mt-0.5 text-xs text-slate-400">
              <time dateTime={e.occurredAt.toISOString()}>{format.dateTime(e.occurredAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
