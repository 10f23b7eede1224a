import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, categories, idempotencyKeys, records, sites } from "@/db/schema";
import { bulkResult, problemDetails, recordList, recordView, type RecordView } from "@/lib/api/schemas";
import { decodeCursor, encodeCursor, handleBulkCreateRecords, handleCreateRecord, handleGetRecord, handleListRecords } from "@/lib/api/records";
import { issueApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
let admin: Viewer;
/** records:write and records:read */
let token: string;
let writeOnly: string;
let readOnly: string;

beforeAll(async () => {
  t = await createTestDatabase();
  admin = viewerOf(await createUser(t.db, "admin"));
  token = (await issueApiToken(t.db, admin, { name: "话务系统 CTI", scopes: ["records:write", "records:read"] })).token;
  writeOnly = (await issueApiToken(t.db, admin, { name: "邮箱网关 Mailbox", scopes: ["records:write"] })).token;
  readOnly = (await issueApiToken(t.db, admin, { name: "报表 Reporting", scopes: ["records:read"] })).token;
});
afterAll(async () => {
  await t?.close();
});

const base = "http://test/api/v1/records";
let serial = 0;
const unique = (prefix = "ext") => `${prefix}-${++serial}-${Date.now()}`;

interface RequestOptions {
  bearer?: string | null;
  headers?: Record<string, string>;
}

function postRaw(url: string, body: string | Uint8Array<ArrayBuffer>, { bearer = token, headers = {} }: RequestOptions = {}): Request {
  return new Request(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
  });
}

const post = (body: unknown, options?: RequestOptions) => postRaw(base, JSON.stringify(body), options);
const postBulk = (body: unknown, options?: RequestOptions) => postRaw(`${base}/bulk`, JSON.stringify(body), options);

