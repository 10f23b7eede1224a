import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { ActionReopenForm, ActionVerifyForm, IssueResolveForm } from "@/components/workflow/action-review-forms";
import { actionFormStrings } from "@/components/workflow/action-strings";
import { ActionTrackingCells } from "@/components/workflow/deadline-badge";
import { NoticeBanner } from "@/components/workflow/notice-banner";
import { getDb } from "@/db";
import { countUnverifiedByIssue, listActionsForReview, listIssuesReadyToResolve, listRecentlyVerifiedActions } from "@/db/queries/actions";
import { getTimeLimitSettings } from "@/db/queries/time-limits";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";
import { actionClock } from "@/lib/services/time-limits";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("actions.manager"))("title") };
}

/**
 * The management post's view of every action: done ones to verify (or reopen), issues whose
 * actions are all verified and wait for the approved public wording, and every open action
 * with its time-limit flag.
 */
export default async function ManagerActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("page.manager");
  const viewer = await requirePermission("action.verify");
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const now = new Date();
  const [rows, ready, verified, { targets }] = await Promise.all([
    listActionsForReview(db, viewer),
    listIssuesReadyToResolve(db, viewer),
    listRecentlyVerifiedActions(db, viewer, 60, now),
    getTimeLimitSettings(db),
  ]);
  const strings = await actionFormStrings();
  const withClock = rows.map((a) => ({ ...a, deadline: actionClock(a, targets, now)?.state ?? null }));
  const done = withClock.filter((a) => a.status === "done");
  const open = withClock.filter((a) => a.status !== "done");
  const overdue = open.filter((a) => a.deadline === "overdue").length;
  const unverified = await countUnverifiedByIssue(db, [...new Set(done.map((a) => a.issueId))]);

  return (
    <>
      <PageHeader title={t("actions.manager.title")} description={t("actions.manager.description")} actions={<Link href="/manager/time-limits" className="text-sm text-brand-700 underline">{t("actions.manager.timeLimits")}</Link>} />
      <NoticeBanner notice={(await searchParams).notice} />
      <StatGrid>
        <Stat label={t("actions.manager.stats.toVerify")} value={format.number(done.length)} />
        <Stat label={t("actions.manager.stats.toResolve")} value={format.number(ready.length)} />
        <Stat label={t("actions.manager.stats.open")} value={format.number(open.length)} />
        <Stat label={t("actions.manager.stats.overdue")} value={format.number(overdue)} tone={overdue > 0 ? "warn" : "neutral"} />
      </StatGrid>

      <div className="space-y-6">
        <Card title={t("actions.manager.toVerify")}>
          {done.length === 0 ? (
            <EmptyState title={t("actions.manager.noneToVerify")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {done.map((a) => (
                <li key={a.id} className="grid gap-4 py-4 first:pt-0 last:pb-0 lg:grid-cols-5" data-testid="action-to-verify" data-action-id={a.id}>
                  <div className="space-y-1 text-sm lg:col-span-2">
                    <Link href={`/manager/actions/${a.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                      {a.issueTitle}
                    </Link>
                    <p className="text-slate-600">
                      {localName(a.department, locale)} · {t(`disposition.${a.disposition}`)}
                    </p>
                    <p className="text-xs text-slate-500">
                      {[a.ownerName, a.doneAt ? t("actions.manager.doneOn", { date: format.dateTime(a.doneAt, { dateStyle: "medium" }) }) : null].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                  <div className="space-y-3 lg:col-span-3">
                    <ActionVerifyForm
                      actionId={a.id}
                      version={a.version}
                      isLast={(unverified.get(a.issueId) ?? 0) <= 1}
                      defaults={{ publicTitle: "", publicOutcome: "" }}
                      labels={strings.verify}
                      returnTo="/manager/actions"
                    />
                    <details className="rounded-lg border border-slate-200 px-3 py-2">
                      <summary className="cursor-pointer text-sm text-rose-700">{t("actions.forms.reopen")}</summary>
                      <div className="mt-2">
                        <ActionReopenForm actionId={a.id} version={a.version} labels={strings.reopen} returnTo="/manager/actions" />
                      </div>
                    </details>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("actions.manager.toResolve")}>
          {ready.length === 0 ? (
            <EmptyState title={t("actions.manager.noneToResolve")} hint={t("actions.manager.toResolveHint")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {ready.map((i) => (
                <li key={i.id} className="grid gap-4 py-4 first:pt-0 last:pb-0 lg:grid-cols-5" data-testid="issue-to-resolve">
                  <div className="space-y-1 text-sm lg:col-span-2">
                    <Link href={`/issues/${i.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                      {i.title}
                    </Link>
                    <p className="text-slate-600">
                      {localName(i.category, locale)} · {t("actions.manager.actionCount", { count: i.actionCount })}
                    </p>
                  </div>
                  <div className="lg:col-span-3">
                    <IssueResolveForm issueId={i.id} version={i.version} defaults={{ publicTitle: i.publicTitle ?? "", publicOutcome: i.publicOutcome ?? "" }} labels={strings.resolve} returnTo="/manager/actions" />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("actions.manager.open")}>
          {open.length === 0 ? (
            <EmptyState title={t("actions.manager.noneOpen")} />
          ) : (
            <Table head={[t("fields.issue"), t("fields.department"), t("fields.owner"), t("fields.dueOn"), t("fields.progress"), t("fields.status")]}>
              {open.map((a) => (
                <tr key={a.id} data-testid="open-action" data-action-id={a.id}>
                  <Td className="max-w-sm">
                    <Link href={`/manager/actions/${a.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                      {a.issueTitle}
                    </Link>
                    <p className="mt-0.5 text-xs text-slate-500">{t(`disposition.${a.disposition}`)}</p>
                  </Td>
                  <Td className="text-slate-600">{localName(a.department, locale)}</Td>
                  <ActionTrackingCells action={a} />
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card title={t("actions.manager.recentlyVerified")}>
          {verified.length === 0 ? (
            <EmptyState title={t("actions.manager.noneVerified")} />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {verified.map((a) => (
                <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-2.5">
                  <span>
                    <Link href={`/manager/actions/${a.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                      {a.issueTitle}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {localName(a.department, locale)}
                      {a.verifiedAt ? ` · ${t("actions.manager.verifiedOn", { date: format.dateTime(a.verifiedAt, { dateStyle: "medium" }) })}` : ""}
                    </span>
                  </span>
                  <Badge tone="green">{t("actionStatus.verified")}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
