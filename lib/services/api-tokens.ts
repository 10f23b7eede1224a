import { createHash, randomInt } from "node:crypto";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { apiTokens, auditLog, users } from "@/db/schema";
import { Conflict, NotFound, ValidationFailed } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { errorKeyMap, messageKey } from "@/lib/validation/errors";
import type { Viewer } from "@/lib/viewer";

/** What an integration token may do. Reading returns every site's records (contacts masked). */
export const apiScopes = ["records:write", "records:read", "stats:read"] as const;
export type ApiScope = (typeof apiScopes)[number];

/** Who is calling the API, once the bearer token checks out. */
export interface ApiTokenIdentity {
  tokenId: number;
  name: string;
  scopes: readonly string[];
}

export interface IssuedApiToken {
  id: number;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  /** The token itself: shown once, never stored. */
  token: string;
}

// C0 controls other than tab, newline and carriage return; DEL and C1 controls.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;

export const issueApiTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((v) => !controlCharacters.test(v), { message: messageKey("controlCharacters") }),
  scopes: z
    .array(z.enum(apiScopes))
    .min(1)
    .transform((list) => apiScopes.filter((s) => list.includes(s))),
});
export type IssueApiTokenInput = z.input<typeof issueApiTokenInput>;

const tokenPrefixLength = 12;
const tokenBodyLength = 32;
const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Bearer values this API could have issued (and the demo seed's): anything else is not looked up. */
const tokenShape = /^[A-Za-z0-9_\-.~]{16,128}$/;
/** lastUsedAt is for people, not for accounting: one write a minute per token is plenty. */
const lastUsedResolutionMs = 60_000;

/** `voc_` and 32 base62 characters: about 190 bits, easy to select with a double click. */
export function newApiToken(random: (max: number) => number = randomInt): string {
  let body = "";
  for (let i = 0; i < tokenBodyLength; i++) body += base62[random(base62.length)];
  return `voc_${body}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Issues a token for an integration. The plaintext is returned here and nowhere else, ever. */
export async function issueApiToken(db: Database, viewer: Viewer, input: IssueApiTokenInput): Promise<IssuedApiToken> {
  assertCan(viewer, "admin.tokens");
  const parsed = issueApiTokenInput.safeParse(input, { error: errorKeyMap });
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
    throw new ValidationFailed("The token has errors.", fields);
  }
  const { name, scopes } = parsed.data;
  const token = newApiToken();
  const prefix = token.slice(0, tokenPrefixLength);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ name, tokenHash: hashApiToken(token), tokenPrefix: prefix, scopes: [...scopes], createdBy: viewer.id })
      .returning({ id: apiTokens.id });
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      actorRole: viewer.role,
      action: "api_token.issued",
      entityType: "api_token",
      entityId: String(row.id),
      data: { name, prefix, scopes: [...scopes] },
    });
    return { id: row.id, name, prefix, scopes: [...scopes], token };
  });
}

/** Stops a token at once: its next request is refused. */
export async function revokeApiToken(db: Database, viewer: Viewer, id: number, reason?: string): Promise<void> {
  assertCan(viewer, "admin.tokens");
  await db.transaction(async (tx) => {
    const [token] = await tx.select({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, id)).for("update");
    if (!token) throw new NotFound("令牌");
    if (token.revokedAt) throw new Conflict("This token is already revoked.");
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      actorRole: viewer.role,
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: String(id),
      reason: reason ?? null,
      data: { name: token.name },
    });
  });
}

/** The token from an `Authorization: Bearer …` header, or null when there is none worth looking up. */
export function bearerToken(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return null;
  return tokenShape.test(match[1]) ? match[1] : null;
}

/**
 * The integration behind a bearer token, or null for a missing, unknown or revoked one.
 * The lookup is by the token's hash, so timing reveals nothing about stored tokens.
 */
export async function authenticateApiToken(db: Database, authorization: string | null | undefined, now: Date = new Date()): Promise<ApiTokenIdentity | null> {
  const token = bearerToken(authorization);
  if (!token) return null;
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  const staleBefore = new Date(now.getTime() - lastUsedResolutionMs);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    // Conditional, so that concurrent requests of one token write it once.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
  }
  return { tokenId: row.id, name: row.name, scopes: row.scopes };
}

/** Every token, active ones first: what the admin page lists. Never the hash. */
export async function listApiTokens(db: Database, viewer: Viewer) {
  assertCan(viewer, "admin.tokens");
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.tokenPrefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      createdByName: users.name,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt), desc(apiTokens.id));
}
export type ApiTokenListItem = Awaited<ReturnType<typeof listApiTokens>>[number];
