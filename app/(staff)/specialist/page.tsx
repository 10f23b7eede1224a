import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IssueStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { listSiteIssues, listSiteReports } from "@/db/queries/workflow";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export default async function SpecialistHome() {
  const viewer = await requirePermission("page.specialist");
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const [inbox, reports] = await Promise.all([listSiteIssues(db, viewer, ["escalated", "returned"]), listSiteReports(db, viewer)]);
  const escalated = inbox.filter((i) => i.status === "escalated").length;
  const records = inbox.reduce((s, i) => s + i.recordCount, 0);

  return (
    <>
      <PageHeader title={t("specialist.title")} description={t("specialist.description")} />
      <StatGrid>
        <Stat label={t("specialist.stats.escalated")} value={format.number(escalated)} />
        <Stat label={t("specialist.stats.returned")} value={format.number(inbox.length - escalated)} />
        <Stat label={t("specialist.stats.records")} value={format.number(records)} />
        <Stat label={t("specialist.stats.drafts")} value={format.number(reports.filter((r) => r.status === "draft").length)} />
      </StatGrid>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("specialist.inbox")} className="lg:col-span-2">
          {inbox.length === 0 ? (
            <EmptyState title={t("specialist.emptyInbox")} hint={t("specialist.emptyInboxHint")} />
          ) : (
            <Table head={[t("fields.issue"), t("fields.category"), t("fields.records"), t("fields.status")]}>
              {inbox.map((i) => (
                <tr key={i.id} data-testid="inbox-issue">
                  <Td className="max-w-sm">
                    <p className="font-medium">{i.title}</p>
                    {i.status === "returned" && i.statusReason ? <p className="mt-0.5 text-xs text-amber-700">{i.statusReason}</p> : null}
                  </Td>
                  <Td className="text-slate-600">{localName(i.category, locale)}</Td>
                  <Td className="tabular-nums">{format.number(i.recordCount)}</Td>
                  <Td><IssueStatusBadge status={i.status} /></Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title={t("specialist.reports")}>
          {reports.length === 0 ? (
            <EmptyState title={t("specialist.noReports")} />
          ) : (
            <ul className="space-y-3 text-sm">
              {reports.map((r) => (
                <li key={r.id} className="flex items-start justify-between gap-2">
                  <span>
                    <span className="font-medium">{r.title}</span>
                    <span className="block text-xs text-slate-500">
                      {format.dateTimeRange(new Date(r.periodStart), new Date(r.periodEnd), { dateStyle: "medium" })}
                    </span>
                  </span>
                  <Badge tone={r.status === "draft" ? "amber" : "green"}>{t(`reportStatus.${r.status}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
