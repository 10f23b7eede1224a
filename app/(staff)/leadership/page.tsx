import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ResolutionRateStat } from "@/components/resolution-rate-stat";
import { ActionStatusBadge } from "@/components/status-badges";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { getProgramSummary, listBulletins, listOpenActions } from "@/db/queries/workflow";
import { todayInCenter } from "@/lib/dates";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export default async function LeadershipHome() {
  const viewer = await requirePermission("page.leadership");
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const today = todayInCenter();
  const [summary, bulletinList, openActions] = await Promise.all([
    getProgramSummary(db, viewer, today),
    listBulletins(db, viewer, 6),
    listOpenActions(db, viewer, today, 200),
  ]);

  return (
    <>
      <PageHeader
        title={t("leadership.title")}
        description={t("leadership.description")}
        actions={
          <Link href="/dashboard" className={buttonClass("secondary", "sm")}>
            {t("nav.dashboard")}
          </Link>
        }
      />
      <StatGrid>
        <ResolutionRateStat rate={summary.resolutionRate} resolved={summary.resolvedIssues} published={summary.publishedIssues} />
        <Stat label={t("program.publishedBulletins")} value={format.number(summary.publishedBulletins)} />
        <Stat label={t("program.openActions")} value={format.number(summary.openActions)} />
        <Stat label={t("program.overdueActions")} value={format.number(summary.overdueActions)} tone={summary.overdueActions > 0 ? "warn" : "neutral"} />
      </StatGrid>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("leadership.latestBulletins")}>
          {bulletinList.length === 0 ? (
            <EmptyState title={t("manager.noBulletins")} />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {bulletinList.map((b) => (
                <li key={b.id} className="py-2.5" data-testid="bulletin">
                  <Link href={`/bulletins/${b.id}`} className="font-medium text-brand-800 hover:underline">
                    {t("bulletin.numberTitle", { number: b.number, title: b.title })}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {b.publishedAt ? format.dateTime(b.publishedAt, { dateStyle: "long" }) : null} · {t("manager.issueCount", { count: b.issueCount })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("leadership.openActions")} className="lg:col-span-2">
          {openActions.length === 0 ? (
            <EmptyState title={t("department.noActions")} />
          ) : (
            <Table head={[t("fields.issue"), t("fields.department"), t("fields.dueOn"), t("fields.status")]}>
              {openActions.slice(0, 12).map((a) => (
                <tr key={a.id}>
                  <Td className="max-w-sm font-medium">
                    <Link href={`/issues/${a.issueId}`} className="hover:underline">
                      {a.issueTitle}
                    </Link>
                  </Td>
                  <Td className="text-slate-600">{localName(a.department, locale)}</Td>
                  <Td className={`whitespace-nowrap ${a.overdue ? "text-rose-700" : "text-slate-600"}`}>
                    {a.dueOn ? format.dateTime(new Date(a.dueOn), { dateStyle: "medium" }) : "—"}
                  </Td>
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
