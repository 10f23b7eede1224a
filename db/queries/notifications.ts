import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Viewer } from "@/lib/viewer";

export async function countUnreadNotifications(db: Executor, viewer: Viewer): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(db: Executor, viewer: Viewer, limit = 5) {
  return db
    .select({ id: notifications.id, title: notifications.title, body: notifications.body, link: notifications.link, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.userId, viewer.id))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}
