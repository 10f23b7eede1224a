import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DeadlineBadge } from "@/components/workflow/deadline-badge";
import { ExtendDeadlineForm } from "@/components/workflow/loop-forms";
import { NoticeBanner } from "@/components/workflow/notice-banner";
import { getDb } from "@/db";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";
import { getTimeLimitOverview, stages, type DeadlineItem, type Stage } from "@/lib/services/time-limits";

/** The most urgent of each stage; the counts above say how many there are in all. */
const shownPerStage = 20;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("loop.timeLimits"))("title") };
}

/**
 * Time limits per stage of the flow (escalation → verification, bulletin → disposition,
 * disposition → done, and the complaint clock): how many items each stage holds, how many are
 * near their limit or past it, and the list of those, most urgent first.
 */
export default async function TimeLimitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("page.manager");
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const now = new Date();
  const overview = await getTimeLimitOverview(await getDb(), viewer, now);
  const { targets, clock } = overview.settings;
  const limitOf: Record<Stage, string> = {
    escalation_to_verification: t("loop.timeLimits.days", { days: targets.escalationToVerificationDays }),
    bulletin_to_disposition: t("loop.timeLimits.days", { days: targets.bulletinToDispositionDays }),
    disposition_to_done: t("loop.timeLimits.actionLimit", { days: targets.dispositionToDoneDays }),
    complaints: t("loop.timeLimits.clock", { base: clock.baseDays, first: clock.baseDays + clock.firstExtensionDays, second: clock.secondExtensionDays }),
  };
  const hrefOf = (item: DeadlineItem) =>
    item.kind === "action" ? `/manager/actions/${item.id}` : item.kind === "issue" ? `/issues/${item.id}` : item.issueId ? `/issues/${item.issueId}` : null;
  const pending = t("common.saving");

  return (
    <>
      <PageHeader
        title={t("loop.timeLimits.title")}
        description={t("loop.timeLimits.description", { share: Math.round(targets.warnAtShare * 100) })}
        actions={<Link href="/manager/actions" className="text-sm text-brand-700 underline">{t("loop.timeLimits.toActions")}</Link>}
      />
      <NoticeBanner notice={(await searchParams).notice} />
      <dl className="mb-6 grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="stage-counts">
        {stages.map((stage) => {
          const c = overview.stages[stage];
          return (
            <div key={stage} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid={`stage-${stage}`}>
              <dt className="text-sm font-medium text-slate-700">{t(`loop.stages.${stage}`)}</dt>
              <dd className="mt-0.5 text-xs text-slate-500">{limitOf[stage]}</dd>
              <dd className="mt-3 grid grid-cols-3 gap-2 text-center">
                <span>
                  <span className="block text-xl font-semibold tabular-nums">{format.number(c.open)}</span>
                  <span className="text-xs text-slate-500">{t("loop.timeLimits.open")}</span>
                </span>
                <span>
                  <span className={`block text-xl font-semibold tabular-nums ${c.near > 0 ? "text-amber-700" : ""}`}>{format.number(c.near)}</span>
                  <span className="text-xs text-slate-500">{t("loop.deadline.near")}</span>
                </span>
                <span>
                  <span className={`block text-xl font-semibold tabular-nums ${c.overdue > 0 ? "text-rose-700" : ""}`} data-testid="overdue-count">{format.number(c.overdue)}</span>
                  <span className="text-xs text-slate-500">{t("loop.deadline.overdue")}</span>
                </span>
              </dd>
            </div>
          );
        })}
      </dl>

      <div className="space-y-6">
        {stages.map((stage) => {
          const flagged = overview.items.filter((i) => i.stage === stage);
          const items = flagged.slice(0, shownPerStage);
          const hidden = overview.stages[stage].near + overview.stages[stage].overdue - items.length;
          return (
            <Card key={stage} title={`${t(`loop.stages.${stage}`)} · ${t("loop.timeLimits.flagged")}`}>
              {items.length === 0 ? (
                <EmptyState title={t("loop.timeLimits.noneFlagged")} />
              ) : (
                <ul className="divide-y divide-slate-100" data-testid={`flagged-${stage}`}>
                  {items.map((item) => {
                    const href = hrefOf(item);
                    return (
                      <li key={`${item.kind}-${item.id}`} className="grid gap-3 py-3 first:pt-0 last:pb-0 lg:grid-cols-5">
                        <div className="space-y-1 text-sm lg:col-span-3">
                          <p className="flex flex-wrap items-center gap-2">
                            <DeadlineBadge state={item.clock.state} />
                            {href ? (
                              <Link href={href} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                                {item.title}
                              </Link>
                            ) : (
                              <span className="font-medium">{item.title}</span>
                            )}
                          </p>
                          <p className="text-xs text-slate-500">
                            {[
                              item.department ? localName(item.department, locale) : null,
                              item.site ? localName(item.site, locale) : null,
                              t("loop.timeLimits.since", { date: format.dateTime(item.clock.startedAt, { dateStyle: "medium" }) }),
                              t(item.clock.state === "overdue" ? "loop.timeLimits.wasDue" : "loop.timeLimits.isDue", { when: format.relativeTime(item.clock.dueAt, now) }),
                            ]
                              .filter(Boolean)
                              .join(" · ")}
                          </p>
                          {item.kind === "record" && item.dueExtensions ? <Badge tone="neutral">{t("loop.timeLimits.extended", { count: item.dueExtensions })}</Badge> : null}
                        </div>
                        {item.kind === "record" && item.version !== undefined && (item.dueExtensions ?? 0) < 2 ? (
                          <details className="rounded-lg border border-slate-200 px-3 py-2 lg:col-span-2">
                            <summary className="cursor-pointer text-sm text-brand-700">{t(item.dueExtensions ? "loop.timeLimits.extendSecond" : "loop.timeLimits.extendFirst")}</summary>
                            <div className="mt-2">
                              <ExtendDeadlineForm recordId={item.id} version={item.version} labels={{ reason: t("loop.timeLimits.reason"), submit: t("loop.timeLimits.extend"), pending }} returnTo="/manager/time-limits" />
                            </div>
                          </details>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
              {hidden > 0 ? <p className="mt-3 text-xs text-slate-500">{t("loop.timeLimits.more", { count: hidden })}</p> : null}
            </Card>
          );
        })}
      </div>
    </>
  );
}
