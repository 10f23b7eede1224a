import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { MergeCandidate, ScreeningReport } from "@/db/queries/verification";
import { localName, type Locale } from "@/lib/i18n/config";
import type { VerificationStrings } from "./verification-decision";
import { VerificationIssue } from "./verification-issue";

/** A site report on the workbench: who sent it for which period, its analysis, and each issue with its decision. */
export async function VerificationReport({
  report,
  candidates,
  strings,
  headingLink = true,
  analysisOpen = false,
  cardTitle,
}: {
  report: ScreeningReport;
  candidates: Map<number, MergeCandidate[]>;
  strings: VerificationStrings;
  headingLink?: boolean;
  analysisOpen?: boolean;
  /** Instead of the report's title (when the page's heading already says it). */
  cardTitle?: string;
}) {
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const waiting = report.issues.filter((i) => i.status === "reported").length;
  const title = headingLink ? (
    <Link href={`/manager/reports/${report.id}`} className="hover:underline">
      {report.title}
    </Link>
  ) : (
    (cardTitle ?? report.title)
  );
  return (
    <div data-testid="screening-report" data-report-id={report.id}>
      <Card
        title={title}
        action={
          <span className="flex items-center gap-2">
            <Badge tone={report.status === "reviewed" ? "green" : "brand"}>{t(`reportStatus.${report.status}`)}</Badge>
            {report.status === "submitted" ? <Badge tone={waiting > 0 ? "amber" : "green"}>{t("verification.waiting", { count: waiting })}</Badge> : null}
          </span>
        }
      >
        <div>
          <p className="text-xs text-slate-500">
            {[
              localName(report.site, locale),
              t("verification.period", { start: report.periodStart, end: report.periodEnd }),
              report.submittedAt ? t("verification.submittedBy", { name: report.authorName ?? "—", date: format.dateTime(report.submittedAt, { dateStyle: "medium", timeStyle: "short" }) }) : null,
              report.reviewedAt ? t("verification.reviewedAt", { date: format.dateTime(report.reviewedAt, { dateStyle: "medium" }) }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {report.analysis ? (
            <details className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm" open={analysisOpen}>
              <summary className="cursor-pointer font-medium text-slate-700">{t("verification.analysis")}</summary>
              <p className="mt-2 whitespace-pre-line text-slate-700">{report.analysis}</p>
            </details>
          ) : null}
          {report.issues.length === 0 ? (
            <div className="mt-4">
              <EmptyState title={t("verification.noIssuesInReport")} />
            </div>
          ) : (
            <ul className="mt-4 space-y-3">
              {report.issues.map((issue) => (
                <VerificationIssue key={issue.id} issue={issue} candidates={candidates.get(issue.id) ?? []} strings={strings} />
              ))}
            </ul>
          )}
        </div>
      </Card>
    </div>
  );
}
