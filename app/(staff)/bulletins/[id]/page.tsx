import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/field";
import { BulletinAcknowledgeForm, BulletinPublishForm, PrintButton } from "@/components/workflow/bulletin-actions";
import { BulletinSheet } from "@/components/workflow/bulletin-sheet";
import { getDb } from "@/db";
import { getBulletin, getBulletinDiff, getOwnAcknowledgement, listBulletinReaders } from "@/db/queries/bulletins";
import { localName, type Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/session";

type Params = Promise<{ id: string }>;

function parseId(raw: string): number {
  const id = Number.parseInt(raw, 10);
  if (!Number.isSafeInteger(id) || id <= 0 || String(id) !== raw) notFound();
  return id;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const viewer = await requirePermission("bulletin.read");
  const detail = await getBulletin(await getDb(), viewer, parseId((await params).id));
  if (!detail) return {};
  const t = await getTranslations("bulletins");
  return { title: `${t("sheet.masthead")} ${t("sheet.number", { number: detail.bulletin.number })}` };
}

/**
 * One bulletin: the A4 sheet as it prints, with the tools around it (not printed): print and
 * PDF; for the management post editing, publishing, correcting and who has read it; for
 * leadership and departments the acknowledgement.
 */
export default async function BulletinPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("bulletin.read");
  const id = parseId((await params).id);
  const db = await getDb();
  const detail = await getBulletin(db, viewer, id);
  if (!detail) notFound();
  const search = await searchParams;
  const [t, tAll, format, locale] = [await getTranslations("bulletins"), await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const { bulletin } = detail;
  const [diff, readers, ownAck] = await Promise.all([
    getBulletinDiff(db, viewer, detail),
    listBulletinReaders(db, viewer, bulletin.id),
    getOwnAcknowledgement(db, viewer, bulletin.id),
  ]);
  const manager = can(viewer.role, "bulletin.compile");
  const published = typeof search.published === "string" ? Number.parseInt(search.published, 10) : null;

  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Link href="/bulletins" className="text-brand-700 underline">
            {t("list.title")}
          </Link>
          <Badge tone={bulletin.status === "draft" ? "amber" : bulletin.status === "published" ? "green" : "neutral"}>{tAll(`bulletinStatus.${bulletin.status}`)}</Badge>
          {bulletin.revision > 1 ? <Badge tone="brand">{t("sheet.revision", { revision: bulletin.revision })}</Badge> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <PrintButton label={t("page.print")} />
          <a href={`/bulletins/${bulletin.id}/pdf`} className={buttonClass("secondary")} download>
            {t("page.pdf")}
          </a>
          {manager && bulletin.status === "draft" ? (
            <Link href={`/bulletins/${bulletin.id}/edit`} className={buttonClass("secondary")}>
              {t("page.edit")}
            </Link>
          ) : null}
          {manager && bulletin.status === "published" && detail.correctionId === null ? (
            <Link href={`/bulletins/${bulletin.id}/correct`} className={buttonClass("secondary")}>
              {t("page.correct")}
            </Link>
          ) : null}
        </div>
      </div>

      <div className="no-print space-y-3">
        {search.saved ? <FormMessage status="success" message={t("done.saved", { number: bulletin.number })} /> : null}
        {published !== null && Number.isInteger(published) && bulletin.status === "published" ? (
          <FormMessage status="success" message={t("done.published", { number: bulletin.number, count: published })} />
        ) : null}
        {bulletin.status === "superseded" && detail.correctionId !== null ? (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            {t("page.superseded")}{" "}
            <Link href={`/bulletins/${detail.correctionId}`} className="font-medium underline">
              {t("page.openCurrent")}
            </Link>
          </p>
        ) : null}
        {manager && bulletin.status === "published" && detail.correctionId !== null ? (
          <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900">
            {t("page.correctionDraft")}{" "}
            <Link href={`/bulletins/${detail.correctionId}`} className="font-medium underline">
              {t("page.openCorrection")}
            </Link>
          </p>
        ) : null}
        {manager && bulletin.status === "draft" ? (
          <Card title={t("page.publishTitle")}>
            <p className="mb-3 text-sm text-slate-600">{t("page.publishHint")}</p>
            <BulletinPublishForm
              bulletinId={bulletin.id}
              version={bulletin.version}
              strings={{
                publish: t("page.publish", { number: bulletin.number }),
                confirm: t("page.publishConfirm", { number: bulletin.number }),
                confirmPublish: t("page.confirmPublish"),
                cancel: t("page.cancel"),
                publishing: t("page.publishing"),
              }}
            />
          </Card>
        ) : null}
        {can(viewer.role, "bulletin.acknowledge") && bulletin.status === "published" ? (
          <Card title={t("page.ackTitle")}>
            {ownAck ? (
              <p className="text-sm text-emerald-800" data-testid="acknowledged">
                {t("page.acknowledgedAt", { date: format.dateTime(ownAck, { dateStyle: "medium", timeStyle: "short" }) })}
              </p>
            ) : (
              <>
                <p className="mb-3 text-sm text-slate-600">{t("page.ackHint")}</p>
                <BulletinAcknowledgeForm bulletinId={bulletin.id} strings={{ acknowledge: t("page.acknowledge"), working: t("page.working") }} />
              </>
            )}
          </Card>
        ) : null}
      </div>

      <BulletinSheet detail={detail} diff={diff} />

      {readers && bulletin.status !== "draft" ? (
        <Card title={t("readers.title", { read: readers.read.length, total: readers.read.length + readers.unread.length })} className="no-print">
          <div className="grid gap-6 md:grid-cols-2">
            <section aria-labelledby="readers-read">
              <h3 id="readers-read" className="text-sm font-medium text-slate-700">
                {t("readers.read")}
              </h3>
              {readers.read.length === 0 ? (
                <div className="mt-2">
                  <EmptyState title={t("readers.noneRead")} />
                </div>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="readers-read">
                  {readers.read.map((r) => (
                    <li key={r.userId} className="flex justify-between gap-3 py-2">
                      <span>
                        {r.name}
                        <span className="ml-2 text-xs text-slate-500">{r.department ? localName(r.department, locale) : tAll(`roles.${r.role}`)}</span>
                      </span>
                      <span className="whitespace-nowrap text-xs text-slate-500">{format.dateTime(r.acknowledgedAt!, { dateStyle: "medium", timeStyle: "short" })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="readers-unread">
              <h3 id="readers-unread" className="text-sm font-medium text-slate-700">
                {t("readers.unread")}
              </h3>
              {readers.unread.length === 0 ? (
                <div className="mt-2">
                  <EmptyState title={t("readers.allRead")} />
                </div>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="readers-unread">
                  {readers.unread.map((r) => (
                    <li key={r.userId} className="py-2">
                      {r.name}
                      <span className="ml-2 text-xs text-slate-500">{r.department ? localName(r.department, locale) : tAll(`roles.${r.role}`)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
