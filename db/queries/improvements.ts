import { and, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, issues } from "@/db/schema";

const categoryName = { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn };

const published = and(eq(issues.status, "resolved"), isNotNull(issues.publicTitle), isNotNull(issues.publicOutcome), sql`length(btrim(${issues.publicTitle})) > 0`);

/**
 * The public "you said, we did" page: resolved issues with approved wording only, newest first,
 * one page at a time. Nothing but the approved title, outcome, category and date leaves here.
 */
export async function listImprovements(db: Executor, options: { page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(options.pageSize ?? 12, 1), 50);
  const [{ total }] = await db.select({ total: count() }).from(issues).where(published);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(options.page ?? 1), 1), pageCount);
  const items = await db
    .select({ id: issues.id, title: issues.publicTitle, outcome: issues.publicOutcome, resolvedAt: issues.resolvedAt, type: issues.type, category: categoryName })
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .where(published)
    .orderBy(sql`${issues.resolvedAt} desc nulls last`, desc(issues.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: items.map((i) => ({ ...i, title: i.title ?? "", outcome: i.outcome ?? "" })), total, page, pageCount, pageSize };
}
