import { getReadDb } from "@/db";
import { withDatabase } from "@/lib/api/route";
import { handleGetStats } from "@/lib/api/stats";

export const dynamic = "force-dynamic";

/** The dashboards' figures; see /developers. */
export async function GET(request: Request, { params }: { params: Promise<{ figure: string }> }) {
  const { figure } = await params;
  return withDatabase("GET /api/v1/stats", async (db) => {
    // A replica that cannot be reached leaves the figures to the primary rather than failing them.
    const readDb = await getReadDb().catch((error: unknown) => {
      console.error("[api] GET /api/v1/stats: the read replica is unavailable; reading from the primary", error);
      return db;
    });
    return handleGetStats(db, request, figure, readDb);
  });
}
