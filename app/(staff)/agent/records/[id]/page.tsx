import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { quickRecordLabels } from "@/components/forms/quick-record-labels";
import { RecordCorrectionForm } from "@/components/forms/record-correction-form";
import { RecordStatusBadge } from "@/components/status-badges";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getOwnRecord, listCategoryOptions, listRegionOptions } from "@/db/queries/intake";
import type { Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export default async function CorrectRecord({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("page.agent");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const [t, locale] = [await getTranslations(), (await getLocale()) as Locale];
  const found = await getOwnRecord(db, viewer, id);
  if (!found) notFound();
  const { record, categoryCode } = found;
  const editable = record.status === "new" || record.status === "reported";
  const [categories, labels] = await Promise.all([listCategoryOptions(db, locale), quickRecordLabels()]);

  return (
    <div className="max-w-3xl">
      <Link href="/agent/records" className="text-sm text-brand-700 hover:underline">
        ← {t("ownRecords.title")}
      </Link>
      <PageHeader title={t("ownRecords.correctTitle", { id: record.id })} description={t("ownRecords.correctDescription")} actions={<RecordStatusBadge status={record.status} />} />
      {(await searchParams).corrected === "1" ? (
        <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {t("quickRecord.corrected")}
        </p>
      ) : null}
      {editable ? (
        <RecordCorrectionForm
          key={record.version}
          record={{
            id: record.id,
            version: record.version,
            kind: record.kind,
            categoryCode,
            regionCode: record.regionCode ?? "",
            callReference: record.callReference ?? "",
            summary: record.summary,
            customerWords: record.customerWords,
            urgency: record.urgency,
            valuable: record.valuable,
          }}
          labels={labels}
          saveLabel={t("ownRecords.saveCorrection")}
          categories={categories.map((c) => ({ value: c.code, label: c.label, search: c.search, depth: c.depth }))}
          regions={listRegionOptions(locale).map((r) => ({ value: r.code, label: r.label, search: r.search }))}
        />
      ) : (
        <p className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("errors.record_locked")}</p>
      )}
    </div>
  );
}
