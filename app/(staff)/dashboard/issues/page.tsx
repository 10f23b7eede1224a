import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadDashboardOptions } from "@/components/dashboard/data";
import { DrillHeader } from "@/components/dashboard/drill-header";
import { dashboardScope, drillFilters, param, positiveInt, type SearchParams } from "@/components/dashboard/drill";
import { IssueStatusBadge } from "@/components/status-badges";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td } from "@/components/ui/table";
import { getReadDb } from "@/db";
import { listIssuesBehind, type IssueDrill } from "@/db/queries/stats/drill";
import { ageBuckets, type AgeBucket } from "@/db/queries/stats/workflow";
import { localName, type Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.drill"))("issuesTitle") };
}

const limit = 200;

/** The issues behind a resolution or age figure of the dashboard. */
export default async function IssuesBehindPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePermission("dashboard.read");
  const scope = dashboardScope(viewer);
  const params = await searchParams;
  const { filters } = drillFilters(params);
  const bucketParam = param(params, "bucket");
  const bucket = ageBuckets.find((b) => b.key === bucketParam)?.key as AgeBucket | undefined;
  const resolvedParam = param(params, "resolved");
  const departmentId = positiveInt(param(params, "departmentId"));
  const drill: IssueDrill =
    param(params, "drill") === "open"
      ? { kind: "open", bucket }
      : { kind: "published", resolved: resolvedParam === "1" ? true : resolvedParam === "0" ? false : undefined, departmentId };
  const db = await getReadDb();
  const [issues, options] = await Promise.all([listIssuesBehind(db, filters, scope, drill), loadDashboardOptions()]);
  const [t, root, format, locale] = [await getTranslations("dashboard.drill"), await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { dateStyle: "medium" });
  const department = drill.kind === "published" && drill.departmentId ? options.departments.find((d) => d.id === drill.departmentId) : undefined;
  const category = options.categories.find((c) => c.id === filters.categoryId);
  const conditions = [
    drill.kind === "published" ? t("published", { from: day(filters.from), to: day(filters.to) }) : t("open"),
    drill.kind === "published" && drill.resolved !== undefined ? t(drill.resolved ? "resolvedOnly" : "unresolvedOnly") : null,
    drill.kind === "open" && drill.bucket ? root(`dashboard.ages.${drill.bucket}`) : null,
    department ? localName(department, locale) : null,
    category ? localName(category, locale) : null,
  ].filter((c): c is string => c !== null);
  const seesIssues = can(viewer.role, "issue.read");

  return (
    <>
      <DrillHeader title={t("issuesTitle")} filters={filters} conditions={conditions} />
      <Card>
        {issues.length === 0 ? (
          <EmptyState title={t("issuesEmpty")} />
        ) : (
          <Table caption={t("issuesTitle")} head={[t("title"), t("category"), t("status"), t("records"), t("createdAt"), t("publishedAt"), t("resolvedAt")]}>
            {issues.map((i) => (
              <tr key={i.id} data-testid="drill-issue">
                <Td className="max-w-md font-medium text-slate-900">
                  {seesIssues ? (
                    <Link href={`/issues/${i.id}`} className="hover:underline">
                      {i.title}
                    </Link>
                  ) : (
                    i.title
                  )}
                </Td>
                <Td className="text-slate-600">{localName(i.category, locale)}</Td>
                <Td><IssueStatusBadge status={i.status} /></Td>
                <Td className="text-right tabular-nums text-slate-600">{format.number(i.recordCount)}</Td>
                <Td className="whitespace-nowrap text-slate-500">{format.dateTime(i.createdAt, { dateStyle: "medium" })}</Td>
                <Td className="whitespace-nowrap text-slate-500">{i.publishedAt ? format.dateTime(i.publishedAt, { dateStyle: "medium" }) : "—"}</Td>
                <Td className="whitespace-nowrap text-slate-500">{i.resolvedAt ? format.dateTime(i.resolvedAt, { dateStyle: "medium" }) : "—"}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {issues.length >= limit ? <p className="mt-3 text-sm text-slate-500">{t("limit")}</p> : null}
    </>
  );
}
