import { and, count, desc, eq, gte } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, issues, records } from "@/db/schema";
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
