import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IssueOverview } from "@/components/issue/issue-overview";
import { ActionIssuePanel } from "@/components/workflow/action-issue-panel";
import { NoticeBanner } from "@/components/workflow/notice-banner";
import { ManagerIssuePanel } from "@/components/workflow/manager-issue-panel";
import { SpecialistIssuePanel } from "@/components/workflow/specialist-issue-panel";
import { SupervisorIssuePanel } from "@/components/workflow/supervisor-issue-panel";
import { getDb } from "@/db";
import { getIssueDetail, listIssueTimeline } from "@/db/queries/issues";
import { requirePermission } from "@/lib/session";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("issue"))("title", { id: (await params).id }) };
}

/** One issue, for every role that may see it; each role's panel offers the steps it may take. */
export default async function IssuePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("issue.read");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const detail = await getIssueDetail(db, viewer, id);
  if (!detail) notFound();
  const timeline = await listIssueTimeline(db, detail);
  return (
    <IssueOverview detail={detail} timeline={timeline}>
      <NoticeBanner notice={(await searchParams).notice} />
      <SupervisorIssuePanel detail={detail} viewer={viewer} />
      <SpecialistIssuePanel detail={detail} viewer={viewer} />
      <ManagerIssuePanel detail={detail} viewer={viewer} />
      <ActionIssuePanel detail={detail} viewer={viewer} />
    </IssueOverview>
  );
}
