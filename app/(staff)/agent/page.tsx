import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { KindBadge, RecordStatusBadge } from "@/components/status-badges";
import Link from "next/link";
import { NotificationList } from "@/components/notification-list";
import { QuickRecordForm } from "@/components/forms/quick-record-form";
import { quickRecordLabels } from "@/components/forms/quick-record-labels";
import { listCategoryOptions, listRegionOptions } from "@/db/queries/intake";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { countOwnRecordsByStatus, listOwnRecords } from "@/db/queries/records";
import { daysAgo } from "@/lib/dates";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export default async function AgentHome() {
  const viewer = await requirePermission("page.agent");
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const [mine, counts, categories, labels] = await Promise.all([
    listOwnRecords(db, viewer, 8),
    countOwnRecordsByStatus(db, viewer, daysAgo(30)),
    listCategoryOptions(db, locale),
    quickRecordLabels(),
  ]);
  const regions = listRegionOptions(locale).map((r) => ({ value: r.code, label: r.label, search: r.search }));

  return (
    <>
      <PageHeader title={t("agent.title", { name: viewer.name })} description={t("agent.description")} />
      <section aria-labelledby="quick-record" className="mb-8">
        <h2 id="quick-record" className="mb-3 text-lg font-semibold">{t("quickRecord.title")}</h2>
        <QuickRecordForm
          draftKey={`voc:draft:record:${viewer.id}`}
          labels={labels}
          categories={categories.map((c) => ({ value: c.code, label: c.label, search: c.search, depth: c.depth }))}
          regions={regions}
        />
      </section>
      <StatGrid>
        <Stat label={t("agent.stats.filed30")} value={format.number(counts.total)} />
        <Stat label={t("agent.stats.reported30")} value={format.number(counts.reported)} />
        <Stat label={t("agent.stats.linked30")} value={format.number(counts.linked)} tone="good" hint={t("agent.stats.linkedHint")} />
        <Stat label={t("agent.stats.dismissed30")} value={format.number(counts.dismissed)} />
      </StatGrid>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card
          title={t("quickRecord.recentTitle")}
          action={
            <Link href="/agent/records" className="text-sm font-medium text-brand-700 hover:underline">
              {t("quickRecord.allRecords")}
            </Link>
          }
          className="lg:col-span-2"
        >
          {mine.length === 0 ? (
            <EmptyState title={t("agent.noRecords")} hint={t("agent.noRecordsHint")} />
          ) : (
            <Table head={[t("fields.summary"), t("fields.kind"), t("fields.category"), t("fields.status"), t("fields.createdAt")]}>
              {mine.map((r) => (
                <tr key={r.id} data-testid="own-record">
                  <Td className="max-w-xs">
                    <p className="font-medium text-slate-900">{r.summary}</p>
                    {r.issueTitle ? <p className="mt-0.5 text-xs text-emerald-700">{t("agent.partOfIssue", { title: r.issueTitle })}</p> : null}
                    {r.status === "dismissed" && r.dismissedReason ? <p className="mt-0.5 text-xs text-amber-700">{t("agent.dismissedBecause", { reason: r.dismissedReason })}</p> : null}
                  </Td>
                  <Td><KindBadge kind={r.kind} /></Td>
                  <Td className="text-slate-600">{localName(r.category, locale)}</Td>
                  <Td><RecordStatusBadge status={r.status} /></Td>
                  <Td className="whitespace-nowrap text-slate-500">{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <NotificationList viewer={viewer} />
      </div>
    </>
  );
}
