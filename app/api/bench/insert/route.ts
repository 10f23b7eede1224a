import { getDb } from "@/db";
import { records, type Channel, type RecordKind, type Urgency } from "@/db/schema";
import { env } from "@/lib/env";
import { complaintDays } from "@/lib/services/records";

export const dynamic = "force-dynamic";

interface BareRecord {
  kind: RecordKind;
  channel: Channel;
  externalId: string;
  siteId: number;
  categoryId: number;
  regionCode: string;
  callReference: string;
  summary: string;
  customerWords: string;
  urgency: Urgency;
}

/**
 * The floor `npm run bench` compares POST /api/v1/records with: the same record row written by
 * one drizzle INSERT, with no token, validation, masking, audit row or idempotency. It exists
 * only when the server is started with BENCH_ROUTES=1 (the bench does); otherwise it is a 404.
 */
export async function POST(request: Request) {
  if (!env.BENCH_ROUTES) return new Response(null, { status: 404 });
  const row = (await request.json()) as BareRecord;
  const occurredAt = new Date();
  const db = await getDb();
  const [created] = await db
    .insert(records)
    .values({
      ...row,
      valuable: false,
      status: "new",
      dueAt: row.kind === "complaint" ? new Date(occurredAt.getTime() + complaintDays * 86_400_000) : null,
      occurredAt,
    })
    .returning({ id: records.id });
  return Response.json({ id: created.id }, { status: 201 });
}
