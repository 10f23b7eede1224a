import { randomBytes } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, queryRows, type DatabaseHandle } from "@/db/client";
import { seedReference } from "@/db/seed/reference";
import { auditLog, categories, emailOutbox, idempotencyKeys, records } from "@/db/schema";
import { handleCreateRecord } from "@/lib/api/records";
import { RateLimited } from "@/lib/errors";
import { issueApiToken } from "@/lib/services/api-tokens";
import { deliverPendingEmails, type EmailMessage, type EmailTransport } from "@/lib/services/email-outbox";
import { submitPublicFeedback } from "@/lib/services/public-submissions";
import { createUser, viewerOf } from "../helpers/factories";

/**
 * Two app instances on one PostgreSQL server: each has its own connection pool, as two
 * processes behind a load balancer would, and nothing is shared between them but the
 * database. Whatever one instance could double or lose by keeping state in memory (retries,
 * rate limits, the e-mail outbox, the dashboard cells, migrations at start) is done through
 * both at once. A multi-instance deployment needs the server, so this file always uses it
 * (DATABASE_URL, or the local server), also when the rest of the suite runs on PGlite.
 */

const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `voc_two_${process.pid}_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
let a: DatabaseHandle;
let b: DatabaseHandle;
let token: string;

beforeAll(async () => {
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  a = await openPostgres(url.toString(), { max: 4 });
  b = await openPostgres(url.toString(), { max: 4 });
  // Both start at once: the migrations run once, under the advisory lock.
  await Promise.all([a.migrate(), b.migrate()]);
  await seedReference(a.db);
  token = (await issueApiToken(a.db, viewerOf(await createUser(a.db, "admin")), { name: "话务系统 CTI", scopes: ["records:write"] })).token;
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 2 });
});

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/v1/records", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

const record = (i: number, extra: Record<string, unknown> = {}) => ({
  kind: "complaint",
  channel: "hotline",
  categoryCode: "pin.letter",
  summary: `两台实例同时收到的第${i}条`,
  ...extra,
});

describe("two instances on one database", () => {
  it("migrated the schema once", async () => {
    const [{ n }] = await queryRows<{ n: number }>(a.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const files = (await import("@/db/migrations/meta/_journal.json")).entries.length;
    expect(Number(n)).toBe(files);
  });

  it("creates each retried record once when the retry lands on the other instance", async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `retry-${i}-${randomBytes(4).toString("hex")}`);
    const responses = await Promise.all(
      keys.flatMap((key, i) => [a, b].map((instance) => handleCreateRecord(instance.db, post(record(i), { "idempotency-key": key })))),
    );
    const statuses = responses.map((r) => r.status);
    for (let i = 0; i < keys.length; i++) expect([statuses[2 * i], statuses[2 * i + 1]].sort()).toEqual([200, 201]);
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: number }).id));
    for (let i = 0; i < keys.length; i++) expect(ids[2 * i]).toBe(ids[2 * i + 1]);
    const [{ n }] = await a.db.select({ n: count() }).from(records);
    expect(n).toBe(keys.length);
    const [{ kept }] = await b.db.select({ kept: count() }).from(idempotencyKeys);
    expect(kept).toBe(keys.length);
    const [{ audited }] = await a.db.select({ audited: count() }).from(auditLog).where(eq(auditLog.action, "record.created"));
    expect(audited).toBe(keys.length);
  });

  it("creates a record sent to both with the same external id once", async () => {
    const before = (await a.db.select({ n: count() }).from(records))[0].n;
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => [a, b].map((instance) => handleCreateRecord(instance.db, post(record(100 + i, { externalId: `CTI-${name}-${i}` }))))).flat(),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(6);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(6);
    expect((await b.db.select({ n: count() }).from(records))[0].n).toBe(before + 6);
  });

  it("holds one address to the public page's limit across both instances", async () => {
    const [category] = await a.db.select().from(categories).where(eq(categories.code, "pin.letter"));
    expect(category).toBeDefined();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        submitPublicFeedback(i % 2 === 0 ? a.db : b.db, "198.51.100.7", { kind: "complaint", categoryCode: "pin.letter", summary: `第${i}条意见`, customerWords: "密码函一直没有收到。" }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(5);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.reason).toBeInstanceOf(RateLimited);
  });

  it("sends each e-mail in the outbox once while both instances deliver", async () => {
    await a.db.insert(emailOutbox).values(Array.from({ length: 15 }, (_, i) => ({ toAddress: `reader${i}@bank.example`, subject: `通知 ${i}`, body: "问题已解决。" })));
    const sent: string[] = [];
    const transport = (label: string): EmailTransport => ({
      name: label,
      async send(message: EmailMessage) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        sent.push(message.to);
      },
    });
    const [first, second] = await Promise.all([deliverPendingEmails(a.db, transport("a")), deliverPendingEmails(b.db, transport("b"))]);
    expect(first.sent + second.sent).toBe(15);
    expect(sent).toHaveLength(15);
    expect(new Set(sent).size).toBe(15);
    const pending = await a.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, "pending"));
    expect(pending[0]!.n).toBe(0);
  });

  it("keeps the dashboard cells equal to the records after concurrent writes", async () => {
    const [{ m }] = await queryRows<{ m: number }>(b.db, sql`select voc_dashboard_cell_mismatches()::int as m`);
    expect(Number(m)).toBe(0);
  });
});
