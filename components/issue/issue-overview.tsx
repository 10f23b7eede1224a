import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionStatusBadge, IssueStatusBadge, KindBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { IssueDetail, TimelineEntry } from "@/db/queries/issues";
import { todayInCenter } from "@/lib/dates";
import { localName, type Locale } from "@/lib/i18n/config";
import { IssueTimeline } from "./issue-timeline";

/**
 * An issue as every role sees it: what it is, its records, its actions, its bulletins and
 * its history. Role pages put their own action panel beside it (`children`).
 */
export async function IssueOverview({ detail, timeline, children }: { detail: IssueDetail; timeline: TimelineEntry[]; children?: React.ReactNode }) {
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const { issue } = detail;
  const today = todayInCenter();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-500">
          <span>{t("issue.title", { id: issue.id })}</span>
          <IssueStatusBadge status={issue.status} />
          <Badge tone={issue.type === "problem" ? "amber" : "brand"}>{t(`issue.type.${issue.type}`)}</Badge>
          <span>· {localName(detail.category, locale)}</span>
          {detail.site ? <span>· {localName(detail.site, locale)}</span> : null}
          <span>· {t("issue.recordCount", { count: detail.recordCount })}</span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="issue-title">
          {issue.title}
        </h1>
        {issue.description ? <p className="max-w-3xl whitespace-pre-line text-sm text-slate-700">{issue.description}</p> : null}
        {issue.statusReason && (issue.status === "returned" || issue.status === "rejected") ? (
          <p className="max-w-3xl rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("issue.reason", { reason: issue.statusReason })}</p>
        ) : null}
        {issue.mergedIntoId ? (
          <p className="text-sm">
            <Link className="text-brand-700 underline" href={`/issues/${issue.mergedIntoId}`}>
              {t("issue.mergedInto", { id: issue.mergedIntoId })}
            </Link>
          </p>
        ) : null}
        {issue.publicOutcome ? (
          <div className="max-w-3xl rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            <p className="font-medium">{t("issue.publicOutcome")}</p>
            <p>{issue.publicTitle}</p>
            <p>{issue.publicOutcome}</p>
          </div>
        ) : null}
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {children}
          <Card title={t("issue.actions")}>
            {detail.actions.length === 0 ? (
              <EmptyState title={t("issue.noActions")} />
            ) : (
              <ul className="space-y-4">
                {detail.actions.map(({ action, department, updates }) => (
                  <li key={action.id} className="rounded-lg border border-slate-200 p-3 text-sm" data-testid="issue-action">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="font-medium">
                        {localName(department, locale)} · {t(`disposition.${action.disposition}`)}
                      </p>
                      <ActionStatusBadge status={action.status} overdue={Boolean(action.dueOn && action.dueOn < today && ["assigned", "in_progress", "reopened"].includes(action.status))} />
                    </div>
                    <p className="mt-1 text-xs text-slate-500">
                      {[action.ownerName, action.dueOn ? t("issue.due", { date: format.dateTime(new Date(action.dueOn), { dateStyle: "medium" }) }) : null, t("issue.progress", { progress: action.progress })]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                    {updates.length > 0 ? (
                      <ul className="mt-2 space-y-1 border-l-2 border-slate-100 pl-3 text-slate-700">
                        {updates.map(({ update, authorName }) => (
                          <li key={update.id}>
                            {update.note}
                            {update.evidenceUrl ? (
                              <>
                                {" "}
                                <a href={update.evidenceUrl} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                                  {t("issue.evidence")}
                                </a>
                              </>
                            ) : null}
                            <span className="ml-1 text-xs text-slate-400">
                              {authorName} · {format.dateTime(update.createdAt, { dateStyle: "short" })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={`${t("issue.records")} (${detail.recordCount})`}>
            {detail.records.length === 0 ? (
              <EmptyState title={t("issue.noRecords")} />
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {detail.records.slice(0, 50).map((r) => (
                  <li key={r.id} className="py-2.5" data-testid="issue-record">
                    <div className="flex flex-wrap items-center gap-2">
                      <KindBadge kind={r.kind} />
                      <span className="font-medium">{r.summary}</span>
                    </div>
                    {r.customerWords ? <p className="mt-1 line-clamp-2 text-slate-600">{r.customerWords}</p> : null}
                    <p className="mt-1 text-xs text-slate-400">
                      {[t(`issue.channel.${r.channel}`), r.source, r.authorName, format.dateTime(r.createdAt, { dateStyle: "medium" })].filter(Boolean).join(" · ")}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          {detail.bulletins.length > 0 ? (
            <Card title={t("issue.bulletins")}>
              <ul className="space-y-1 text-sm">
                {detail.bulletins.map((b) => (
                  <li key={b.id}>
                    <Link href={`/bulletins/${b.id}`} className="text-brand-700 hover:underline">
                      {t("bulletin.numberTitle", { number: b.number, title: b.title })}
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {detail.mergedFrom.length > 0 ? (
            <Card title={t("issue.mergedFrom")}>
              <ul className="space-y-1 text-sm">
                {detail.mergedFrom.map((m) => (
                  <li key={m.id}>
                    #{m.id} {m.title}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title={t("issue.timeline")}>
            <IssueTimeline entries={timeline} />
          </Card>
        </div>
      </div>
    </div>
  );
}