function get(query = "", { bearer = token }: RequestOptions = {}): Request {
  return new Request(`${base}${query}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
}

function validRecord(overrides: Record<string, unknown> = {}) {
  return {
    kind: "complaint",
    channel: "hotline",
    categoryCode: "pin.letter",
    siteCode: "SZ",
    region: "苏州",
    callReference: "CTI-0001",
    summary: "密码函开卡后两周仍未收到",
    customerWords: "卡激活两周了，密码函还没到。",
    urgency: "high",
    valuable: true,
    occurredAt: "2026-03-02T09:41:00+08:00",
    contact: "13800138000",
    ...overrides,
  };
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = problemDetails.parse(await response.json());
  expect(body.status).toBe(response.status);
  return body;
}

async function recordCount(where = sql`true`) {
  const [{ n }] = await t.db.select({ n: count() }).from(records).where(where);
  return n;
}

describe("POST /api/v1/records", () => {
  it("creates one record and one audit row, answering 201 with its address and masked contact", async () => {
    const externalId = unique("cti");
    const before = await recordCount();
    const response = await handleCreateRecord(t.db, post(validRecord({ externalId })));
    expect(response.status).toBe(201);
    const body = recordView.parse(await response.json());
    expect(response.headers.get("location")).toBe(`/api/v1/records/${body.id}`);
    expect(response.headers.get("idempotent-replayed")).toBeNull();
    expect(body).toMatchObject({
      kind: "complaint",
      channel: "hotline",
      status: "reported",
      category: { code: "pin.letter", nameHans: "密码函寄送", nameEn: "PIN letter by mail" },
      siteCode: "SZ",
      regionCode: "320500",
      callReference: "CTI-0001",
      urgency: "high",
      valuable: true,
      externalId,
      trackingNumber: null,
      contact: "138****8000",
      occurredAt: "2026-03-02T01:41:00.000Z",
    });
    expect(await recordCount()).toBe(before + 1);

    const [row] = await t.db.select().from(records).where(eq(records.id, body.id));
    const [site] = await t.db.select().from(sites).where(eq(sites.code, "SZ"));
    expect(row.siteId).toBe(site.id);
    expect(row.contact).toBe("13800138000");
    expect(row.authorId).toBeNull();
    expect(row.dueAt?.toISOString()).toBe("2026-03-17T01:41:00.000Z");

    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "record"), eq(auditLog.entityId, String(body.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe("record.created");
    expect(audit[0].actorRole).toBe("integration");
    expect(audit[0].data).toMatchObject({ channel: "hotline", via: "token", reportedToSupervisor: true });
  });

  it("replays the same Idempotency-Key: one record, the second answer 200 with Idempotent-Replayed", async () => {
    const key = crypto.randomUUID();
    const body = validRecord({ summary: "幂等测试 idempotent" });
    const before = await recordCount();
    const first = await handleCreateRecord(t.db, post(body, { headers: { "idempotency-key": key } }));
    expect(first.status).toBe(201);
    const created = recordView.parse(await first.json());
    // The same body, re-serialized with its fields in another order, is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await handleCreateRecord(t.db, post(reordered, { headers: { "idempotency-key": key } }));
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(recordView.parse(await second.json())).toEqual(created);
    expect(await recordCount()).toBe(before + 1);
    const keys = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(keys).toHaveLength(1);
    expect(keys[0].responseBody).toEqual({ recordId: created.id });
  });

  it("two deliveries of one Idempotency-Key at the same moment make one record and one audit row", async () => {
    const key = crypto.randomUUID();
    const body = validRecord({ summary: "同时送达 concurrent", externalId: unique("concurrent") });
    const before = await recordCount();
    const answers = await Promise.all([0, 1, 2].map(() => handleCreateRecord(t.db, post(body, { headers: { "idempotency-key": key } }))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    const views = await Promise.all(answers.map(async (a) => recordView.parse(await a.json())));
    expect(new Set(views.map((v) => v.id)).size).toBe(1);
    expect(await recordCount()).toBe(before + 1);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "record.created"), eq(auditLog.entityId, String(views[0].id))));
    expect(audit).toHaveLength(1);
    const keys = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(keys.map((k) => [k.responseStatus, k.responseBody])).toEqual([[201, { recordId: views[0].id }]]);
  });

  it("answers 201 with a body equal to what GET then reads, never to be cached", async () => {
    const response = await handleCreateRecord(t.db, post(validRecord({ summary: "小的回答 small", customerWords: "" })));
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const created = recordView.parse(await response.json());
    const found = await handleGetRecord(t.db, get(`/${created.id}`), String(created.id));
    expect(recordView.parse(await found.json())).toEqual(created);
  });

  it("answers 409 when an Idempotency-Key comes back with a different body, and writes nothing", async () => {
    const key = crypto.randomUUID();
    expect((await handleCreateRecord(t.db, post(validRecord({ summary: "第一次" }), { headers: { "idempotency-key": key } }))).status).toBe(201);
    const before = await recordCount();
    const response = await handleCreateRecord(t.db, post(validRecord({ summary: "第二次，不同内容" }), { headers: { "idempotency-key": key } }));
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem.title).toBe("Conflict");
    expect(problem.detail).toBe("This Idempotency-Key was already used for a different request.");
    expect(await recordCount()).toBe(before);
  });

  it("keys are per token: another token's same key makes its own record", async () => {
    const key = crypto.randomUUID();
    const a = await handleCreateRecord(t.db, post(validRecord(), { headers: { "idempotency-key": key } }));
    const b = await handleCreateRecord(t.db, post(validRecord(), { bearer: writeOnly, headers: { "idempotency-key": key } }));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(((await a.json()) as RecordView).id).not.toBe(((await b.json()) as RecordView).id);
  });

  it("rejects an Idempotency-Key longer than 128 characters or with spaces, naming the header", async () => {
    for (const key of ["k".repeat(129), "two words"]) {
      const response = await handleCreateRecord(t.db, post(validRecord(), { headers: { "idempotency-key": key } }));
      expect(response.status).toBe(400);
      expect((await problemOf(response)).errors?.map((e) => e.field)).toEqual(["Idempotency-Key"]);
    }
    const ok = await handleCreateRecord(t.db, post(validRecord(), { headers: { "idempotency-key": "k".repeat(128) } }));
    expect(ok.status).toBe(201);
  });

  it("a retried externalId makes one record: the retry answers 200 with the first", async () => {
    const externalId = unique("mbx");
    const body = validRecord({ channel: "mailbox", externalId, source: "service@bank.example" });
    const first = await handleCreateRecord(t.db, post(body));
    const second = await handleCreateRecord(t.db, post(body));
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(((await second.json()) as RecordView).id).toBe(((await first.json()) as RecordView).id);
    expect(await recordCount(and(eq(records.channel, "mailbox"), eq(records.externalId, externalId)))).toBe(1);
  });

  it("the same externalId on another channel is another record; with a different summary on the same channel it is a 422", async () => {
    const externalId = unique("x");
    expect((await handleCreateRecord(t.db, post(validRecord({ externalId })))).status).toBe(201);
    expect((await handleCreateRecord(t.db, post(validRecord({ externalId, channel: "survey" })))).status).toBe(201);
    const clash = await handleCreateRecord(t.db, post(validRecord({ externalId, summary: "不同的摘要" })));
    expect(clash.status).toBe(422);
    expect((await problemOf(clash)).errors).toEqual([{ field: "externalId", message: "This external id is already used by a different record." }]);
  });

  describe("authentication", () => {
    it("answers 401 without a token, with a made-up one and with a revoked one", async () => {
      const issued = await issueApiToken(t.db, admin, { name: "to revoke", scopes: ["records:write"] });
      await revokeApiToken(t.db, admin, issued.id);
      const before = await recordCount();
      for (const bearer of [null, "voc_notatokenthisapiwouldeverissue", issued.token]) {
        const response = await handleCreateRecord(t.db, post(validRecord(), { bearer }));
        expect(response.status, String(bearer)).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="voc-api"/);
        const problem = await problemOf(response);
        expect(problem.title).toBe("Unauthenticated");
        expect(problem.type).toBe("/developers#problem-unauthenticated");
      }
      expect(await recordCount()).toBe(before);
    });

    it("answers 403 to a token without records:write, and writes nothing", async () => {
      const before = await recordCount();
      const response = await handleCreateRecord(t.db, post(validRecord(), { bearer: readOnly }));
      expect(response.status).toBe(403);
      expect(response.headers.get("www-authenticate")).toContain('error="insufficient_scope", scope="records:write"');
      expect((await problemOf(response)).detail).toContain('"records:write"');
      expect(await recordCount()).toBe(before);
    });
  });

  describe("validation", () => {
    async function expect422(body: unknown, fields: Record<string, string>) {
      const before = await recordCount();
      const response = await handleCreateRecord(t.db, post(body));
      expect(response.status).toBe(422);
      const problem = await problemOf(response);
      expect(problem.title).toBe("Validation failed");
      expect(Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]))).toEqual(fields);
      expect(await recordCount()).toBe(before);
    }

    it("names a missing summary and a wrong kind, with English messages", async () => {
      const { summary: _omitted, ...rest } = validRecord();
      await expect422({ ...rest, kind: "rant" }, { summary: "This field is required.", kind: "Choose one of the listed options." });
    });

    it("names a blank summary and one that is too long", async () => {
      await expect422(validRecord({ summary: "   " }), { summary: "This field is required." });
      await expect422(validRecord({ summary: "长".repeat(201) }), { summary: "Must be at most 200 characters." });
    });

    it("names an unknown category, region and site (checked against the database)", async () => {
      await expect422(validRecord({ categoryCode: "no.such" }), { categoryCode: "There is no such category; choose one from the list." });
      await expect422(validRecord({ region: "亚特兰蒂斯" }), { region: "No province or city by that name; choose one from the list." });
      await expect422(validRecord({ siteCode: "HK" }), { siteCode: "There is no such site." });
    });

    it("names a future or impossible occurredAt", async () => {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      await expect422(validRecord({ occurredAt: tomorrow }), { occurredAt: "The time cannot be in the future." });
      await expect422(validRecord({ occurredAt: "yesterday-ish" }), { occurredAt: "Enter a valid date and time." });
      await expect422(validRecord({ occurredAt: "1999-12-31T23:00:00Z" }), { occurredAt: "The time is too early (before 2000)." });
    });

    it("names wrong types instead of guessing", async () => {
      await expect422(validRecord({ summary: 42, valuable: "yes", categoryCode: ["pin.letter"] }), {
        summary: "The value has the wrong format.",
        valuable: "The value has the wrong format.",
        categoryCode: "The value has the wrong format.",
      });
    });

    it("refuses control characters, also where the database would choke on them", async () => {
      const message = "Contains control characters that cannot be shown; remove them and try again.";
      await expect422(validRecord({ summary: "bell\u0007" }), { summary: message });
      await expect422(validRecord({ categoryCode: "pin.letter\u0000" }), { categoryCode: message });
      await expect422(validRecord({ externalId: "a\u0000b" }), { externalId: message });
    });

    it("refuses the web channel, which belongs to the public page", async () => {
      await expect422(validRecord({ channel: "web" }), { channel: "Choose one of the listed options." });
    });

    it("reads null optional fields as absent", async () => {
      const response = await handleCreateRecord(t.db, post(validRecord({ region: null, siteCode: null, contact: null, occurredAt: null, customerWords: null })));
      expect(response.status).toBe(201);
      const body = recordView.parse(await response.json());
      expect([body.regionCode, body.siteCode, body.contact, body.customerWords]).toEqual([null, null, null, ""]);
    });
  });

  describe("bodies that are not a record", () => {
    it("answers 400 to a body that is not JSON, empty or not UTF-8", async () => {
      for (const body of ["kind=complaint&summary=x", "{\"kind\":", "", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]) {
        const response = await handleCreateRecord(t.db, postRaw(base, body));
        expect(response.status).toBe(400);
        expect((await problemOf(response)).title).toBe("Malformed JSON");
      }
    });

    it("answers 400 to JSON that is not an object", async () => {
      for (const body of ["[]", `[${JSON.stringify(validRecord())}]`, "null", "42", '"text"']) {
        const response = await handleCreateRecord(t.db, postRaw(base, body));
        expect(response.status, body.slice(0, 20)).toBe(400);
        expect((await problemOf(response)).title).toBe("Invalid request");
      }
    });

    it("answers 415 to a form post", async () => {
      const response = await handleCreateRecord(t.db, postRaw(base, "kind=complaint", { headers: { "content-type": "application/x-www-form-urlencoded" } }));
      expect(response.status).toBe(415);
    });

    it("answers 413 to a body over 64 KB, also a megabyte string and a lying Content-Length", async () => {
      const before = await recordCount();
      const big = await handleCreateRecord(t.db, post(validRecord({ customerWords: "字".repeat(30_000) })));
      expect(big.status).toBe(413);
      expect((await problemOf(big)).detail).toBe("The body is larger than 64 KB.");
      const megabyte = await handleCreateRecord(t.db, post(validRecord({ summary: "x".repeat(1024 * 1024) })));
      expect(megabyte.status).toBe(413);
      const declared = await handleCreateRecord(t.db, postRaw(base, "{}", { headers: { "content-length": String(10 * 1024 * 1024) } }));
      expect(declared.status).toBe(413);
      expect(await recordCount()).toBe(before);
    });

    it("never answers 500, whatever the body", async () => {
      const nasty: [string, string, number][] = [
        ["sourceUrl with NUL", JSON.stringify(validRecord({ sourceUrl: "http://example.com/\u0000" })), 422],
        ["sourceUrl javascript:", JSON.stringify(validRecord({ sourceUrl: "javascript:alert(1)" })), 422],
        ["lone surrogate", JSON.stringify(validRecord({ summary: "半个字符 \ud800 在这里" })), 201],
        ["region NUL", JSON.stringify(validRecord({ region: "\u0000" })), 422],
        ["siteCode NUL", JSON.stringify(validRecord({ siteCode: "S\u0000" })), 422],
        ["occurredAt 1e400", JSON.stringify(validRecord()).replace('"2026-03-02T09:41:00+08:00"', "1e400"), 422],
        ["occurredAt object", JSON.stringify(validRecord({ occurredAt: { $date: 1 } })), 422],
        ["__proto__ key", JSON.stringify(validRecord()).replace(/}$/, ',"__proto__":{"summary":"polluted"}}'), 201],
        ["ten thousand keys", JSON.stringify({ ...validRecord(), ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) }), 201],
        ["BOM first", `\ufeff${JSON.stringify(validRecord())}`, 201],
        ["only whitespace", "   \n ", 400],
        ["externalId of 129", JSON.stringify(validRecord({ externalId: "e".repeat(129) })), 422],
      ];
      for (const [label, body, status] of nasty) {
        const response = await handleCreateRecord(t.db, postRaw(base, body));
        expect(response.status, label).toBe(status);
        if (status >= 400) expect(response.headers.get("content-type"), label).toBe("application/problem+json");
      }
    });

    it("ignores unknown fields, even deeply nested ones", async () => {
      const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
      const text = JSON.stringify(validRecord()).replace(/}$/, `,"extra":${deep}}`);
      const response = await handleCreateRecord(t.db, postRaw(base, text));
      expect(response.status).toBe(201);
    });
  });

  it("masks card numbers in the summary and words in the stored row and the answer, counting them in the audit", async () => {
    const response = await handleCreateRecord(t.db, post(validRecord({ summary: "客户卡号 4111 1111 1111 1111 被重复扣款", customerWords: "我的卡是6222021234567890128" })));
    expect(response.status).toBe(201);
    const body = recordView.parse(await response.json());
    expect(body.summary).toBe("客户卡号 ************1111 被重复扣款");
    expect(body.customerWords).toBe("我的卡是***************0128");
    const [row] = await t.db.select().from(records).where(eq(records.id, body.id));
    expect(row.summary).toBe("客户卡号 ************1111 被重复扣款");
    expect(row.summary).not.toContain("4111 1111");
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "record.created"), eq(auditLog.entityId, String(body.id))));
    expect(audit.data).toMatchObject({ masked: 2 });
  });
});

describe("POST /api/v1/records/bulk", () => {
  it("creates the valid items, reports each invalid one, and answers 207", async () => {
    const ids = [unique("b"), unique("b"), unique("b"), unique("b")];
    const items = [
      validRecord({ externalId: ids[0] }),
      { ...validRecord({ externalId: ids[1] }), summary: undefined },
      validRecord({ externalId: ids[2], categoryCode: "no.such" }),
      "not an object",
      validRecord({ externalId: ids[3], channel: "mailbox", kind: "suggestion", source: "service@bank.example" }),
    ];
    const before = await recordCount();
    const response = await handleBulkCreateRecords(t.db, postBulk({ records: items }));
    expect(response.status).toBe(207);
    const body = bulkResult.parse(await response.json());
    expect(body.results.map((r) => [r.index, r.status])).toEqual([
      [0, 201],
      [1, 422],
      [2, 422],
      [3, 422],
      [4, 201],
    ]);
    expect(body.results[1].errors).toEqual([{ field: "summary", message: "This field is required." }]);
    expect(body.results[2].errors).toEqual([{ field: "categoryCode", message: "There is no such category; choose one from the list." }]);
    expect(body.results[3].errors).toEqual([{ field: "body", message: "A record must be a JSON object." }]);
    expect({ created: body.created, replayed: body.replayed, failed: body.failed }).toEqual({ created: 2, replayed: 0, failed: 3 });
    expect(await recordCount()).toBe(before + 2);
    const stored = await t.db.select({ id: records.id, externalId: records.externalId }).from(records).where(inArray(records.externalId, ids));
    expect(stored.map((r) => r.id).sort()).toEqual([body.results[0].id, body.results[4].id].sort());
    const audits = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "record.created"), inArray(auditLog.entityId, stored.map((r) => String(r.id)))));
    expect(audits[0].n).toBe(2);

    // Resending the whole batch after a timeout creates nothing twice.
    const again = await handleBulkCreateRecords(t.db, postBulk({ records: items }));
    const replay = bulkResult.parse(await again.json());
    expect(replay.results.map((r) => r.status)).toEqual([200, 422, 422, 422, 200]);
    expect(replay.results[0].id).toBe(body.results[0].id);
    expect({ created: replay.created, replayed: replay.replayed, failed: replay.failed }).toEqual({ created: 0, replayed: 2, failed: 3 });
    expect(await recordCount()).toBe(before + 2);
  });

  it("answers 200 when every item is saved", async () => {
    const items = Array.from({ length: 20 }, (_, i) => validRecord({ externalId: unique("ok"), summary: `批量第${i}条` }));
    const response = await handleBulkCreateRecords(t.db, postBulk({ records: items }));
    expect(response.status).toBe(200);
    const body = bulkResult.parse(await response.json());
    expect(body.created).toBe(20);
    expect(new Set(body.results.map((r) => r.id)).size).toBe(20);
  });

  it("refuses the whole request as a problem: no token, read-only token, not JSON, no records, over 500 items, over 5 MB", async () => {
    const before = await recordCount();
    expect((await handleBulkCreateRecords(t.db, postBulk({ records: [validRecord()] }, { bearer: null }))).status).toBe(401);
    expect((await handleBulkCreateRecords(t.db, postBulk({ records: [validRecord()] }, { bearer: readOnly }))).status).toBe(403);
    expect((await handleBulkCreateRecords(t.db, postRaw(`${base}/bulk`, "records: []"))).status).toBe(400);
    expect((await handleBulkCreateRecords(t.db, postBulk([validRecord()]))).status).toBe(400);

    const empty = await handleBulkCreateRecords(t.db, postBulk({ records: [] }));
    expect(empty.status).toBe(422);
    expect((await problemOf(empty)).errors).toEqual([{ field: "records", message: "Choose at least 1." }]);

    const tooMany = await handleBulkCreateRecords(t.db, postBulk({ records: Array.from({ length: 501 }, () => validRecord()) }));
    expect(tooMany.status).toBe(422);
    expect((await problemOf(tooMany)).errors).toEqual([{ field: "records", message: "At most 500 items." }]);

    const huge = await handleBulkCreateRecords(t.db, postBulk({ records: [validRecord({ customerWords: "x".repeat(5 * 1024 * 1024) })] }));
    expect(huge.status).toBe(413);
    expect((await problemOf(huge)).detail).toBe("The body is larger than 5 MB.");
    expect(await recordCount()).toBe(before);
  });
});

describe("GET /api/v1/records", () => {
  // Records of their own, all created "in" 2020 so no other test's records fall among them.
  const at = "2020-06-01T08:00:00.123456Z";
  let fixture: { id: number; createdAt: string; kind: string; channel: string; summary: string }[] = [];

  beforeAll(async () => {
    const [letter] = await t.db.select().from(categories).where(eq(categories.code, "pin.letter"));
    const [waiting] = await t.db.select().from(categories).where(eq(categories.code, "service.waiting"));
    const [sh] = await t.db.select().from(sites).where(eq(sites.code, "SH"));
    // Five share one instant to the microsecond; three differ from it only below the millisecond.
    const instants = [at, at, at, at, at, "2020-06-01T08:00:00.123999Z", "2020-06-01T08:00:00.123001Z", "2020-06-01T08:00:00.123457Z", "2020-06-02T08:00:00Z", "2020-06-03T08:00:00Z"];
    for (const [i, instant] of instants.entries()) {
      const kind = i % 3 === 0 ? "suggestion" : "complaint";
      const channel = i % 2 === 0 ? "forum" : "survey";
      const [row] = await t.db
        .insert(records)
        .values({
          kind,
          channel,
          categoryId: i < 6 ? letter.id : waiting.id,
          siteId: i % 2 === 0 ? sh.id : null,
          summary: i === 4 ? "等候 100% 太久_啊" : `分页测试 ${i}`,
          contact: i === 1 ? "someone@example.com" : null,
          status: i === 2 ? "dismissed" : "new",
          createdAt: sql`${instant}::timestamptz`,
          occurredAt: new Date("2020-06-01T00:00:00Z"),
        })
        .returning({ id: records.id });
      fixture.push({ id: row.id, createdAt: instant, kind, channel, summary: "" });
    }
    fixture = fixture.sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
  });

  const window = "&createdFrom=2020-01-01T00:00:00Z&createdTo=2021-01-01";

  async function list(query: string, options?: RequestOptions) {
    const response = await handleListRecords(t.db, get(query, options));
    expect(response.status, query).toBe(200);
    return recordList.parse(await response.json());
  }

  it("pages through every record exactly once, newest first, even across sub-millisecond ties", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: RecordView[]; nextCursor: string | null } = await list(`?limit=3${window}${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor;
      pages += 1;
      if (pages === 2) {
        // A record arriving mid-way is newer than the cursor: it neither shifts nor repeats the rest.
        await handleCreateRecord(t.db, post(validRecord({ summary: "翻页期间新到的记录" })));
      }
    } while (cursor && pages < 20);
    expect(pages).toBe(4);
    expect(seen).toEqual(fixture.map((r) => r.id));
    expect(new Set(seen).size).toBe(10);
  });

  it("gives no next cursor on the last page", async () => {
    const page = await list(`?limit=10${window}`);
    expect(page.data).toHaveLength(10);
    expect(page.nextCursor).toBeNull();
    const cut = await list(`?limit=9${window}`);
    expect(cut.nextCursor).not.toBeNull();
  });

  it("filters by kind, channel, status, site, category (a parent includes its children) and summary text", async () => {
    const ids = (page: { data: RecordView[] }) => page.data.map((r) => r.id).sort((a, b) => a - b);
    const where = (pick: (r: (typeof fixture)[number], i: number) => boolean) =>
      [...fixture]
        .sort((a, b) => a.id - b.id)
        .filter(pick)
        .map((r) => r.id);
    expect(ids(await list(`?kind=suggestion${window}`))).toEqual(where((_, i) => i % 3 === 0));
    expect(ids(await list(`?channel=forum${window}`))).toEqual(where((_, i) => i % 2 === 0));
    expect(ids(await list(`?siteCode=SH${window}`))).toEqual(where((_, i) => i % 2 === 0));
    expect(ids(await list(`?status=dismissed${window}`))).toEqual(where((_, i) => i === 2));
    expect(ids(await list(`?categoryCode=service.waiting${window}`))).toEqual(where((_, i) => i >= 6));
    expect(ids(await list(`?categoryCode=service${window}`))).toEqual(where((_, i) => i >= 6));
    expect(ids(await list(`?categoryCode=pin${window}`))).toEqual(where((_, i) => i < 6));
    expect(ids(await list(`?q=${encodeURIComponent("100% 太久_")}${window}`))).toEqual(where((_, i) => i === 4));
    expect(ids(await list(`?q=${encodeURIComponent("0%")}${window}`))).toEqual(where((_, i) => i === 4));
    expect(ids(await list(`?kind=complaint&channel=survey${window}`))).toEqual(where((_, i) => i % 3 !== 0 && i % 2 === 1));
    expect(ids(await list("?createdFrom=2020-06-02&createdTo=2020-06-03T08:00:00Z"))).toEqual(where((_, i) => i === 8));
  });

  it("shows contacts masked", async () => {
    const page = await list(`?limit=200${window}`);
    const withContact = page.data.find((r) => r.contact !== null);
    expect(withContact?.contact).toBe("s***@example.com");
  });

  it("answers 400 naming each bad parameter", async () => {
    const cases: [string, string][] = [
      ["?kind=rant", "kind"],
      ["?channel=fax", "channel"],
      ["?status=open", "status"],
      ["?limit=500", "limit"],
      ["?limit=abc", "limit"],
      ["?limit=0", "limit"],
      ["?createdFrom=yesterday", "createdFrom"],
      ["?createdTo=2020-02-30", "createdTo"],
      ["?createdFrom=2020-06-03&createdTo=2020-06-01", "createdTo"],
      ["?cursor=not-a-cursor", "cursor"],
      [`?cursor=${Buffer.from("2020-01-01|1").toString("base64url")}`, "cursor"],
      ["?categoryCode=no.such", "categoryCode"],
      ["?siteCode=HK", "siteCode"],
      [`?q=${"x".repeat(101)}`, "q"],
      [`?q=${encodeURIComponent("a\u0000b")}`, "q"],
      ["?kind=complaint&kind=praise", "kind"],
    ];
    for (const [query, field] of cases) {
      const response = await handleListRecords(t.db, get(query));
      expect(response.status, query).toBe(400);
      expect((await problemOf(response)).errors?.map((e) => e.field), query).toEqual([field]);
    }
  });

  it("needs the records:read scope", async () => {
    expect((await handleListRecords(t.db, get("", { bearer: writeOnly }))).status).toBe(403);
    expect((await handleListRecords(t.db, get("", { bearer: null }))).status).toBe(401);
    expect((await handleListRecords(t.db, get("?limit=1", { bearer: readOnly }))).status).toBe(200);
  });

  it("round-trips cursors and refuses tampered ones", () => {
    const cursor = encodeCursor("2020-06-01T08:00:00.123456Z", 42);
    expect(decodeCursor(cursor)).toEqual({ at: "2020-06-01T08:00:00.123456Z", id: 42 });
    expect(decodeCursor(encodeCursor("2020-06-01T08:00:00.123456Z", 0))).toBeNull();
    expect(decodeCursor(Buffer.from("2020-06-01T08:00:00.123456Z|1|2").toString("base64url"))).toBeNull();
    expect(decodeCursor("!!!")).toBeNull();
  });
});

describe("GET /api/v1/records/{id}", () => {
  it("answers the record, 404 for one that does not exist and 400 for an id that is not one", async () => {
    const created = recordView.parse(await (await handleCreateRecord(t.db, post(validRecord({ summary: "按编号查看" })))).json());
    const found = await handleGetRecord(t.db, get(`/${created.id}`), String(created.id));
    expect(found.status).toBe(200);
    expect(recordView.parse(await found.json())).toEqual(created);

    const missing = await handleGetRecord(t.db, get("/999999999"), "999999999");
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).detail).toBe("There is no record 999999999.");

    for (const id of ["abc", "0", "-1", "1.5", "99999999999999999999", "1 OR 1=1"]) {
      const response = await handleGetRecord(t.db, get(`/${encodeURIComponent(id)}`), id);
      expect(response.status, id).toBe(400);
      expect((await problemOf(response)).errors?.[0].field).toBe("id");
    }
    expect((await handleGetRecord(t.db, get(`/${created.id}`, { bearer: writeOnly }), String(created.id))).status).toBe(403);
  });
});
