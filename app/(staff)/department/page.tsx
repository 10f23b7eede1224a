import { getFormatter, getTranslations } from "next-intl/server";
import { ActionStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { listOpenActions } from "@/db/queries/workflow";
import { todayInCenter } from "@/lib/dates";
import { requirePermission } from "@/lib/session";

export default async function DepartmentHome() {
  const viewer = await requirePermission("page.department");
  const db = await getDb();
  const [t, format] = [await getTranslations(), await getFormatter()];
  const mine = await listOpenActions(db, viewer, todayInCenter(), 100);
  const overdue = mine.filter((a) => a.overdue).length;
  const done = mine.filter((a) => a.status === "done").length;

  return (
    <>
      <PageHeader title={t("department.title")} description={t("department.description")} />
      <StatGrid>
        <Stat label={t("department.stats.open")} value={format.number(mine.length - done)} />
        <Stat label={t("department.stats.overdue")} value={format.number(overdue)} tone={overdue > 0 ? "warn" : "neutral"} />
        <Stat label={t("department.stats.awaitingCheck")} value={format.number(done)} />
        <Stat label={t("department.stats.total")} value={format.number(mine.length)} />
      </StatGrid>
      <Card title={t("department.actions")}>
        {mine.length === 0 ? (
          <EmptyState title={t("department.noActions")} hint={t("department.noActionsHint")} />
        ) : (
          <Table head={[t("fields.issue"), t("fields.disposition"), t("fields.owner"), t("fields.dueOn"), t("fields.progress"), t("fields.status")]}>
            {mine.map((a) => (
              <tr key={a.id} data-testid="department-action">
                <Td className="max-w-sm font-medium">{a.issueTitle}</Td>
                <Td><Badge tone="brand">{t(`disposition.${a.disposition}`)}</Badge></Td>
                <Td className="text-slate-600">{a.ownerName ?? "—"}</Td>
                <Td className={`whitespace-nowrap ${a.overdue ? "text-rose-700" : "text-slate-600"}`}>
                  {a.dueOn ? format.dateTime(new Date(a.dueOn), { dateStyle: "medium" }) : "—"}
                </Td>
                <Td>
                  <div className="flex items-center gap-2">
                    <div className="h-1.5 w-20 rounded-full bg-slate-200" role="progressbar" aria-valuenow={a.progress} aria-valuemin={0} aria-valuemax={100}>
                      <div className="h-1.5 rounded-full bg-brand-500" style={{ width: `${a.progress}%` }} />
                    </div>
                    <span className="text-xs tabular-nums text-slate-500">{a.progress}%</span>
                  </div>
                </Td>
                <Td><ActionStatusBadge status={a.status} overdue={a.overdue} /></Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
