import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { IssueStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import type { MergeCandidate, ScreeningIssue } from "@/db/queries/verification";
import { localName, type Locale } from "@/lib/i18n/config";
import { VerificationDecision, type MergeOption, type VerificationStrings } from "./verification-decision";

/** The decision form's words, in the viewer's language. */
export async function getVerificationStrings(): Promise<VerificationStrings> {
  const t = await getTranslations("verification.decision");
  return {
    verify: t("verify"),
    reject: t("reject"),
    merge: t("merge"),
    note: t("note"),
    noteHint: t("noteHint"),
    reason: t("reason"),
    reasonHint: t("reasonHint"),
    target: t("target"),
    targetManual: t("targetManual"),
    targetManualHint: t("targetManualHint"),
    noCandidates: t("noCandidates"),
    confirmVerify: t("confirmVerify"),
    confirmReject: t("confirmReject"),
    confirmMerge: t("confirmMerge"),
    cancel: t("cancel"),
    working: t("working"),
  };
}

export async function mergeOptions(candidates: MergeCandidate[]): Promise<MergeOption[]> {
  const [t, locale] = [await getTranslations(), (await getLocale()) as Locale];
  return candidates.map((c) => ({
    id: c.id,
    title: c.title,
    detail: [
      c.site ? localName(c.site, locale) : null,
      localName(c.category, locale),
      t(`issueStatus.${c.status}`),
      t("verification.records", { count: c.recordCount }),
      c.sameCategory ? null : t("verification.decision.otherCategory"),
    ]
      .filter(Boolean)
      .join(" · "),
  }));
}

/** One issue of a site report on the workbench: what it is, and the management post's decision. */
export async function VerificationIssue({ issue, candidates, strings }: { issue: ScreeningIssue; candidates: MergeCandidate[]; strings: VerificationStrings }) {
  const [t, locale] = [await getTranslations(), (await getLocale()) as Locale];
  const waiting = issue.status === "reported";
  return (
    <li className="rounded-lg border border-slate-200 p-4" data-testid="screening-issue" data-issue-id={issue.id} data-status={issue.status}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">
            <Link href={`/issues/${issue.id}`} className="hover:underline">
              #{issue.id} {issue.title}
            </Link>
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {[localName(issue.category, locale), t(`issue.type.${issue.type}`), t("verification.records", { count: issue.recordCount }), issue.createdByName ? t("verification.raisedBy", { name: issue.createdByName }) : null]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </div>
        <span className="flex items-center gap-1">
          {issue.tags.slice(0, 3).map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
          <IssueStatusBadge status={issue.status} />
        </span>
      </div>
      {issue.description ? <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{issue.description}</p> : null}
      {issue.status === "rejected" && issue.statusReason ? <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("issue.reason", { reason: issue.statusReason })}</p> : null}
      {issue.status === "merged" && issue.mergedIntoId ? (
        <p className="mt-2 text-sm">
          <Link href={`/issues/${issue.mergedIntoId}`} className="text-brand-700 underline">
            {t("issue.mergedInto", { id: issue.mergedIntoId })}
          </Link>
        </p>
      ) : null}
      <div className="mt-3">
        <VerificationDecision issueId={issue.id} version={issue.version} decided={!waiting} candidates={waiting ? await mergeOptions(candidates) : []} strings={strings} />
      </div>
    </li>
  );
}
