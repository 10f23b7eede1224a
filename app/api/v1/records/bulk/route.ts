import { handleBulkCreateRecords } from "@/lib/api/records";
import { withDatabase } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return withDatabase("POST /api/v1/records/bulk", (db) => handleBulkCreateRecords(db, request));
}
