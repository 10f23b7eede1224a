import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog, idempotencyKeys, records } from "@/db/schema";
import { createRecordRoute, directRoutes } from "@/lib/api/direct";
import { handleCreateRecord } from "@/lib/api/records";
import { problemDetails, recordView } from "@/lib/api/schemas";
import { hashApiToken, issueApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import { createRecordByToken, type NewRecordInput } from "@/lib/services/records";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
let admin: Viewer;
let token: string;
let readOnly: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  t = await createTestDatabase();
  admin = viewerOf(await createUser(t.db, "admin"));
  token = (await issueApiToken(t.db, admin, { name: "话务系统 CTI", scopes: ["records:write"] })).token;
  readOnly = (await issueApiToken(t.db, admin, { name: "报表 Reporting", scopes: ["records:read"] })).token;
  const route = createRecordRoute(async () => t.db);
  server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      res.statusCode = 599;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

let serial = 0;
const unique = (prefix: string) => `${prefix}-${++serial}-${Date.now()}`;

function validRecord(overrides: Record<string, unknown> = {}) {
  return {
    kind: "complaint",
    channel: "hotline",
    categoryCode: "pin.letter",
    siteCode: "SZ",
    region: "苏州",
    summary: "密码函开卡后两周仍未收到 卡号 6222021234567890128",
    customerWords: "卡激活两周了，密码函还没到。",
    urgency: "high",
    valuable: true,
    occurredAt: "2026-03-02T09:41:00+08:00",
    contact: "13800138000",
    ...overrides,
  };
}

function send(body: string, headers: Record<string, string> = {}, bearer: string | null = token) {
  return fetch(`${base}/api/v1/records`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
  });
}

async function recordCount() {
  const [{ n }] = await t.db.select({ n: count() }).from(records);
  return n;
}

