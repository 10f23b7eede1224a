import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { countBulletinsByStatus, listBulletinSeries, parseBulletinFilters, type BulletinStatus } from "@/db/queries/bulletins";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulletins"))("list.title") };
}

const control = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200";

/** The bulletin series: published ones for every reader, drafts too for the management post. */
export default async function BulletinList({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("bulletin.read");
  const filters = parseBulletinFilters(await searchParams);
  const db = await getDb();
  const [t, tAll, format] = [await getTranslations("bulletins"), await getTranslations(), await getFormatter()];
  const [rows, counts] = await Promise.all([listBulletinSeries(db, viewer, filters), countBulletinsByStatus(db, viewer)]);
  const manager = can(viewer.role, "bulletin.compile");
  const reader = can(viewer.role, "bulletin.acknowledge");
  const statuses: BulletinStatus[] = manager ? ["draft", "published", "superseded"] : ["published", "superseded"];
  const filtered = Boolean(filters.status || filters.q || filters.year);
  const head = [t("list.number"), t("list.bulletinTitle"), t("list.period"), t("list.issues"), t("list.published"), tAll("fields.status")];
  if (manager) head.push(t("list.acknowledgements"));
  if (reader) head.push(t("list.myAck"));

  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={manager ? t("list.managerDescription") : t("list.description")}
        actions={
          manager ? (
            <Link href="/bulletins/new" className={buttonClass("primary")}>
              {t("list.new")}
            </Link>
          ) : undefined
        }
      />
      <form method="get" className="mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-4" role="search" aria-label={t("list.filter")}>
        <div className="sm:col-span-2">
          <label htmlFor="bulletin-q" className="block text-sm font-medium text-slate-700">
            {t("list.search")}
          </label>
          <input id="bulletin-q" name="q" defaultValue={filters.q ?? ""} placeholder={t("list.searchHint")} className={control} />
        </div>
        <div>
          <label htmlFor="bulletin-status" className="block text-sm font-medium text-slate-700">
            {tAll("fields.status")}
          </label>
          <select id="bulletin-status" name="status" defaultValue={filters.status ?? ""} className={control}>
            <option value="">{t("list.allStatuses")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {tAll(`bulletinStatus.${s}`)} ({format.number(counts[s] ?? 0)})
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("secondary")}>
            {t("list.apply")}
          </button>
          {filtered ? (
            <Link href="/bulletins" className={buttonClass("ghost")}>
              {t("list.clear")}
            </Link>
          ) : null}
        </div>
      </form>
      <Card>
        {rows.length === 0 ? (
          <EmptyState title={filtered ? t("list.noMatches") : t("list.empty")} hint={manager && !filtered ? t("list.emptyHint") : undefined} />
        ) : (
          <Table head={head}>
            {rows.map((b) => (
              <tr key={b.id} data-testid="bulletin-row" data-number={b.number}>
                <Td className="whitespace-nowrap font-medium">
                  {t("sheet.number", { number: b.number })}
                  {b.revision > 1 ? <span className="ml-1 text-xs text-slate-500">{t("sheet.revision", { revision: b.revision })}</span> : null}
                </Td>
                <Td className="max-w-md">
                  <Link href={`/bulletins/${b.id}`} className="font-medium text-brand-700 hover:underline">
                    {b.title}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap text-slate-600">{t("sheet.periodValue", { start: b.periodStart, end: b.periodEnd })}</Td>
                <Td className="whitespace-nowrap tabular-nums text-slate-600">
                  {t("list.issueCount", { issues: b.issueCount, records: b.recordCount })}
                </Td>
                <Td className="whitespace-nowrap text-slate-600">{b.publishedAt ? format.dateTime(b.publishedAt, { dateStyle: "medium" }) : "—"}</Td>
                <Td>
                  <Badge tone={b.status === "draft" ? "amber" : b.status === "published" ? "green" : "neutral"}>{tAll(`bulletinStatus.${b.status}`)}</Badge>
                </Td>
                {manager ? <Td className="tabular-nums text-slate-600">{b.status === "draft" ? "—" : format.number(b.acknowledgements)}</Td> : null}
                {reader ? (
                  <Td>{b.status !== "published" ? "—" : b.acknowledgedByMe ? <Badge tone="green">{t("list.acknowledged")}</Badge> : <Badge tone="amber">{t("list.toAcknowledge")}</Badge>}</Td>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
