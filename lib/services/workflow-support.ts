import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { actions, auditLog, emailOutbox, issues, notifications, settings, users, type IssueRow } from "@/db/schema";
import { env } from "@/lib/env";
import { Conflict, NotFound } from "@/lib/errors";
import type { Viewer } from "@/lib/viewer";

/** One audit row, written by the caller inside the same transaction as the change. */
export async function writeAudit(
  tx: Executor,
  viewer: Viewer,
  action: string,
  entity: { type: string; id: number | string },
  details: { reason?: string | null; data?: Record<string, unknown> } = {},
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: viewer.id,
    actorRole: viewer.role,
    action,
    entityType: entity.type,
    entityId: String(entity.id),
    reason: details.reason ?? null,
    data: details.data ?? null,
  });
}

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

/**
 * Tells people in the app, and by e-mail through the outbox when delivery is configured
 * (SMTP_URL set and the `email.delivery` setting enabled). Same transaction as the change.
 */
export async function notifyUsers(tx: Executor, userIds: Iterable<number | null | undefined>, input: NotificationInput): Promise<number> {
  const ids = [...new Set([...userIds].filter((id): id is number => typeof id === "number"))];
  if (ids.length === 0) return 0;
  await tx.insert(notifications).values(ids.map((userId) => ({ userId, kind: input.kind, title: input.title, body: input.body ?? "", link: input.link ?? null })));
  if (await emailDeliveryEnabled(tx)) {
    const recipients = await tx.select({ email: users.email }).from(users).where(and(inArray(users.id, ids), eq(users.status, "active")));
    if (recipients.length > 0) {
      await tx.insert(emailOutbox).values(
        recipients.map((r) => ({ toAddress: r.email, subject: input.title.slice(0, 200), body: [input.body ?? "", input.link ?? ""].filter(Boolean).join("\n\n") })),
      );
    }
  }
  return ids.length;
}

async function emailDeliveryEnabled(tx: Executor): Promise<boolean> {
  if (!env.SMTP_URL) return false;
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, "email.delivery")).limit(1);
  return Boolean((row?.value as { enabled?: boolean } | undefined)?.enabled);
}

/** Users of a role (and optionally of one site or department), for notifications. */
export async function userIdsWithRole(tx: Executor, role: Viewer["role"], scope: { siteId?: number | null; departmentId?: number | null } = {}): Promise<number[]> {
  const conditions = [eq(users.role, role), eq(users.status, "active")];
  if (scope.siteId) conditions.push(eq(users.siteId, scope.siteId));
  if (scope.departmentId) conditions.push(eq(users.departmentId, scope.departmentId));
  const rows = await tx.select({ id: users.id }).from(users).where(and(...conditions));
  return rows.map((r) => r.id);
}

/**
 * Whether a viewer may see an issue at all. Supervisors and specialists see their own site's;
 * departments the issues they hold an action on; the management post, leadership and admins all.
 * A foreign issue is "not found", the same as a missing one.
 */
export async function issueVisibleTo(tx: Executor, viewer: Viewer, issue: Pick<IssueRow, "id" | "siteId">): Promise<boolean> {
  switch (viewer.role) {
    case "manager":
    case "leadership":
    case "admin":
      return true;
    case "supervisor":
    case "specialist":
      return viewer.siteId !== null && issue.siteId === viewer.siteId;
    case "department": {
      if (viewer.departmentId === null) return false;
      const [held] = await tx
        .select({ id: actions.id })
        .from(actions)
        .where(and(eq(actions.issueId, issue.id), eq(actions.departmentId, viewer.departmentId)))
        .limit(1);
      return Boolean(held);
    }
    default:
      return false;
  }
}

/**
 * Loads an issue for a change: locked for the transaction, scoped to the viewer, and at the
 * version the person saw (optimistic concurrency: a stale version is a conflict, not a lost write).
 */
export async function loadIssueForUpdate(tx: Executor, viewer: Viewer, id: number, expectedVersion?: number): Promise<IssueRow> {
  const [issue] = await tx.select().from(issues).where(eq(issues.id, id)).for("update");
  if (!issue || !(await issueVisibleTo(tx, viewer, issue))) throw new NotFound("issue");
  if (expectedVersion !== undefined && issue.version !== expectedVersion) throw new StaleVersion();
  return issue;
}

export class StaleVersion extends Conflict {
  constructor() {
    super("Someone else changed this a moment ago. Reload to see their change, then try again.");
  }
}
