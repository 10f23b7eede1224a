import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadDashboardOptions } from "@/components/dashboard/data";
import { DrillHeader } from "@/components/dashboard/drill-header";
import { dashboardScope, drillFilters, param, positiveInt, type SearchParams } from "@/components/dashboard/drill";
import { KindBadge, RecordStatusBadge } from "@/components/status-badges";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td } from "@/components/ui/table";
import { getReadDb } from "@/db";
import { listRecordsBehind, type DrillRecordFilters } from "@/db/queries/stats/drill";
import { localName, type Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/session";
import { recordsHref } from "@/lib/stats/url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.drill"))("recordsTitle") };
}

/** The records behind a bar or point of the dashboard, newest first, a page at a time. */
export default async function RecordsBehindPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePermission("dashboard.read");
  const scope = dashboardScope(viewer);
  const params = await searchParams;
  const { filters, siteId } = drillFilters(params);
  const province = param(params, "province");
  const teamId = positiveInt(param(params, "teamId"));
  const after = param(params, "after");
  const drill: DrillRecordFilters = { ...filters, siteId, province: province === "none" || /^\d{6}$/.test(province ?? "") ? province : undefined, teamId };
  const db = await getReadDb();
  const [page, options] = await Promise.all([listRecordsBehind(db, drill, scope, { after, limit: 50 }), loadDashboardOptions()]);
  const [t, root, format, locale] = [await getTranslations("dashboard.drill"), await getTranslations(), await getFormatter(), (await getLocale()) as Locale];

  const site = siteId === 0 ? root("dashboard.noSite") : options.sites.find((s) => s.id === siteId);
  const category = options.categories.find((c) => c.id === filters.categoryId);
  const team = options.teams.find((tm) => tm.id === teamId);
  const conditions = [
    `${format.dateTime(new Date(`${filters.from}T00:00:00+08:00`), { dateStyle: "medium" })} – ${format.dateTime(new Date(`${filters.to}T00:00:00+08:00`), { dateStyle: "medium" })}`,
    filters.kind ? root(`recordKind.${filters.kind}`) : null,
    filters.channel ? root(`issue.channel.${filters.channel}`) : null,
    site ? (typeof site === "string" ? site : localName(site, locale)) : null,
    category ? localName(category, locale) : null,
    team ? `${t("team")} ${team.name}` : null,
    drill.province ? `${t("province")} ${drill.province === "none" ? root("dashboard.noRegion") : drill.province}` : null,
  ].filter((c): c is string => c !== null);
  const seesIssues = can(viewer.role, "issue.read");
  const base = { ...filters, siteId: undefined };
  const pageHref = (cursor?: string) => {
    const href = recordsHref(base, { siteId, province: drill.province, teamId });
    return cursor ? `${href}&after=${encodeURIComponent(cursor)}` : href;
  };

  return (
    <>
      <DrillHeader title={t("recordsTitle")} description={scope.level === "all" ? undefined : t(`scopeNote.${scope.level}`)} filters={filters} conditions={conditions} />
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table caption={t("recordsTitle")} head={[t("occurredAt"), t("summary"), t("kind"), t("channel"), t("category"), t("site"), t("status"), t("issue")]}>
            {page.items.map((r) => (
              <tr key={r.id} data-testid="drill-record" data-kind={r.kind} data-channel={r.channel}>
                <Td className="whitespace-nowrap text-slate-500">{format.dateTime(r.occurredAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                <Td className="max-w-md text-slate-900">
                  {scope.level === "author" ? (
                    <Link href={`/agent/records/${r.id}`} className="hover:underline">
                      {r.summary}
                    </Link>
                  ) : (
                    r.summary
                  )}
                </Td>
                <Td><KindBadge kind={r.kind} /></Td>
                <Td className="whitespace-nowrap text-slate-600">{root(`issue.channel.${r.channel}`)}</Td>
                <Td className="text-slate-600">{localName(r.category, locale)}</Td>
                <Td className="text-slate-600">{r.siteCode ?? "—"}</Td>
                <Td><RecordStatusBadge status={r.status} /></Td>
                <Td className="whitespace-nowrap">
                  {r.issueId !== null && seesIssues ? (
                    <Link href={`/issues/${r.issueId}`} className="font-medium text-brand-700 hover:underline">
                      {t("openIssue", { id: r.issueId })}
                    </Link>
                  ) : r.issueId !== null ? (
                    t("openIssue", { id: r.issueId })
                  ) : (
                    "—"
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <nav className="mt-4 flex justify-between text-sm" aria-label={t("recordsTitle")}>
        {after ? (
          <Link href={pageHref()} className="font-medium text-brand-700 hover:underline">
            {t("first")}
          </Link>
        ) : (
          <span />
        )}
        {page.next ? (
          <Link href={pageHref(page.next)} className="font-medium text-brand-700 hover:underline" data-testid="next-page">
            {t("next")} →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
