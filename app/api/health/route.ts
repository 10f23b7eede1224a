import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDatabaseHandle } from "@/db";

export const dynamic = "force-dynamic";

/** For load balancers and start scripts: answers once the database is migrated and reachable. */
export async function GET() {
  try {
    const handle = await getDatabaseHandle();
    await handle.db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", engine: handle.engine });
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json({ status: "unavailable" }, { status: 503 });
  }
}
