import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IssueStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { DeadlineBadge } from "@/components/workflow/deadline-badge";
import { getDb } from "@/db";
import { getTimeLimitSettings } from "@/db/queries/time-limits";
import { listSiteReportsOfSite, listSpecialistInbox } from "@/db/queries/triage";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

/** The site specialist's desk: what supervisors escalated, and the site's VoC reports. */
export default async function SpecialistHome() {
  const viewer = await requirePermission("page.specialist");
  const db = await getDb();
  const [t, tAll, tReport, format, locale] = [await getTranslations("triage"), await getTranslations(), await getTranslations("siteReport"), await getFormatter(), (await getLocale()) as Locale];
  const now = new Date();
  const [inbox, reports, { targets }] = await Promise.all([listSpecialistInbox(db, viewer, { now }), listSiteReportsOfSite(db, viewer, 8), getTimeLimitSettings(db)]);
  const escalated = inbox.filter((i) => i.status === "escalated").length;
  const records = inbox.reduce((s, i) => s + i.recordCount, 0);
  const flagged = inbox.filter((i) => (i.clock && i.clock.state !== "ok") || i.complaints.near + i.complaints.overdue > 0).length;
  const flaggedComplaints = inbox.reduce((s, i) => s + i.complaints.near + i.complaints.overdue, 0);

  return (
    <>
      <PageHeader
        title={t("inbox.title")}
        description={t("inbox.description")}
        actions={
          <Link href="/specialist/reports/new" className={buttonClass("primary", "sm")}>
            {tReport("new")}
          </Link>
        }
      />
      <StatGrid columns={5}>
        <Stat label={t("inbox.stats.escalated")} value={format.number(escalated)} />
        <Stat label={t("inbox.stats.returned")} value={format.number(inbox.length - escalated)} />
        <Stat label={t("inbox.stats.records")} value={format.number(records)} />
        <Stat label={t("inbox.stats.drafts")} value={format.number(reports.filter((r) => r.status === "draft").length)} />
        <Stat
          label={t("inbox.stats.flagged")}
          value={<span data-testid="inbox-flagged">{format.number(flagged)}</span>}
          tone={flagged > 0 ? "warn" : "neutral"}
          hint={t("inbox.stats.flaggedHint", { days: targets.escalationToVerificationDays, complaints: flaggedComplaints })}
        />
      </StatGrid>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("inbox.heading")} className="lg:col-span-2">
          {inbox.length === 0 ? (
            <EmptyState title={t("inbox.empty")} hint={t("inbox.emptyHint")} />
          ) : (
            <Table head={[tAll("fields.issue"), tAll("fields.category"), tAll("fields.records"), tAll("fields.status")]}>
              {inbox.map((i) => (
                <tr key={i.id} data-testid="inbox-issue">
                  <Td className="max-w-sm">
                    <Link href={`/issues/${i.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      #{i.id} {i.title}
                    </Link>
                    <p className="mt-0.5 text-xs text-slate-500">
                      {[i.createdByName ? t("inbox.escalatedBy", { name: i.createdByName }) : null, i.escalatedAt ? format.dateTime(i.escalatedAt, { dateStyle: "medium", timeStyle: "short" }) : null].filter(Boolean).join(" · ")}
                    </p>
                    {i.status === "returned" && i.statusReason ? <p className="mt-0.5 text-xs text-amber-700">{i.statusReason}</p> : null}
                    {(i.clock && i.clock.state !== "ok") || i.complaints.near + i.complaints.overdue > 0 ? (
                      <div className="mt-1 flex flex-wrap items-center gap-1.5" data-testid="inbox-issue-flags">
                        {i.clock && i.clock.state !== "ok" ? (
                          <span className="inline-flex items-center gap-1 text-xs text-slate-500">
                            {t("inbox.stageClock")}
                            <DeadlineBadge state={i.clock.state} dueAt={i.clock.dueAt} now={now} />
                          </span>
                        ) : null}
                        {i.complaints.overdue > 0 ? (
                          <span data-testid="inbox-complaints-overdue">
                            <Badge tone="red">{t("inbox.complaintsOverdue", { count: i.complaints.overdue })}</Badge>
                          </span>
                        ) : null}
                        {i.complaints.near > 0 ? (
                          <span data-testid="inbox-complaints-near">
                            <Badge tone="amber">{t("inbox.complaintsNear", { count: i.complaints.near })}</Badge>
                          </span>
                        ) : null}
                      </div>
                    ) : null}
                  </Td>
                  <Td className="text-slate-600">{localName(i.category, locale)}</Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {format.number(i.recordCount)}
                    {i.evidenceCount > 0 ? <span className="block text-xs text-slate-500">{t("inbox.evidence", { count: i.evidenceCount })}</span> : null}
                  </Td>
                  <Td>
                    <IssueStatusBadge status={i.status} />
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card
          title={tReport("listTitle")}
          action={
            <Link href="/specialist/reports" className="text-xs font-medium text-brand-700 hover:underline">
              {tReport("all")}
            </Link>
          }
        >
          {reports.length === 0 ? (
            <EmptyState title={tReport("empty")} hint={tReport("emptyHint")} />
          ) : (
            <ul className="space-y-3 text-sm">
              {reports.map((r) => (
                <li key={r.id} className="flex items-start justify-between gap-2" data-testid="site-report">
                  <span>
                    <Link href={`/specialist/reports/${r.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {r.title}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {format.dateTimeRange(new Date(`${r.periodStart}T00:00:00+08:00`), new Date(`${r.periodEnd}T00:00:00+08:00`), { dateStyle: "medium" })} · {tReport("issueCount", { count: r.issueCount })}
                    </span>
                  </span>
                  <Badge tone={r.status === "draft" ? "amber" : "green"}>{tAll(`reportStatus.${r.status}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
