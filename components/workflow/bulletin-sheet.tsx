import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { dispositions } from "@/db/schema";
import type { BulletinDetail, BulletinDiff } from "@/db/queries/bulletins";
import { sectionNumber, signedPercent } from "@/lib/bulletin-text";
import { localName, type Locale } from "@/lib/i18n/config";
import { BulletinChanges } from "./bulletin-diff";

/** The print styles: A4 with margins, no navigation, an issue kept whole on a page where it fits. */
const printCss = `
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  html, body { background: #fff !important; }
  #main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .bulletin-sheet { box-shadow: none !important; border: 0 !important; padding: 0 !important; max-width: none !important; }
  .bulletin-issue { break-inside: avoid-page; page-break-inside: avoid; }
  .bulletin-issue h3, .bulletin-sheet h2 { break-after: avoid-page; page-break-after: avoid; }
  .bulletin-sheet a { color: inherit; text-decoration: none; }
}
`;

/**
 * A bulletin as it is read and printed: the masthead 客户之声专题通报 第N期, its date and period,
 * the editorial summary, then each issue with its figures, the customers' words and what is
 * being done about it (or boxes for the meeting to decide, while nothing is assigned yet).
 */
export async function BulletinSheet({ detail, diff }: { detail: BulletinDetail; diff: BulletinDiff | null }) {
  const [t, tAll, format, locale] = [await getTranslations("bulletins"), await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const { bulletin } = detail;
  const date = bulletin.publishedAt ? format.dateTime(bulletin.publishedAt, { dateStyle: "long" }) : t("sheet.unpublished");
  const totalRecords = detail.issues.reduce((sum, i) => sum + i.recordCount, 0);
  return (
    <article className="bulletin-sheet mx-auto w-full max-w-[210mm] rounded-sm bg-white px-6 py-8 text-slate-900 shadow-sm ring-1 ring-slate-200 sm:px-[16mm] sm:py-[14mm]" data-testid="bulletin-sheet">
      <style>{printCss}</style>
      <header className="border-b-[3px] border-rose-700 pb-4 text-center">
        <h1 className="text-rose-700">
          <span className="block text-3xl font-bold tracking-[0.25em]">{t("sheet.masthead")}</span>{" "}
          <span className="mt-2 block text-lg font-semibold text-slate-900">
            {t("sheet.number", { number: bulletin.number })}
            {bulletin.revision > 1 ? t("sheet.revision", { revision: bulletin.revision }) : ""}
          </span>
        </h1>
        <p className="mt-2 text-sm text-slate-600">
          {t("sheet.issuer")} · <span data-testid="bulletin-date">{date}</span>
        </p>
      </header>

      <section className="mt-6">
        <h2 className="text-xl font-semibold leading-snug">{bulletin.title}</h2>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          <div className="flex gap-1">
            <dt>{t("sheet.period")}</dt>
            <dd>{t("sheet.periodValue", { start: bulletin.periodStart, end: bulletin.periodEnd })}</dd>
          </div>
          <div className="flex gap-1">
            <dt>{t("sheet.contents")}</dt>
            <dd>{t("sheet.contentsValue", { issues: detail.issues.length, records: totalRecords })}</dd>
          </div>
          {detail.compiledByName ? (
            <div className="flex gap-1">
              <dt>{t("sheet.compiledBy")}</dt>
              <dd>{detail.compiledByName}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {bulletin.summary ? (
        <section className="mt-6">
          <h2 className="border-l-4 border-rose-700 pl-2 text-base font-semibold">{t("sheet.summary")}</h2>
          <p className="mt-2 whitespace-pre-line leading-relaxed text-slate-800">{bulletin.summary}</p>
        </section>
      ) : null}

      {bulletin.revision > 1 ? <BulletinChanges changeNote={bulletin.changeNote} diff={diff} summary={bulletin.summary} /> : null}

      <section className="mt-6">
        <h2 className="border-l-4 border-rose-700 pl-2 text-base font-semibold">{t("sheet.issues")}</h2>
        {detail.issues.length === 0 ? <p className="mt-3 text-sm text-slate-500">{t("sheet.noIssues")}</p> : null}
        <div className="mt-3 space-y-6">
          {detail.issues.map((issue, index) => (
            <section key={issue.issueId} className="bulletin-issue border-t border-slate-200 pt-4" data-testid="bulletin-issue" data-issue-id={issue.issueId}>
              <h3 className="text-base font-semibold leading-snug">
                {sectionNumber(index + 1, locale)}
                {issue.title}
              </h3>
              <p className="mt-1 text-xs text-slate-500">
                {[tAll(`issue.type.${issue.type}`), localName(issue.category, locale), issue.site ? localName(issue.site, locale) : null, `#${issue.issueId}`].filter(Boolean).join(" · ")}
              </p>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:max-w-md">
                <div className="rounded bg-slate-50 px-3 py-2 print:border print:border-slate-200 print:bg-white">
                  <dt className="text-xs text-slate-500">{t("sheet.records")}</dt>
                  <dd className="text-lg font-semibold tabular-nums" data-testid="bulletin-record-count">
                    {format.number(issue.recordCount)}
                  </dd>
                </div>
                <div className="rounded bg-slate-50 px-3 py-2 print:border print:border-slate-200 print:bg-white">
                  <dt className="text-xs text-slate-500">{t("sheet.trend")}</dt>
                  <dd className={`text-lg font-semibold tabular-nums ${issue.trendPercent !== null && issue.trendPercent > 0 ? "text-rose-700" : "text-emerald-700"}`} data-testid="bulletin-trend">
                    {issue.trendPercent === null ? <span className="text-sm font-normal text-slate-500">{t("sheet.trendNone")}</span> : signedPercent(issue.trendPercent)}
                  </dd>
                </div>
              </dl>
              {issue.description ? <p className="mt-3 whitespace-pre-line text-sm leading-relaxed text-slate-800">{issue.description}</p> : null}
              {issue.quotes.length > 0 ? (
                <figure className="mt-3">
                  <figcaption className="text-xs font-medium text-slate-500">{t("sheet.quotes")}</figcaption>
                  <ul className="mt-1 space-y-1 border-l-2 border-slate-300 pl-3 text-sm text-slate-700">
                    {issue.quotes.map((q) => (
                      <li key={q}>
                        <q>{q}</q>
                      </li>
                    ))}
                  </ul>
                </figure>
              ) : null}
              <div className="mt-3 text-sm">
                <p className="text-xs font-medium text-slate-500">{t("sheet.disposition")}</p>
                {issue.actions.length > 0 ? (
                  <ul className="mt-1 space-y-1">
                    {issue.actions.map((a) => (
                      <li key={a.id}>
                        {localName(a.department, locale)} · {tAll(`disposition.${a.disposition}`)} · {tAll(`actionStatus.${a.status}`)}
                        {a.dueOn ? ` · ${t("sheet.due", { date: a.dueOn })}` : ""}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-slate-600" data-testid="bulletin-disposition-placeholder">
                    {dispositions.map((d) => (
                      <span key={d}>☐ {tAll(`disposition.${d}`)}</span>
                    ))}
                  </p>
                )}
              </div>
            </section>
          ))}
        </div>
      </section>

      <footer className="mt-8 border-t border-slate-200 pt-3 text-xs text-slate-500">
        {bulletin.publishedAt && detail.publishedByName ? t("sheet.publishedBy", { name: detail.publishedByName, date }) : t("sheet.draftNote")}
      </footer>
    </article>
  );
}
