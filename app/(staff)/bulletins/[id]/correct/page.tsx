import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { BulletinCorrectForm } from "@/components/workflow/bulletin-actions";
import { getDb } from "@/db";
import { getBulletin } from "@/db/queries/bulletins";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulletins"))("correct.title") };
}

/**
 * Correcting a published bulletin: never an edit, always a new revision of the same number
 * with a note on what changed; readers see the note and the changes on the new revision.
 */
export default async function CorrectBulletin({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission("bulletin.compile");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const detail = await getBulletin(await getDb(), viewer, id);
  if (!detail) notFound();
  const t = await getTranslations("bulletins");
  const { bulletin } = detail;
  const heading = t("sheet.number", { number: bulletin.number });
  return (
    <>
      <PageHeader title={`${t("correct.title")} · ${heading}`} description={t("correct.description", { revision: bulletin.revision + 1 })} />
      {bulletin.status !== "published" || detail.correctionId !== null ? (
        <div className="max-w-2xl space-y-3 rounded-xl border border-amber-200 bg-amber-50 p-5 text-sm text-amber-900" role="status">
          <p>{detail.correctionId !== null ? t("errors.correction_exists") : t("correct.onlyPublished")}</p>
          <Link href={`/bulletins/${detail.correctionId ?? bulletin.id}`} className={buttonClass("secondary", "sm")}>
            {t("editor.view")}
          </Link>
        </div>
      ) : (
        <Card className="max-w-3xl">
          <p className="mb-4 text-sm text-slate-600">{t("correct.hint", { title: bulletin.title })}</p>
          <BulletinCorrectForm
            bulletinId={bulletin.id}
            version={bulletin.version}
            summary={bulletin.summary}
            strings={{ changeNote: t("correct.changeNote"), changeNoteHint: t("correct.changeNoteHint"), summary: t("correct.summary"), submit: t("correct.submit"), working: t("page.working") }}
          />
        </Card>
      )}
    </>
  );
}
