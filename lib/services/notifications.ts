import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { notifications } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import type { Viewer } from "@/lib/viewer";

/**
 * A person marks their own notifications read. Someone else's is "not found"; marking one
 * already read changes nothing. Reading is not an audited change.
 */
export async function markNotificationRead(db: Database, viewer: Viewer, input: { id: number }): Promise<void> {
  const [row] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, input.id), eq(notifications.userId, viewer.id)))
    .limit(1);
  if (!row) throw new NotFound("notification");
  if (row.readAt) return;
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, row.id), isNull(notifications.readAt)));
}

export async function markAllNotificationsRead(db: Database, viewer: Viewer): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
