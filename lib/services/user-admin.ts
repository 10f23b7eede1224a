import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { Conflict, ExpectedError, NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";

export class CannotDisableSelf extends ExpectedError {
  override readonly code = "cannot_disable_self";
}

/**
 * Disables or re-enables an account. Disabling raises the session version, so the user's
 * current sessions stop working at their next request.
 */
export async function setUserStatus(
  db: Database,
  viewer: Viewer,
  input: { userId: number; status: "active" | "disabled"; reason?: string },
): Promise<void> {
  assertCan(viewer, "admin.users");
  if (input.userId === viewer.id && input.status === "disabled") {
    throw new CannotDisableSelf("You cannot disable your own account.");
  }
  await db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!target) throw new NotFound("user");
    if (target.status === input.status) throw new Conflict(`The account is already ${input.status}.`);
    await tx
      .update(users)
      .set({
        status: input.status,
        sessionVersion: input.status === "disabled" ? sql`${users.sessionVersion} + 1` : users.sessionVersion,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, target.id), eq(users.status, target.status)));
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      actorRole: viewer.role,
      action: input.status === "disabled" ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: String(target.id),
      reason: input.reason ?? null,
    });
  });
}
