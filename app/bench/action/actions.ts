"use server";

import { getDb } from "@/db";
import { env } from "@/lib/env";
import { insertBenchRecord, type BenchRecord } from "@/lib/services/bench-insert";

export type BenchInsertResult = { created: true; id: number } | { created: false; message: string };

/**
 * `npm run bench` only: the bare route's insert (lib/services/bench-insert.ts) as a server action,
 * to measure what the action machinery costs against the route handler. Without BENCH_ROUTES=1
 * it writes nothing: a server action is a public endpoint, whatever page references it.
 */
export async function benchInsertAction(row: BenchRecord): Promise<BenchInsertResult> {
  if (!env.BENCH_ROUTES) return { created: false, message: "Bench actions are off: the server runs without BENCH_ROUTES=1." };
  const { id } = await insertBenchRecord(await getDb(), row);
  return { created: true, id };
}
