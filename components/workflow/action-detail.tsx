import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionStatusBadge, IssueStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionDetail } from "@/db/queries/actions";
import { localName, type Locale } from "@/lib/i18n/config";
import type { Deadline } from "@/lib/workflow";
import { DeadlineBadge, ProgressBar } from "./deadline-badge";

/**
 * One action as the department and the management post see it: the issue it serves, its owner,
 * due date and progress, every update with its evidence, and what the monthly meetings decided.
 * The role's own forms go in `children`.
 */
export async function ActionDetailView({ detail, deadline, backHref, notice, children }: { detail: ActionDetail; deadline: Deadline | null; backHref: string; notice?: React.ReactNode; children?: React.ReactNode }) {
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const { action, issue } = detail;
  const date = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { dateStyle: "medium" });
  return (
    <div className="space-y-6">
      {notice}
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={backHref} className="text-brand-700 underline-offset-2 hover:underline">
            ← {t("actions.detail.back")}
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-500">
          <span>{t("actions.detail.number", { id: action.id })}</span>
          <ActionStatusBadge status={action.status} />
          <DeadlineBadge state={deadline} />
          <Badge tone="brand">{t(`disposition.${action.disposition}`)}</Badge>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="action-issue-title">
          {issue.title}
        </h1>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">{t("fields.department")}</dt>
            <dd className="font-medium">{localName(detail.department, locale)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("fields.owner")}</dt>
            <dd className="font-medium" data-testid="action-owner">{action.ownerName ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("fields.dueOn")}</dt>
            <dd className={`font-medium tabular-nums ${deadline === "overdue" ? "text-rose-700" : ""}`} data-testid="action-due">
              {action.dueOn ? date(action.dueOn) : t("actions.detail.noDue")}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("fields.progress")}</dt>
            <dd>
              <ProgressBar value={action.progress} label={t("fields.progress")} />
            </dd>
          </div>
        </dl>
        {action.status === "reopened" && detail.lastReopen?.reason ? (
          <p className="max-w-3xl rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("actions.detail.reopenedBecause", { reason: detail.lastReopen.reason })}</p>
        ) : null}
        {action.status === "done" ? <p className="max-w-3xl rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900">{t("actions.detail.awaitingCheck")}</p> : null}
        {action.status === "verified" ? <p className="max-w-3xl rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{t("actions.detail.verified")}</p> : null}
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {children}
          <Card title={t("actions.detail.updates")}>
            {detail.updates.length === 0 ? (
              <EmptyState title={t("actions.detail.noUpdates")} hint={t("actions.detail.noUpdatesHint")} />
            ) : (
              <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="action-updates">
                {detail.updates.map((u) => (
                  <li key={u.id} className="relative text-sm">
                    <span aria-hidden className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-500 ring-1 ring-brand-200" />
                    <p className="whitespace-pre-line text-slate-800">{u.note}</p>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                      {u.progress !== null ? <span className="tabular-nums">{t("issue.progress", { progress: u.progress })}</span> : null}
                      {u.evidenceUrl ? (
                        <a href={u.evidenceUrl} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                          {t("issue.evidence")}
                        </a>
                      ) : null}
                      <span>
                        {u.authorName ?? "—"} · <time dateTime={u.createdAt.toISOString()}>{format.dateTime(u.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                      </span>
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t("actions.detail.issue")}>
            <div className="space-y-2 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <IssueStatusBadge status={issue.status} />
                <span className="text-slate-500">{localName(detail.category, locale)}</span>
                <span className="text-slate-500">· {t("issue.recordCount", { count: detail.recordCount })}</span>
              </p>
              {issue.description ? <p className="whitespace-pre-line text-slate-700">{issue.description}</p> : null}
              {issue.publicOutcome ? (
                <div className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900">
                  <p className="text-xs font-medium">{t("issue.publicOutcome")}</p>
                  <p>{issue.publicTitle}</p>
                  <p>{issue.publicOutcome}</p>
                </div>
              ) : null}
              <Link href={`/issues/${issue.id}`} className="inline-block text-brand-700 underline-offset-2 hover:underline">
                {t("actions.detail.openIssue", { id: issue.id })}
              </Link>
            </div>
          </Card>
          {detail.siblings.length > 0 ? (
            <Card title={t("actions.detail.otherActions")}>
              <ul className="space-y-2 text-sm">
                {detail.siblings.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      {localName(s.department, locale)} · <span className="text-slate-500">{t(`disposition.${s.disposition}`)}</span>
                    </span>
                    <ActionStatusBadge status={s.status} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title={t("actions.detail.meetings")}>
            {detail.decisions.length === 0 ? (
              <EmptyState title={t("actions.detail.noMeetings")} />
            ) : (
              <ul className="space-y-3 text-sm">
                {detail.decisions.map((d) => (
                  <li key={d.meetingId}>
                    <Link href={`/meetings/${d.meetingId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {d.title}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {date(d.heldOn)} · {t(`meetings.reason.${d.agendaReason === "overdue" || d.agendaReason === "done" ? d.agendaReason : "open"}`)}
                    </p>
                    <p className="mt-1">{d.decision ? <Badge tone="brand">{t(`meetings.decision.${d.decision}`)}</Badge> : <span className="text-slate-500">{t("meetings.undecided")}</span>}</p>
                    {d.decisionNote ? <p className="mt-1 text-slate-600">{d.decisionNote}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
