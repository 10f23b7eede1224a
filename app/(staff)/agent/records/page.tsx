import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { KindBadge, RecordStatusBadge } from "@/components/status-badges";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { searchOwnRecords } from "@/db/queries/intake";
import { recordKinds, recordStatuses, type RecordKind, type RecordStatus } from "@/db/schema";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AgentRecords({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission("page.agent");
  const params = await searchParams;
  const q = (first(params.q) ?? "").trim().slice(0, 100);
  const kindParam = first(params.kind);
  const statusParam = first(params.status);
  const kind = (recordKinds as readonly string[]).includes(kindParam ?? "") ? (kindParam as RecordKind) : undefined;
  const status = (recordStatuses as readonly string[]).includes(statusParam ?? "") ? (statusParam as RecordStatus) : undefined;
  const page = Math.max(1, Number.parseInt(first(params.page) ?? "1", 10) || 1);

  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const result = await searchOwnRecords(await getDb(), viewer, { q: q || undefined, kind, status, page });
  const pageHref = (p: number) => {
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (kind) next.set("kind", kind);
    if (status) next.set("status", status);
    next.set("page", String(p));
    return `/agent/records?${next}`;
  };

  return (
    <>
      <PageHeader title={t("ownRecords.title")} description={t("ownRecords.description")} />
      <form role="search" className="mb-4 flex flex-wrap items-end gap-3" action="/agent/records">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-700">
            {t("ownRecords.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder={t("ownRecords.searchPlaceholder")} className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200" />
        </div>
        <div>
          <label htmlFor="kind" className="block text-sm font-medium text-slate-700">
            {t("fields.kind")}
          </label>
          <select id="kind" name="kind" defaultValue={kind ?? ""} className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">{t("ownRecords.any")}</option>
            {recordKinds.map((k) => (
              <option key={k} value={k}>
                {t(`recordKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium text-slate-700">
            {t("fields.status")}
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">{t("ownRecords.any")}</option>
            {recordStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`recordStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("ownRecords.searchButton")}
        </button>
      </form>
      <Card title={t("ownRecords.count", { count: result.total })}>
        {result.rows.length === 0 ? (
          <EmptyState title={q || kind || status ? t("ownRecords.noMatches") : t("agent.noRecords")} hint={q || kind || status ? t("ownRecords.noMatchesHint") : t("agent.noRecordsHint")} />
        ) : (
          <Table head={[t("fields.summary"), t("fields.kind"), t("fields.category"), t("fields.status"), t("fields.createdAt"), ""]}>
            {result.rows.map((r) => (
              <tr key={r.id} data-testid="own-record">
                <Td className="max-w-md">
                  <p className="font-medium">{r.summary}</p>
                  {r.callReference ? <p className="text-xs text-slate-500">{r.callReference}</p> : null}
                  {r.issueTitle ? <p className="mt-0.5 text-xs text-emerald-700">{t("agent.partOfIssue", { title: r.issueTitle })}</p> : null}
                  {r.status === "dismissed" && r.dismissedReason ? <p className="mt-0.5 text-xs text-amber-700">{t("agent.dismissedBecause", { reason: r.dismissedReason })}</p> : null}
                </Td>
                <Td><KindBadge kind={r.kind} /></Td>
                <Td className="text-slate-600">{localName(r.category, locale)}</Td>
                <Td><RecordStatusBadge status={r.status} /></Td>
                <Td className="whitespace-nowrap text-slate-500">{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                <Td className="text-right">
                  {r.status === "new" || r.status === "reported" ? (
                    <Link href={`/agent/records/${r.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                      {t("ownRecords.correct")}
                    </Link>
                  ) : null}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {result.pageCount > 1 ? (
        <nav aria-label={t("ownRecords.pages")} className="mt-4 flex items-center justify-between text-sm">
          {result.page > 1 ? <Link href={pageHref(result.page - 1)} className={buttonClass("secondary", "sm")}>{t("ownRecords.previous")}</Link> : <span />}
          <span className="text-slate-500">{t("ownRecords.pageOf", { page: result.page, count: result.pageCount })}</span>
          {result.page < result.pageCount ? <Link href={pageHref(result.page + 1)} className={buttonClass("secondary", "sm")}>{t("ownRecords.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
