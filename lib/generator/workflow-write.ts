import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  actionUpdates,
  actions,
  auditLog,
  bulletinIssues,
  bulletins,
  issues,
  meetingItems,
  meetings,
  siteReportIssues,
  siteReports,
} from "@/db/schema";
import { Calendar } from "./calendar";
import type { Organisation } from "./organisation";
import { siteHans } from "./profile";
import type { PlannedIssue, WorkflowPlan } from "./workflow-plan";

type AuditRow = typeof auditLog.$inferInsert;
const INSERT_BATCH = 500;

/**
 * Writes the planned issues first (records point at them), then, once the records are in,
 * the reports, bulletins, actions and meetings, each with the audit trail a user would have left.
 */
export async function insertIssues(db: Database, plan: WorkflowPlan, org: Organisation): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < plan.issues.length; i += INSERT_BATCH) {
      const chunk = plan.issues.slice(i, i + INSERT_BATCH);
      const rows = await tx
        .insert(issues)
        .values(
          chunk.map((p) => ({
            type: p.type,
            title: p.title.slice(0, 200),
            description: p.description,
            categoryId: org.categories.get(p.category)!.id,
            siteId: p.siteId,
            status: p.status,
            tags: p.tags,
            createdBy: p.createdBy,
            statusReason: p.statusReason,
            publicTitle: p.status === "resolved" ? p.publicTitle : null,
            publicOutcome: p.status === "resolved" ? p.publicOutcome : null,
            escalatedAt: date(p.escalatedMs),
            reportedAt: date(p.reportedMs),
            verifiedAt: date(p.verifiedMs),
            publishedAt: date(p.publishedMs),
            resolvedAt: date(p.resolvedMs),
            createdAt: new Date(p.createdMs),
            updatedAt: new Date(lastOf(p)),
            version: 1 + [p.escalatedMs, p.reportedMs, p.verifiedMs, p.closedMs, p.publishedMs, p.inActionMs, p.resolvedMs].filter((x) => x !== null).length,
          })),
        )
        .returning({ id: issues.id });
      chunk.forEach((p, k) => (p.id = rows[k].id));
    }
    for (const p of plan.issues) {
      if (p.mergedInto) await tx.update(issues).set({ mergedIntoId: p.mergedInto.id! }).where(eq(issues.id, p.id!));
    }
  });
}

