import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categories, records } from "@/db/schema";
import { problemDetails } from "@/lib/api/schemas";
import { handleGetStats } from "@/lib/api/stats";
import { issueApiToken } from "@/lib/services/api-tokens";
import { statsFigureNames } from "@/lib/stats/registry";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
let statsToken: string;
let recordsToken: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const admin = viewerOf(await createUser(t.db, "admin"));
  statsToken = (await issueApiToken(t.db, admin, { name: "经营分析 BI", scopes: ["stats:read"] })).token;
  recordsToken = (await issueApiToken(t.db, admin, { name: "话务系统 CTI", scopes: ["records:read"] })).token;
  const [category] = await t.db.select().from(categories).limit(1);
  // Two hotline complaints and a survey suggestion on 2026-05-04 and 05-05 (Asia/Shanghai).
  await t.db.insert(records).values([
    { kind: "complaint", channel: "hotline", categoryId: category!.id, summary: "一", occurredAt: new Date("2026-05-04T10:00:00+08:00") },
    { kind: "complaint", channel: "hotline", categoryId: category!.id, summary: "二", occurredAt: new Date("2026-05-05T10:00:00+08:00") },
    { kind: "suggestion", channel: "survey", categoryId: category!.id, summary: "三", occurredAt: new Date("2026-05-05T11:00:00+08:00") },
  ]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

function get(path: string, bearer: string | null = statsToken): Request {
  return new Request(`http://localhost/api/v1/stats/${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
}

describe("GET /api/v1/stats/{figure}", () => {
  it("answers a figure with the filters it used", async () => {
    const response = await handleGetStats(t.db, get("channels?from=2026-05-01&to=2026-05-31"), "channels");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { figure: string; filters: Record<string, unknown>; data: { channel: string; n: number }[] };
    expect(body.figure).toBe("channels");
    expect(body.filters).toEqual({ from: "2026-05-01", to: "2026-05-31", grain: "day" });
    expect(Object.fromEntries(body.data.map((c) => [c.channel, c.n]))).toMatchObject({ hotline: 2, survey: 1, web: 0 });
  });

  it("filters as the dashboards do", async () => {
    const response = await handleGetStats(t.db, get("trend?from=2026-05-04&to=2026-05-05&grain=day&kind=complaint"), "trend");
    const body = (await response.json()) as { data: { points: { period: string; total: number }[] } };
    expect(body.data.points).toEqual([
      { period: "2026-05-04", total: 1, byKind: { complaint: 1 } },
      { period: "2026-05-05", total: 1, byKind: { complaint: 1 } },
    ]);
  });

  it("serves every figure the registry names", async () => {
    for (const figure of statsFigureNames) {
      const response = await handleGetStats(t.db, get(`${figure}?from=2026-05-01&to=2026-05-31`), figure);
      expect(response.status, figure).toBe(200);
    }
  });

  it("names each bad parameter, and an unknown figure", async () => {
    const bad = await handleGetStats(t.db, get("trend?from=2026-06-01&to=2026-05-01&kind=rumour&colour=red"), "trend");
    expect(bad.status).toBe(400);
    const problem = problemDetails.parse(await bad.json());
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["colour", "kind"]);
    const order = problemDetails.parse(await (await handleGetStats(t.db, get("trend?from=2026-06-01&to=2026-05-01"), "trend")).json());
    expect(order.errors).toEqual([{ field: "from", message: "`from` must not be after `to`." }]);
    const unknown = await handleGetStats(t.db, get("trends"), "trends");
    expect(unknown.status).toBe(404);
    expect(problemDetails.parse(await unknown.json()).detail).toContain("trend, categories");
  });

  it("wants a token with the stats:read scope", async () => {
    expect((await handleGetStats(t.db, get("trend", null), "trend")).status).toBe(401);
    const forbidden = await handleGetStats(t.db, get("trend", recordsToken), "trend");
    expect(forbidden.status).toBe(403);
    expect(problemDetails.parse(await forbidden.json()).detail).toContain("stats:read");
  });
});
