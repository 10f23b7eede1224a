import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { KindBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { listTeamConcentrations, listTeamQueue } from "@/db/queries/records";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export default async function SupervisorHome() {
  const viewer = await requirePermission("page.supervisor");
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const [queue, concentrations] = await Promise.all([listTeamQueue(db, viewer, 50), listTeamConcentrations(db, viewer)]);
  const urgent = queue.filter((r) => r.urgency === "high" || r.urgency === "critical").length;
  const rising = concentrations.filter((c) => c.ratio !== null && c.ratio >= 1.5).length;

  return (
    <>
      <PageHeader title={t("supervisor.title")} description={t("supervisor.description")} />
      <StatGrid>
        <Stat label={t("supervisor.stats.queue")} value={format.number(queue.length)} />
        <Stat label={t("supervisor.stats.urgent")} value={format.number(urgent)} tone={urgent > 0 ? "warn" : "neutral"} />
        <Stat label={t("supervisor.stats.rising")} value={format.number(rising)} tone={rising > 0 ? "warn" : "neutral"} />
        <Stat label={t("supervisor.stats.topics")} value={format.number(concentrations.length)} />
      </StatGrid>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("supervisor.queue")} className="lg:col-span-2">
          {queue.length === 0 ? (
            <EmptyState title={t("supervisor.emptyQueue")} hint={t("supervisor.emptyQueueHint")} />
          ) : (
            <Table head={[t("fields.summary"), t("fields.kind"), t("fields.category"), t("fields.agent"), t("fields.createdAt")]}>
              {queue.map((r) => (
                <tr key={r.id} data-testid="queue-record">
                  <Td className="max-w-xs">
                    <p className="font-medium">{r.summary}</p>
                    {r.urgency === "high" || r.urgency === "critical" ? <Badge tone="red">{t(`urgency.${r.urgency}`)}</Badge> : null}
                  </Td>
                  <Td><KindBadge kind={r.kind} /></Td>
                  <Td className="text-slate-600">{localName(r.category, locale)}</Td>
                  <Td className="text-slate-600">{r.authorName}</Td>
                  <Td className="whitespace-nowrap text-slate-500">{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title={t("supervisor.concentrations")}>
          {concentrations.length === 0 ? (
            <EmptyState title={t("supervisor.noConcentrations")} />
          ) : (
            <ol className="space-y-3 text-sm">
              {concentrations.map((c) => (
                <li key={c.categoryId} className="flex items-start justify-between gap-3">
                  <span>
                    <span className="font-medium">{localName(c.category, locale)}</span>
                    <span className="block text-xs text-slate-500">
                      {t("supervisor.concentrationLine", { recent: c.recent, usual: format.number(c.usualPerDay * 7, { maximumFractionDigits: 1 }) })}
                    </span>
                  </span>
                  {c.ratio !== null && c.ratio >= 1.5 ? (
                    <Badge tone="red">×{format.number(c.ratio, { maximumFractionDigits: 1 })}</Badge>
                  ) : c.ratio === null ? (
                    <Badge tone="amber">{t("supervisor.new")}</Badge>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
