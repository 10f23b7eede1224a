import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count, eq } from "drizzle-orm";
import { categories, records, sites } from "@/db/schema";
import type { BenchRecord } from "@/lib/services/bench-insert";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// The bench action and route read BENCH_ROUTES from the parsed environment and open the app's
// database: both point at this test's instead.
const state = vi.hoisted(() => ({ benchRoutes: false, db: null as unknown }));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return {
    ...original,
    env: new Proxy(original.env, { get: (target, key) => (key === "BENCH_ROUTES" ? state.benchRoutes : target[key as keyof typeof target]) }),
  };
});
vi.mock("@/db", () => ({ getDb: async () => state.db }));

const { benchInsertAction } = await import("@/app/bench/action/actions");
const { POST } = await import("@/app/api/bench/insert/route");
const { POST: noopPost } = await import("@/app/api/bench/noop/route");

let t: TestDatabase;
let row: BenchRecord;

beforeAll(async () => {
  t = await createTestDatabase();
  state.db = t.db;
  const [category] = await t.db.select({ id: categories.id }).from(categories).where(eq(categories.code, "rewards"));
  const [site] = await t.db.select({ id: sites.id }).from(sites).where(eq(sites.code, "SH"));
  row = { kind: "complaint", channel: "hotline", externalId: "", siteId: site.id, categoryId: category.id, regionCode: "320500", callReference: "CTI-1", summary: "bench", customerWords: "", urgency: "normal" };
});
afterAll(async () => t?.close());

async function recordCount(): Promise<number> {
  const [{ n }] = await t.db.select({ n: count() }).from(records);
  return n;
}

describe("the bench server action", () => {
  it("refuses and writes nothing without BENCH_ROUTES", async () => {
    state.benchRoutes = false;
    const before = await recordCount();
    const result = await benchInsertAction({ ...row, externalId: "bench-off-1" });
    expect(result).toEqual({ created: false, message: expect.stringMatching(/BENCH_ROUTES=1/) });
    expect(await recordCount()).toBe(before);
  });

  it("inserts the same row as the bare route with BENCH_ROUTES=1", async () => {
    state.benchRoutes = true;
    const viaAction = await benchInsertAction({ ...row, externalId: "bench-on-action" });
    const response = await POST(new Request("http://localhost/api/bench/insert", { method: "POST", body: JSON.stringify({ ...row, externalId: "bench-on-route" }) }));
    expect(response.status).toBe(201);
    const viaRoute = (await response.json()) as { id: number };
    if (!viaAction.created) throw new Error(viaAction.message);
    const written = await t.db.select().from(records).where(eq(records.channel, "hotline"));
    const pick = (id: number) => {
      const r = written.find((w) => w.id === id)!;
      return { kind: r.kind, siteId: r.siteId, categoryId: r.categoryId, regionCode: r.regionCode, summary: r.summary, status: r.status, hasDue: r.dueAt !== null };
    };
    expect(pick(viaAction.id)).toEqual(pick(viaRoute.id));
    expect(pick(viaAction.id)).toMatchObject({ kind: "complaint", siteId: row.siteId, categoryId: row.categoryId, status: "new", hasDue: true });
  });
});

describe("the bare bench route", () => {
  it("is not found without BENCH_ROUTES", async () => {
    state.benchRoutes = false;
    const before = await recordCount();
    const response = await POST(new Request("http://localhost/api/bench/insert", { method: "POST", body: JSON.stringify({ ...row, externalId: "bench-off-route" }) }));
    expect(response.status).toBe(404);
    expect(await recordCount()).toBe(before);
  });
});

describe("the framework-floor bench route", () => {
  it("is not found without BENCH_ROUTES, and with it answers 201 without writing anything", async () => {
    const send = () => noopPost(new Request("http://localhost/api/bench/noop", { method: "POST", body: JSON.stringify({ ...row, externalId: "bench-noop-1" }) }));
    const before = await recordCount();
    state.benchRoutes = false;
    expect((await send()).status).toBe(404);
    state.benchRoutes = true;
    const response = await send();
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ received: "bench-noop-1" });
    expect(await recordCount()).toBe(before);
  });
});