export async function insertWorkflow(
  db: Database,
  plan: WorkflowPlan,
  org: Organisation,
  calendar: Calendar,
  linkedByIssue: Map<string, number>,
): Promise<{ reports: number; bulletins: number; actions: number; meetings: number; audit: number }> {
  const audit: AuditRow[] = [];
  const manager = org.managers[0] ?? null;
  const log = (ms: number, actorId: number | null, action: string, entityType: string, entityId: number, data?: Record<string, unknown>, reason?: string | null) =>
    audit.push({ occurredAt: new Date(ms), actorId, actorRole: actorId === manager && manager !== null ? "manager" : null, action, entityType, entityId: String(entityId), reason: reason ?? null, data: data ?? null });
  let actionCount = 0;
  let meetingCount = 0;

  await db.transaction(async (tx) => {
    for (const p of plan.issues) issueHistory(p, log, manager, org);

    for (const r of plan.reports) {
      const [row] = await tx
        .insert(siteReports)
        .values({
          siteId: r.siteId,
          periodStart: calendar.date(r.periodStartDay),
          periodEnd: calendar.date(r.periodEndDay),
          title: `${siteHans[r.siteCode] ?? r.siteCode}中心客户之声报告（${calendar.date(r.periodStartDay)} 至 ${calendar.date(r.periodEndDay)}）`,
          analysis: `本期共上报${r.issues.length}项问题与建议：\n${r.issues.map((i, k) => `${k + 1}. ${i.title}`).join("\n")}\n\n以上问题已由督导分析归并，并结合其他渠道信息核对。`,
          status: r.status,
          authorId: r.authorId,
          submittedAt: date(r.submittedMs),
          reviewedAt: date(r.reviewedMs),
          createdAt: new Date(r.createdMs),
          updatedAt: new Date(r.reviewedMs ?? r.submittedMs ?? r.createdMs),
          version: 1 + (r.submittedMs ? 1 : 0) + (r.reviewedMs ? 1 : 0),
        })
        .returning({ id: siteReports.id });
      r.id = row.id;
      await tx.insert(siteReportIssues).values(r.issues.map((i, position) => ({ reportId: row.id, issueId: i.id!, position })));
      log(r.createdMs, r.authorId, "report.created", "report", row.id, { siteCode: r.siteCode });
      if (r.submittedMs) log(r.submittedMs, r.authorId, "report.submitted", "report", row.id, { issueIds: r.issues.map((i) => i.id) });
      if (r.reviewedMs) log(r.reviewedMs, manager, "report.reviewed", "report", row.id, { issueIds: r.issues.map((i) => i.id) });
    }

    for (const b of plan.bulletins) {
      const first = b.issues[0];
      const title = b.issues.length === 1 ? first.title : `${first.title}等${b.issues.length}项问题与建议`;
      const [row] = await tx
        .insert(bulletins)
        .values({
          number: b.number,
          title: title.slice(0, 200),
          periodStart: calendar.date(b.periodStartDay),
          periodEnd: calendar.date(b.periodEndDay),
          summary: `本期通报${b.issues.length}项，来自${[...new Set(b.issues.map((i) => siteHans[i.siteCode] ?? i.siteCode))].join("、")}中心。`,
          status: b.status,
          compiledBy: manager,
          publishedBy: b.publishedMs ? manager : null,
          publishedAt: date(b.publishedMs),
          createdAt: new Date(b.createdMs),
          updatedAt: new Date(b.publishedMs ?? b.createdMs),
          version: b.publishedMs ? 2 : 1,
        })
        .returning({ id: bulletins.id });
      b.id = row.id;
      await tx.insert(bulletinIssues).values(
        b.issues.map((i, position) => ({
          bulletinId: row.id,
          issueId: i.id!,
          position,
          recordCount: linkedByIssue.get(i.key) ?? 0,
          trendPercent: i.trendPercent,
          quotes: i.quotes,
        })),
      );
      const issueIds = b.issues.map((i) => i.id);
      log(b.createdMs, manager, "bulletin.created", "bulletin", row.id, { number: b.number, issueIds });
      if (b.publishedMs) log(b.publishedMs, manager, "bulletin.published", "bulletin", row.id, { number: b.number, issueIds });
    }

    const bulletinOf = new Map<PlannedIssue, number>();
    for (const b of plan.bulletins) for (const i of b.issues) bulletinOf.set(i, b.id!);
    const updates: (typeof actionUpdates.$inferInsert)[] = [];
    for (const issue of plan.issues) {
      for (const a of issue.actions) {
        const department = org.departments.get(a.departmentCode)!;
        const lastMs = Math.max(a.assignedMs, a.doneMs ?? 0, a.verifiedMs ?? 0, ...a.updates.map((u) => u.ms));
        const [row] = await tx
          .insert(actions)
          .values({
            issueId: issue.id!,
            bulletinId: bulletinOf.get(issue) ?? null,
            departmentId: department.id,
            disposition: a.disposition,
            ownerName: department.ownerName,
            ownerId: department.ownerId,
            dueOn: calendar.date(a.dueDay),
            status: a.status,
            progress: a.progress,
            doneAt: date(a.doneMs),
            verifiedAt: date(a.verifiedMs),
            verifiedBy: a.verifiedMs ? manager : null,
            createdBy: manager,
            createdAt: new Date(a.assignedMs),
            updatedAt: new Date(lastMs),
            version: 1 + a.updates.length + (a.verifiedMs ? 1 : 0),
          })
          .returning({ id: actions.id });
        a.id = row.id;
        actionCount++;
        log(a.assignedMs, manager, "action.assigned", "action", row.id, { issueId: issue.id, department: a.departmentCode, disposition: a.disposition, dueOn: calendar.date(a.firstDueDay) });
        for (const u of a.updates) {
          updates.push({ actionId: row.id, authorId: department.ownerId, note: u.note, progress: u.progress, createdAt: new Date(u.ms) });
          log(u.ms, department.ownerId, "action.updated", "action", row.id, { issueId: issue.id, progress: u.progress });
        }
        if (a.doneMs) log(a.doneMs, department.ownerId, "action.completed", "action", row.id, { issueId: issue.id, to: "done" });
        if (a.verifiedMs) log(a.verifiedMs, manager, "action.verified", "action", row.id, { issueId: issue.id, to: "verified" });
      }
    }
    for (let i = 0; i < updates.length; i += INSERT_BATCH) await tx.insert(actionUpdates).values(updates.slice(i, i + INSERT_BATCH));

    for (const m of plan.meetings) {
      const heldOn = calendar.date(m.day);
      let id = m.existingId;
      if (id === null) {
        const [y, mo] = heldOn.split("-");
        const [row] = await tx
          .insert(meetings)
          .values({
            title: `${y}年${Number(mo)}月客户之声专题会`,
            heldOn,
            status: m.held ? "minutes_published" : "open",
            attendees: [],
            minutes: m.held ? `逐项检查在办事项${m.items.length}项，其中验证关闭${m.items.filter((x) => x.decision === "verified_closed").length}项、逾期${m.items.filter((x) => x.reason === "overdue").length}项。` : "",
            createdBy: manager,
            publishedAt: date(m.publishedMs),
            createdAt: new Date(Math.min(m.createdMs, m.publishedMs ?? m.createdMs)),
            updatedAt: new Date(m.publishedMs ?? m.createdMs),
            version: m.held ? 2 : 1,
          })
          .returning({ id: meetings.id });
        id = row.id;
        meetingCount++;
        log(Math.min(m.createdMs, m.publishedMs ?? m.createdMs), manager, "meeting.created", "meeting", id, { heldOn });
        if (m.publishedMs) log(m.publishedMs, manager, "meeting.minutes_published", "meeting", id);
      }
      m.id = id;
      const items = m.items.map((item) => ({
        meetingId: id,
        actionId: item.action.id!,
        agendaReason: item.reason,
        decision: item.decision,
        decisionNote: item.note,
        decidedBy: item.decidedMs ? manager : null,
        decidedAt: date(item.decidedMs),
      }));
      for (let i = 0; i < items.length; i += INSERT_BATCH) await tx.insert(meetingItems).values(items.slice(i, i + INSERT_BATCH));
      for (const item of m.items) {
        if (!item.decidedMs) continue;
        log(item.decidedMs, manager, "meeting.decided", "meeting", id, {
          actionId: item.action.id,
          issueId: item.issue.id,
          decision: item.decision,
          ...(item.decision === "change_due" && item.dueBefore !== undefined ? { previousDueOn: calendar.date(item.dueBefore) } : {}),
        }, item.note);
      }
    }

    audit.sort((a, b) => (a.occurredAt as Date).getTime() - (b.occurredAt as Date).getTime());
    for (let i = 0; i < audit.length; i += INSERT_BATCH) await tx.insert(auditLog).values(audit.slice(i, i + INSERT_BATCH));
  });
  return { reports: plan.reports.length, bulletins: plan.bulletins.length, actions: actionCount, meetings: meetingCount, audit: audit.length };
}

