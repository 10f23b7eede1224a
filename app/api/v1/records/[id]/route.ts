import { handleGetRecord } from "@/lib/api/records";
import { withDatabase } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withDatabase("GET /api/v1/records/{id}", (db) => handleGetRecord(db, request, id));
}
