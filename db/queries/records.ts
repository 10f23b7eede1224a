import { and, count, desc, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, issues, records, users } from "@/db/schema";
import { assertCan } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";

const recordListColumns = {
  id: records.id,
  kind: records.kind,
  channel: records.channel,
  status: records.status,
  urgency: records.urgency,
  valuable: records.valuable,
  summary: records.summary,
  createdAt: records.createdAt,
  dueAt: records.dueAt,
  dismissedReason: records.dismissedReason,
  category: { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn },
  issueId: records.issueId,
  issueTitle: issues.title,
  issueStatus: issues.status,
};

/** An agent's own records, newest first. */
export async function listOwnRecords(db: Executor, viewer: Viewer, limit = 20) {
  assertCan(viewer, "record.read.own");
  return db
    .select(recordListColumns)
    .from(records)
    .innerJoin(categories, eq(categories.id, records.categoryId))
    .leftJoin(issues, eq(issues.id, records.issueId))
    .where(eq(records.authorId, viewer.id))
    .orderBy(desc(records.createdAt), desc(records.id))
    .limit(limit);
}

export async function countOwnRecordsByStatus(db: Executor, viewer: Viewer, since: Date) {
  assertCan(viewer, "record.read.own");
  const rows = await db
    .select({ status: records.status, valuable: records.valuable, n: count() })
    .from(records)
    .where(and(eq(records.authorId, viewer.id), gte(records.createdAt, since)))
    .groupBy(records.status, records.valuable);
  const total = rows.reduce((s, r) => s + r.n, 0);
  const reported = rows.filter((r) => r.valuable).reduce((s, r) => s + r.n, 0);
  const linked = rows.filter((r) => r.status === "linked").reduce((s, r) => s + r.n, 0);
  const dismissed = rows.filter((r) => r.status === "dismissed").reduce((s, r) => s + r.n, 0);
  return { total, reported, linked, dismissed };
}

/** The supervisor's queue: records their team reported as valuable, not yet handled. */
export async function listTeamQueue(db: Executor, viewer: Viewer, limit = 50) {
  assertCan(viewer, "record.read.team");
  if (viewer.teamId === null) return [];
  return db
    .select({ ...recordListColumns, authorName: users.name })
    .from(records)
    .innerJoin(categories, eq(categories.id, records.categoryId))
    .leftJoin(issues, eq(issues.id, records.issueId))
    .leftJoin(users, eq(users.id, records.authorId))
    .where(and(eq(records.teamId, viewer.teamId), eq(records.status, "reported")))
    .orderBy(desc(records.createdAt), desc(records.id))
    .limit(limit);
}

/**
 * Concentrated problems in the supervisor's team: categories with the most records in the last
 * `recentDays`, beside their usual daily level over the `baselineDays` before.
 */
export async function listTeamConcentrations(db: Executor, viewer: Viewer, now = new Date(), recentDays = 7, baselineDays = 28) {
  assertCan(viewer, "record.read.team");
  if (viewer.teamId === null) return [];
  const recentStart = new Date(now.getTime() - recentDays * 86_400_000);
  const baselineStart = new Date(recentStart.getTime() - baselineDays * 86_400_000);
  const rows = await db
    .select({
      categoryId: records.categoryId,
      category: { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn },
      recent: sql<number>`count(*) filter (where ${records.createdAt} >= ${recentStart.toISOString()}::timestamptz)::int`,
      baseline: sql<number>`count(*) filter (where ${records.createdAt} < ${recentStart.toISOString()}::timestamptz)::int`,
    })
    .from(records)
    .innerJoin(categories, eq(categories.id, records.categoryId))
    .where(and(eq(records.teamId, viewer.teamId), gte(records.createdAt, baselineStart)))
    .groupBy(records.categoryId, categories.nameHans, categories.nameHant, categories.nameEn);
  return rows
    .map((r) => {
      const usualPerDay = r.baseline / baselineDays;
      const recentPerDay = r.recent / recentDays;
      return { ...r, recentPerDay, usualPerDay, ratio: usualPerDay > 0 ? recentPerDay / usualPerDay : null };
    })
    .filter((r) => r.recent > 0)
    .sort((a, b) => b.recent - a.recent)
    .slice(0, 8);
}
