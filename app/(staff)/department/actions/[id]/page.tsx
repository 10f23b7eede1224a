import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ActionDetailView } from "@/components/workflow/action-detail";
import { ActionCompleteForm, ActionProgressForm } from "@/components/workflow/action-progress-form";
import { actionFormStrings } from "@/components/workflow/action-strings";
import { NoticeBanner } from "@/components/workflow/notice-banner";
import { getDb } from "@/db";
import { getActionDetail } from "@/db/queries/actions";
import { getTimeLimitSettings } from "@/db/queries/time-limits";
import { todayInCenter } from "@/lib/dates";
import { requirePermission } from "@/lib/session";
import { actionClock } from "@/lib/services/time-limits";
import { canAction } from "@/lib/workflow";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("actions.detail"))("number", { id: (await params).id }) };
}

/** A department's action: set owner and due date, post progress with evidence, mark it done. */
export default async function DepartmentActionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("page.department");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const [detail, { targets }] = await Promise.all([getActionDetail(db, viewer, id), getTimeLimitSettings(db)]);
  if (!detail) notFound();
  const t = await getTranslations("actions.detail");
  const strings = await actionFormStrings();
  const { action } = detail;
  const canUpdate = canAction(action.status, "update", viewer.role);
  const canComplete = canAction(action.status, "complete", viewer.role);
  return (
    <ActionDetailView detail={detail} deadline={actionClock(action, targets)?.state ?? null} backHref="/department" notice={<NoticeBanner notice={(await searchParams).notice} />}>
      {canUpdate ? (
        <Card title={t("postProgress")}>
          <ActionProgressForm actionId={action.id} version={action.version} ownerName={action.ownerName} dueOn={action.dueOn} progress={action.progress} today={todayInCenter()} labels={strings.progress} />
        </Card>
      ) : null}
      {canComplete ? (
        <Card title={t("markDone")}>
          <p className="mb-3 text-sm text-slate-600">{t("markDoneHint")}</p>
          <ActionCompleteForm actionId={action.id} version={action.version} labels={strings.complete} returnTo={`/department/actions/${action.id}`} />
        </Card>
      ) : null}
    </ActionDetailView>
  );
}
