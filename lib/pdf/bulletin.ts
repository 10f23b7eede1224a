import type { BulletinDetail, BulletinDiff } from "@/db/queries/bulletins";
import { dispositions } from "@/db/schema";
import { sectionNumber, signedPercent } from "@/lib/bulletin-text";
import { localName, type Locale } from "@/lib/i18n/config";
import type { PdfBlock, PdfDocument } from "./document";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface BulletinPdfContext {
  /** Messages of the `bulletins` namespace. */
  t: Translate;
  /** Every message (issue types, dispositions, statuses). */
  tAll: Translate;
  locale: Locale;
  formatDate: (date: Date) => string;
}

/** The bulletin as a text-only A4 document: the same content, in the same order, as the printed page. */
export function bulletinPdf(detail: BulletinDetail, diff: BulletinDiff | null, { t, tAll, locale, formatDate }: BulletinPdfContext): PdfDocument {
  const { bulletin } = detail;
  const masthead = `${t("sheet.masthead")} ${t("sheet.number", { number: bulletin.number })}${bulletin.revision > 1 ? t("sheet.revision", { revision: bulletin.revision }) : ""}`;
  const date = bulletin.publishedAt ? formatDate(bulletin.publishedAt) : t("sheet.unpublished");
  const totalRecords = detail.issues.reduce((sum, i) => sum + i.recordCount, 0);
  const blocks: PdfBlock[] = [
    { kind: "title", text: masthead },
    { kind: "subtitle", text: `${t("sheet.issuer")} · ${date}` },
    { kind: "rule" },
    { kind: "heading", text: bulletin.title },
    {
      kind: "paragraph",
      muted: true,
      text: [
        `${t("sheet.period")} ${t("sheet.periodValue", { start: bulletin.periodStart, end: bulletin.periodEnd })}`,
        `${t("sheet.contents")} ${t("sheet.contentsValue", { issues: detail.issues.length, records: totalRecords })}`,
        detail.compiledByName ? `${t("sheet.compiledBy")} ${detail.compiledByName}` : null,
      ]
        .filter(Boolean)
        .join("\n"),
    },
  ];
  if (bulletin.summary) blocks.push({ kind: "heading", text: t("sheet.summary") }, { kind: "paragraph", text: bulletin.summary });
  if (bulletin.revision > 1) {
    blocks.push({ kind: "heading", text: t("changes.title") });
    if (bulletin.changeNote) blocks.push({ kind: "paragraph", text: bulletin.changeNote });
    if (diff) {
      const lines = [t("changes.against", { number: diff.previous.number, revision: diff.previous.revision })];
      if (diff.titleChanged) lines.push(t("changes.titleChanged", { before: diff.previous.title }));
      if (diff.periodChanged) lines.push(t("changes.periodChanged", { start: diff.previous.periodStart, end: diff.previous.periodEnd }));
      if (diff.added.length) lines.push(`${t("changes.added")} ${diff.added.map((i) => `#${i.id} ${i.title}`).join("；")}`);
      if (diff.removed.length) lines.push(`${t("changes.removed")} ${diff.removed.map((i) => `#${i.id} ${i.title}`).join("；")}`);
      blocks.push({ kind: "paragraph", muted: true, text: lines.join("\n") });
      // No colours on paper: the earlier wording, quoted, stands in for the marked-up comparison.
      if (diff.summaryChanged) blocks.push({ kind: "paragraph", muted: true, text: t("changes.summaryWas") }, { kind: "quote", text: diff.previous.summary || "—" });
    }
  }
  blocks.push({ kind: "heading", text: t("sheet.issues") });
  if (detail.issues.length === 0) blocks.push({ kind: "paragraph", muted: true, text: t("sheet.noIssues") });
  detail.issues.forEach((issue, index) => {
    const trend = issue.trendPercent === null ? t("sheet.trendNone") : signedPercent(issue.trendPercent);
    blocks.push(
      { kind: "rule" },
      { kind: "heading", text: `${sectionNumber(index + 1, locale)}${issue.title}` },
      {
        kind: "paragraph",
        muted: true,
        size: 10,
        text: [tAll(`issue.type.${issue.type}`), localName(issue.category, locale), issue.site ? localName(issue.site, locale) : null, `#${issue.issueId}`].filter(Boolean).join(" · "),
      },
      { kind: "paragraph", text: `${t("sheet.records")}：${issue.recordCount}    ${t("sheet.trend")}：${trend}` },
    );
    if (issue.description) blocks.push({ kind: "paragraph", text: issue.description });
    if (issue.quotes.length > 0) {
      blocks.push({ kind: "paragraph", muted: true, size: 10, text: t("sheet.quotes") });
      // Corner brackets are the full-width quotes every CJK font draws well.
      for (const q of issue.quotes) blocks.push({ kind: "quote", text: locale === "en" ? `“${q}”` : `「${q}」` });
    }
    blocks.push({ kind: "paragraph", muted: true, size: 10, text: t("sheet.disposition") });
    blocks.push({
      kind: "paragraph",
      text:
        issue.actions.length > 0
          ? issue.actions
              .map((a) => `${localName(a.department, locale)} · ${tAll(`disposition.${a.disposition}`)} · ${tAll(`actionStatus.${a.status}`)}${a.dueOn ? ` · ${t("sheet.due", { date: a.dueOn })}` : ""}`)
              .join("\n")
          : dispositions.map((d) => `□ ${tAll(`disposition.${d}`)}`).join("    "),
    });
  });
  blocks.push(
    { kind: "rule" },
    { kind: "paragraph", muted: true, size: 9, text: bulletin.publishedAt && detail.publishedByName ? t("sheet.publishedBy", { name: detail.publishedByName, date }) : t("sheet.draftNote") },
  );
  return {
    title: masthead,
    author: t("sheet.issuer"),
    runningHeader: `${masthead} · ${bulletin.title}`,
    footer: (page, pages) => t("sheet.pageOf", { page, pages }),
    blocks,
  };
}
