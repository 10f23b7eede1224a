import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { issues, records, siteReportIssues, siteReports, users, type IssueRow, type IssueStatus, type SiteReport } from "@/db/schema";
import { Forbidden, InvalidTransition, NotFound, ValidationFailed } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { maskSensitive } from "@/lib/pii";
import { messageKey } from "@/lib/validation/errors";
import type { Viewer } from "@/lib/viewer";
import { canReport, nextIssueStatus, nextReportStatus } from "@/lib/workflow";
import { mergeIssues } from "./issues";
import { loadIssueForUpdate, notifyUsers, StaleVersion, userIdsWithRole, writeAudit } from "./workflow-support";

/**
 * The management post's screening (核实、甄别, MISSION step 5): each issue a site reported is
 * verified, rejected with a reason that travels back down the chain, or merged into the same
 * problem reported by another site. A site's report is marked reviewed, in the same
 * transaction, by the step that leaves none of its issues waiting.
 */

export const verificationLimits = { note: 1000, reason: 1000 } as const;

/** Issue states a manager may fold into another site's issue. */
export const mergeableSourceStatuses: readonly IssueStatus[] = ["reported", "verified"];
/** Issue states another site's duplicate may be folded into. */
export const mergeTargetStatuses: readonly IssueStatus[] = ["reported", "verified", "published", "in_action"];

function fieldError(field: string, key: string, values?: Record<string, string | number>): never {
  const message = key.includes(".") ? (values ? `${key}|${JSON.stringify(values)}` : key) : messageKey(key, values);
  throw new ValidationFailed("The form has errors.", { [field]: [message] });
}

function optionalText(field: string, value: string | undefined, max: number): string | null {
  const text = value?.trim() ?? "";
  if (text.length > max) fieldError(field, "tooLong", { max });
  return text ? maskSensitive(text).text : null;
}

async function updateIssue(tx: Executor, issue: IssueRow, values: Partial<typeof issues.$inferInsert>): Promise<IssueRow> {
  const [updated] = await tx
    .update(issues)
    .set({ ...values, updatedAt: new Date(), version: issue.version + 1 })
    .where(and(eq(issues.id, issue.id), eq(issues.version, issue.version)))
    .returning();
  if (!updated) throw new StaleVersion();
  return updated;
}

/**
 * Marks a submitted report reviewed once none of its issues is still waiting (reported).
 * Runs inside the transaction of the verify, reject or merge that decided its last issue;
 * writes one `report.reviewed` row and tells the report's author. Returns the report if it
 * changed, null when it still has issues waiting or was not submitted.
 */
export async function reviewSiteReport(tx: Executor, viewer: Viewer, reportId: number): Promise<SiteReport | null> {
  const [report] = await tx.select().from(siteReports).where(eq(siteReports.id, reportId)).for("update");
  if (!report || !canReport(report.status, "review", viewer.role)) return null;
  const rows = await tx
    .select({ id: issues.id, status: issues.status })
    .from(siteReportIssues)
    .innerJoin(issues, eq(issues.id, siteReportIssues.issueId))
    .where(eq(siteReportIssues.reportId, report.id))
    .orderBy(asc(siteReportIssues.position));
  if (rows.some((r) => r.status === "reported")) return null;
  const now = new Date();
  const [reviewed] = await tx
    .update(siteReports)
    .set({ status: nextReportStatus(report.status, "review", viewer.role), reviewedAt: now, updatedAt: now, version: report.version + 1 })
    .where(and(eq(siteReports.id, report.id), eq(siteReports.version, report.version)))
    .returning();
  const outcome: Partial<Record<IssueStatus, number>> = {};
  for (const r of rows) outcome[r.status] = (outcome[r.status] ?? 0) + 1;
  await notifyUsers(tx, [report.authorId], {
    kind: "report.reviewed",
    title: `站点报告已审阅完毕：${report.title}`.slice(0, 200),
    body: `核实通过 ${(outcome.verified ?? 0) + (outcome.published ?? 0) + (outcome.in_action ?? 0) + (outcome.resolved ?? 0)} 项，未通过 ${outcome.rejected ?? 0} 项，合并 ${outcome.merged ?? 0} 项。`,
    link: "/specialist",
  });
  await writeAudit(tx, viewer, "report.reviewed", { type: "report", id: report.id }, { data: { issueIds: rows.map((r) => r.id), outcome } });
  return reviewed;
}

/** Reviews every submitted report that holds one of these issues, if it is now complete. */
async function reviewReportsHolding(tx: Executor, viewer: Viewer, issueIds: number[]): Promise<number[]> {
  const held = await tx
    .selectDistinct({ reportId: siteReportIssues.reportId })
    .from(siteReportIssues)
    .innerJoin(siteReports, eq(siteReports.id, siteReportIssues.reportId))
    .where(and(inArray(siteReportIssues.issueId, issueIds), eq(siteReports.status, "submitted")))
    .orderBy(asc(siteReportIssues.reportId));
  const reviewed: number[] = [];
  for (const { reportId } of held) if (await reviewSiteReport(tx, viewer, reportId)) reviewed.push(reportId);
  return reviewed;
}

export interface VerificationResult {
  issue: IssueRow;
  /** Reports this step completed (marked reviewed). */
  reviewedReportIds: number[];
}

