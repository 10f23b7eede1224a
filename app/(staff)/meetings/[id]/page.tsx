import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat, StatGrid } from "@/components/ui/stat";
import { ProgressBar } from "@/components/workflow/deadline-badge";
import { MeetingCommentForm, MeetingDecisionForm, MeetingMinutesForm, MeetingPrintButton, type DecisionLabels } from "@/components/workflow/meeting-forms";
import { NoticeBanner } from "@/components/workflow/notice-banner";
import { getDb } from "@/db";
import { getMeetingDetail, type MeetingDetail } from "@/db/queries/meetings";
import { meetingDecisions } from "@/db/schema";
import { todayInCenter } from "@/lib/dates";
import { localName, type Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/session";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = Number.parseInt((await params).id, 10);
  const viewer = await requirePermission("meeting.read");
  const detail = Number.isSafeInteger(id) ? await getMeetingDetail(await getDb(), viewer, id) : null;
  return { title: detail?.meeting.title ?? (await getTranslations("meetings"))("title") };
}

const reasons = ["overdue", "done", "open"] as const;

/**
 * One monthly meeting: its agenda grouped by why each action is on it, the decision per item
 * (taken on the spot by the management post), the minutes, and leadership's comments. Prints
 * as the minutes document.
 */
export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("meeting.read");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const detail = await getMeetingDetail(await getDb(), viewer, id);
  if (!detail) notFound();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const { meeting } = detail;
  const isOpen = meeting.status === "open";
  const runs = can(viewer.role, "meeting.run");
  const pending = t("common.saving");
  const date = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { dateStyle: "medium" });
  const decisionLabels: DecisionLabels = {
    decision: t("meetings.fields.decision"),
    decisions: Object.fromEntries(meetingDecisions.map((d) => [d, t(`meetings.decision.${d}`)])) as DecisionLabels["decisions"],
    note: t("meetings.fields.note"),
    newOwner: t("meetings.fields.newOwner"),
    newDueOn: t("meetings.fields.newDueOn"),
    publicTitle: t("actions.forms.publicTitle"),
    publicOutcome: t("actions.forms.publicOutcome"),
    wordingHint: t("meetings.wordingHint"),
    submit: t("meetings.decide"),
    pending,
  };
  const byReason = (reason: (typeof reasons)[number]) => detail.items.filter((i) => (reasons.includes(i.agendaReason as (typeof reasons)[number]) ? i.agendaReason : "open") === reason);
  const decided = detail.items.filter((i) => i.decision !== null).length;
  const today = todayInCenter();

  return (
    <article className="space-y-6">
      <NoticeBanner notice={(await searchParams).notice} />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="no-print text-sm">
            <Link href="/meetings" className="text-brand-700 underline-offset-2 hover:underline">
              ← {t("meetings.back")}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="meeting-title">
            {meeting.title}
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span>{t("meetings.heldOn", { date: date(meeting.heldOn) })}</span>
            <Badge tone={isOpen ? "amber" : "green"}>{t(`meetings.status.${meeting.status}`)}</Badge>
            {meeting.publishedAt ? <span>{t("meetings.publishedAt", { date: format.dateTime(meeting.publishedAt, { dateStyle: "medium", timeStyle: "short" }) })}</span> : null}
          </p>
        </div>
        <MeetingPrintButton label={t("meetings.print")} />
      </header>

      {meeting.attendees.length > 0 ? (
        <section aria-labelledby="attendees" className="text-sm">
          <h2 id="attendees" className="font-semibold text-slate-800">
            {t("meetings.fields.attendees")}
          </h2>
          <p className="mt-1 text-slate-700" data-testid="meeting-attendees">
            {meeting.attendees.join("、")}
          </p>
        </section>
      ) : null}

      <StatGrid>
        <Stat label={t("meetings.stats.items")} value={format.number(detail.items.length)} />
        <Stat label={t("meetings.reason.overdue")} value={format.number(byReason("overdue").length)} tone={byReason("overdue").length > 0 ? "warn" : "neutral"} />
        <Stat label={t("meetings.reason.done")} value={format.number(byReason("done").length)} />
        <Stat label={t("meetings.stats.decided")} value={`${format.number(decided)} / ${format.number(detail.items.length)}`} />
      </StatGrid>

      {detail.items.length === 0 ? <EmptyState title={t("meetings.noItems")} /> : null}
      {reasons.map((reason) => {
        const items = byReason(reason);
        if (items.length === 0) return null;
        return (
          <section key={reason} aria-labelledby={`agenda-${reason}`} className="space-y-3" data-testid={`agenda-${reason}`}>
            <h2 id={`agenda-${reason}`} className="text-lg font-semibold">
              {t(`meetings.reason.${reason}`)} <span className="text-sm font-normal text-slate-500">({items.length})</span>
            </h2>
            <ol className="space-y-3">
              {items.map((item) => (
                <li key={item.id} id={`item-${item.id}`} className="break-inside-avoid rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="meeting-item" data-action-id={item.action.id}>
                  <div className="grid gap-4 lg:grid-cols-2">
                    <div className="space-y-1 text-sm">
                      <Link href={`/issues/${item.issue.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                        {item.issue.title}
                      </Link>
                      <p className="text-slate-600">
                        {localName(item.department, locale)} · {t(`disposition.${item.action.disposition}`)}
                      </p>
                      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                        <span>{item.action.ownerName ?? "—"}</span>
                        <span className={item.agendaReason === "overdue" ? "text-rose-700" : ""}>{item.action.dueOn ? t("issue.due", { date: date(item.action.dueOn) }) : t("actions.detail.noDue")}</span>
                        <ActionStatusBadge status={item.action.status} />
                      </p>
                      <ProgressBar value={item.action.progress} label={t("fields.progress")} />
                    </div>
                    <div>
                      {item.decision ? (
                        <div className="space-y-1 text-sm" data-testid="item-decision">
                          <Badge tone={item.decision === "escalate" ? "red" : item.decision === "verified_closed" ? "green" : "brand"}>{t(`meetings.decision.${item.decision}`)}</Badge>
                          {item.decisionNote ? <p className="whitespace-pre-line text-slate-700">{item.decisionNote}</p> : null}
                          <p className="text-xs text-slate-500">
                            {[item.decidedByName, item.decidedAt ? format.dateTime(item.decidedAt, { dateStyle: "medium", timeStyle: "short" }) : null].filter(Boolean).join(" · ")}
                          </p>
                        </div>
                      ) : isOpen && runs ? (
                        <div className="no-print">
                          <MeetingDecisionForm
                            meetingId={meeting.id}
                            itemId={item.id}
                            actionVersion={item.action.version}
                            actionDone={item.action.status === "done"}
                            isLast={item.unverifiedSiblings === 0}
                            today={today}
                            labels={decisionLabels}
                            returnTo={`/meetings/${meeting.id}`}
                          />
                        </div>
                      ) : (
                        <p className="text-sm text-slate-500">{t("meetings.undecided")}</p>
                      )}
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        );
      })}

      <Card title={t("meetings.minutes")}>
        {!isOpen ? (
          <div className="whitespace-pre-line text-sm leading-relaxed text-slate-800" data-testid="meeting-minutes">
            {meeting.minutes}
          </div>
        ) : runs ? (
          <div className="no-print">
            <p className="mb-3 text-sm text-slate-600">{t("meetings.minutesHint", { decided, total: detail.items.length })}</p>
            <MeetingMinutesForm
              meetingId={meeting.id}
              version={meeting.version}
              defaults={{ minutes: await draftMinutes(detail, locale), attendees: meeting.attendees.join("\n") }}
              labels={{
                minutes: t("meetings.minutes"),
                minutesHint: t("meetings.fields.minutesHint"),
                attendees: t("meetings.fields.attendees"),
                attendeesHint: t("meetings.fields.attendeesHint"),
                submit: t("meetings.publish"),
                pending,
                confirm: t("meetings.publishConfirm"),
                redraft: t("meetings.redraft"),
              }}
            />
          </div>
        ) : (
          <EmptyState title={t("meetings.minutesPending")} />
        )}
      </Card>

      <Card title={t("meetings.comments")}>
        <div id="comments" className="space-y-4">
          {detail.comments.length === 0 ? (
            <EmptyState title={t("meetings.noComments")} />
          ) : (
            <ul className="space-y-3" data-testid="meeting-comments">
              {detail.comments.map((c) => (
                <li key={c.id} className="text-sm">
                  <p className="whitespace-pre-line text-slate-800">{c.body}</p>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {c.authorName} · {t(`roles.${c.authorRole}`)} · {format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {can(viewer.role, "meeting.comment") ? (
            <div className="no-print">
              <MeetingCommentForm meetingId={meeting.id} labels={{ body: t("meetings.fields.comment"), submit: t("meetings.comment"), pending }} />
            </div>
          ) : null}
        </div>
      </Card>
    </article>
  );
}

/** A first draft of the minutes from the decisions taken, for the management post to edit. */
async function draftMinutes(detail: MeetingDetail, locale: Locale): Promise<string> {
  const t = await getTranslations("meetings");
  const count = (reason: string) => detail.items.filter((i) => i.agendaReason === reason).length;
  const lines = [t("draft.intro", { total: detail.items.length, overdue: count("overdue"), done: count("done"), open: count("open") })];
  detail.items
    .filter((i) => i.decision !== null)
    .forEach((i, n) => {
      const values = { n: n + 1, issue: i.issue.title, department: localName(i.department, locale), decision: t(`decision.${i.decision ?? "continue"}`), note: i.decisionNote ?? "" };
      lines.push(i.decisionNote ? t("draft.lineWithNote", values) : t("draft.line", values));
    });
  const undecided = detail.items.filter((i) => i.decision === null).length;
  if (undecided > 0) lines.push(t("draft.undecided", { count: undecided }));
  return lines.join("\n");
}
