import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { listSiteReportsOfSite } from "@/db/queries/triage";
import { requirePermission } from "@/lib/session";

/** The site's VoC reports: drafts to finish, and what was submitted to the management post. */
export default async function SiteReports() {
  await requirePermission("page.specialist");
  const viewer = await requirePermission("report.write");
  const [t, tAll, format] = [await getTranslations("siteReport"), await getTranslations(), await getFormatter()];
  const reports = await listSiteReportsOfSite(await getDb(), viewer, 100);
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { dateStyle: "medium" });
  return (
    <>
      <PageHeader
        title={t("listTitle")}
        description={t("listDescription")}
        actions={
          <Link href="/specialist/reports/new" className={buttonClass("primary", "sm")}>
            {t("new")}
          </Link>
        }
      />
      <Card>
        {reports.length === 0 ? (
          <EmptyState title={t("empty")} hint={t("emptyHint")} />
        ) : (
          <Table head={[t("title"), t("period"), t("issueTable.issue"), t("status")]}>
            {reports.map((r) => (
              <tr key={r.id} data-testid="site-report">
                <Td className="max-w-md">
                  <Link href={`/specialist/reports/${r.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {r.title}
                  </Link>
                  {r.submittedAt ? <p className="text-xs text-slate-500">{t("submittedAt", { date: format.dateTime(r.submittedAt, { dateStyle: "medium" }) })}</p> : null}
                </Td>
                <Td className="whitespace-nowrap text-slate-600">
                  {day(r.periodStart)} – {day(r.periodEnd)}
                </Td>
                <Td className="tabular-nums">{format.number(r.issueCount)}</Td>
                <Td>
                  <Badge tone={r.status === "draft" ? "amber" : "green"}>{tAll(`reportStatus.${r.status}`)}</Badge>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
