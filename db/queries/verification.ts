import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, issues, reportStatuses, siteReportIssues, siteReports, sites, type IssueStatus } from "@/db/schema";
import { can } from "@/lib/permissions";
import { mergeTargetStatuses } from "@/lib/services/verification";
import { dice, features } from "@/lib/similarity";
import type { Viewer } from "@/lib/viewer";

const categoryName = { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn };
const siteName = { nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn };

export type ReportStatus = (typeof reportStatuses)[number];

/** The management post's screening pages; every other role sees nothing here. */
function screens(viewer: Viewer): boolean {
  return can(viewer.role, "issue.verify");
}

// Subqueries name the outer table explicitly: in a one-table select drizzle leaves columns unqualified.
const recordCount = sql<number>`(select count(*)::int from records r where r.issue_id = "issues"."id")`;
const creatorName = sql<string | null>`(select u.name from users u where u.id = "issues"."created_by")`;
const authorName = sql<string | null>`(select u.name from users u where u.id = "site_reports"."author_id")`;

/** Issues as the workbench shows them: what they are, their state and version, and their evidence. */
async function issuesOfReports(db: Executor, reportIds: number[]) {
  if (reportIds.length === 0) return [];
  return db
    .select({
      reportId: siteReportIssues.reportId,
      position: siteReportIssues.position,
      id: issues.id,
      title: issues.title,
      description: issues.description,
      type: issues.type,
      status: issues.status,
      version: issues.version,
      statusReason: issues.statusReason,
      mergedIntoId: issues.mergedIntoId,
      tags: issues.tags,
      siteId: issues.siteId,
      categoryId: issues.categoryId,
      category: categoryName,
      site: siteName,
      recordCount,
      createdByName: creatorName,
      reportedAt: issues.reportedAt,
    })
    .from(siteReportIssues)
    .innerJoin(issues, eq(issues.id, siteReportIssues.issueId))
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .leftJoin(sites, eq(sites.id, issues.siteId))
    .where(inArray(siteReportIssues.reportId, reportIds))
    .orderBy(asc(siteReportIssues.position), asc(issues.id));
}

export type ScreeningIssue = Awaited<ReturnType<typeof issuesOfReports>>[number];

const reportColumns = {
  id: siteReports.id,
  title: siteReports.title,
  analysis: siteReports.analysis,
  status: siteReports.status,
  version: siteReports.version,
  periodStart: siteReports.periodStart,
  periodEnd: siteReports.periodEnd,
  submittedAt: siteReports.submittedAt,
  reviewedAt: siteReports.reviewedAt,
  site: siteName,
  authorName,
};

/** Every site's submitted reports, the oldest first, each with its issues: the workbench. */
export async function listReportsForScreening(db: Executor, viewer: Viewer, statuses: ReportStatus[] = ["submitted"], limit = 50) {
  if (!screens(viewer)) return [];
  const reports = await db
    .select(reportColumns)
    .from(siteReports)
    .innerJoin(sites, eq(sites.id, siteReports.siteId))
    .where(inArray(siteReports.status, statuses))
    .orderBy(statuses.includes("submitted") && statuses.length === 1 ? asc(siteReports.submittedAt) : desc(siteReports.submittedAt), desc(siteReports.id))
    .limit(limit);
  const items = await issuesOfReports(db, reports.map((r) => r.id));
  return reports.map((r) => ({ ...r, issues: items.filter((i) => i.reportId === r.id) }));
}

export type ScreeningReport = Awaited<ReturnType<typeof listReportsForScreening>>[number];

/** One site report with its issues, in any state but draft (a draft is still the site's). */
export async function getReportForScreening(db: Executor, viewer: Viewer, id: number) {
  if (!screens(viewer)) return null;
  const [report] = await db
    .select(reportColumns)
    .from(siteReports)
    .innerJoin(sites, eq(sites.id, siteReports.siteId))
    .where(and(eq(siteReports.id, id), ne(siteReports.status, "draft")))
    .limit(1);
  if (!report) return null;
  return { ...report, issues: await issuesOfReports(db, [report.id]) };
}

