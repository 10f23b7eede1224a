import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPglite, openPostgres, type Database, type DatabaseHandle } from "@/db/client";
import { seedReference } from "@/db/seed/reference";

export interface TestDatabase {
  db: Database;
  handle: DatabaseHandle;
  engine: "pglite" | "postgres";
  /** Connection URL of the server database, when the suite runs on one. */
  url?: string;
  close(): Promise<void>;
}

/**
 * A fresh database with the real migrations and reference data: in-memory PGlite by default,
 * a new database on the server when DATABASE_URL is set (dropped again by close()).
 */
export async function createTestDatabase(options: { reference?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `voc_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    handle = await openPostgres(url, { max: 4 });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 2 });
    };
  } else {
    handle = await openPglite();
  }
  await handle.migrate();
  if (options.reference !== false) await seedReference(handle.db);
  return {
    db: handle.db,
    handle,
    engine: handle.engine,
    url,
    async close() {
      await handle.close();
      await dropDatabase();
    },
  };
}
