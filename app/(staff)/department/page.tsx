import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { ActionTrackingCells } from "@/components/workflow/deadline-badge";
import { getDb } from "@/db";
import { listDepartmentActions } from "@/db/queries/actions";
import { getOpenMeeting } from "@/db/queries/meetings";
import { getTimeLimitSettings } from "@/db/queries/time-limits";
import { requirePermission } from "@/lib/session";
import { actionClock } from "@/lib/services/time-limits";

const views = ["open", "overdue", "done", "all"] as const;
type View = (typeof views)[number];

/** The department's own actions: open (with their time-limit flags), overdue, done and lately verified. */
export default async function DepartmentHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("page.department");
  const requested = (await searchParams).view;
  const view: View = views.find((v) => v === requested) ?? "open";
  const db = await getDb();
  const [t, format] = [await getTranslations(), await getFormatter()];
  const now = new Date();
  const [rows, { targets }, meeting] = await Promise.all([listDepartmentActions(db, viewer, now), getTimeLimitSettings(db), getOpenMeeting(db, viewer)]);
  const mine = rows.map((a) => ({ ...a, deadline: actionClock(a, targets, now)?.state ?? null }));
  const isOpen = (a: (typeof mine)[number]) => a.status === "assigned" || a.status === "in_progress" || a.status === "reopened";
  const counts = {
    open: mine.filter(isOpen).length,
    overdue: mine.filter((a) => a.deadline === "overdue").length,
    near: mine.filter((a) => a.deadline === "near").length,
    done: mine.filter((a) => a.status === "done" || a.status === "verified").length,
    all: mine.length,
  };
  const shown = mine.filter((a) => (view === "open" ? isOpen(a) : view === "overdue" ? a.deadline === "overdue" : view === "done" ? a.status === "done" || a.status === "verified" : true));

  return (
    <>
      <PageHeader
        title={t("department.title")}
        description={t("department.description")}
        actions={
          <Link href="/dashboard" className={buttonClass("secondary", "sm")}>
            {t("nav.dashboard")}
          </Link>
        }
      />
      <StatGrid>
        <Stat label={t("department.stats.open")} value={format.number(counts.open)} />
        <Stat label={t("department.stats.overdue")} value={format.number(counts.overdue)} tone={counts.overdue > 0 ? "warn" : "neutral"} />
        <Stat label={t("actions.department.near")} value={format.number(counts.near)} />
        <Stat label={t("department.stats.awaitingCheck")} value={format.number(mine.filter((a) => a.status === "done").length)} />
      </StatGrid>
      {meeting ? (
        <p className="mb-4 rounded-lg bg-brand-50 px-4 py-2 text-sm text-brand-900">
          {t("actions.department.meeting", { title: meeting.title })}{" "}
          <Link href={`/meetings/${meeting.id}`} className="font-medium underline">
            {t("actions.department.meetingLink")}
          </Link>
        </p>
      ) : null}
      <Card
        title={t("department.actions")}
        action={
          <nav aria-label={t("actions.department.filter")} className="flex flex-wrap gap-1 text-sm">
            {views.map((v) => (
              <Link
                key={v}
                href={v === "open" ? "/department" : `/department?view=${v}`}
                aria-current={v === view ? "page" : undefined}
                className={`rounded-md px-2.5 py-1 ${v === view ? "bg-brand-700 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {t(`actions.department.views.${v}`)} <span className="tabular-nums opacity-80">{counts[v]}</span>
              </Link>
            ))}
          </nav>
        }
      >
        {shown.length === 0 ? (
          <EmptyState title={t(`actions.department.empty.${view}`)} hint={t("department.noActionsHint")} />
        ) : (
          <Table head={[t("fields.issue"), t("fields.disposition"), t("fields.owner"), t("fields.dueOn"), t("fields.progress"), t("fields.status")]}>
            {shown.map((a) => (
              <tr key={a.id} data-testid="department-action" data-action-id={a.id}>
                <Td className="max-w-sm">
                  <Link href={`/department/actions/${a.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {a.issueTitle}
                  </Link>
                  {a.lastUpdateAt ? <p className="mt-0.5 text-xs text-slate-500">{t("actions.department.lastUpdate", { when: format.relativeTime(a.lastUpdateAt, now) })}</p> : null}
                </Td>
                <Td>
                  <Badge tone="brand">{t(`disposition.${a.disposition}`)}</Badge>
                </Td>
                <ActionTrackingCells action={a} />
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
