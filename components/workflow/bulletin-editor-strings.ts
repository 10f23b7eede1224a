import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { BulletinCandidate } from "@/db/queries/bulletins";
import { localName, type Locale } from "@/lib/i18n/config";
import type { BulletinEditorStrings, BulletinIssueOption } from "./bulletin-editor";

/** The editor's words in the viewer's language (client components get their strings as props). */
export async function getBulletinEditorStrings(): Promise<BulletinEditorStrings> {
  const t = await getTranslations("bulletins.editor");
  const keys = [
    "title",
    "periodStart",
    "periodEnd",
    "periodHint",
    "summary",
    "summaryHint",
    "changeNote",
    "changeNoteHint",
    "issues",
    "issuesHint",
    "noCandidates",
    "alreadyPublished",
    "notVerified",
    "inDrafts",
    "records",
    "selected",
    "noneSelected",
    "moveUp",
    "moveDown",
    "preview",
    "previewHint",
    "previewLoading",
    "recordCount",
    "trend",
    "trendNone",
    "quotes",
    "noQuotes",
    "save",
    "saving",
    "cancel",
  ] as const;
  // Templates keep their {placeholders}: the client fills them in.
  const strings = {} as Record<(typeof keys)[number], string>;
  for (const key of keys) strings[key] = String(t.raw(key));
  return strings;
}

export async function bulletinIssueOptions(candidates: BulletinCandidate[]): Promise<BulletinIssueOption[]> {
  const [t, locale] = [await getTranslations(), (await getLocale()) as Locale];
  return candidates.map((c) => ({
    id: c.id,
    title: c.title,
    detail: [c.site ? localName(c.site, locale) : null, localName(c.category, locale), t(`issue.type.${c.type}`)].filter(Boolean).join(" · "),
    recordCount: c.recordCount,
    published: c.status !== "verified",
    inDrafts: c.inDrafts,
  }));
}
