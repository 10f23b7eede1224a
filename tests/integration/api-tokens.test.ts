import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog, roles, type Role } from "@/db/schema";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { authenticateApiToken, bearerToken, issueApiToken, listApiTokens, newApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
let admin: Viewer;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = viewerOf(await createUser(t.db, "admin"));
});
afterAll(async () => {
  await t?.close();
});

async function auditRows(action: string, entityId: number) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))));
}

async function counts() {
  const [{ tokens }] = await t.db.select({ tokens: count() }).from(apiTokens);
  const [{ audits }] = await t.db.select({ audits: count() }).from(auditLog);
  return { tokens, audits };
}

describe("issuing a token", () => {
  it("returns voc_ and 32 base62 characters once, stores only its SHA-256 and prefix, and writes one audit row", async () => {
    const issued = await issueApiToken(t.db, admin, { name: "  呼叫中心话务系统 CTI  ", scopes: ["records:read", "records:write"] });
    expect(issued.token).toMatch(/^voc_[0-9A-Za-z]{32}$/);
    expect(issued.name).toBe("呼叫中心话务系统 CTI");
    expect(issued.scopes).toEqual(["records:write", "records:read"]);
    expect(issued.prefix).toBe(issued.token.slice(0, 12));

    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, issued.id));
    expect(row.tokenHash).toBe(createHash("sha256").update(issued.token).digest("hex"));
    expect(row.tokenPrefix).toBe(issued.prefix);
    expect(row.scopes).toEqual(["records:write", "records:read"]);
    expect(row.createdBy).toBe(admin.id);
    expect(row.revokedAt).toBeNull();
    expect(JSON.stringify(row)).not.toContain(issued.token);

    const audit = await auditRows("api_token.issued", issued.id);
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(admin.id);
    expect(audit[0].actorRole).toBe("admin");
    expect(audit[0].entityType).toBe("api_token");
    expect(audit[0].data).toEqual({ name: "呼叫中心话务系统 CTI", prefix: issued.prefix, scopes: ["records:write", "records:read"] });
    expect(JSON.stringify(audit[0])).not.toContain(issued.token.slice(12));
  });

  it("makes a different token every time", async () => {
    const a = await issueApiToken(t.db, admin, { name: "a", scopes: ["records:read"] });
    const b = await issueApiToken(t.db, admin, { name: "b", scopes: ["records:read"] });
    expect(a.token).not.toBe(b.token);
    expect(newApiToken(() => 61)).toBe(`voc_${"z".repeat(32)}`);
  });

  it("refuses a blank name, no scope or an unknown scope, naming the field, and writes nothing", async () => {
    const before = await counts();
    const blank = await issueApiToken(t.db, admin, { name: "   ", scopes: ["records:read"] }).catch((e: unknown) => e);
    expect(blank).toBeInstanceOf(ValidationFailed);
    expect((blank as ValidationFailed).fieldErrors).toEqual({ name: ["validation.required"] });
    const none = await issueApiToken(t.db, admin, { name: "x", scopes: [] }).catch((e: unknown) => e);
    expect((none as ValidationFailed).fieldErrors).toEqual({ scopes: ['validation.tooFew|{"min":1}'] });
    const unknown = await issueApiToken(t.db, admin, { name: "x", scopes: ["records:delete" as "records:read"] }).catch((e: unknown) => e);
    expect((unknown as ValidationFailed).fieldErrors.scopes).toEqual(["validation.invalidOption"]);
    expect(await counts()).toEqual(before);
  });

  it("is refused to every role but admin, with nothing written", async () => {
    const others = roles.filter((r): r is Exclude<Role, "admin"> => r !== "admin");
    expect(others).toHaveLength(6);
    const [target] = await t.db.select({ id: apiTokens.id }).from(apiTokens).limit(1);
    const before = await counts();
    for (const role of others) {
      const viewer = viewerOf(await createUser(t.db, role));
      await expect(issueApiToken(t.db, viewer, { name: `by ${role}`, scopes: ["records:write"] }), role).rejects.toBeInstanceOf(Forbidden);
      await expect(revokeApiToken(t.db, viewer, target.id), role).rejects.toBeInstanceOf(Forbidden);
      await expect(listApiTokens(t.db, viewer), role).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await counts()).toEqual(before);
    const [row] = await t.db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, target.id));
    expect(row.revokedAt).toBeNull();
  });
});

