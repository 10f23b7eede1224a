import { handleCreateRecord, handleListRecords } from "@/lib/api/records";
import { withDatabase } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** Records for the telephony system and the mailbox gateways; see /developers. */
export function GET(request: Request) {
  return withDatabase("GET /api/v1/records", (db) => handleListRecords(db, request));
}

export function POST(request: Request) {
  return withDatabase("POST /api/v1/records", (db) => handleCreateRecord(db, request));
}
