import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { issues, siteReportIssues, siteReports, sites, type IssueRow, type SiteReport } from "@/db/schema";
import { Conflict, ExpectedError, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { maskSensitive } from "@/lib/pii";
import { messageKey } from "@/lib/validation/errors";
import type { Viewer } from "@/lib/viewer";
import { canIssue, nextIssueStatus, nextReportStatus, type ReportEvent } from "@/lib/workflow";
import { notifyUsers, userIdsWithRole, writeAudit } from "./workflow-support";

/**
 * The site's VoC report (客户之声报告, MISSION step 4): the specialist puts the site's escalated
 * issues of a period into one report with an analysis and submits it to the management post.
 *
 * Audit: saving writes one `report.saved` row on the report. Submitting writes one
 * `report.submitted` row on the report plus one `issue.reported` row on each issue in it, so
 * every issue's own history shows the step; all in the one transaction of the submission.
 */

export const reportLimits = { title: 200, analysis: 20_000, issues: 100 } as const;

export interface SaveSiteReportInput {
  reportId?: number;
  version?: number;
  periodStart: string;
  periodEnd: string;
  title: string;
  analysis: string;
  issueIds: number[];
}

/** A report with no issue in it cannot be submitted. */
export class ReportEmpty extends ExpectedError {
  override readonly status = 409;
  override readonly code = "report_empty";
  constructor() {
    super("A report needs at least one issue before it is submitted.");
  }
}

/** Issues in a report that are not (or no longer) the site's escalated ones. */
export class IssuesNotReportable extends ExpectedError {
  override readonly status = 409;
  override readonly code = "issues_not_reportable";
  constructor(readonly issueIds: number[]) {
    super(`Issues ${issueIds.map((id) => `#${id}`).join(", ")} are not escalated issues of this site (any more): remove them from the report.`);
  }
}

/** Someone changed the report since it was read. */
export class StaleReport extends Conflict {
  constructor() {
    super("Someone else changed this report a moment ago. Reload to see their change, then try again.");
  }
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function fieldError(field: string, key: string, values?: Record<string, string | number>): never {
  throw new ValidationFailed("The report has errors.", { [field]: [key.includes(".") ? (values ? `${key}|${JSON.stringify(values)}` : key) : messageKey(key, values)] });
}

function validDate(field: string, value: string): string {
  if (!isoDate.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    fieldError(field, "invalidDate");
  }
  return value;
}

function requireSite(viewer: Viewer): number {
  if (viewer.siteId === null) throw new Forbidden();
  return viewer.siteId;
}

/** The site's report, locked, at the version the viewer read; the step must be one its state allows. */
async function loadReportForUpdate(tx: Executor, viewer: Viewer, siteId: number, id: number, version: number, event: ReportEvent): Promise<SiteReport> {
  const [report] = await tx
    .select()
    .from(siteReports)
    .where(and(eq(siteReports.id, id), eq(siteReports.siteId, siteId)))
    .for("update");
  if (!report) throw new NotFound("report");
  if (report.version !== version) throw new StaleReport();
  nextReportStatus(report.status, event, viewer.role);
  return report;
}

/** Saves a draft report (new, or the next version of one): its period, words and issues. */
export async function saveSiteReport(db: Database, viewer: Viewer, input: SaveSiteReportInput): Promise<SiteReport> {
  assertCan(viewer, "report.write");
  const siteId = requireSite(viewer);
  const periodStart = validDate("periodStart", input.periodStart);
  const periodEnd = validDate("periodEnd", input.periodEnd);
  if (periodEnd < periodStart) fieldError("periodEnd", "siteReport.validation.periodOrder");
  const title = input.title.trim();
  if (!title) fieldError("title", "required");
  if (title.length > reportLimits.title) fieldError("title", "tooLong", { max: reportLimits.title });
  if (input.analysis.length > reportLimits.analysis) fieldError("analysis", "tooLong", { max: reportLimits.analysis });
  const analysis = maskSensitive(input.analysis.trim()).text;
  const issueIds = [...new Set(input.issueIds)];
  if (issueIds.length > reportLimits.issues) fieldError("issueIds", "tooMany", { max: reportLimits.issues });
  if (input.reportId !== undefined && input.version === undefined) throw new StaleReport();

  return db.transaction(async (tx) => {
    if (issueIds.length > 0) {
      const found = await tx
        .select({ id: issues.id })
        .from(issues)
        .where(and(inArray(issues.id, issueIds), eq(issues.siteId, siteId), eq(issues.status, "escalated")));
      const ok = new Set(found.map((i) => i.id));
      const refused = issueIds.filter((id) => !ok.has(id)).sort((a, b) => a - b);
      if (refused.length > 0) fieldError("issueIds", "siteReport.validation.issuesNotEscalated", { ids: refused.map((id) => `#${id}`).join(", ") });
    }

    let report: SiteReport;
    let created = false;
    if (input.reportId === undefined) {
      [report] = await tx
        .insert(siteReports)
        .values({ siteId, periodStart, periodEnd, title, analysis, status: "draft", authorId: viewer.id })
        .returning();
      created = true;
    } else {
      const current = await loadReportForUpdate(tx, viewer, siteId, input.reportId, input.version!, "save");
      const [updated] = await tx
        .update(siteReports)
        .set({ periodStart, periodEnd, title, analysis, updatedAt: new Date(), version: current.version + 1 })
        .where(and(eq(siteReports.id, current.id), eq(siteReports.version, current.version)))
        .returning();
      if (!updated) throw new StaleReport();
      report = updated;
      await tx.delete(siteReportIssues).where(eq(siteReportIssues.reportId, report.id));
    }
    if (issueIds.length > 0) {
      await tx.insert(siteReportIssues).values(issueIds.map((issueId, position) => ({ reportId: report.id, issueId, position })));
    }
    await writeAudit(tx, viewer, "report.saved", { type: "report", id: report.id }, { data: { created, issueIds, periodStart, periodEnd } });
    return report;
  });
}

/**
 * Submits a draft report to the management post: the report becomes submitted and every issue
 * in it goes from escalated to reported. All or nothing: one issue that is no longer escalated
 * (sent back, merged, reported elsewhere) refuses the whole submission, naming it.
 */
export async function submitSiteReport(db: Database, viewer: Viewer, input: { reportId: number; version: number }): Promise<{ report: SiteReport; issues: IssueRow[] }> {
  assertCan(viewer, "report.submit");
  const siteId = requireSite(viewer);
  return db.transaction(async (tx) => {
    const report = await loadReportForUpdate(tx, viewer, siteId, input.reportId, input.version, "submit");
    const links = await tx.select({ issueId: siteReportIssues.issueId }).from(siteReportIssues).where(eq(siteReportIssues.reportId, report.id));
    if (links.length === 0) throw new ReportEmpty();
    const rows = await tx
      .select()
      .from(issues)
      .where(inArray(issues.id, links.map((l) => l.issueId)))
      .orderBy(asc(issues.id))
      .for("update");
    const refused = rows.filter((i) => i.siteId !== siteId || !canIssue(i.status, "report", viewer.role)).map((i) => i.id);
    if (refused.length > 0) throw new IssuesNotReportable(refused);

    const now = new Date();
    const reported: IssueRow[] = [];
    for (const issue of rows) {
      const status = nextIssueStatus(issue.status, "report", viewer.role);
      const [updated] = await tx
        .update(issues)
        .set({ status, reportedAt: now, updatedAt: now, version: issue.version + 1 })
        .where(and(eq(issues.id, issue.id), eq(issues.version, issue.version)))
        .returning();
      reported.push(updated);
      await writeAudit(tx, viewer, "issue.reported", { type: "issue", id: issue.id }, { data: { from: issue.status, to: status, reportId: report.id } });
    }
    const [submitted] = await tx
      .update(siteReports)
      .set({ status: nextReportStatus(report.status, "submit", viewer.role), submittedAt: now, updatedAt: now, version: report.version + 1 })
      .where(and(eq(siteReports.id, report.id), eq(siteReports.version, report.version)))
      .returning();

    const [site] = await tx.select({ nameHans: sites.nameHans }).from(sites).where(eq(sites.id, siteId)).limit(1);
    await notifyUsers(tx, await userIdsWithRole(tx, "manager"), {
      kind: "report.submitted",
      title: `${site?.nameHans ?? ""}中心客户之声报告已提交：${report.title}`.slice(0, 200),
      body: `包含 ${rows.length} 项问题与建议，待核实。`,
      link: `/manager/reports/${report.id}`,
    });
    const byCreator = new Map<number, string[]>();
    for (const issue of rows) if (issue.createdBy !== null) byCreator.set(issue.createdBy, [...(byCreator.get(issue.createdBy) ?? []), issue.title]);
    for (const [creator, titles] of byCreator) {
      await notifyUsers(tx, [creator], { kind: "issue.reported", title: "您上报的问题已列入站点客户之声报告", body: titles.join("；").slice(0, 1000), link: "/supervisor/issues" });
    }
    await writeAudit(tx, viewer, "report.submitted", { type: "report", id: report.id }, { data: { issueIds: rows.map((i) => i.id) } });
    return { report: submitted, issues: reported };
  });
}
