"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { getViewer } from "@/lib/session";

/** With JWT sessions, signing out is forgetting the cookie; recorded for the audit trail. */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (cookie.name.includes("next-auth.session-token")) jar.delete(cookie.name);
  }
  if (viewer) {
    const db = await getDb();
    await db.insert(auditLog).values({
      actorId: viewer.id,
      actorRole: viewer.role,
      action: "user.signed_out",
      entityType: "user",
      entityId: String(viewer.id),
    });
  }
  redirect("/signin");
}
