import { and, asc, count, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { actions, bulletins, categories, departments, issues, records, siteReports, sites, type IssueStatus } from "@/db/schema";
import { assertCan } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";

const categoryName = { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn };
const siteName = { nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn };
const departmentName = { nameHans: departments.nameHans, nameHant: departments.nameHant, nameEn: departments.nameEn };



/** Every site's reports that wait for the management post. */
export async function listSubmittedReports(db: Executor, viewer: Viewer) {
  assertCan(viewer, "report.read.all");
  return db
    .select({
      id: siteReports.id,
      title: siteReports.title,
      periodStart: siteReports.periodStart,
      periodEnd: siteReports.periodEnd,
      submittedAt: siteReports.submittedAt,
      site: siteName,
      issueCount: sql<number>`(select count(*)::int from site_report_issues sri where sri.report_id = ${siteReports.id})`,
    })
    .from(siteReports)
    .innerJoin(sites, eq(sites.id, siteReports.siteId))
    .where(eq(siteReports.status, "submitted"))
    .orderBy(asc(siteReports.submittedAt));
}

export async function listBulletins(db: Executor, viewer: Viewer, limit = 8) {
  assertCan(viewer, "bulletin.read");
  const visible = viewer.role === "manager" ? undefined : eq(bulletins.status, "published");
  return db
    .select({
      id: bulletins.id,
      number: bulletins.number,
      revision: bulletins.revision,
      title: bulletins.title,
      status: bulletins.status,
      periodStart: bulletins.periodStart,
      periodEnd: bulletins.periodEnd,
      publishedAt: bulletins.publishedAt,
      issueCount: sql<number>`(select count(*)::int from bulletin_issues bi where bi.bulletin_id = ${bulletins.id})`,
    })
    .from(bulletins)
    .where(and(ne(bulletins.status, "superseded"), visible))
    .orderBy(desc(bulletins.number))
    .limit(limit);
}

export type ActionScope = { departmentId: number } | "all";

function actionScopeFor(viewer: Viewer): ActionScope | null {
  if (viewer.role === "department") return viewer.departmentId === null ? null : { departmentId: viewer.departmentId };
  if (viewer.role === "manager" || viewer.role === "leadership") return "all";
  return null;
}

/** Open actions (not yet verified), the most urgent first; departments see only their own. */
export async function listOpenActions(db: Executor, viewer: Viewer, today: string, limit = 50) {
  const scope = actionScopeFor(viewer);
  if (scope === null) return [];
  return db
    .select({
      id: actions.id,
      disposition: actions.disposition,
      status: actions.status,
      progress: actions.progress,
      ownerName: actions.ownerName,
      dueOn: actions.dueOn,
      issueId: issues.id,
      issueTitle: issues.title,
      department: departmentName,
      overdue: sql<boolean>`(${actions.dueOn} < ${today}::date and ${actions.status} in ('assigned','in_progress','reopened'))`,
    })
    .from(actions)
    .innerJoin(issues, eq(issues.id, actions.issueId))
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .where(and(ne(actions.status, "verified"), scope === "all" ? undefined : eq(actions.departmentId, scope.departmentId)))
    .orderBy(asc(actions.dueOn), asc(actions.id))
    .limit(limit);
}

/** Headline figures for the management post and leadership. */
export async function getProgramSummary(db: Executor, viewer: Viewer, today: string) {
  assertCan(viewer, "program.read");
  const published: IssueStatus[] = ["published", "in_action", "resolved"];
  const [issueRow] = await db
    .select({
      published: sql<number>`count(*) filter (where ${issues.status} in ${published})::int`,
      resolved: sql<number>`count(*) filter (where ${issues.status} = 'resolved')::int`,
      awaitingVerification: sql<number>`count(*) filter (where ${issues.status} = 'reported')::int`,
    })
    .from(issues);
  const [actionRow] = await db
    .select({
      open: sql<number>`count(*) filter (where ${actions.status} <> 'verified')::int`,
      overdue: sql<number>`count(*) filter (where ${actions.dueOn} < ${today}::date and ${actions.status} in ('assigned','in_progress','reopened'))::int`,
      awaitingCheck: sql<number>`count(*) filter (where ${actions.status} = 'done')::int`,
    })
    .from(actions);
  const [bulletinRow] = await db.select({ n: count() }).from(bulletins).where(eq(bulletins.status, "published"));
  return {
    publishedIssues: issueRow.published,
    resolvedIssues: issueRow.resolved,
    resolutionRate: issueRow.published > 0 ? issueRow.resolved / issueRow.published : null,
    awaitingVerification: issueRow.awaitingVerification,
    openActions: actionRow.open,
    overdueActions: actionRow.overdue,
    actionsAwaitingCheck: actionRow.awaitingCheck,
    publishedBulletins: bulletinRow.n,
  };
}

/** The public "you said, we did" list: resolved issues with approved wording only. */
export async function listPublicImprovements(db: Executor, limit = 6) {
  return db
    .select({
      id: issues.id,
      title: issues.publicTitle,
      outcome: issues.publicOutcome,
      resolvedAt: issues.resolvedAt,
      category: categoryName,
    })
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .where(and(eq(issues.status, "resolved"), isNotNull(issues.publicTitle), isNotNull(issues.publicOutcome)))
    .orderBy(desc(issues.resolvedAt))
    .limit(limit);
}

