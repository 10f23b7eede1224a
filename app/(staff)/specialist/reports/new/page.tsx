import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SiteReportEditor } from "@/components/workflow/site-report-editor";
import { siteReportEditorStrings, siteReportIssueOptions } from "@/components/workflow/site-report-options";
import { getDb } from "@/db";
import { getNextReportPeriod, getViewerSite, listReportableIssues } from "@/db/queries/triage";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

type Search = Record<string, string | string[] | undefined>;

/** A new site report: the period after the last one, the site's escalated issues to choose from. */
export default async function NewSiteReport({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePermission("page.specialist");
  const viewer = await requirePermission("report.write");
  const raw = (await searchParams).issue;
  const preselected = Number.parseInt((Array.isArray(raw) ? raw[0] : raw) ?? "", 10);
  const db = await getDb();
  const [t, locale] = [await getTranslations("siteReport"), (await getLocale()) as Locale];
  const [issues, period, site] = await Promise.all([listReportableIssues(db, viewer), getNextReportPeriod(db, viewer), getViewerSite(db, viewer)]);
  const title = t("defaultTitle", { site: site ? localName(site, locale) : "", start: period.periodStart, end: period.periodEnd });
  return (
    <>
      <PageHeader
        title={t("newTitle")}
        description={t("listDescription")}
        actions={
          <Link href="/specialist/reports" className="text-sm font-medium text-brand-700 hover:underline">
            {t("back")}
          </Link>
        }
      />
      <Card>
        <SiteReportEditor
          report={{ ...period, title, analysis: "", issueIds: issues.some((i) => i.id === preselected) ? [preselected] : [] }}
          issues={await siteReportIssueOptions(issues)}
          strings={await siteReportEditorStrings()}
        />
      </Card>
    </>
  );
}
