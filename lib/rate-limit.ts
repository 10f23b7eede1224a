import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";

/**
 * Counters kept in the database so every app instance sees the same ones.
 * A fixed window per key; past `limit` hits the key is blocked for a time that doubles
 * with every further hit, up to `maxBlockSeconds`.
 */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
  baseBlockSeconds: number;
  maxBlockSeconds: number;
}

export const signInPolicy: RateLimitPolicy = {
  limit: 5,
  windowSeconds: 15 * 60,
  baseBlockSeconds: 30,
  maxBlockSeconds: 15 * 60,
};

export interface RateLimitState {
  blocked: boolean;
  retryAfterSeconds: number;
}

export async function checkBlocked(db: Executor, key: string, now = new Date()): Promise<RateLimitState> {
  const [row] = await db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).limit(1);
  if (row?.blockedUntil && row.blockedUntil > now) {
    return { blocked: true, retryAfterSeconds: Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000) };
  }
  return { blocked: false, retryAfterSeconds: 0 };
}

/** Counts one hit (a failed sign-in, a submission) and says whether the key is now blocked. */
export async function registerHit(
  db: Executor,
  key: string,
  policy: RateLimitPolicy,
  now = new Date(),
): Promise<RateLimitState> {
  const windowStart = new Date(now.getTime() - policy.windowSeconds * 1000).toISOString();
  const nowText = now.toISOString();
  // One statement, so concurrent hits from several instances count exactly.
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${rateLimitBuckets.windowStartedAt} < ${windowStart}::timestamptz then 1 else ${rateLimitBuckets.count} + 1 end`,
        windowStartedAt: sql`case when ${rateLimitBuckets.windowStartedAt} < ${windowStart}::timestamptz then ${nowText}::timestamptz else ${rateLimitBuckets.windowStartedAt} end`,
      },
    })
    .returning();
  if (!row || row.count <= policy.limit) return { blocked: false, retryAfterSeconds: 0 };
  const over = row.count - policy.limit;
  const seconds = Math.min(policy.maxBlockSeconds, policy.baseBlockSeconds * 2 ** (over - 1));
  const blockedUntil = new Date(now.getTime() + seconds * 1000);
  await db.update(rateLimitBuckets).set({ blockedUntil }).where(eq(rateLimitBuckets.key, key));
  return { blocked: true, retryAfterSeconds: seconds };
}

export async function clearHits(db: Executor, key: string): Promise<void> {
  await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
}
