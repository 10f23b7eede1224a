import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { IssueCounts } from "@/db/queries/triage";
import { channels, recordKinds, type IssueType } from "@/db/schema";
import { localName, type Locale, type LocalizedNames } from "@/lib/i18n/config";
import type { SiteReportEditorStrings, SiteReportIssueOption } from "./site-report-editor";

interface IssueForOption {
  id: number;
  title: string;
  type: IssueType;
  status: string;
  category: LocalizedNames;
  counts: IssueCounts;
}

/** Issues as the report editor lists them, with their counts spelled out in the viewer's language. */
export async function siteReportIssueOptions(issues: IssueForOption[]): Promise<SiteReportIssueOption[]> {
  const [t, locale] = [await getTranslations(), (await getLocale()) as Locale];
  return issues.map((i) => ({
    id: i.id,
    title: i.title,
    categoryLabel: localName(i.category, locale),
    typeLabel: t(`issue.type.${i.type}`),
    total: i.counts.total,
    kindsLabel: recordKinds.filter((k) => i.counts.byKind[k]).map((k) => `${t(`recordKind.${k}`)} ${i.counts.byKind[k]}`).join(" · ") || "—",
    channelsLabel: channels.filter((c) => i.counts.byChannel[c]).map((c) => `${t(`issue.channel.${c}`)} ${i.counts.byChannel[c]}`).join(" · ") || "—",
    reportable: i.status === "escalated",
  }));
}

export async function siteReportEditorStrings(): Promise<SiteReportEditorStrings> {
  const t = await getTranslations("siteReport");
  return {
    periodStart: t("periodStart"),
    periodEnd: t("periodEnd"),
    title: t("title"),
    analysis: t("analysis"),
    analysisPlaceholder: t("analysisPlaceholder"),
    issues: t("issues"),
    issuesHint: t("issuesHint"),
    noIssues: t("noIssues"),
    noIssuesHint: t("noIssuesHint"),
    notEscalated: t("notEscalated"),
    selectedTotals: t.raw("selectedTotals") as string,
    save: t("save"),
    saving: t("saving"),
  };
}
