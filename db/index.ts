import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type Database, type DatabaseHandle } from "./client";
import { users } from "./schema";
import { databaseEngine, env, pgliteDataDir, shouldSeedDemo } from "@/lib/env";
import { seedReference } from "./seed/reference";

export type { Database, Executor, Transaction } from "./client";

/**
 * The app's database: opened once per process (kept on globalThis, since Next can load this
 * module in more than one module graph), migrated and given its reference data before first use.
 */
const store = globalThis as typeof globalThis & { __vocDatabase?: Promise<DatabaseHandle>; __vocReadDatabase?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  store.__vocDatabase ??= openAndPrepare().catch((error: unknown) => {
    store.__vocDatabase = undefined;
    throw error;
  });
  return store.__vocDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/**
 * Where the dashboards read: the replica named by DATABASE_READ_URL, else the app's database.
 * Only for figures that may lag by the replica's delay (they show how fresh they are); a page
 * that shows what its viewer has just written reads from getDb().
 */
export async function getReadDb(): Promise<Database> {
  if (databaseEngine !== "postgres" || !env.DATABASE_READ_URL) return getDb();
  const url = env.DATABASE_READ_URL;
  store.__vocReadDatabase ??= getDatabaseHandle()
    .then(() => openPostgres(url, { max: env.DATABASE_POOL_MAX, prepare: env.DATABASE_PREPARE }))
    .catch((error: unknown) => {
      store.__vocReadDatabase = undefined;
      throw error;
    });
  return (await store.__vocReadDatabase).db;
}

async function openAndPrepare(): Promise<DatabaseHandle> {
  const handle =
    databaseEngine === "postgres" && env.DATABASE_URL
      ? await openPostgres(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX, prepare: env.DATABASE_PREPARE })
      : await openPglite(pgliteDataDir());
  try {
    await handle.migrate();
    await seedReference(handle.db);
    if (shouldSeedDemo()) {
      const [{ count }] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(users);
      if (count === 0) {
        const { seedDemo } = await import("./seed/demo");
        await seedDemo(handle.db, { apiToken: env.DEMO_API_TOKEN });
      }
    }
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

export async function closeDatabase(): Promise<void> {
  const pending = store.__vocDatabase;
  const replica = store.__vocReadDatabase;
  store.__vocDatabase = undefined;
  store.__vocReadDatabase = undefined;
  if (replica) await (await replica).close();
  if (pending) await (await pending).close();
}
