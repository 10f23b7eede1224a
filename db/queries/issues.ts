import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { actions, actionUpdates, auditLog, bulletinIssues, bulletins, categories, departments, issues, records, sites, users } from "@/db/schema";
import { maskContact } from "@/lib/pii";
import { can } from "@/lib/permissions";
import { issueVisibleTo } from "@/lib/services/workflow-support";
import type { Viewer } from "@/lib/viewer";

const categoryName = { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn };
const departmentName = { nameHans: departments.nameHans, nameHant: departments.nameHant, nameEn: departments.nameEn };

/** One issue as the viewer may see it, with its records, actions and bulletins; null if not theirs. */
export async function getIssueDetail(db: Executor, viewer: Viewer, id: number) {
  const [row] = await db
    .select({ issue: issues, category: categoryName, categoryCode: categories.code, site: { nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn } })
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .leftJoin(sites, eq(sites.id, issues.siteId))
    .where(eq(issues.id, id))
    .limit(1);
  if (!row || !(await issueVisibleTo(db, viewer, row.issue))) return null;

  const seeContact = can(viewer.role, "record.contact.view");
  const [recordRows, actionRows, bulletinRows, mergedFrom] = await Promise.all([
    db
      .select({
        id: records.id,
        kind: records.kind,
        channel: records.channel,
        summary: records.summary,
        customerWords: records.customerWords,
        source: records.source,
        sourceUrl: records.sourceUrl,
        contact: records.contact,
        createdAt: records.createdAt,
        authorName: users.name,
        siteId: records.siteId,
      })
      .from(records)
      .leftJoin(users, eq(users.id, records.authorId))
      .where(eq(records.issueId, id))
      .orderBy(desc(records.createdAt))
      .limit(500),
    db
      .select({ action: actions, department: departmentName })
      .from(actions)
      .innerJoin(departments, eq(departments.id, actions.departmentId))
      .where(eq(actions.issueId, id))
      .orderBy(asc(actions.id)),
    db
      .select({ id: bulletins.id, number: bulletins.number, revision: bulletins.revision, title: bulletins.title, status: bulletins.status, publishedAt: bulletins.publishedAt })
      .from(bulletinIssues)
      .innerJoin(bulletins, eq(bulletins.id, bulletinIssues.bulletinId))
      .where(eq(bulletinIssues.issueId, id))
      .orderBy(asc(bulletins.number)),
    db.select({ id: issues.id, title: issues.title }).from(issues).where(eq(issues.mergedIntoId, id)),
  ]);
  const actionIds = actionRows.map((a) => a.action.id);
  const updates = actionIds.length
    ? await db
        .select({ update: actionUpdates, authorName: users.name })
        .from(actionUpdates)
        .leftJoin(users, eq(users.id, actionUpdates.authorId))
        .where(inArray(actionUpdates.actionId, actionIds))
        .orderBy(asc(actionUpdates.createdAt))
    : [];

  return {
    ...row,
    records: recordRows.map((r) => ({ ...r, contact: seeContact ? r.contact : maskContact(r.contact) })),
    recordCount: recordRows.length,
    actions: actionRows.map((a) => ({ ...a, updates: updates.filter((u) => u.update.actionId === a.action.id) })),
    bulletins: bulletinRows,
    mergedFrom,
  };
}

export type IssueDetail = NonNullable<Awaited<ReturnType<typeof getIssueDetail>>>;

/**
 * The issue's whole history from the audit log: the issue's own steps, its actions', its
 * bulletins' and its records' (joined, dismissed, corrected), who did each, when and why.
 */
export async function listIssueTimeline(db: Executor, detail: IssueDetail) {
  const id = String(detail.issue.id);
  const actionIds = detail.actions.map((a) => String(a.action.id));
  const recordIds = detail.records.map((r) => String(r.id));
  const bulletinIds = detail.bulletins.map((b) => String(b.id));
  const scopes = [and(eq(auditLog.entityType, "issue"), eq(auditLog.entityId, id))];
  if (actionIds.length) scopes.push(and(eq(auditLog.entityType, "action"), inArray(auditLog.entityId, actionIds)));
  if (bulletinIds.length) scopes.push(and(eq(auditLog.entityType, "bulletin"), inArray(auditLog.entityId, bulletinIds), inArray(auditLog.action, ["bulletin.published", "bulletin.corrected"])));
  if (recordIds.length) scopes.push(and(eq(auditLog.entityType, "record"), inArray(auditLog.entityId, recordIds), sql`${auditLog.action} <> 'record.created'`));
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      reason: auditLog.reason,
      data: auditLog.data,
      actorRole: auditLog.actorRole,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(or(...scopes))
    .orderBy(asc(auditLog.occurredAt), asc(auditLog.id))
    .limit(500);
}

export type TimelineEntry = Awaited<ReturnType<typeof listIssueTimeline>>[number];
