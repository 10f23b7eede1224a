import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import type { IssueDetail } from "@/db/queries/issues";
import { listMergeCandidates } from "@/db/queries/verification";
import { can } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";
import { canIssue } from "@/lib/workflow";
import { VerificationDecision } from "./verification-decision";
import { getVerificationStrings, mergeOptions } from "./verification-issue";

/**
 * The management post's panel on the issue page: verify, reject with a reason, or merge into
 * another site's issue while the issue waits (reported); once verified, a way into a bulletin.
 */
export async function ManagerIssuePanel({ detail, viewer }: { detail: IssueDetail; viewer: Viewer }) {
  const { issue } = detail;
  const waiting = canIssue(issue.status, "verify", viewer.role);
  const compilable = issue.status === "verified" && can(viewer.role, "bulletin.compile");
  if (!waiting && !compilable) return null;
  const t = await getTranslations("verification");
  if (!waiting) {
    return (
      <Card title={t("panel.title")}>
        <p className="text-sm text-slate-600">{t("panel.verified")}</p>
        <Link href={`/bulletins/new?issue=${issue.id}`} className={`${buttonClass("secondary", "sm")} mt-3`}>
          {t("panel.compile")}
        </Link>
      </Card>
    );
  }
  const candidates = await listMergeCandidates(await getDb(), viewer, [{ id: issue.id, title: issue.title, siteId: issue.siteId, categoryId: issue.categoryId }]);
  return (
    <Card title={t("panel.title")}>
      <p className="mb-3 text-sm text-slate-600">{t("panel.waiting")}</p>
      <VerificationDecision issueId={issue.id} version={issue.version} decided={false} candidates={await mergeOptions(candidates.get(issue.id) ?? [])} strings={await getVerificationStrings()} />
    </Card>
  );
}
