import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IssueStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { DeadlineBadge } from "@/components/workflow/deadline-badge";
import { TriageEscalateForm } from "@/components/workflow/triage-escalate-form";
import { TriageQueue } from "@/components/workflow/triage-queue";
import { TriageRegionFilter } from "@/components/workflow/triage-region-filter";
import { getDb } from "@/db";
import { listCategoryOptions, listRegionOptions } from "@/db/queries/intake";
import { countComplaintClocks, getTimeLimitSettings } from "@/db/queries/time-limits";
import { hasQueueFilters, listSupervisorIssues, listTriageConcentrations, listTriageQueue, parseQueueFilters, queueHref } from "@/db/queries/triage";
import { recordKinds } from "@/db/schema";
import { localName, type Locale } from "@/lib/i18n/config";
import { getProvinceOf, getRegion } from "@/lib/regions";
import { requirePermission } from "@/lib/session";

type Search = Record<string, string | string[] | undefined>;

const control = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200";

function regionLabel(code: string | null, locale: Locale): string | null {
  if (!code) return null;
  const region = getRegion(code);
  if (!region) return null;
  const province = region.level === "city" && !region.sameAsProvince ? getProvinceOf(code) : null;
  return province ? `${localName(province, locale)} · ${localName(region, locale)}` : localName(region, locale);
}

/**
 * The supervisor's desk: the team's reported records with filters kept in the URL, ticked
 * into issues or dismissed with a reason; where records concentrate this week; and the
 * supervisor's own issues, escalated (or answered and escalated again) from here.
 */
