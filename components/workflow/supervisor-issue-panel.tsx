import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { IssueDetail } from "@/db/queries/issues";
import { supervisorOpenStatuses } from "@/lib/services/issues";
import type { Viewer } from "@/lib/viewer";
import { canIssue } from "@/lib/workflow";
import { TriageEscalateForm } from "./triage-escalate-form";

/**
 * The supervisor's steps on one issue: escalate a draft, or answer the specialist's question
 * (by editing the description) and escalate again. Records are added from the queue.
 */
export async function SupervisorIssuePanel({ detail, viewer }: { detail: IssueDetail; viewer: Viewer }) {
  if (viewer.role !== "supervisor") return null;
  const t = await getTranslations("triage");
  const { issue } = detail;
  const canEscalate = canIssue(issue.status, "escalate", viewer.role);
  const open = supervisorOpenStatuses.includes(issue.status);
  return (
    <Card title={t("panel.supervisorTitle")}>
      <div className="space-y-4 text-sm" data-testid="supervisor-issue-panel">
        {issue.status === "returned" && issue.statusReason ? (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900">{t("issues.question", { question: issue.statusReason })}</p>
        ) : null}
        {canEscalate ? (
          <TriageEscalateForm
            issueId={issue.id}
            version={issue.version}
            returned={issue.status === "returned"}
            description={issue.description}
            editDescription
            strings={{
              escalate: t("issues.escalate"),
              reescalate: t("issues.reescalate"),
              description: t("issues.description"),
              answerHint: t("issues.answerHint"),
              descriptionHint: t("issues.descriptionHint"),
              pending: t("issues.pending"),
            }}
          />
        ) : null}
        {issue.status === "escalated" ? <p className="text-slate-600">{t("issues.waiting")}</p> : null}
        {open ? (
          <p className="text-slate-500">
            {t("panel.addFromQueue")}{" "}
            <Link href="/supervisor" className="font-medium text-brand-700 hover:underline">
              {t("panel.toQueue")}
            </Link>
          </p>
        ) : (
          <p className="text-slate-500">{t("panel.noSupervisorStep")}</p>
        )}
      </div>
    </Card>
  );
}
