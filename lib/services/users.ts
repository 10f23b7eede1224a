import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type User } from "@/db/schema";

export async function findUserForSso(db: Executor, email: string): Promise<User | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.trim().toLowerCase()), eq(users.status, "active")))
    .limit(1);
  return user ?? null;
}

/** The account behind a session, if it is still active and the session was not revoked. */
export async function loadActiveUser(db: Executor, id: number | undefined, sessionVersion: number | undefined): Promise<User | null> {
  if (!id || !Number.isInteger(id)) return null;
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user || user.status !== "active") return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  return user;
}
