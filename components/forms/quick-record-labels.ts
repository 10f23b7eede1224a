import "server-only";
import { getTranslations } from "next-intl/server";
import type { QuickRecordLabels } from "./quick-record-form";

/** The quick record form's words in the viewer's language, handed to the client component. */
export async function quickRecordLabels(): Promise<QuickRecordLabels> {
  const t = await getTranslations();
  const q = (key: string) => t(`quickRecord.${key}`);
  return {
    kind: q("kind"),
    kinds: {
      complaint: t("recordKind.complaint"),
      suggestion: t("recordKind.suggestion"),
      business_contact: t("recordKind.business_contact"),
      service_record: t("recordKind.service_record"),
      praise: t("recordKind.praise"),
    },
    category: q("category"),
    categoryPlaceholder: q("categoryPlaceholder"),
    region: q("region"),
    regionPlaceholder: q("regionPlaceholder"),
    callReference: q("callReference"),
    summary: q("summary"),
    summaryPlaceholder: q("summaryPlaceholder"),
    customerWords: q("customerWords"),
    customerWordsPlaceholder: q("customerWordsPlaceholder"),
    urgency: q("urgency"),
    urgencies: { low: t("urgency.low"), normal: t("urgency.normal"), high: t("urgency.high"), critical: t("urgency.critical") },
    valuable: q("valuable"),
    valuableHint: q("valuableHint"),
    submit: q("submit"),
    saving: q("saving"),
    shortcutHint: q("shortcutHint"),
    noMatches: q("noMatches"),
    draftRestored: q("draftRestored"),
    discardDraft: q("discardDraft"),
    similarTitle: q("similarTitle"),
    similarEmpty: q("similarEmpty"),
    similarIssue: q("similarIssue"),
    similarRecord: q("similarRecord"),
    joinIssue: q("joinIssue"),
    joiningIssue: t.raw("quickRecord.joiningIssue") as string,
    leaveIssue: q("leaveIssue"),
    records: t.raw("quickRecord.records") as string,
    characters: q("characters"),
  };
}