describe("POST /api/v1/records answered by the server directly (lib/api/direct.ts)", () => {
  it("is the production server's route for intake", () => {
    expect(Object.keys(directRoutes)).toEqual(["POST /api/v1/records"]);
  });

  it("answers as the route file does: 201, the same view, its address, its length and no compression for a small answer", async () => {
    const externalId = unique("direct");
    const response = await send(JSON.stringify(validRecord({ externalId })), { "accept-encoding": "gzip" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-encoding")).toBeNull();
    const text = await response.text();
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    const view = recordView.parse(JSON.parse(text));
    expect(response.headers.get("location")).toBe(`/api/v1/records/${view.id}`);
    expect(view.summary).toBe(`密码函开卡后两周仍未收到 卡号 ${"*".repeat(15)}0128`);

    // The same record through the route file's handler, to another external id: the same answer.
    const viaRoute = await handleCreateRecord(
      t.db,
      new Request("http://test/api/v1/records", {
        method: "POST",
        body: JSON.stringify(validRecord({ externalId: `${externalId}-route` })),
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      }),
    );
    const routeView = recordView.parse(await viaRoute.json());
    const { id, createdAt, externalId: a, ...direct } = view;
    const { id: routeId, createdAt: routeCreatedAt, externalId: b, ...route } = routeView;
    expect([id, routeId, createdAt, routeCreatedAt, a, b].every(Boolean)).toBe(true);
    expect(direct).toEqual(route);
  });

  it("gzips an answer over a kilobyte for a client that takes gzip", async () => {
    const words = "客户反映密码函一直没有收到。".repeat(40);
    const response = await send(JSON.stringify(validRecord({ externalId: unique("long"), customerWords: words })), { "accept-encoding": "gzip" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(Number(response.headers.get("content-length"))).toBeLessThan(Buffer.byteLength(words));
    expect(recordView.parse(await response.json()).customerWords).toBe(words);
  });

  it("replays an Idempotency-Key with 200 and one record", async () => {
    const key = crypto.randomUUID();
    const body = JSON.stringify(validRecord({ summary: "直接路由幂等 direct idempotent" }));
    const before = await recordCount();
    const first = await send(body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const second = await send(body, { "idempotency-key": key });
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect((await second.json()).id).toBe((await first.json()).id);
    expect(await recordCount()).toBe(before + 1);
  });

  it("asks for a token before it says anything about the body", async () => {
    const before = await recordCount();
    const missing = await send("{not json", {}, null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="voc-api"');
    const unknown = await send(JSON.stringify(validRecord({ summary: "" })), {}, "voc_unknownunknownunknownunknown0000");
    expect(unknown.status).toBe(401);
    const readOnlyAnswer = await send(JSON.stringify(validRecord()), {}, readOnly);
    expect(readOnlyAnswer.status).toBe(403);
    expect(problemDetails.parse(await readOnlyAnswer.json()).detail).toContain("records:write");
    expect(await recordCount()).toBe(before);
  });

  it("says what is wrong with a body from a valid token: bad JSON, a bad field, an unknown category or site", async () => {
    const before = await recordCount();
    const cases: [string, number, string][] = [
      ["{not json", 400, "Malformed JSON"],
      [JSON.stringify(validRecord({ urgency: "sometime" })), 422, "Validation failed"],
      [JSON.stringify(validRecord({ categoryCode: "no.such" })), 422, "Validation failed"],
      [JSON.stringify(validRecord({ siteCode: "XX" })), 422, "Validation failed"],
      [JSON.stringify(validRecord({ region: "不存在的地方" })), 422, "Validation failed"],
    ];
    for (const [body, status, title] of cases) {
      const response = await send(body);
      expect(response.status, body).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(problemDetails.parse(await response.json()).title).toBe(title);
    }
    expect(await recordCount()).toBe(before);
  });

  it("refuses a body over 64 KB with 413, by its declared length or as it arrives, and closes the connection", async () => {
    const huge = JSON.stringify(validRecord({ customerWords: "长".repeat(30_000) }));
    const declared = await send(huge);
    expect(declared.status).toBe(413);
    expect(declared.headers.get("connection")).toBe("close");
    expect(problemDetails.parse(await declared.json()).detail).toBe("The body is larger than 64 KB.");

    // Without a Content-Length (chunked), the body is read only to the limit.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const chunked = await fetch(`${base}/api/v1/records`, {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    } as RequestInit & { duplex: "half" });
    expect(chunked.status).toBe(413);
  });

  it("answers 503 with Retry-After when the database cannot be opened", async () => {
    const route = createRecordRoute(() => Promise.reject(new Error("connection refused")));
    const failing = http.createServer((req, res) => void route(req, res));
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/api/v1/records`, {
        method: "POST",
        body: JSON.stringify(validRecord()),
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});

describe("createRecordByToken: the one-statement intake", () => {
  const input = (overrides: Partial<NewRecordInput> = {}): NewRecordInput => ({
    kind: "complaint",
    channel: "hotline",
    categoryCode: "pin.letter",
    siteCode: "SH",
    summary: "一条语句写入 one statement",
    customerWords: "",
    urgency: "normal",
    valuable: false,
    ...overrides,
  });

  it("writes the record, its audit row with the token's id, the idempotency key, and notes the token's use", async () => {
    const issued = await issueApiToken(t.db, admin, { name: "邮箱网关 Mailbox", scopes: ["records:write"] });
    const key = crypto.randomUUID();
    const written = await createRecordByToken(t.db, hashApiToken(issued.token), input({ externalId: unique("one") }), { key, requestHash: "h".repeat(64) });
    expect(written).not.toBeNull();
    expect(written!.tokenId).toBe(issued.id);
    expect(written!.references).toMatchObject({ categoryCode: "pin.letter", siteCode: "SH", categoryNameHans: "密码函寄送" });
    const [row] = await t.db.select().from(records).where(eq(records.id, written!.record.id));
    expect(row).toMatchObject({ summary: "一条语句写入 one statement", status: "new", authorId: null, teamId: null, siteId: written!.record.siteId });
    expect(row.createdAt.toISOString()).toBe(written!.record.createdAt.toISOString());
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "record"), eq(auditLog.entityId, String(row.id))));
    expect(audit.map((a) => [a.action, a.actorRole, a.actorId, a.data])).toEqual([["record.created", "integration", null, { channel: "hotline", via: "token", tokenId: issued.id }]]);
    const keys = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(keys.map((k) => [k.tokenId, k.responseStatus, k.responseBody])).toEqual([[issued.id, 201, { recordId: row.id }]]);
    const [used] = await t.db.select({ lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, issued.id));
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("writes nothing and answers null for what the general path must explain", async () => {
    const issued = await issueApiToken(t.db, admin, { name: "撤销的 Revoked", scopes: ["records:write"] });
    const key = crypto.randomUUID();
    const hash = hashApiToken(token);
    expect(await createRecordByToken(t.db, hash, input(), { key, requestHash: "a".repeat(64) })).not.toBeNull();
    const before = await recordCount();
    const refused = [
      await createRecordByToken(t.db, hashApiToken("voc_nobodynobodynobodynobodynobody00"), input()),
      await createRecordByToken(t.db, hashApiToken(readOnly), input()),
      await createRecordByToken(t.db, hash, input({ categoryCode: "no.such" })),
      await createRecordByToken(t.db, hash, input({ siteCode: "XX" })),
      await createRecordByToken(t.db, hash, input({ region: "不存在的地方" })),
      await createRecordByToken(t.db, hash, input({ channel: "web" })),
      // The same key again: a retry, answered by the general path from the first record.
      await createRecordByToken(t.db, hash, input(), { key, requestHash: "a".repeat(64) }),
    ];
    await revokeApiToken(t.db, admin, issued.id);
    refused.push(await createRecordByToken(t.db, hashApiToken(issued.token), input()));
    expect(refused).toEqual(refused.map(() => null));
    expect(await recordCount()).toBe(before);
  });
});
