import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ActionStatus, IssueStatus, RecordKind, RecordStatus } from "@/db/schema";

const recordStatusTone: Record<RecordStatus, BadgeTone> = { new: "neutral", reported: "brand", linked: "green", dismissed: "amber" };
const issueStatusTone: Record<IssueStatus, BadgeTone> = {
  draft: "neutral",
  escalated: "brand",
  returned: "amber",
  reported: "brand",
  verified: "brand",
  rejected: "red",
  merged: "neutral",
  published: "brand",
  in_action: "amber",
  resolved: "green",
};
const actionStatusTone: Record<ActionStatus, BadgeTone> = { assigned: "neutral", in_progress: "brand", done: "green", verified: "green", reopened: "amber" };
const kindTone: Record<RecordKind, BadgeTone> = { complaint: "red", suggestion: "brand", business_contact: "neutral", service_record: "neutral", praise: "green" };

export async function RecordStatusBadge({ status }: { status: RecordStatus }) {
  const t = await getTranslations("recordStatus");
  return <Badge tone={recordStatusTone[status]}>{t(status)}</Badge>;
}

export async function IssueStatusBadge({ status }: { status: IssueStatus }) {
  const t = await getTranslations("issueStatus");
  return <Badge tone={issueStatusTone[status]}>{t(status)}</Badge>;
}

export async function ActionStatusBadge({ status, overdue = false }: { status: ActionStatus; overdue?: boolean }) {
  const t = await getTranslations();
  return (
    <span className="inline-flex gap-1">
      <Badge tone={actionStatusTone[status]}>{t(`actionStatus.${status}`)}</Badge>
      {overdue ? <Badge tone="red">{t("common.overdue")}</Badge> : null}
    </span>
  );
}

export async function KindBadge({ kind }: { kind: RecordKind }) {
  const t = await getTranslations("recordKind");
  return <Badge tone={kindTone[kind]}>{t(kind)}</Badge>;
}
