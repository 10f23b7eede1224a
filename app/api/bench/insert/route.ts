import { getDb } from "@/db";
import { env } from "@/lib/env";
import { insertBenchRecord, type BenchRecord } from "@/lib/services/bench-insert";

export const dynamic = "force-dynamic";

/**
 * The floor `npm run bench` compares POST /api/v1/records with: the same record row written by
 * one drizzle INSERT, with no token, validation, masking, audit row or idempotency. It exists
 * only when the server is started with BENCH_ROUTES=1 (the bench does); otherwise it is a 404.
 */
export async function POST(request: Request) {
  if (!env.BENCH_ROUTES) return new Response(null, { status: 404 });
  const row = (await request.json()) as BenchRecord;
  const created = await insertBenchRecord(await getDb(), row);
  // Small: the server sends it as it is, as it does the API's and the action's small answers.
  return Response.json(created, { status: 201 });
}
