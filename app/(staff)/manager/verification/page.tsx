import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { getVerificationStrings } from "@/components/workflow/verification-issue";
import { VerificationReport } from "@/components/workflow/verification-report";
import { getDb } from "@/db";
import { listIssuesAwaitingVerification, listMergeCandidates, listReportsForScreening } from "@/db/queries/verification";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verification"))("title") };
}

/**
 * The management post's workbench: every site's submitted report, oldest first, with each
 * issue to verify, reject with a reason, or merge into another site's issue.
 */
export default async function VerificationWorkbench() {
  await requirePermission("page.manager");
  const viewer = await requirePermission("issue.verify");
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const [reports, awaiting] = await Promise.all([listReportsForScreening(db, viewer), listIssuesAwaitingVerification(db, viewer)]);
  const inReports = new Set(reports.flatMap((r) => r.issues.map((i) => i.id)));
  const loose = awaiting.filter((i) => !inReports.has(i.id));
  const waitingIssues = reports.flatMap((r) => r.issues).filter((i) => i.status === "reported");
  const candidates = await listMergeCandidates(
    db,
    viewer,
    waitingIssues.map((i) => ({ id: i.id, title: i.title, siteId: i.siteId, categoryId: i.categoryId })),
  );
  const strings = await getVerificationStrings();

  return (
    <>
      <PageHeader
        title={t("verification.title")}
        description={t("verification.description")}
        actions={
          <>
            <Link href="/manager/reports" className={buttonClass("secondary", "sm")}>
              {t("verification.allReports")}
            </Link>
            <Link href="/bulletins/new" className={buttonClass("primary", "sm")}>
              {t("verification.compile")}
            </Link>
          </>
        }
      />
      <StatGrid>
        <Stat label={t("verification.stats.reports")} value={format.number(reports.length)} />
        <Stat label={t("verification.stats.waiting")} value={format.number(awaiting.length)} tone={awaiting.length > 0 ? "warn" : "neutral"} />
        <Stat label={t("verification.stats.decided")} value={format.number(reports.flatMap((r) => r.issues).length - waitingIssues.length)} />
        <Stat label={t("verification.stats.loose")} value={format.number(loose.length)} />
      </StatGrid>
      <div className="space-y-6">
        {reports.length === 0 ? (
          <EmptyState title={t("verification.empty")} hint={t("verification.emptyHint")} />
        ) : (
          reports.map((report) => <VerificationReport key={report.id} report={report} candidates={candidates} strings={strings} />)
        )}
        {loose.length > 0 ? (
          <Card title={t("verification.looseTitle")}>
            <Table head={[t("fields.issue"), t("fields.category"), t("verification.site"), t("fields.records"), t("verification.reportedAt")]}>
              {loose.map((i) => (
                <tr key={i.id}>
                  <Td className="max-w-md font-medium">
                    <Link href={`/issues/${i.id}`} className="hover:underline">
                      #{i.id} {i.title}
                    </Link>
                  </Td>
                  <Td className="text-slate-600">{localName(i.category, locale)}</Td>
                  <Td className="text-slate-600">{i.site ? localName(i.site, locale) : "—"}</Td>
                  <Td className="tabular-nums">{format.number(i.recordCount)}</Td>
                  <Td className="whitespace-nowrap text-slate-600">{i.reportedAt ? format.dateTime(i.reportedAt, { dateStyle: "medium" }) : "—"}</Td>
                </tr>
              ))}
            </Table>
          </Card>
        ) : null}
      </div>
    </>
  );
}
