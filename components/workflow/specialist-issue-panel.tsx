import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { listCategoryOptions } from "@/db/queries/intake";
import type { IssueDetail } from "@/db/queries/issues";
import { listEvidenceCandidates, listMergeTargets } from "@/db/queries/triage";
import type { Locale } from "@/lib/i18n/config";
import { specialistWorkingStatuses } from "@/lib/services/issues";
import type { Viewer } from "@/lib/viewer";
import { canIssue } from "@/lib/workflow";
import { TriageClassifyForm, TriageEvidenceForm, TriageMergeForm, TriageReturnForm } from "./triage-specialist-forms";

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2 border-t border-slate-100 pt-5 first:border-0 first:pt-0">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {children}
    </section>
  );
}

/**
 * The site specialist's steps on one issue, as its state allows: send it back with a question,
 * classify it, add other-channel evidence, merge it into another issue of the site, and put it
 * in the site report.
 */
export async function SpecialistIssuePanel({ detail, viewer }: { detail: IssueDetail; viewer: Viewer }) {
  if (viewer.role !== "specialist") return null;
  const [t, tAll, format, locale] = [await getTranslations("triage"), await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const { issue } = detail;
  const canReturn = canIssue(issue.status, "return", viewer.role);
  const canReport = canIssue(issue.status, "report", viewer.role);
  const canMerge = canIssue(issue.status, "merge", viewer.role);
  const working = specialistWorkingStatuses.includes(issue.status);

  if (!canReturn && !canReport && !canMerge && !working) {
    return (
      <Card title={t("panel.specialistTitle")}>
        <p className="text-sm text-slate-500" data-testid="specialist-issue-panel">
          {t("panel.noSpecialistStep")}
        </p>
      </Card>
    );
  }

  const db = await getDb();
  const [categories, candidates, targets] = await Promise.all([
    working ? listCategoryOptions(db, locale) : Promise.resolve([]),
    working ? listEvidenceCandidates(db, viewer, issue) : Promise.resolve([]),
    canMerge ? listMergeTargets(db, viewer, issue) : Promise.resolve([]),
  ]);
  const types = { problem: tAll("issue.type.problem"), suggestion: tAll("issue.type.suggestion") };

  return (
    <Card title={t("panel.specialistTitle")}>
      <div className="space-y-6" data-testid="specialist-issue-panel">
        {issue.status === "returned" && issue.statusReason ? (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("panel.waitingSupervisor", { question: issue.statusReason })}</p>
        ) : null}
        {canReturn || canReport ? (
          <div className="grid gap-6 md:grid-cols-2 [&>section]:border-0 [&>section]:pt-0">
            {canReturn ? (
              <Section title={t("return.title")}>
                <TriageReturnForm
                  issueId={issue.id}
                  version={issue.version}
                  strings={{ question: t("return.question"), questionPlaceholder: t("return.questionPlaceholder"), submit: t("return.submit"), pending: t("return.pending") }}
                />
              </Section>
            ) : null}
            {canReport ? (
              <Section title={t("panel.addToReport")} hint={t("panel.addToReportHint")}>
                <Link href={`/specialist/reports/new?issue=${issue.id}`} className={buttonClass("secondary", "sm")}>
                  {t("panel.addToReport")}
                </Link>
              </Section>
            ) : null}
          </div>
        ) : null}
        {working ? (
          <Section title={t("classify.title")}>
            <TriageClassifyForm
              issueId={issue.id}
              version={issue.version}
              categoryCode={detail.categoryCode}
              type={issue.type}
              tags={issue.tags}
              categories={categories.map((c) => ({ code: c.code, label: c.label }))}
              strings={{ category: t("classify.category"), type: t("classify.type"), types, tags: t("classify.tags"), tagsHint: t("classify.tagsHint"), submit: t("classify.submit"), pending: t("classify.pending") }}
            />
          </Section>
        ) : null}
        {working ? (
          <Section title={t("evidence.title")} hint={t("evidence.hint")}>
            {candidates.length === 0 ? (
              <EmptyState title={t("evidence.empty")} hint={t("evidence.emptyHint")} />
            ) : (
              <TriageEvidenceForm
                issueId={issue.id}
                version={issue.version}
                candidates={candidates.map((c) => ({
                  id: c.id,
                  summary: c.summary,
                  kindLabel: tAll(`recordKind.${c.kind}`),
                  channelLabel: tAll(`issue.channel.${c.channel}`),
                  source: c.source,
                  createdAtLabel: format.dateTime(c.createdAt, { dateStyle: "medium" }),
                  scoreLabel: c.score >= 0.1 ? t("evidence.similar", { score: format.number(c.score, { style: "percent" }) }) : null,
                }))}
                strings={{ submit: t("evidence.submit"), pending: t("evidence.pending") }}
              />
            )}
          </Section>
        ) : null}
        {canMerge ? (
          <Section title={t("merge.title")} hint={t("merge.hint")}>
            {targets.length === 0 ? (
              <p className="text-sm text-slate-500">{t("merge.empty")}</p>
            ) : (
              <TriageMergeForm
                issueId={issue.id}
                version={issue.version}
                targets={targets.map((m) => ({
                  id: m.id,
                  label: `#${m.id} ${m.title}（${tAll(`issueStatus.${m.status}`)} · ${tAll("issue.recordCount", { count: m.recordCount })}）`,
                }))}
                strings={{ target: t("merge.target"), choose: t("merge.choose"), submit: t("merge.submit"), pending: t("merge.pending") }}
              />
            )}
          </Section>
        ) : null}
      </div>
    </Card>
  );
}
