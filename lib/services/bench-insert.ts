import type { Database } from "@/db/client";
import { records, type Channel, type RecordKind, type Urgency } from "@/db/schema";
import { complaintDays } from "@/lib/services/records";

/** The row `npm run bench` writes through the bare route and the bench server action. */
export interface BenchRecord {
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
 * One drizzle INSERT of a record, with no token, validation, masking, audit row or idempotency:
 * the floor the real intake path is measured against. Only the bench routes call it, and they
 * refuse unless the server runs with BENCH_ROUTES=1.
 */
export async function insertBenchRecord(db: Database, row: BenchRecord): Promise<{ id: number }> {
  const occurredAt = new Date();
  const [created] = await db
    .insert(records)
    .values({
      kind: row.kind,
      channel: row.channel,
      externalId: row.externalId,
      siteId: row.siteId,
      categoryId: row.categoryId,
      regionCode: row.regionCode,
      callReference: row.callReference,
      summary: row.summary,
      customerWords: row.customerWords,
      urgency: row.urgency,
      valuable: false,
      status: "new",
      dueAt: row.kind === "complaint" ? new Date(occurredAt.getTime() + complaintDays * 86_400_000) : null,
      occurredAt,
    })
    .returning({ id: records.id });
  return { id: created.id };
}