/** Reports by state, for the report list's tabs. */
export async function countReportsByStatus(db: Executor, viewer: Viewer): Promise<Partial<Record<ReportStatus, number>>> {
  if (!screens(viewer)) return {};
  const rows = await db
    .select({ status: siteReports.status, n: sql<number>`count(*)::int` })
    .from(siteReports)
    .where(ne(siteReports.status, "draft"))
    .groupBy(siteReports.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Issues waiting for the management post (reported), with the report that carries each, if any. */
export async function listIssuesAwaitingVerification(db: Executor, viewer: Viewer, limit = 100) {
  if (!screens(viewer)) return [];
  return db
    .select({
      id: issues.id,
      title: issues.title,
      type: issues.type,
      version: issues.version,
      status: issues.status,
      reportedAt: issues.reportedAt,
      category: categoryName,
      site: siteName,
      recordCount,
      reportId: sql<number | null>`(select sri.report_id from site_report_issues sri where sri.issue_id = "issues"."id" order by sri.report_id desc limit 1)`,
    })
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .leftJoin(sites, eq(sites.id, issues.siteId))
    .where(eq(issues.status, "reported"))
    .orderBy(asc(issues.reportedAt), asc(issues.id))
    .limit(limit);
}

export interface MergeCandidate {
  id: number;
  title: string;
  status: IssueStatus;
  site: { nameHans: string; nameHant: string; nameEn: string } | null;
  category: { nameHans: string; nameHant: string; nameEn: string };
  sameCategory: boolean;
  recordCount: number;
  score: number;
}

/** A title match strong enough to offer an issue of another category. */
const otherCategoryThreshold = 0.3;
const sameCategoryBonus = 0.2;

/**
 * For each issue, the same problem as another site may have reported it: open issues of other
 * sites in the same category (ranked by how alike the titles are), and any other-category
 * issue whose title is very close. Best first, a few per issue.
 */
export async function listMergeCandidates(
  db: Executor,
  viewer: Viewer,
  sources: { id: number; title: string; siteId: number | null; categoryId: number }[],
  limit = 5,
): Promise<Map<number, MergeCandidate[]>> {
  const out = new Map<number, MergeCandidate[]>();
  if (!screens(viewer) || sources.length === 0) return out;
  const notSources = sql`${issues.id} not in (${sql.join(sources.map((s) => sql`${s.id}`), sql`, `)})`;
  const conditions: SQL[] = [inArray(issues.status, [...mergeTargetStatuses]), notSources];
  const pool = await db
    .select({ id: issues.id, title: issues.title, status: issues.status, siteId: issues.siteId, categoryId: issues.categoryId, category: categoryName, site: siteName, recordCount })
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .leftJoin(sites, eq(sites.id, issues.siteId))
    .where(and(...conditions))
    .orderBy(desc(issues.updatedAt))
    .limit(1000);
  const poolFeatures = new Map(pool.map((p) => [p.id, features(p.title)]));
  for (const source of sources) {
    const query = features(source.title);
    const scored = pool
      .filter((p) => p.siteId !== source.siteId)
      .map((p) => ({ p, score: dice(query, poolFeatures.get(p.id)!), same: p.categoryId === source.categoryId }))
      .filter((s) => s.same || s.score >= otherCategoryThreshold)
      .sort((a, b) => b.score + (b.same ? sameCategoryBonus : 0) - (a.score + (a.same ? sameCategoryBonus : 0)) || b.p.id - a.p.id)
      .slice(0, limit);
    out.set(
      source.id,
      scored.map(({ p, score, same }) => ({ id: p.id, title: p.title, status: p.status, site: p.site, category: p.category, sameCategory: same, recordCount: p.recordCount, score: Math.round(score * 100) / 100 })),
    );
  }
  return out;
}
