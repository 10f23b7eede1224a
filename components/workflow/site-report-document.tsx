import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IssueStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import type { CountsBy, SiteReportDetail } from "@/db/queries/triage";
import { channels, recordKinds } from "@/db/schema";
import { localName, type Locale } from "@/lib/i18n/config";

/**
 * A site VoC report as it is read and printed: period, the analysis, and each issue with its
 * records counted by kind and by channel, with the totals. For the specialist's view and
 * print-out, and for the management post's review.
 */
export async function SiteReportDocument({ detail, linkIssues = true }: { detail: SiteReportDetail; linkIssues?: boolean }) {
  const [t, tAll, format, locale] = [await getTranslations("siteReport"), await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const { report } = detail;
  const kinds = (counts: CountsBy<(typeof recordKinds)[number]>) =>
    recordKinds.filter((k) => counts[k]).map((k) => `${tAll(`recordKind.${k}`)} ${counts[k]}`).join(" · ") || "—";
  const channelsOf = (counts: CountsBy<(typeof channels)[number]>) =>
    channels.filter((c) => counts[c]).map((c) => `${tAll(`issue.channel.${c}`)} ${counts[c]}`).join(" · ") || "—";
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { dateStyle: "long" });

  return (
    <article className="space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm print:border-0 print:p-0 print:shadow-none" data-testid="site-report-document">
      <header className="space-y-2 border-b border-slate-200 pb-4">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-500">
          <span>{localName(detail.site, locale)}</span>
          <span>·</span>
          <span>
            {t("period")} {day(report.periodStart)} – {day(report.periodEnd)}
          </span>
          <Badge tone={report.status === "draft" ? "amber" : "green"}>{tAll(`reportStatus.${report.status}`)}</Badge>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{report.title}</h1>
        <p className="text-sm text-slate-500">
          {[detail.authorName ? t("author", { name: detail.authorName }) : null, report.submittedAt ? t("submittedAt", { date: format.dateTime(report.submittedAt, { dateStyle: "medium", timeStyle: "short" }) }) : null]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </header>

      <section aria-label={t("totals")}>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <div className="rounded-lg bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">{t("issueTable.issue")}</dt>
            <dd className="text-xl font-semibold tabular-nums">{format.number(detail.issues.length)}</dd>
          </div>
          <div className="rounded-lg bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">{t("records")}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid="report-total-records">
              {format.number(detail.totals.total)}
            </dd>
          </div>
          <div className="rounded-lg bg-slate-50 p-3 sm:col-span-2">
            <dt className="text-xs text-slate-500">{t("byKind")}</dt>
            <dd className="text-sm">{kinds(detail.totals.byKind)}</dd>
            <dt className="mt-1 text-xs text-slate-500">{t("byChannel")}</dt>
            <dd className="text-sm">{channelsOf(detail.totals.byChannel)}</dd>
          </div>
        </dl>
      </section>

      <section className="space-y-2">
        <h2 className="text-base font-semibold text-slate-800">{t("analysis")}</h2>
        <p className="whitespace-pre-line text-sm leading-relaxed text-slate-700">{report.analysis || t("noAnalysis")}</p>
      </section>

      <section className="space-y-2">
        <h2 className="text-base font-semibold text-slate-800">{t("issues")}</h2>
        {detail.issues.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noIssues")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("issueTable.issue")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("issueTable.category")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("issueTable.records")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("issueTable.kinds")}</th>
                  <th scope="col" className="py-2 pl-3 font-medium">{t("issueTable.channels")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {detail.issues.map((i, index) => (
                  <tr key={i.id} data-testid="report-issue" className="break-inside-avoid">
                    <td className="max-w-md py-3 pr-3 align-top">
                      <p className="font-medium text-slate-900">
                        {index + 1}.{" "}
                        {linkIssues ? (
                          <Link href={`/issues/${i.id}`} className="hover:text-brand-700 hover:underline">
                            {i.title}
                          </Link>
                        ) : (
                          i.title
                        )}
                      </p>
                      <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                        <span>#{i.id}</span>
                        <Badge tone={i.type === "problem" ? "amber" : "brand"}>{tAll(`issue.type.${i.type}`)}</Badge>
                        <span className="no-print">
                          <IssueStatusBadge status={i.status} />
                        </span>
                        {i.tags.map((tag) => (
                          <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5">
                            {tag}
                          </span>
                        ))}
                      </p>
                      {i.description ? <p className="mt-1 line-clamp-3 whitespace-pre-line text-slate-600 print:line-clamp-none">{i.description}</p> : null}
                    </td>
                    <td className="px-3 py-3 align-top text-slate-600">{localName(i.category, locale)}</td>
                    <td className="px-3 py-3 text-right align-top font-semibold tabular-nums">{format.number(i.counts.total)}</td>
                    <td className="px-3 py-3 align-top text-xs text-slate-600">{kinds(i.counts.byKind)}</td>
                    <td className="py-3 pl-3 align-top text-xs text-slate-600">{channelsOf(i.counts.byChannel)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-200 text-sm font-medium">
                <tr>
                  <td className="py-2 pr-3">{t("totals")}</td>
                  <td />
                  <td className="px-3 py-2 text-right tabular-nums">{format.number(detail.totals.total)}</td>
                  <td className="px-3 py-2 text-xs text-slate-600">{kinds(detail.totals.byKind)}</td>
                  <td className="py-2 pl-3 text-xs text-slate-600">{channelsOf(detail.totals.byChannel)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
