import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { MeetingOpenForm } from "@/components/workflow/meeting-forms";
import { getDb } from "@/db";
import { listMeetings } from "@/db/queries/meetings";
import { todayInCenter } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") };
}

/** The monthly VoC meetings; the management post opens the next one here. */
export default async function MeetingsPage() {
  const viewer = await requirePermission("meeting.read");
  const [t, format] = [await getTranslations(), await getFormatter()];
  const list = await listMeetings(await getDb(), viewer);
  const today = todayInCenter();
  const [year, month] = today.split("-").map(Number);
  const pending = t("common.saving");

  return (
    <>
      <PageHeader title={t("meetings.title")} description={t("meetings.description")} />
      <div className="space-y-6">
        {can(viewer.role, "meeting.run") ? (
          <Card title={t("meetings.open.title")}>
            <p className="mb-3 text-sm text-slate-600">{t("meetings.open.hint")}</p>
            <MeetingOpenForm
              defaults={{ title: t("meetings.open.defaultTitle", { year, month }), heldOn: today, attendees: "" }}
              labels={{ title: t("meetings.fields.title"), heldOn: t("meetings.fields.heldOn"), attendees: t("meetings.fields.attendees"), attendeesHint: t("meetings.fields.attendeesHint"), submit: t("meetings.open.submit"), pending }}
            />
          </Card>
        ) : null}
        <Card title={t("meetings.list")}>
          {list.length === 0 ? (
            <EmptyState title={t("meetings.empty")} hint={t("meetings.emptyHint")} />
          ) : (
            <Table head={[t("meetings.fields.title"), t("meetings.fields.heldOn"), t("meetings.fields.agenda"), t("meetings.fields.decided"), t("fields.status")]}>
              {list.map((m) => (
                <tr key={m.id} data-testid="meeting-row">
                  <Td>
                    <Link href={`/meetings/${m.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                      {m.title}
                    </Link>
                    {m.commentCount > 0 ? <p className="text-xs text-slate-500">{t("meetings.commentCount", { count: m.commentCount })}</p> : null}
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums text-slate-600">{format.dateTime(new Date(`${m.heldOn}T00:00:00+08:00`), { dateStyle: "medium" })}</Td>
                  <Td className="text-slate-600">
                    {t("meetings.itemCount", { count: m.itemCount })}
                    {m.overdueCount > 0 ? <span className="ml-1 text-rose-700">{t("meetings.overdueCount", { count: m.overdueCount })}</span> : null}
                  </Td>
                  <Td className="tabular-nums text-slate-600">
                    {m.decidedCount} / {m.itemCount}
                  </Td>
                  <Td>
                    <Badge tone={m.status === "open" ? "amber" : "green"}>{t(`meetings.status.${m.status}`)}</Badge>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
