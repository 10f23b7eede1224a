import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ResolutionRateStat } from "@/components/resolution-rate-stat";
import { ActionStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { getProgramSummary, listBulletins, listOpenActions, listSubmittedReports } from "@/db/queries/workflow";
import { todayInCenter } from "@/lib/dates";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export default async function ManagerHome() {
  const viewer = await requirePermission("page.manager");
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const today = todayInCenter();
  const [summary, reports, bulletinList, openActions] = await Promise.all([
    getProgramSummary(db, viewer, today),
    listSubmittedReports(db, viewer),
    listBulletins(db, viewer, 6),
    listOpenActions(db, viewer, today, 200),
  ]);
  const overdue = openActions.filter((a) => a.overdue);

  return (
    <>
      <PageHeader
        title={t("manager.title")}
        description={t("manager.description")}
        actions={
          <Link href="/dashboard" className={buttonClass("secondary", "sm")}>
            {t("nav.dashboard")}
          </Link>
        }
      />
      <StatGrid>
        <ResolutionRateStat rate={summary.resolutionRate} resolved={summary.resolvedIssues} published={summary.publishedIssues} />
        <Stat label={t("manager.stats.reportsWaiting")} value={format.number(reports.length)} />
        <Stat label={t("manager.stats.awaitingVerification")} value={format.number(summary.awaitingVerification)} />
        <Stat label={t("program.overdueActions")} value={format.number(summary.overdueActions)} tone={summary.overdueActions > 0 ? "warn" : "neutral"} />
      </StatGrid>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={t("manager.reportsWaiting")}
          action={
            <Link href="/manager/verification" className="text-sm font-medium text-brand-700 hover:underline">
              {t("manager.toVerification")}
            </Link>
          }
        >
          {reports.length === 0 ? (
            <EmptyState title={t("manager.noReports")} />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {reports.map((r) => (
                <li key={r.id} className="flex items-start justify-between gap-3 py-2.5" data-testid="submitted-report">
                  <span>
                    <Link href={`/manager/reports/${r.id}`} className="font-medium text-brand-800 hover:underline">
                      {r.title}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {localName(r.site, locale)} · {t("manager.issueCount", { count: r.issueCount })}
                    </span>
                  </span>
                  {r.submittedAt ? <span className="whitespace-nowrap text-xs text-slate-500">{format.relativeTime(r.submittedAt)}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card
          title={t("manager.bulletins")}
          action={
            <Link href="/bulletins/new" className="text-sm font-medium text-brand-700 hover:underline">
              {t("manager.newBulletin")}
            </Link>
          }
        >
          {bulletinList.length === 0 ? (
            <EmptyState title={t("manager.noBulletins")} />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {bulletinList.map((b) => (
                <li key={b.id} className="flex items-start justify-between gap-3 py-2.5">
                  <span>
                    <Link href={`/bulletins/${b.id}`} className="font-medium text-brand-800 hover:underline">
                      {t("bulletin.numberTitle", { number: b.number, title: b.title })}
                    </Link>
                    <span className="block text-xs text-slate-500">{t("manager.issueCount", { count: b.issueCount })}</span>
                  </span>
                  <Badge tone={b.status === "draft" ? "amber" : "green"}>{t(`bulletinStatus.${b.status}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("manager.overdue")} className="lg:col-span-2">
          {overdue.length === 0 ? (
            <EmptyState title={t("manager.noOverdue")} />
          ) : (
            <Table head={[t("fields.issue"), t("fields.department"), t("fields.owner"), t("fields.dueOn"), t("fields.status")]}>
              {overdue.map((a) => (
                <tr key={a.id}>
                  <Td className="max-w-sm font-medium">
                    <Link href={`/issues/${a.issueId}`} className="hover:underline">
                      {a.issueTitle}
                    </Link>
                  </Td>
                  <Td className="text-slate-600">{localName(a.department, locale)}</Td>
                  <Td className="text-slate-600">{a.ownerName ?? "—"}</Td>
                  <Td className="whitespace-nowrap text-rose-700">{a.dueOn ? format.dateTime(new Date(a.dueOn), { dateStyle: "medium" }) : "—"}</Td>
                  <Td><ActionStatusBadge status={a.status} overdue={a.overdue} /></Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