/** The management post confirms a reported issue holds: reported → verified. */
export async function verifyIssue(db: Database, viewer: Viewer, input: { issueId: number; version: number; note?: string }): Promise<VerificationResult> {
  assertCan(viewer, "issue.verify");
  const note = optionalText("note", input.note, verificationLimits.note);
  return db.transaction(async (tx) => {
    const issue = await loadIssueForUpdate(tx, viewer, input.issueId, input.version);
    const status = nextIssueStatus(issue.status, "verify", viewer.role);
    const updated = await updateIssue(tx, issue, { status, verifiedAt: new Date(), statusReason: null });
    await writeAudit(tx, viewer, "issue.verified", { type: "issue", id: issue.id }, { reason: note, data: { from: issue.status, to: status } });
    const reviewedReportIds = await reviewReportsHolding(tx, viewer, [issue.id]);
    return { issue: updated, reviewedReportIds };
  });
}

/**
 * The management post finds a reported issue does not hold: reported → rejected, with the
 * reason. The reason goes back down the chain: to the supervisor who raised it, the site's
 * specialists, and every agent whose record is linked to it.
 */
export async function rejectIssue(db: Database, viewer: Viewer, input: { issueId: number; version: number; reason: string }): Promise<VerificationResult> {
  assertCan(viewer, "issue.reject");
  const reason = optionalText("reason", input.reason, verificationLimits.reason);
  if (!reason) fieldError("reason", "required");
  return db.transaction(async (tx) => {
    const issue = await loadIssueForUpdate(tx, viewer, input.issueId, input.version);
    const status = nextIssueStatus(issue.status, "reject", viewer.role);
    const updated = await updateIssue(tx, issue, { status, statusReason: reason });

    const title = `问题未通过甄别：${issue.title}`.slice(0, 200);
    const specialists = issue.siteId === null ? [] : await userIdsWithRole(tx, "specialist", { siteId: issue.siteId });
    await notifyUsers(tx, [issue.createdBy, ...specialists], { kind: "issue.rejected", title, body: `管理岗意见：${reason}`, link: `/issues/${issue.id}` });
    const authors = await tx
      .select({ recordId: records.id, authorId: records.authorId, role: users.role })
      .from(records)
      .innerJoin(users, eq(users.id, records.authorId))
      .where(eq(records.issueId, issue.id))
      .orderBy(asc(records.id));
    const told = new Set<number>([...(issue.createdBy === null ? [] : [issue.createdBy]), ...specialists]);
    for (const a of authors) {
      if (a.authorId === null || told.has(a.authorId)) continue;
      told.add(a.authorId);
      // Agents cannot open issues; each is pointed at their own record, which shows the reason.
      const link = a.role === "agent" ? `/agent/records/${a.recordId}` : `/issues/${issue.id}`;
      await notifyUsers(tx, [a.authorId], { kind: "issue.rejected", title, body: `管理岗意见：${reason}`, link });
    }

    await writeAudit(tx, viewer, "issue.rejected", { type: "issue", id: issue.id }, { reason, data: { from: issue.status, to: status, notified: told.size } });
    const reviewedReportIds = await reviewReportsHolding(tx, viewer, [issue.id]);
    return { issue: updated, reviewedReportIds };
  });
}

export interface MergeAcrossSitesResult extends VerificationResult {
  target: IssueRow;
  movedRecords: number;
}

/**
 * The management post folds a reported or verified issue into the same problem another site
 * reported: the source becomes merged and points at the target, its records move there.
 * The merge itself is `mergeIssues` (one `issue.merged` row on the source); this adds the
 * management post's limits, tells the source's site, and reviews the source's report.
 */
export async function mergeAcrossSites(db: Database, viewer: Viewer, input: { sourceId: number; sourceVersion: number; targetId: number }): Promise<MergeAcrossSitesResult> {
  assertCan(viewer, "issue.merge");
  // Within a site the specialist merges; across sites only the management post sees both.
  if (viewer.role !== "manager") throw new Forbidden();
  return db.transaction(async (tx) => {
    const ids = [input.sourceId, input.targetId].sort((a, b) => a - b);
    const locked = await tx.select().from(issues).where(inArray(issues.id, ids)).orderBy(asc(issues.id)).for("update");
    const source = locked.find((i) => i.id === input.sourceId);
    const target = locked.find((i) => i.id === input.targetId);
    if (!source) throw new NotFound("issue");
    if (source.version !== input.sourceVersion) throw new StaleVersion();
    if (input.sourceId === input.targetId) fieldError("targetId", "verification.validation.mergeSelf");
    if (!target) fieldError("targetId", "verification.validation.targetMissing", { id: input.targetId });
    if (!mergeableSourceStatuses.includes(source.status)) {
      throw new InvalidTransition(`An issue that is ${source.status.replace("_", " ")} cannot be merged by the management post.`);
    }
    if (!mergeTargetStatuses.includes(target.status)) fieldError("targetId", "verification.validation.targetClosed", { id: target.id });

    const merged = await mergeIssues(tx, viewer, input);
    const title = `问题已合并：${source.title}`.slice(0, 200);
    const specialists = source.siteId === null ? [] : await userIdsWithRole(tx, "specialist", { siteId: source.siteId });
    await notifyUsers(tx, [source.createdBy, ...specialists], {
      kind: "issue.merged",
      title,
      body: `管理岗将该问题与 #${target.id}“${target.title}”合并跟进，相关记录一并转入。`.slice(0, 1000),
      link: `/issues/${target.id}`,
    });
    const reviewedReportIds = await reviewReportsHolding(tx, viewer, [source.id]);
    return { issue: merged.source, target: merged.target, movedRecords: merged.movedRecords, reviewedReportIds };
  });
}