function issueHistory(
  p: PlannedIssue,
  log: (ms: number, actorId: number | null, action: string, entityType: string, entityId: number, data?: Record<string, unknown>, reason?: string | null) => void,
  manager: number | null,
  org: Organisation,
): void {
  const id = p.id!;
  const specialist = org.sites.find((s) => s.id === p.siteId)?.specialistId ?? null;
  log(p.createdMs, p.createdBy, "issue.created", "issue", id, { title: p.title, type: p.type, status: "draft" });
  if (p.escalatedMs) log(p.escalatedMs, p.createdBy, "issue.escalated", "issue", id, { from: "draft", to: "escalated" });
  if (p.reportedMs) log(p.reportedMs, specialist, "issue.reported", "issue", id, { from: "escalated", to: "reported" });
  if (p.verifiedMs) log(p.verifiedMs, manager, "issue.verified", "issue", id, { from: "reported", to: "verified" });
  if (p.closedMs && p.status === "rejected") log(p.closedMs, manager, "issue.rejected", "issue", id, { from: "reported", to: "rejected" }, p.statusReason);
  if (p.closedMs && p.status === "merged") log(p.closedMs, manager, "issue.merged", "issue", id, { from: "reported", to: "merged", mergedIntoId: p.mergedInto?.id }, p.statusReason);
  if (p.publishedMs) log(p.publishedMs, manager, "issue.published", "issue", id, { from: "verified", to: "published" });
  if (p.inActionMs) log(p.inActionMs, manager, "issue.in_action", "issue", id, { from: "published", to: "in_action" });
  if (p.resolvedMs) log(p.resolvedMs, manager, "issue.resolved", "issue", id, { from: "in_action", to: "resolved", publicTitle: p.publicTitle });
}

function date(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

function lastOf(p: PlannedIssue): number {
  return Math.max(p.createdMs, ...[p.escalatedMs, p.reportedMs, p.verifiedMs, p.closedMs, p.publishedMs, p.inActionMs, p.resolvedMs].filter((x): x is number => x !== null));
}
