import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, users, type User } from "@/db/schema";
import { RateLimited } from "@/lib/errors";
import { verifyPassword } from "@/lib/passwords";
import { checkBlocked, clearHits, registerHit, signInPolicy } from "@/lib/rate-limit";

export interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
}

const emailKey = (email: string) => `signin:email:${email}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

/**
 * Checks a password sign-in. Failures are counted per account and per address; past the
 * policy's limit the next attempts are refused for a time that grows with each failure,
 * whether or not the password is right, so guessing gets slower instead of going on.
 */
export async function authenticate(db: Database, attempt: SignInAttempt, now = new Date()): Promise<User | null> {
  const email = attempt.email.trim().toLowerCase();
  if (!email || !attempt.password) return null;

  for (const key of [emailKey(email), ipKey(attempt.ip)]) {
    const state = await checkBlocked(db, key, now);
    if (state.blocked) throw tooManyAttempts(state.retryAfterSeconds);
  }

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash, attempt.password);

  if (!user || !passwordOk || user.status !== "active") {
    const byEmail = await registerHit(db, emailKey(email), signInPolicy, now);
    const byIp = await registerHit(db, ipKey(attempt.ip), { ...signInPolicy, limit: signInPolicy.limit * 4 }, now);
    await db.insert(auditLog).values({
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      action: "user.sign_in_failed",
      entityType: "user",
      entityId: user ? String(user.id) : email.slice(0, 64),
      reason: !user ? "unknown account" : !passwordOk ? "wrong password" : "account disabled",
      data: { ip: attempt.ip },
    });
    const blocked = [byEmail, byIp].find((s) => s.blocked);
    if (blocked) throw tooManyAttempts(blocked.retryAfterSeconds);
    return null;
  }

  await clearHits(db, emailKey(email));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await tx.insert(auditLog).values({
      actorId: user.id,
      actorRole: user.role,
      action: "user.signed_in",
      entityType: "user",
      entityId: String(user.id),
      data: { ip: attempt.ip },
    });
  });
  return user;
}

function tooManyAttempts(seconds: number): RateLimited {
  return new RateLimited(`Too many failed sign-ins: try again in ${seconds} seconds.`, seconds);
}
