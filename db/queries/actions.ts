import { and, asc, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { actions, actionUpdates, auditLog, categories, departments, issues, meetingItems, meetings, users, type ActionStatus } from "@/db/schema";
import { assertCan } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";

const departmentName = { nameHans: departments.nameHans, nameHant: departments.nameHant, nameEn: departments.nameEn };
const categoryName = { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn };

export const openActionStatuses: ActionStatus[] = ["assigned", "in_progress", "reopened"];

const actionListFields = {
  id: actions.id,
  version: actions.version,
  disposition: actions.disposition,
  status: actions.status,
  progress: actions.progress,
  ownerName: actions.ownerName,
  dueOn: actions.dueOn,
  createdAt: actions.createdAt,
  doneAt: actions.doneAt,
  verifiedAt: actions.verifiedAt,
  updatedAt: actions.updatedAt,
  issueId: issues.id,
  issueTitle: issues.title,
  issueStatus: issues.status,
  department: departmentName,
  lastUpdateAt: sql<Date | null>`(select max(${actionUpdates.createdAt}) from ${actionUpdates} where ${actionUpdates.actionId} = ${actions.id})`.mapWith(
    (v: string | Date | null) => (v === null ? null : new Date(v)),
  ),
};

/** The department's own actions: every open and done one, and those verified in the last 90 days. */
export async function listDepartmentActions(db: Executor, viewer: Viewer, now = new Date()) {
  assertCan(viewer, "action.read.department");
  if (viewer.departmentId === null) return [];
  const since = new Date(now.getTime() - 90 * 86_400_000);
  return db
    .select(actionListFields)
    .from(actions)
    .innerJoin(issues, eq(issues.id, actions.issueId))
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .where(and(eq(actions.departmentId, viewer.departmentId), sql`(${actions.status} <> 'verified' or ${actions.verifiedAt} >= ${since.toISOString()}::timestamptz)`))
    .orderBy(sql`${actions.dueOn} asc nulls last`, asc(actions.id))
    .limit(500);
}

/** Every action not verified yet, for the management post, the most urgent first. */
export async function listActionsForReview(db: Executor, viewer: Viewer) {
  assertCan(viewer, "action.verify");
  return db
    .select(actionListFields)
    .from(actions)
    .innerJoin(issues, eq(issues.id, actions.issueId))
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .where(ne(actions.status, "verified"))
    .orderBy(sql`${actions.dueOn} asc nulls last`, asc(actions.id))
    .limit(1000);
}

/** Actions verified lately: the management post may still reopen them. */
export async function listRecentlyVerifiedActions(db: Executor, viewer: Viewer, days = 60, now = new Date()) {
  assertCan(viewer, "action.verify");
  return db
    .select(actionListFields)
    .from(actions)
    .innerJoin(issues, eq(issues.id, actions.issueId))
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .where(and(eq(actions.status, "verified"), gte(actions.verifiedAt, new Date(now.getTime() - days * 86_400_000))))
    .orderBy(desc(actions.verifiedAt))
    .limit(50);
}

/** Issues whose actions are all verified but which are not resolved yet: they wait for the public wording. */
export async function listIssuesReadyToResolve(db: Executor, viewer: Viewer) {
  assertCan(viewer, "action.verify");
  return db
    .select({
      id: issues.id,
      version: issues.version,
      title: issues.title,
      publicTitle: issues.publicTitle,
      publicOutcome: issues.publicOutcome,
      category: categoryName,
      actionCount: sql<number>`(select count(*)::int from ${actions} a where a.issue_id = ${issues.id})`,
    })
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .where(
      and(
        eq(issues.status, "in_action"),
        sql`exists (select 1 from ${actions} a where a.issue_id = ${issues.id})`,
        sql`not exists (select 1 from ${actions} a where a.issue_id = ${issues.id} and a.status <> 'verified')`,
      ),
    )
    .orderBy(asc(issues.id));
}

/**
 * One action with its issue, its updates and its sibling actions, as the viewer may see it:
 * a department its own only, the management post and leadership every one. Null otherwise.
 */
export async function getActionDetail(db: Executor, viewer: Viewer, id: number) {
  const scope =
    viewer.role === "department" ? (viewer.departmentId === null ? null : eq(actions.departmentId, viewer.departmentId)) : viewer.role === "manager" || viewer.role === "leadership" ? sql`true` : null;
  if (scope === null) return null;
  const [row] = await db
    .select({
      action: actions,
      department: departmentName,
      departmentCode: departments.code,
      issue: {
        id: issues.id,
        version: issues.version,
        title: issues.title,
        description: issues.description,
        type: issues.type,
        status: issues.status,
        publicTitle: issues.publicTitle,
        publicOutcome: issues.publicOutcome,
        publishedAt: issues.publishedAt,
      },
      category: categoryName,
      recordCount: sql<number>`(select count(*)::int from records r where r.issue_id = ${issues.id})`,
    })
    .from(actions)
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .innerJoin(issues, eq(issues.id, actions.issueId))
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .where(and(eq(actions.id, id), scope))
    .limit(1);
  if (!row) return null;
  const [updates, siblings, decisions, reopened] = await Promise.all([
    db
      .select({ id: actionUpdates.id, note: actionUpdates.note, evidenceUrl: actionUpdates.evidenceUrl, progress: actionUpdates.progress, createdAt: actionUpdates.createdAt, authorName: users.name })
      .from(actionUpdates)
      .leftJoin(users, eq(users.id, actionUpdates.authorId))
      .where(eq(actionUpdates.actionId, id))
      .orderBy(desc(actionUpdates.createdAt), desc(actionUpdates.id)),
    db
      .select({ id: actions.id, status: actions.status, disposition: actions.disposition, department: departmentName })
      .from(actions)
      .innerJoin(departments, eq(departments.id, actions.departmentId))
      .where(and(eq(actions.issueId, row.issue.id), ne(actions.id, id)))
      .orderBy(asc(actions.id)),
    db
      .select({
        meetingId: meetings.id,
        title: meetings.title,
        heldOn: meetings.heldOn,
        decision: meetingItems.decision,
        decisionNote: meetingItems.decisionNote,
        agendaReason: meetingItems.agendaReason,
      })
      .from(meetingItems)
      .innerJoin(meetings, eq(meetings.id, meetingItems.meetingId))
      .where(eq(meetingItems.actionId, id))
      .orderBy(desc(meetings.heldOn)),
    db
      .select({ reason: auditLog.reason, occurredAt: auditLog.occurredAt })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "action"), eq(auditLog.entityId, String(id)), eq(auditLog.action, "action.reopened")))
      .orderBy(desc(auditLog.occurredAt))
      .limit(1),
  ]);
  return { ...row, updates, siblings, decisions, lastReopen: reopened[0] ?? null, isLastOpen: siblings.every((s) => s.status === "verified") };
}

export type ActionDetail = NonNullable<Awaited<ReturnType<typeof getActionDetail>>>;

/** The departments an action can go to, for the assignment form. */
export async function listActiveDepartments(db: Executor) {
  return db.select({ code: departments.code, ...departmentName }).from(departments).where(eq(departments.active, true)).orderBy(asc(departments.id));
}

/** Which of these issues' actions are not verified yet (to tell whether a verification is the last). */
export async function countUnverifiedByIssue(db: Executor, issueIds: number[]): Promise<Map<number, number>> {
  if (issueIds.length === 0) return new Map();
  const rows = await db
    .select({ issueId: actions.issueId, n: sql<number>`count(*)::int` })
    .from(actions)
    .where(and(inArray(actions.issueId, issueIds), ne(actions.status, "verified")))
    .groupBy(actions.issueId);
  return new Map(rows.map((r) => [r.issueId, r.n]));
}
