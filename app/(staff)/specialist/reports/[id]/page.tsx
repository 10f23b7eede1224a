import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SiteReportDocument } from "@/components/workflow/site-report-document";
import { SiteReportEditor } from "@/components/workflow/site-report-editor";
import { siteReportEditorStrings, siteReportIssueOptions } from "@/components/workflow/site-report-options";
import { SiteReportSubmitForm } from "@/components/workflow/site-report-submit-form";
import { getDb } from "@/db";
import { getSiteReport, listReportableIssues } from "@/db/queries/triage";
import { requirePermission } from "@/lib/session";

type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `${(await getTranslations("siteReport"))("listTitle")} #${(await params).id}` };
}

/** One site report: a draft to edit and submit, or the submitted report as it was sent. */
export default async function SiteReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  await requirePermission("page.specialist");
  const viewer = await requirePermission("report.write");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const query = await searchParams;
  const db = await getDb();
  const detail = await getSiteReport(db, viewer, id);
  if (!detail) notFound();
  const t = await getTranslations("siteReport");
  const { report } = detail;
  const draft = report.status === "draft";
  const notice = query.submitted ? t("submitted") : query.saved ? t("saved") : null;

  let editor: React.ReactNode = null;
  if (draft) {
    const reportable = await listReportableIssues(db, viewer);
    // The report's own issues first, in their order (those no longer escalated flagged), then the rest.
    const others = reportable.filter((r) => !detail.issues.some((i) => i.id === r.id));
    editor = (
      <SiteReportEditor
        report={{ id: report.id, version: report.version, periodStart: report.periodStart, periodEnd: report.periodEnd, title: report.title, analysis: report.analysis, issueIds: detail.issues.map((i) => i.id) }}
        issues={await siteReportIssueOptions([...detail.issues, ...others])}
        strings={await siteReportEditorStrings()}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={report.title}
        description={draft ? t("listDescription") : undefined}
        actions={
          <>
            <Link href="/specialist/reports" className={buttonClass("ghost", "sm")}>
              {t("back")}
            </Link>
            <Link href={`/specialist/reports/${report.id}/print`} className={buttonClass("secondary", "sm")}>
              {t("print")}
            </Link>
          </>
        }
      />
      {notice ? (
        <div className="mb-4">
          <FormMessage status="success" message={notice} />
        </div>
      ) : null}
      {draft ? (
        <div className="grid gap-6 xl:grid-cols-3">
          <Card title={t("editTitle")} className="xl:col-span-2">
            {editor}
          </Card>
          <div className="space-y-6">
            <Card title={t("submit")}>
              <SiteReportSubmitForm reportId={report.id} version={report.version} strings={{ submit: t("submit"), submitting: t("submitting"), hint: t("submitHint") }} />
            </Card>
          </div>
        </div>
      ) : null}
      <div className={draft ? "mt-6" : undefined}>
        <SiteReportDocument detail={detail} />
      </div>
    </>
  );
}
