import { withDatabase } from "@/lib/api/route";
import { handleGetStats } from "@/lib/api/stats";

export const dynamic = "force-dynamic";

/** The dashboards' figures; see /developers. */
export async function GET(request: Request, { params }: { params: Promise<{ figure: string }> }) {
  const { figure } = await params;
  return withDatabase("GET /api/v1/stats", (db) => handleGetStats(db, request, figure));
}
