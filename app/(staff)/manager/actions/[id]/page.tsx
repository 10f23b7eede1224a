import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ActionDetailView } from "@/components/workflow/action-detail";
import { ActionReopenForm, ActionVerifyForm, IssueResolveForm } from "@/components/workflow/action-review-forms";
import { actionFormStrings } from "@/components/workflow/action-strings";
import { NoticeBanner } from "@/components/workflow/notice-banner";
import { getDb } from "@/db";
import { getActionDetail } from "@/db/queries/actions";
import { getTimeLimitSettings } from "@/db/queries/time-limits";
import { requirePermission } from "@/lib/session";
import { actionClock } from "@/lib/services/time-limits";
import { canAction, canIssue } from "@/lib/workflow";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("actions.detail"))("number", { id: (await params).id }) };
}

/** One action for the management post: verify it (resolving the issue with its public wording), or reopen it. */
export default async function ManagerActionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("page.manager");
  const viewer = await requirePermission("action.verify");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const [detail, { targets }] = await Promise.all([getActionDetail(db, viewer, id), getTimeLimitSettings(db)]);
  if (!detail) notFound();
  const t = await getTranslations("actions");
  const strings = await actionFormStrings();
  const { action, issue } = detail;
  const wording = { publicTitle: issue.publicTitle ?? "", publicOutcome: issue.publicOutcome ?? "" };
  const readyToResolve = action.status === "verified" && detail.isLastOpen && canIssue(issue.status, "resolve", viewer.role);
  return (
    <ActionDetailView detail={detail} deadline={actionClock(action, targets)?.state ?? null} backHref="/manager/actions" notice={<NoticeBanner notice={(await searchParams).notice} />}>
      {canAction(action.status, "verify", viewer.role) ? (
        <Card title={t("forms.verify")}>
          <ActionVerifyForm actionId={action.id} version={action.version} isLast={detail.isLastOpen} defaults={wording} labels={strings.verify} returnTo={`/manager/actions/${action.id}`} />
        </Card>
      ) : null}
      {readyToResolve ? (
        <Card title={t("manager.toResolve")}>
          <IssueResolveForm issueId={issue.id} version={issue.version} defaults={wording} labels={strings.resolve} returnTo={`/manager/actions/${action.id}`} />
        </Card>
      ) : null}
      {canAction(action.status, "reopen", viewer.role) ? (
        <Card title={t("forms.reopen")}>
          <ActionReopenForm actionId={action.id} version={action.version} labels={strings.reopen} returnTo={`/manager/actions/${action.id}`} />
        </Card>
      ) : null}
    </ActionDetailView>
  );
}
