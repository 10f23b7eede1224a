import { and, count, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  actions,
  actionUpdates,
  auditLog,
  categories,
  departments,
  emailOutbox,
  issues,
  meetingComments,
  meetingItems,
  meetings,
  notifications,
  records,
  teams,
  type ActionStatus,
  type IssueStatus,
  type User,
} from "@/db/schema";
import { createUser } from "./factories";

/** Fixtures for the action, meeting and time-limit tests: rows put straight in the states wanted. */

export async function categoryId(db: Database, code = "pin.letter"): Promise<number> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, code));
  return row.id;
}

export async function departmentId(db: Database, code: string): Promise<number> {
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  return row.id;
}

export async function departmentUser(db: Database, code: string): Promise<User> {
  return createUser(db, "department", { departmentId: await departmentId(db, code) });
}

let issueCounter = 0;

export async function makeIssue(
  db: Database,
  status: IssueStatus,
  values: Partial<typeof issues.$inferInsert> = {},
): Promise<typeof issues.$inferSelect> {
  issueCounter += 1;
  const [issue] = await db
    .insert(issues)
    .values({ type: "problem", title: `测试问题 ${issueCounter}`, categoryId: await categoryId(db), status, ...values })
    .returning();
  return issue;
}

export async function makeAction(
  db: Database,
  issueId: number,
  departmentCode: string,
  status: ActionStatus,
  values: Partial<typeof actions.$inferInsert> = {},
): Promise<typeof actions.$inferSelect> {
  const [action] = await db
    .insert(actions)
    .values({
      issueId,
      departmentId: await departmentId(db, departmentCode),
      disposition: "work_plan",
      status,
      doneAt: status === "done" || status === "verified" ? new Date() : null,
      verifiedAt: status === "verified" ? new Date() : null,
      ...values,
    })
    .returning();
  return action;
}

export async function makeTeam(db: Database, siteId: number, name: string): Promise<number> {
  const [team] = await db.insert(teams).values({ siteId, name }).returning({ id: teams.id });
  return team.id;
}

/** Rows per table that these services write, to show that a refused step wrote nothing. */
export async function footprint(db: Database) {
  const n = async (table: typeof actions | typeof actionUpdates | typeof auditLog | typeof notifications | typeof meetings | typeof meetingItems | typeof meetingComments | typeof emailOutbox) =>
    (await db.select({ n: count() }).from(table))[0].n;
  const [versions] = await db.select({ issues: sql<number>`coalesce(sum(${issues.version}), 0)::int` }).from(issues);
  const [actionVersions] = await db.select({ actions: sql<number>`coalesce(sum(${actions.version}), 0)::int` }).from(actions);
  const [recordVersions] = await db.select({ records: sql<number>`coalesce(sum(${records.version}), 0)::int` }).from(records);
  const [decided] = await db.select({ n: count() }).from(meetingItems).where(sql`${meetingItems.decision} is not null`);
  return {
    actions: await n(actions),
    actionUpdates: await n(actionUpdates),
    audit: await n(auditLog),
    notifications: await n(notifications),
    meetings: await n(meetings),
    meetingItems: await n(meetingItems),
    meetingComments: await n(meetingComments),
    outbox: await n(emailOutbox),
    decided: decided.n,
    issueVersions: versions.issues,
    actionVersions: actionVersions.actions,
    recordVersions: recordVersions.records,
  };
}

export async function auditRows(db: Database, action: string, entityType?: string, entityId?: number | string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityType ? eq(auditLog.entityType, entityType) : undefined, entityId !== undefined ? eq(auditLog.entityId, String(entityId)) : undefined));
}

export async function notificationsOf(db: Database, userId: number) {
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}

/** A date string `days` from today (UTC+8 calendar), negative for the past. */
export function dayFromToday(days: number, now = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}
