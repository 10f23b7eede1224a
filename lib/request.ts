import "server-only";
import { headers } from "next/headers";

/** The caller's address as the nearest proxy reports it (the first X-Forwarded-For hop). */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}

/**
 * The path (and query) of the page being rendered. The proxy passes it as x-pathname on page
 * requests. A server action's request skips the proxy (proxy.ts); when its page re-renders, the
 * page is the one that posted, which the browser names in the Referer (same origin only).
 */
export async function currentPath(): Promise<string | null> {
  const h = await headers();
  const fromProxy = h.get("x-pathname");
  if (fromProxy) return fromProxy;
  const referer = h.get("referer");
  const host = h.get("host");
  if (!referer || !host) return null;
  try {
    const url = new URL(referer);
    return url.host === host ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}
