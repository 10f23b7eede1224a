import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Viewer } from "@/lib/viewer";

/** The viewer's own notifications, newest first, a page at a time (the header's count is in notifications.ts). */
export async function listInbox(db: Executor, viewer: Viewer, options: { page?: number; pageSize?: number; unreadOnly?: boolean } = {}) {
  const pageSize = options.pageSize ?? 30;
  const where = and(eq(notifications.userId, viewer.id), options.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [{ total }] = await db.select({ total: count() }).from(notifications).where(where);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(options.page ?? 1), 1), pageCount);
  const items = await db
    .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, body: notifications.body, link: notifications.link, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, total, page, pageCount };
}
