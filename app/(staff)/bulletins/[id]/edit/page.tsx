import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { BulletinEditor, type BulletinIssueOption } from "@/components/workflow/bulletin-editor";
import { bulletinIssueOptions, getBulletinEditorStrings } from "@/components/workflow/bulletin-editor-strings";
import { getDb } from "@/db";
import { getBulletin, listBulletinCandidates } from "@/db/queries/bulletins";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulletins"))("editor.editTitle") };
}

/** A draft bulletin (or a correction being drafted) in the editor; a published one is never edited. */
export default async function EditBulletin({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission("bulletin.compile");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const detail = await getBulletin(db, viewer, id);
  if (!detail) notFound();
  const [t, tAll, locale] = [await getTranslations("bulletins"), await getTranslations(), (await getLocale()) as Locale];
  const { bulletin } = detail;
  const heading = `${t("sheet.number", { number: bulletin.number })}${bulletin.revision > 1 ? t("sheet.revision", { revision: bulletin.revision }) : ""}`;

  if (bulletin.status !== "draft") {
    return (
      <>
        <PageHeader title={t("editor.editTitle")} />
        <div className="max-w-2xl space-y-4 rounded-xl border border-amber-200 bg-amber-50 p-5 text-sm text-amber-900" role="status">
          <p>{t("errors.bulletin_immutable")}</p>
          <div className="flex gap-2">
            <Link href={`/bulletins/${bulletin.id}`} className={buttonClass("secondary", "sm")}>
              {t("editor.view")}
            </Link>
            {bulletin.status === "published" && detail.correctionId === null ? (
              <Link href={`/bulletins/${bulletin.id}/correct`} className={buttonClass("primary", "sm")}>
                {t("page.correct")}
              </Link>
            ) : null}
          </div>
        </div>
      </>
    );
  }

  const correction = bulletin.supersedesId !== null;
  const candidates = await bulletinIssueOptions(await listBulletinCandidates(db, viewer, { correctionOf: bulletin.supersedesId, excludeBulletinId: bulletin.id }));
  // Issues already in the draft that are no longer eligible stay visible, marked, until taken out.
  const missing: BulletinIssueOption[] = detail.issues
    .filter((i) => !candidates.some((c) => c.id === i.issueId))
    .map((i) => ({
      id: i.issueId,
      title: i.title,
      detail: [i.site ? localName(i.site, locale) : null, localName(i.category, locale), tAll(`issueStatus.${i.status}`)].filter(Boolean).join(" · "),
      recordCount: i.recordCount,
      published: false,
      inDrafts: [],
      ineligible: true,
    }));
  return (
    <>
      <PageHeader title={`${t("editor.editTitle")} · ${heading}`} description={correction ? t("editor.correctionDescription") : t("editor.editDescription")} />
      <BulletinEditor
        key={bulletin.version}
        bulletin={{
          id: bulletin.id,
          version: bulletin.version,
          correction,
          title: bulletin.title,
          periodStart: bulletin.periodStart,
          periodEnd: bulletin.periodEnd,
          summary: bulletin.summary,
          changeNote: bulletin.changeNote ?? "",
          issueIds: detail.issues.map((i) => i.issueId),
        }}
        candidates={[...missing, ...candidates]}
        strings={await getBulletinEditorStrings()}
        cancelHref={`/bulletins/${bulletin.id}`}
      />
    </>
  );
}
