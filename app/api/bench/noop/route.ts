import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * The framework's own floor for `npm run bench`: the bare route's request, read and answered
 * with 201, without touching the database. What it reaches is the most any route of this server
 * can reach on this machine. Only with BENCH_ROUTES=1; otherwise a 404.
 */
export async function POST(request: Request) {
  if (!env.BENCH_ROUTES) return new Response(null, { status: 404 });
  const row = (await request.json()) as { externalId?: unknown };
  return Response.json({ received: typeof row.externalId === "string" ? row.externalId : null }, { status: 201 });
}