export default async function SupervisorHome({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission("page.supervisor");
  const filters = parseQueueFilters(await searchParams);
  const db = await getDb();
  const now = new Date();
  const [t, tAll, format, locale] = [await getTranslations("triage"), await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const { targets } = await getTimeLimitSettings(db);
  const [queue, concentrations, myIssues, categories, complaintClocks] = await Promise.all([
    listTriageQueue(db, viewer, filters, now),
    listTriageConcentrations(db, viewer),
    listSupervisorIssues(db, viewer),
    listCategoryOptions(db, locale),
    countComplaintClocks(db, viewer, targets.warnAtShare, now),
  ]);
  const regions = listRegionOptions(locale).map((r) => ({ value: r.code, label: r.label, search: r.search }));
  const urgent = queue.rows.filter((r) => r.urgency === "high" || r.urgency === "critical").length;
  const rising = concentrations.categories.filter((c) => c.ratio === null || c.ratio >= 1.5).length;
  const returned = myIssues.filter((i) => i.status === "returned").length;
  const filtered = hasQueueFilters(filters);
  const types = { problem: tAll("issue.type.problem"), suggestion: tAll("issue.type.suggestion") };

  const escalateStrings = {
    escalate: t("issues.escalate"),
    reescalate: t("issues.reescalate"),
    description: t("issues.description"),
    answerHint: t("issues.answerHint"),
    descriptionHint: t("issues.descriptionHint"),
    pending: t("issues.pending"),
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/supervisor/issues" className={buttonClass("secondary", "sm")}>
            {t("issues.all")}
          </Link>
        }
      />
      <StatGrid columns={5}>
        <Stat label={t("stats.queue")} value={format.number(queue.total)} />
        <Stat label={t("stats.urgent")} value={format.number(urgent)} tone={urgent > 0 ? "warn" : "neutral"} />
        <Stat label={t("stats.rising")} value={format.number(rising)} tone={rising > 0 ? "warn" : "neutral"} />
        <Stat label={t("stats.returned")} value={format.number(returned)} tone={returned > 0 ? "warn" : "neutral"} hint={t("stats.openIssues") + " " + format.number(myIssues.length)} />
        <Stat
          label={t("stats.complaintClock")}
          value={<span data-testid="complaint-clock-flagged">{format.number(complaintClocks.near + complaintClocks.overdue)}</span>}
          tone={complaintClocks.near + complaintClocks.overdue > 0 ? "warn" : "neutral"}
          hint={t("stats.complaintClockHint", { overdue: complaintClocks.overdue, near: complaintClocks.near, open: complaintClocks.open })}
        />
      </StatGrid>

      <Card title={t("filters.title")} className="mb-6">
        <form key={JSON.stringify(filters)} role="search" action="/supervisor" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6" data-testid="queue-filters">
          <div className="lg:col-span-2">
            <label htmlFor="filter-q" className="block text-sm font-medium text-slate-700">
              {t("filters.q")}
            </label>
            <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("filters.qPlaceholder")} className={control} />
          </div>
          <div>
            <label htmlFor="filter-category" className="block text-sm font-medium text-slate-700">
              {t("filters.category")}
            </label>
            <select id="filter-category" name="category" defaultValue={filters.category ?? ""} className={control}>
              <option value="">{t("filters.any")}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-kind" className="block text-sm font-medium text-slate-700">
              {t("filters.kind")}
            </label>
            <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className={control}>
              <option value="">{t("filters.any")}</option>
              {recordKinds.map((k) => (
                <option key={k} value={k}>
                  {tAll(`recordKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="lg:col-span-2">
            <label htmlFor="filter-region" className="block text-sm font-medium text-slate-700">
              {t("filters.region")}
            </label>
            <TriageRegionFilter id="filter-region" name="region" options={regions} value={filters.region ?? ""} placeholder={t("filters.regionPlaceholder")} noMatches={t("filters.noMatches")} />
          </div>
          <div>
            <label htmlFor="filter-from" className="block text-sm font-medium text-slate-700">
              {t("filters.from")}
            </label>
            <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className={control} />
          </div>
          <div>
            <label htmlFor="filter-to" className="block text-sm font-medium text-slate-700">
              {t("filters.to")}
            </label>
            <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className={control} />
          </div>
          <div className="lg:col-span-2">
            <label htmlFor="filter-scope" className="block text-sm font-medium text-slate-700">
              {t("filters.scope")}
            </label>
            <select id="filter-scope" name="scope" defaultValue={filters.scope} className={control}>
              <option value="reported">{t("filters.scopeReported")}</option>
              <option value="all">{t("filters.scopeAll")}</option>
            </select>
          </div>
          <div className="flex items-end gap-2 lg:col-span-2">
            <button type="submit" className={buttonClass("primary")}>
              {t("filters.apply")}
            </button>
            {filtered ? (
              <Link href="/supervisor" className={buttonClass("ghost")}>
                {t("filters.clear")}
              </Link>
            ) : null}
          </div>
        </form>
      </Card>

      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title={`${t("queue.title")} · ${t("queue.count", { count: queue.total })}`}>
            {queue.rows.length === 0 ? (
              <EmptyState title={filtered ? t("queue.noMatches") : t("queue.empty")} hint={filtered ? t("queue.noMatchesHint") : t("queue.emptyHint")} />
            ) : (
              <TriageQueue
                rows={queue.rows.map((r) => ({
                  id: r.id,
                  version: r.version,
                  summary: r.summary,
                  words: r.customerWords.slice(0, 240),
                  kind: r.kind,
                  kindLabel: tAll(`recordKind.${r.kind}`),
                  categoryCode: r.categoryCode,
                  categoryLabel: localName(r.category, locale),
                  regionLabel: regionLabel(r.regionCode, locale),
                  authorName: r.authorName,
                  createdAtLabel: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                  urgencyLabel: r.urgency === "high" || r.urgency === "critical" ? tAll(`urgency.${r.urgency}`) : null,
                  clockFlag: r.clock ? <DeadlineBadge state={r.clock.state} dueAt={r.clock.dueAt} now={now} showOk /> : null,
                  statusLabel: filters.scope === "all" ? tAll(`recordStatus.${r.status}`) : null,
                }))}
                issues={myIssues.map((i) => ({ id: i.id, version: i.version, title: i.title, statusLabel: tAll(`issueStatus.${i.status}`) }))}
                categories={categories.map((c) => ({ code: c.code, label: c.label }))}
                strings={{
                  caption: t("queue.title"),
                  record: t("queue.record"),
                  category: tAll("fields.category"),
                  agent: tAll("fields.agent"),
                  time: tAll("fields.createdAt"),
                  select: t.raw("queue.select") as string,
                  selectAll: t("queue.selectAll"),
                  selected: t.raw("queue.selected") as string,
                  clearSelection: t("queue.clearSelection"),
                  selectHint: t("queue.selectHint"),
                  createTitle: t("create.title"),
                  issueTitle: t("create.issueTitle"),
                  issueTitlePlaceholder: t("create.issueTitlePlaceholder"),
                  description: t("create.description"),
                  descriptionPlaceholder: t("create.descriptionPlaceholder"),
                  type: t("create.type"),
                  types,
                  categoryLabel: t("create.category"),
                  chooseCategory: t("create.chooseCategory"),
                  create: t("create.submit"),
                  creating: t("create.pending"),
                  addTitle: t("add.title"),
                  issue: t("add.issue"),
                  chooseIssue: t("add.choose"),
                  add: t("add.submit"),
                  adding: t("add.pending"),
                  noIssues: t("add.noIssues"),
                  dismiss: {
                    open: t("dismiss.open"),
                    openLabel: t.raw("dismiss.openLabel") as string,
                    reason: t("dismiss.reason"),
                    reasonHint: t("dismiss.reasonHint"),
                    submit: t("dismiss.submit"),
                    cancel: t("dismiss.cancel"),
                    pending: t("dismiss.pending"),
                  },
                }}
              />
            )}
            {queue.pageCount > 1 ? (
              <nav aria-label={t("queue.pages")} className="mt-4 flex items-center justify-between text-sm">
                {queue.page > 1 ? (
                  <Link href={queueHref({ ...filters, page: queue.page - 1 })} className={buttonClass("secondary", "sm")}>
                    {t("queue.previous")}
                  </Link>
                ) : (
                  <span />
                )}
                <span className="text-slate-500">{t("queue.pageOf", { page: queue.page, count: queue.pageCount })}</span>
                {queue.page < queue.pageCount ? (
                  <Link href={queueHref({ ...filters, page: queue.page + 1 })} className={buttonClass("secondary", "sm")}>
                    {t("queue.next")}
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            ) : null}
          </Card>
        </div>

        <div className="space-y-6">
          <Card
            title={t("issues.title")}
            action={
              <Link href="/supervisor/issues" className="text-xs font-medium text-brand-700 hover:underline">
                {t("issues.all")}
              </Link>
            }
          >
            {myIssues.length === 0 ? (
              <EmptyState title={t("issues.empty")} hint={t("issues.emptyHint")} />
            ) : (
              <ul className="space-y-4 text-sm" data-testid="my-issues">
                {myIssues.map((i) => (
                  <li key={i.id} className="space-y-2 border-b border-slate-100 pb-4 last:border-0 last:pb-0" data-testid="my-issue">
                    <div className="flex items-start justify-between gap-2">
                      <Link href={`/issues/${i.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        #{i.id} {i.title}
                      </Link>
                      <IssueStatusBadge status={i.status} />
                    </div>
                    <p className="text-xs text-slate-500">
                      {localName(i.category, locale)} · {t("issues.records", { count: i.recordCount })} · {t("issues.updated", { date: format.dateTime(i.updatedAt, { dateStyle: "medium" }) })}
                    </p>
                    {i.status === "returned" && i.statusReason ? (
                      <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900">{t("issues.question", { question: i.statusReason })}</p>
                    ) : null}
                    {i.status === "draft" || i.status === "returned" ? (
                      <TriageEscalateForm issueId={i.id} version={i.version} returned={i.status === "returned"} description={i.description} editDescription={i.status === "returned"} strings={escalateStrings} />
                    ) : (
                      <p className="text-xs text-slate-500">{t("issues.waiting")}</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title={t("concentrations.title")}>
            {concentrations.categories.length === 0 ? (
              <EmptyState title={t("concentrations.empty")} />
            ) : (
              <div className="space-y-5 text-sm" data-testid="concentrations">
                <section>
                  <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("concentrations.topics")}</h3>
                  {concentrations.topics.length === 0 ? (
                    <p className="text-slate-500">{t("concentrations.noTopics")}</p>
                  ) : (
                    <ol className="space-y-3">
                      {concentrations.topics.map((c) => (
                        <li key={c.recordIds[0]} className="flex items-start justify-between gap-3" data-testid="concentration-topic">
                          <span>
                            <Link href={queueHref({ q: c.keyword, from: concentrations.since, scope: "all" })} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                              {c.label}
                            </Link>
                            <span className="block text-xs text-slate-500">
                              {t("concentrations.keyword", { keyword: c.keyword })} · {t("concentrations.line", { recent: c.recent, usual: format.number(c.usualPerWeek, { maximumFractionDigits: 1 }) })}
                            </span>
                          </span>
                          {c.ratio === null ? <Badge tone="amber">{t("concentrations.new")}</Badge> : c.ratio >= 1.5 ? <Badge tone="red">×{format.number(c.ratio, { maximumFractionDigits: 1 })}</Badge> : null}
                        </li>
                      ))}
                    </ol>
                  )}
                </section>
                <section>
                  <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("concentrations.categories")}</h3>
                  <ol className="space-y-3">
                    {concentrations.categories.map((c) => (
                      <li key={c.code} className="flex items-start justify-between gap-3" data-testid="concentration-category">
                        <span>
                          <Link href={queueHref({ category: c.code, from: concentrations.since, scope: "all" })} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                            {localName(c.category, locale)}
                          </Link>
                          <span className="block text-xs text-slate-500">
                            {t("concentrations.line", { recent: c.recent, usual: format.number(c.usualPerWeek, { maximumFractionDigits: 1 }) })}
                          </span>
                        </span>
                        {c.ratio === null ? <Badge tone="amber">{t("concentrations.new")}</Badge> : c.ratio >= 1.5 ? <Badge tone="red">×{format.number(c.ratio, { maximumFractionDigits: 1 })}</Badge> : null}
                      </li>
                    ))}
                  </ol>
                </section>
              </div>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
