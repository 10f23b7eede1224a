import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionStatusBadge } from "@/components/status-badges";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { dispositions } from "@/db/schema";
import { getDb } from "@/db";
import { listActiveDepartments } from "@/db/queries/actions";
import type { IssueDetail } from "@/db/queries/issues";
import { todayInCenter } from "@/lib/dates";
import { localName, type Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";
import { canIssue } from "@/lib/workflow";
import { ActionAssignForm } from "./action-assign-form";
import { IssueResolveForm } from "./action-review-forms";
import { actionFormStrings } from "./action-strings";

/**
 * The issue page's panel for acting on a published issue: the management post assigns actions
 * (and resolves the issue once every action is verified); a department finds its own actions.
 */
export async function ActionIssuePanel({ detail, viewer }: { detail: IssueDetail; viewer: Viewer }) {
  const { issue } = detail;
  const [t, locale] = [await getTranslations(), (await getLocale()) as Locale];

  if (viewer.role === "department") {
    const mine = detail.actions.filter((a) => a.action.departmentId === viewer.departmentId);
    if (mine.length === 0) return null;
    return (
      <Card title={t("actions.panel.mine")}>
        <ul className="space-y-2 text-sm">
          {mine.map(({ action }) => (
            <li key={action.id} className="flex flex-wrap items-center justify-between gap-2">
              <span className="flex items-center gap-2">
                <span>{t(`disposition.${action.disposition}`)}</span>
                <ActionStatusBadge status={action.status} />
              </span>
              <Link href={`/department/actions/${action.id}`} className={buttonClass("secondary", "sm")}>
                {t("actions.panel.open")}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    );
  }

  if (!can(viewer.role, "action.assign")) return null;
  const canAssign = canIssue(issue.status, "assign_action", viewer.role);
  const allVerified = detail.actions.length > 0 && detail.actions.every((a) => a.action.status === "verified");
  const canResolve = allVerified && canIssue(issue.status, "resolve", viewer.role);
  if (!canAssign && !canResolve) return null;

  const strings = await actionFormStrings();
  const departments = (await listActiveDepartments(await getDb())).map((d) => ({ value: d.code, label: localName(d, locale) }));
  const dispositionOptions = dispositions.map((d) => ({ value: d, label: t(`disposition.${d}`) }));
  return (
    <>
      {canResolve ? (
        <Card title={t("actions.panel.resolve")}>
          <p className="mb-3 text-sm text-slate-600">{t("actions.panel.resolveHint")}</p>
          <IssueResolveForm issueId={issue.id} version={issue.version} defaults={{ publicTitle: issue.publicTitle ?? "", publicOutcome: issue.publicOutcome ?? "" }} labels={strings.resolve} returnTo={`/issues/${issue.id}`} />
        </Card>
      ) : null}
      {canAssign ? (
        <Card title={t("actions.panel.assign")}>
          <p className="mb-3 text-sm text-slate-600">{detail.actions.length > 0 ? t("actions.panel.assignMore", { count: detail.actions.length }) : t("actions.panel.assignHint")}</p>
          <ActionAssignForm issueId={issue.id} issueVersion={issue.version} today={todayInCenter()} departments={departments} dispositions={dispositionOptions} labels={strings.assign} />
        </Card>
      ) : null}
    </>
  );
}
