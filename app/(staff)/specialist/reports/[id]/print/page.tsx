import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { SiteReportDocument } from "@/components/workflow/site-report-document";
import { SiteReportPrintButton } from "@/components/workflow/site-report-print-button";
import { getDb } from "@/db";
import { getSiteReport } from "@/db/queries/triage";
import { requirePermission } from "@/lib/session";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `${(await getTranslations("siteReport"))("print")} #${(await params).id}` };
}

/** The report as it prints: the page's own controls and the staff header are left off paper. */
export default async function PrintSiteReport({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("page.specialist");
  const viewer = await requirePermission("report.write");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const detail = await getSiteReport(await getDb(), viewer, id);
  if (!detail) notFound();
  const t = await getTranslations("siteReport");
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="no-print flex justify-end gap-2">
        <Link href={`/specialist/reports/${id}`} className={buttonClass("ghost", "sm")}>
          {t("backToReport")}
        </Link>
        <SiteReportPrintButton label={t("printNow")} />
      </div>
      <SiteReportDocument detail={detail} linkIssues={false} />
    </div>
  );
}
