// Pages: the server's time to first byte for each role's home page and the public page, and the
// JavaScript each page makes the browser download, gzip-compressed, against the smallest page of
// the same build.
import { gzipSync } from "node:zlib";

export const demoRoles = ["agent", "supervisor", "specialist", "manager", "department", "leadership", "admin"] as const;
const demoPassword = "demo1234";

export interface PageResult {
  path: string;
  as: string;
  status: number;
  ttfbMs: number;
  totalMs: number;
  runs: number;
  scripts: number;
  jsBytes: number;
  jsGzipBytes: number;
  htmlGzipBytes: number;
}

type Jar = Map<string, string>;

function absorb(jar: Jar, response: Response): void {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through next-auth's credentials flow, as the sign-in form does; returns the Cookie header. */
export async function signIn(base: string, email: string, password = demoPassword): Promise<string> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  absorb(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/home`, json: "true" }),
  });
  absorb(jar, response);
  await response.arrayBuffer();
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`signing in as ${email} gave no session (HTTP ${response.status})`);
  return cookieHeader(jar);
}

/**
 * The `<script src>` of a page, in order, each once; without `nomodule` ones (Next's polyfills),
 * which a browser that runs modules never downloads.
 */
export function scriptSources(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*?)\ssrc="([^"]+)"([^>]*)>/g)) {
    if (/\snomodule\b/i.test(`${m[1]} ${m[3]}`)) continue;
    found.add(m[2].replace(/&amp;/g, "&"));
  }
  return [...found];
}

const chunkCache = new Map<string, Buffer>();

async function chunk(base: string, src: string): Promise<Buffer> {
  const url = new URL(src, base).toString();
  let body = chunkCache.get(url);
  if (!body) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    body = Buffer.from(await response.arrayBuffer());
    chunkCache.set(url, body);
  }
  return body;
}

export async function measurePage(base: string, pagePath: string, as: string, cookie: string | null, warmup: number, runs: number, expectStatus = 200): Promise<PageResult> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  let html = "";
  let status = 0;
  const ttfb: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t = performance.now();
    const response = await fetch(`${base}${pagePath}`, { headers, redirect: "manual" });
    const first = performance.now() - t;
    html = await response.text();
    status = response.status;
    if (status !== expectStatus) throw new Error(`${pagePath} as ${as}: HTTP ${status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
    if (i >= warmup) {
      ttfb.push(first);
      total.push(performance.now() - t);
    }
  }
  const sources = scriptSources(html);
  let jsBytes = 0;
  let jsGzipBytes = 0;
  for (const src of sources) {
    const body = await chunk(base, src);
    jsBytes += body.length;
    jsGzipBytes += gzipSync(body, { level: 6 }).length;
  }
  return {
    path: pagePath,
    as,
    status,
    ttfbMs: median(ttfb),
    totalMs: median(total),
    runs,
    scripts: sources.length,
    jsBytes,
    jsGzipBytes,
    htmlGzipBytes: gzipSync(Buffer.from(html), { level: 6 }).length,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(m * 10) / 10;
}

export interface PagesResult {
  pages: PageResult[];
  /** The smallest page of the build measured, the floor the ratios divide by. */
  floor: PageResult;
  floorCandidates: PageResult[];
}

export async function measurePages(base: string, warmup: number, runs: number): Promise<PagesResult> {
  const pages: PageResult[] = [];
  pages.push(await measurePage(base, "/", "public", null, warmup, runs));
  for (const role of demoRoles) {
    const cookie = await signIn(base, `${role}@demo.local`);
    pages.push(await measurePage(base, `/${role}`, role, cookie, warmup, runs));
  }
  // The floor: the sign-in page and the not-found page, the smallest pages there are.
  const floorCandidates = [
    await measurePage(base, "/signin", "public", null, warmup, runs),
    await measurePage(base, "/bench-no-such-page", "public", null, warmup, runs, 404),
  ];
  const floor = [...floorCandidates].sort((a, b) => a.jsGzipBytes - b.jsGzipBytes)[0];
  return { pages, floor, floorCandidates };
}
