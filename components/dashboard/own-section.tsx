import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat, StatGrid } from "@/components/ui/stat";
import { recordKinds } from "@/db/schema";
import type { StatsFilters } from "@/lib/stats/filters";
import { loadOwnContribution } from "./data";
import { sectionTools } from "./context";

/** An agent's own records in the period and what became of them, in the words customers see. */
export async function OwnSection({ filters, authorId }: { filters: StatsFilters; authorId: number }) {
  const own = await loadOwnContribution(filters, authorId);
  const { t, root, format } = await sectionTools(filters);
  return (
    <div className="space-y-6" data-testid="own-contribution">
      <StatGrid columns={5}>
        <Stat label={t("own.filed")} value={format.number(own.filed)} hint={recordKinds.filter((k) => own.byKind[k] > 0).map((k) => `${root(`recordKind.${k}`)} ${own.byKind[k]}`).join(" · ") || undefined} />
        <Stat label={t("own.escalated")} value={format.number(own.escalated)} />
        <Stat label={t("own.dismissed")} value={format.number(own.dismissed)} />
        <Stat label={t("own.issuesResolved")} value={format.number(own.issuesResolved)} tone={own.issuesResolved > 0 ? "good" : "neutral"} />
        <Stat label={t("own.ideasPracticed")} value={format.number(own.ideasPracticed)} tone={own.ideasPracticed > 0 ? "good" : "neutral"} />
      </StatGrid>
      <Card title={t("own.outcomes")}>
        {own.outcomes.length === 0 ? (
          <EmptyState title={t("own.outcomesEmpty")} hint={t("own.outcomesEmptyHint")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {own.outcomes.map((o) => (
              <li key={o.issueId} className="py-3" data-testid="own-outcome">
                <p className="text-sm font-medium text-slate-900">{o.publicOutcome ?? o.issueTitle}</p>
                <p className="mt-0.5 text-xs text-slate-500">{t("own.resolvedOn", { date: format.dateTime(o.resolvedAt, { dateStyle: "medium" }) })}</p>
                <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs">
                  {o.records.map((r) => (
                    <li key={r.id}>
                      <Link href={`/agent/records/${r.id}`} className="text-brand-700 hover:underline">
                        {t("own.yourRecord", { summary: r.summary })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
