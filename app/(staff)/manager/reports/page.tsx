import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { countReportsByStatus, listReportsForScreening, type ReportStatus } from "@/db/queries/verification";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verification"))("reports.title") };
}

const tabs: { key: "submitted" | "reviewed" | "all"; statuses: ReportStatus[] }[] = [
  { key: "submitted", statuses: ["submitted"] },
  { key: "reviewed", statuses: ["reviewed"] },
  { key: "all", statuses: ["submitted", "reviewed"] },
];

/** Every site report sent to the management post: those waiting, and those already reviewed. */
export default async function ManagerReports({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("page.manager");
  const viewer = await requirePermission("issue.verify");
  const wanted = (await searchParams).status;
  const tab = tabs.find((x) => x.key === wanted) ?? tabs[0];
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const [reports, counts] = await Promise.all([listReportsForScreening(db, viewer, tab.statuses, 100), countReportsByStatus(db, viewer)]);
  const countOf = (key: (typeof tabs)[number]["key"]) => (key === "all" ? (counts.submitted ?? 0) + (counts.reviewed ?? 0) : (counts[key] ?? 0));

  return (
    <>
      <PageHeader
        title={t("verification.reports.title")}
        description={t("verification.reports.description")}
        actions={
          <Link href="/manager/verification" className="text-sm text-brand-700 underline">
            {t("verification.title")}
          </Link>
        }
      />
      <nav aria-label={t("verification.reports.filter")} className="mb-4 flex flex-wrap gap-2">
        {tabs.map((x) => (
          <Link
            key={x.key}
            href={x.key === "submitted" ? "/manager/reports" : `/manager/reports?status=${x.key}`}
            aria-current={x.key === tab.key ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-sm ring-1 ring-inset ${x.key === tab.key ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {t(`verification.reports.tabs.${x.key}`)} ({format.number(countOf(x.key))})
          </Link>
        ))}
      </nav>
      <Card>
        {reports.length === 0 ? (
          <EmptyState title={t("verification.reports.empty")} />
        ) : (
          <Table head={[t("verification.reports.report"), t("verification.site"), t("verification.reports.issues"), t("verification.reports.submitted"), t("fields.status")]}>
            {reports.map((r) => {
              const waiting = r.issues.filter((i) => i.status === "reported").length;
              return (
                <tr key={r.id} data-testid="report-row">
                  <Td className="max-w-md font-medium">
                    <Link href={`/manager/reports/${r.id}`} className="hover:underline">
                      {r.title}
                    </Link>
                  </Td>
                  <Td className="text-slate-600">{localName(r.site, locale)}</Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {format.number(r.issues.length)}
                    {waiting > 0 ? <span className="ml-2 text-xs text-amber-700">{t("verification.waiting", { count: waiting })}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600">{r.submittedAt ? format.dateTime(r.submittedAt, { dateStyle: "medium" }) : "—"}</Td>
                  <Td>
                    <Badge tone={r.status === "reviewed" ? "green" : "brand"}>{t(`reportStatus.${r.status}`)}</Badge>
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
      </Card>
    </>
  );
}