describe("authenticating a bearer token", () => {
  it("answers the token's id, name and scopes, whatever the case of 'Bearer'", async () => {
    const issued = await issueApiToken(t.db, admin, { name: "邮箱网关 Mailbox gateway", scopes: ["records:write"] });
    const expected = { tokenId: issued.id, name: "邮箱网关 Mailbox gateway", scopes: ["records:write"] };
    expect(await authenticateApiToken(t.db, `Bearer ${issued.token}`)).toEqual(expected);
    expect(await authenticateApiToken(t.db, `bearer   ${issued.token} `)).toEqual(expected);
  });

  it("answers null for no header, another scheme, a mistyped or made-up token", async () => {
    const issued = await issueApiToken(t.db, admin, { name: "x", scopes: ["records:read"] });
    expect(await authenticateApiToken(t.db, null)).toBeNull();
    expect(await authenticateApiToken(t.db, "")).toBeNull();
    expect(await authenticateApiToken(t.db, `Basic ${issued.token}`)).toBeNull();
    expect(await authenticateApiToken(t.db, `Bearer ${issued.token.slice(0, -1)}x`)).toBeNull();
    expect(await authenticateApiToken(t.db, `Bearer ${issued.token} extra`)).toBeNull();
    expect(await authenticateApiToken(t.db, `Bearer ${newApiToken()}`)).toBeNull();
    expect(await authenticateApiToken(t.db, `Bearer ${"a".repeat(100_000)}`)).toBeNull();
    expect(bearerToken("Bearer voc_\u0000abcdefghijklmnopqrstuvwxyz")).toBeNull();
  });

  it("records when a token was last used, at most once a minute", async () => {
    const issued = await issueApiToken(t.db, admin, { name: "x", scopes: ["records:read"] });
    const lastUsed = async () => (await t.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, issued.id)))[0].at;
    expect(await lastUsed()).toBeNull();
    const first = new Date("2026-11-29T01:00:00Z");
    await authenticateApiToken(t.db, `Bearer ${issued.token}`, first);
    expect(await lastUsed()).toEqual(first);
    await authenticateApiToken(t.db, `Bearer ${issued.token}`, new Date(first.getTime() + 59_000));
    expect(await lastUsed()).toEqual(first);
    const later = new Date(first.getTime() + 61_000);
    await authenticateApiToken(t.db, `Bearer ${issued.token}`, later);
    expect(await lastUsed()).toEqual(later);
  });
});

describe("revoking a token", () => {
  it("stops the token at once and writes one audit row", async () => {
    const issued = await issueApiToken(t.db, admin, { name: "旧话务系统 Old CTI", scopes: ["records:write"] });
    expect(await authenticateApiToken(t.db, `Bearer ${issued.token}`)).not.toBeNull();
    await revokeApiToken(t.db, admin, issued.id, "replaced");
    expect(await authenticateApiToken(t.db, `Bearer ${issued.token}`)).toBeNull();
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, issued.id));
    expect(row.revokedAt).toBeInstanceOf(Date);
    const audit = await auditRows("api_token.revoked", issued.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, actorRole: "admin", entityType: "api_token", reason: "replaced", data: { name: "旧话务系统 Old CTI" } });
  });

  it("refuses a second revocation with a conflict and writes nothing more", async () => {
    const issued = await issueApiToken(t.db, admin, { name: "x", scopes: ["records:read"] });
    await revokeApiToken(t.db, admin, issued.id);
    const [{ revokedAt }] = await t.db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, issued.id));
    await expect(revokeApiToken(t.db, admin, issued.id)).rejects.toBeInstanceOf(Conflict);
    expect(await auditRows("api_token.revoked", issued.id)).toHaveLength(1);
    const [after] = await t.db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, issued.id));
    expect(after.revokedAt).toEqual(revokedAt);
  });

  it("answers not found for a token that does not exist", async () => {
    const before = await counts();
    await expect(revokeApiToken(t.db, admin, 987_654)).rejects.toBeInstanceOf(NotFound);
    expect(await counts()).toEqual(before);
  });
});

describe("listing tokens", () => {
  it("lists active tokens before revoked ones, with who issued them, and never the hash", async () => {
    const list = await listApiTokens(t.db, admin);
    const [{ tokens }] = await t.db.select({ tokens: count() }).from(apiTokens);
    expect(list).toHaveLength(tokens);
    const firstRevoked = list.findIndex((r) => r.revokedAt !== null);
    expect(firstRevoked).toBeGreaterThan(0);
    expect(list.slice(firstRevoked).every((r) => r.revokedAt !== null)).toBe(true);
    expect(list[0].createdByName).toBe(admin.name);
    expect(list[0].prefix).toMatch(/^voc_[0-9A-Za-z]{8}$/);
    for (const item of list) expect(Object.keys(item)).not.toContain("tokenHash");
  });
});
