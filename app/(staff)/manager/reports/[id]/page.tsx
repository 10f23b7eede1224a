import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getVerificationStrings } from "@/components/workflow/verification-issue";
import { VerificationReport } from "@/components/workflow/verification-report";
import { getDb } from "@/db";
import { getReportForScreening, listMergeCandidates } from "@/db/queries/verification";
import { requirePermission } from "@/lib/session";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("verification"))("reports.one", { id: (await params).id }) };
}

/** One site report for the management post: its analysis and each issue with its decision. */
export default async function ManagerReport({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("page.manager");
  const viewer = await requirePermission("issue.verify");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const report = await getReportForScreening(db, viewer, id);
  if (!report) notFound();
  const t = await getTranslations("verification");
  const waiting = report.issues.filter((i) => i.status === "reported");
  const candidates = await listMergeCandidates(
    db,
    viewer,
    waiting.map((i) => ({ id: i.id, title: i.title, siteId: i.siteId, categoryId: i.categoryId })),
  );
  return (
    <>
      <PageHeader
        title={report.title}
        description={t("reports.oneDescription")}
        actions={
          <Link href="/manager/verification" className="text-sm text-brand-700 underline">
            {t("title")}
          </Link>
        }
      />
      <VerificationReport report={report} candidates={candidates} strings={await getVerificationStrings()} headingLink={false} analysisOpen cardTitle={t("reports.issuesTitle")} />
    </>
  );
}
