import type { Database } from "@/db/client";
import { getDb } from "@/db";
import { problem } from "./problem";

/**
 * For the route files: opens the app's database and runs a handler on it. A database that
 * cannot be reached is a 503 the client may retry, not an HTML error page.
 */
export async function withDatabase(operation: string, run: (db: Database) => Promise<Response>): Promise<Response> {
  let db: Database;
  try {
    db = await getDb();
  } catch (error) {
    return unavailable(operation, error);
  }
  return run(db);
}

/** A database that cannot be reached: a 503 the client may retry. */
export function unavailable(operation: string, error: unknown): Response {
  console.error(`[api] ${operation}: the database is unavailable`, error);
  return problem("service_unavailable", "The service is starting or its database is unavailable. Try again shortly.", { headers: { "retry-after": "5" } });
}
