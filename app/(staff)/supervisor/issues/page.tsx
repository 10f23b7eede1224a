import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IssueStatusBadge } from "@/components/status-badges";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { countSupervisorIssuesByStatus, listSupervisorIssues } from "@/db/queries/triage";
import { issueStatuses, type IssueStatus } from "@/db/schema";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

type Search = Record<string, string | string[] | undefined>;

/** Every issue the supervisor raised, and where each went after escalation. */
export default async function SupervisorIssues({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission("page.supervisor");
  const raw = (await searchParams).status;
  const wanted = Array.isArray(raw) ? raw[0] : raw;
  const status = (issueStatuses as readonly string[]).includes(wanted ?? "") ? (wanted as IssueStatus) : undefined;
  const db = await getDb();
  const [t, tAll, format, locale] = [await getTranslations("triage"), await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const [rows, counts] = await Promise.all([listSupervisorIssues(db, viewer, status ? [status] : issueStatuses, 200), countSupervisorIssuesByStatus(db, viewer)]);
  const present = issueStatuses.filter((s) => (counts[s] ?? 0) > 0);

  return (
    <>
      <PageHeader
        title={t("issues.allTitle")}
        description={t("issues.allDescription")}
        actions={
          <Link href="/supervisor" className={buttonClass("secondary", "sm")}>
            {t("panel.toQueue")}
          </Link>
        }
      />
      <nav aria-label={t("issues.statusFilter")} className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link href="/supervisor/issues" aria-current={status ? undefined : "page"} className={buttonClass(status ? "ghost" : "secondary", "sm")}>
          {t("filters.any")}
        </Link>
        {present.map((s) => (
          <Link key={s} href={`/supervisor/issues?status=${s}`} aria-current={status === s ? "page" : undefined} className={buttonClass(status === s ? "secondary" : "ghost", "sm")}>
            {tAll(`issueStatus.${s}`)} · {format.number(counts[s] ?? 0)}
          </Link>
        ))}
      </nav>
      <Card>
        {rows.length === 0 ? (
          <EmptyState title={t("issues.empty")} hint={t("issues.emptyHint")} />
        ) : (
          <Table head={[tAll("fields.issue"), tAll("fields.category"), tAll("fields.records"), tAll("fields.status"), tAll("fields.createdAt")]}>
            {rows.map((i) => (
              <tr key={i.id} data-testid="supervisor-issue">
                <Td className="max-w-md">
                  <Link href={`/issues/${i.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    #{i.id} {i.title}
                  </Link>
                  {i.status === "returned" && i.statusReason ? <p className="mt-0.5 text-xs text-amber-700">{t("issues.question", { question: i.statusReason })}</p> : null}
                </Td>
                <Td className="text-slate-600">{localName(i.category, locale)}</Td>
                <Td className="tabular-nums">{format.number(i.recordCount)}</Td>
                <Td>
                  <IssueStatusBadge status={i.status} />
                </Td>
                <Td className="whitespace-nowrap text-slate-500">{format.dateTime(i.updatedAt, { dateStyle: "medium" })}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
