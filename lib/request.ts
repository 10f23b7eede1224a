import "server-only";
import { headers } from "next/headers";

/** The caller's address as the nearest proxy reports it (the first X-Forwarded-For hop). */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}
