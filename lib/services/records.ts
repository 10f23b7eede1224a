import { createHash } from "node:crypto";
import { and, eq, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { apiTokens, auditLog, categories, idempotencyKeys, issues, records, sites, type Channel, type RecordKind, type RecordRow, type Urgency } from "@/db/schema";
import { Conflict, ExpectedError, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { assertCan, can } from "@/lib/permissions";
import { maskSensitive } from "@/lib/pii";
import { getRegion, resolveRegionName } from "@/lib/regions";
import { contactDigest, newTrackingNumber } from "@/lib/tracking";
import { messageKey } from "@/lib/validation/errors";
import type { Viewer } from "@/lib/viewer";

/** Who brings a record in: a signed-in person, an integration token, or a customer. */
export type RecordActor =
  | { type: "staff"; viewer: Viewer }
  | { type: "token"; tokenId: number; name: string; scopes: readonly string[] }
  | { type: "public"; ip: string };

/** Every door's input, after its own schema: one shape, one validation of references. */
export interface NewRecordInput {
  kind: RecordKind;
  channel: Channel;
  categoryCode: string;
  region?: string;
  callReference?: string;
  summary: string;
  customerWords: string;
  urgency: Urgency;
  valuable: boolean;
  occurredAt?: Date;
  source?: string;
  sourceUrl?: string;
  externalId?: string;
  siteCode?: string;
  contact?: string;
  /** Join an open issue that already describes this problem (agents and specialists). */
  joinIssueId?: number;
}

/** Issues a new record may still join: not closed, rejected or merged away. */
export const joinableIssueStatuses = ["draft", "escalated", "returned", "reported", "verified", "published", "in_action"] as const;

export interface Idempotency {
  tokenId: number;
  key: string;
  requestHash: string;
}

export interface CreatedRecord {
  record: RecordRow;
  /** False when a retried request (same idempotency key or external id) found the first one. */
  created: boolean;
  /** How many card or ID numbers were masked in the text. */
  masked: number;
  /** The new record's category and site as looked up to write it (absent on a replay). */
  references?: RecordReferences;
}

export interface RecordReferences {
  categoryCode: string;
  categoryNameHans: string;
  categoryNameEn: string;
  siteCode: string | null;
}

/** The regulator's clock for complaints: 15 days to answer. */
export const complaintDays = 15;

export function requestHash(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

function fail(field: string, key: string, values?: Record<string, string | number>): never {
  throw new ValidationFailed("The record has errors.", { [field]: [messageKey(key, values)] });
}

async function resolveCategory(db: Executor, code: string) {
  const [category] = await db.select({ id: categories.id, active: categories.active }).from(categories).where(eq(categories.code, code)).limit(1);
  if (!category || !category.active) fail("categoryCode", "unknownCategory");
  return category.id;
}

/** Postgres' unique_violation, wherever drizzle or the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e === "object" && "code" in e && (e as { code: unknown }).code === "23505") return true;
    e = typeof e === "object" && "cause" in e ? (e as { cause: unknown }).cause : undefined;
  }
  return false;
}

function resolveRegion(input: string | undefined): string | null {
  if (!input) return null;
  const byCode = /^\d{6}$/.test(input) ? getRegion(input) : null;
  const region = byCode ?? resolveRegionName(input, { prefer: "city" })?.region ?? null;
  if (!region) fail("region", "unknownRegion");
  return region.code;
}

/**
 * Creates one record, whatever door it came in by: validates its references, masks card and
 * ID numbers, and writes the record and its audit row in one transaction. A retried request
 * with the same idempotency key or external id returns the first record instead of a second.
 */
export async function createRecord(db: Database, actor: RecordActor, input: NewRecordInput, idempotency?: Idempotency): Promise<CreatedRecord> {
  if (actor.type === "staff") assertCan(actor.viewer, "record.create");
  if (actor.type === "token" && !actor.scopes.includes("records:write")) throw new Forbidden("This token may not write records.");
  if (actor.type === "public" && input.channel !== "web") throw new Forbidden();
  if (actor.type !== "public" && input.channel === "web") fail("channel", "invalidOption");

  const text = prepareText(input);
  const { masked } = text;

  if (input.joinIssueId === undefined) {
    const written = await insertAtOnce(db, actor, input, text, idempotency);
    if (written) return written;
  }

  return db.transaction(async (tx) => {
    const categoryId = await resolveCategory(tx, input.categoryCode);

    if (idempotency) {
      const [claimed] = await tx
        .insert(idempotencyKeys)
        .values({ tokenId: idempotency.tokenId, key: idempotency.key, requestHash: idempotency.requestHash, responseStatus: 0, responseBody: {} })
        .onConflictDoNothing()
        .returning();
      if (!claimed) {
        const [previous] = await tx
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.tokenId, idempotency.tokenId), eq(idempotencyKeys.key, idempotency.key)));
        if (previous.requestHash !== idempotency.requestHash) {
          throw new Conflict("This Idempotency-Key was already used for a different request.");
        }
        const recordId = (previous.responseBody as { recordId?: number }).recordId;
        const [existing] = recordId ? await tx.select().from(records).where(eq(records.id, recordId)) : [];
        if (!existing) throw new Conflict("The first request with this Idempotency-Key is still being processed.");
        return { record: existing, created: false, masked };
      }
    }

    if (input.externalId) {
      const [existing] = await tx
        .select()
        .from(records)
        .where(and(eq(records.channel, input.channel), eq(records.externalId, input.externalId)))
        .limit(1);
      if (existing) {
        if (existing.summary !== text.summary) fail("externalId", "externalIdTaken");
        return { record: existing, created: false, masked };
      }
    }

    let siteId: number | null = null;
    if (actor.type === "staff") {
      siteId = actor.viewer.siteId;
    } else if (actor.type === "token" && input.siteCode) {
      const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.code, input.siteCode)).limit(1);
      if (!site) fail("siteCode", "unknownSite");
      siteId = site.id;
    }

    let joinIssueId: number | null = null;
    if (input.joinIssueId !== undefined) {
      if (actor.type !== "staff" || !can(actor.viewer.role, "record.join_issue")) throw new Forbidden();
      const [issue] = await tx.select({ id: issues.id, status: issues.status }).from(issues).where(eq(issues.id, input.joinIssueId)).limit(1);
      if (!issue || !(joinableIssueStatuses as readonly string[]).includes(issue.status)) fail("joinIssueId", "issueClosed");
      joinIssueId = issue.id;
    }

    const [record] = await tx
      .insert(records)
      .values(newRecordValues(actor, input, text, categoryId, siteId, joinIssueId))
      .returning();

    await tx.insert(auditLog).values({
      actorId: auditActorId(actor),
      actorRole: auditActorRole(actor),
      action: "record.created",
      entityType: "record",
      entityId: String(record.id),
      data: auditData(actor, record, masked, joinIssueId),
    });

    if (idempotency) {
      await tx
        .update(idempotencyKeys)
        .set({ responseStatus: 201, responseBody: { recordId: record.id } })
        .where(and(eq(idempotencyKeys.tokenId, idempotency.tokenId), eq(idempotencyKeys.key, idempotency.key)));
    }
    return { record, created: true, masked };
  });
}

interface PreparedText {
  summary: string;
  words: string;
  masked: number;
  regionCode: string | null;
}

/** A record's text with card and ID numbers masked, and its region resolved (or a validation error). */
function prepareText(input: { summary: string; customerWords: string; region?: string }): PreparedText {
  const summary = maskSensitive(input.summary);
  const words = maskSensitive(input.customerWords);
  return { summary: summary.text, words: words.text, masked: summary.masked + words.masked, regionCode: resolveRegion(input.region) };
}

/**
 * The common case in two round trips instead of ten: one read of the category and site, then the
 * record, its audit row and its idempotency key in one statement (data-modifying CTEs), which
 * commits or fails as a whole without a BEGIN or a COMMIT of its own. A retry (the idempotency
 * key or the external id already taken) fails that statement on a unique index and writes
 * nothing; it is answered by the transaction below, as is anything else out of the ordinary
 * (an unknown category or site, joining an issue): null means "take the general path".
 */
async function insertAtOnce(db: Database, actor: RecordActor, input: NewRecordInput, text: PreparedText, idempotency?: Idempotency): Promise<CreatedRecord | null> {
  const statements = preparedIntake(db);
  const siteCode = actor.type === "token" ? (input.siteCode ?? null) : null;
  const [refs] = await statements.references.execute({ categoryCode: input.categoryCode, siteCode, siteId: actor.type === "staff" ? actor.viewer.siteId : null });
  if (!refs || (siteCode !== null && refs.siteId === null)) return null;

  const values = newRecordValues(actor, input, text, refs.categoryId, actor.type === "staff" ? actor.viewer.siteId : refs.siteId, null);
  const params = {
    ...values,
    dueAt: values.dueAt?.toISOString() ?? null,
    occurredAt: values.occurredAt.toISOString(),
    actorId: auditActorId(actor),
    actorRole: auditActorRole(actor),
    auditData: JSON.stringify(auditData(actor, values, text.masked, null)),
    tokenId: idempotency?.tokenId ?? null,
    key: idempotency?.key ?? null,
    requestHash: idempotency?.requestHash ?? null,
  };
  try {
    const [record] = await (idempotency ? statements.insertWithKey : statements.insert).execute(params);
    return {
      record,
      created: true,
      masked: text.masked,
      references: { categoryCode: input.categoryCode, categoryNameHans: refs.categoryNameHans, categoryNameEn: refs.categoryNameEn, siteCode: refs.siteCode },
    };
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Statements built once per database handle: drizzle spends longer building an insert with its
 * CTEs (about 0.6 ms) than PostgreSQL spends running it without the triggers.
 */
function oncePerDatabase<T>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let statements = built.get(db);
    if (statements === undefined) {
      statements = build(db);
      built.set(db, statements);
    }
    return statements;
  };
}

const preparedIntake = oncePerDatabase((db) => prepareIntake(db));

const recordColumns = [
  "kind", "channel", "source", "sourceUrl", "externalId", "siteId", "teamId", "categoryId", "regionCode", "callReference", "summary", "customerWords",
  "urgency", "valuable", "status", "issueId", "authorId", "trackingNumber", "contact", "contactDigest", "moderationStatus", "dueAt", "occurredAt",
] as const satisfies readonly (keyof ReturnType<typeof newRecordValues>)[];

const instantColumns = new Set<string>(["dueAt", "occurredAt"]);

function prepareIntake(db: Database) {
  const p = sql.placeholder;
  const references = db
    .select({ categoryId: categories.id, categoryNameHans: categories.nameHans, categoryNameEn: categories.nameEn, siteId: sites.id, siteCode: sites.code })
    .from(categories)
    .leftJoin(sites, or(eq(sites.code, p("siteCode")), eq(sites.id, p("siteId"))))
    .where(and(eq(categories.code, p("categoryCode")), eq(categories.active, true)))
    .limit(1)
    .prepare("intake_references");
  const insertStatement = (withKey: boolean) => {
    const inserted = db.$with("inserted").as(
      db
        .insert(records)
        // Instants go as ISO text: drizzle's timestamp encoder would call toISOString on a null.
        .values(Object.fromEntries(recordColumns.map((c) => [c, instantColumns.has(c) ? sql`${p(c)}::timestamptz` : p(c)])) as unknown as typeof records.$inferInsert)
        .returning(),
    );
    const audit = db.$with("audit", {}).as(
      sql`insert into ${auditLog} (actor_id, actor_role, action, entity_type, entity_id, data)
        select ${p("actorId")}::int, ${p("actorRole")}, 'record.created', 'record', inserted.id::text, ${p("auditData")}::jsonb from inserted`,
    );
    const key = db.$with("claimed", {}).as(
      withKey
        ? sql`insert into ${idempotencyKeys} (token_id, key, request_hash, response_status, response_body)
            select ${p("tokenId")}::int, ${p("key")}, ${p("requestHash")}, 201, jsonb_build_object('recordId', inserted.id) from inserted`
        : sql`select 1`,
    );
    return db.with(inserted, audit, key).select().from(inserted).prepare(withKey ? "intake_insert_keyed" : "intake_insert");
  };
  return { references, insert: insertStatement(false), insertWithKey: insertStatement(true) };
}

/** What the one-statement intake of an integration token answers with. */
export interface TokenCreatedRecord {
  record: ReturnType<typeof newRecordValues> & { id: number; createdAt: Date };
  references: RecordReferences;
  tokenId: number;
}

/**
 * The integration API's common case in one round trip: the bearer token's check, the category
 * and site look-up and the writes of `insertAtOnce` in one statement (data-modifying CTEs), so
 * a record costs the server one statement instead of three. It writes only when the token is
 * known, not revoked and may write records, and the category (and the site, if one is named)
 * exists; otherwise, or on a retry (a unique index), it writes nothing and answers null, and the
 * caller takes the general path, which says precisely what was wrong.
 */
export async function createRecordByToken(db: Database, tokenHash: string, input: NewRecordInput, idempotency?: Omit<Idempotency, "tokenId">): Promise<TokenCreatedRecord | null> {
  if (input.channel === "web" || input.joinIssueId !== undefined) return null;
  let text: PreparedText;
  try {
    text = prepareText(input);
  } catch (error) {
    if (error instanceof ValidationFailed) return null;
    throw error;
  }
  // The token's id is the statement's to find: the audit row gets it there.
  const actor: RecordActor = { type: "token", tokenId: 0, name: "", scopes: ["records:write"] };
  const values = newRecordValues(actor, input, text, 0, null, null);
  const statements = preparedTokenIntake(db);
  try {
    const [row] = await (idempotency ? statements.keyed : statements.plain).execute({
      ...values,
      dueAt: values.dueAt?.toISOString() ?? null,
      occurredAt: values.occurredAt.toISOString(),
      tokenHash,
      categoryCode: input.categoryCode,
      siteCode: input.siteCode ?? null,
      auditData: JSON.stringify(auditData(actor, values, text.masked, null)),
      key: idempotency?.key ?? null,
      requestHash: idempotency?.requestHash ?? null,
    });
    if (!row) return null;
    return {
      record: { ...values, id: row.id, categoryId: row.categoryId, siteId: row.siteId, createdAt: row.createdAt },
      references: { categoryCode: input.categoryCode, categoryNameHans: row.categoryNameHans, categoryNameEn: row.categoryNameEn, siteCode: row.siteCode },
      tokenId: row.tokenId,
    };
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

const preparedTokenIntake = oncePerDatabase((db) => prepareTokenIntake(db));

function prepareTokenIntake(db: Database) {
  const p = sql.placeholder;
  const statement = (withKey: boolean) => {
    const token = db.$with("token", {}).as(
      sql`select id from ${apiTokens} where token_hash = ${p("tokenHash")} and revoked_at is null and 'records:write' = any(scopes)`,
    );
    // lastUsedAt is for people: written at most once a minute per token, as authenticateApiToken does.
    const touched = db.$with("touched", {}).as(
      sql`update ${apiTokens} set last_used_at = now()
        where id = (select id from token) and (last_used_at is null or last_used_at < now() - interval '1 minute') returning id`,
    );
    const refs = db.$with("refs", {}).as(
      sql`select c.id as category_id, c.name_hans, c.name_en, s.id as site_id, s.code as site_code
        from ${categories} c left join ${sites} s on s.code = ${p("siteCode")}::text
        where c.code = ${p("categoryCode")}::text and c.active and (${p("siteCode")}::text is null or s.id is not null)`,
    );
    const inserted = db.$with("inserted", {}).as(
      sql`insert into ${records} (kind, channel, source, source_url, external_id, site_id, team_id, category_id, region_code, call_reference, summary,
          customer_words, urgency, valuable, status, author_id, contact, contact_digest, due_at, occurred_at)
        select ${p("kind")}::record_kind, ${p("channel")}::channel, ${p("source")}::text, ${p("sourceUrl")}::text, ${p("externalId")}::text,
          refs.site_id, null, refs.category_id, ${p("regionCode")}::text, ${p("callReference")}::text, ${p("summary")}::text,
          ${p("customerWords")}::text, ${p("urgency")}::urgency, ${p("valuable")}::boolean, ${p("status")}::record_status, null,
          ${p("contact")}::text, ${p("contactDigest")}::text, ${p("dueAt")}::timestamptz, ${p("occurredAt")}::timestamptz
        from token cross join refs
        returning id, created_at`,
    );
    const audit = db.$with("audit", {}).as(
      sql`insert into ${auditLog} (actor_id, actor_role, action, entity_type, entity_id, data)
        select null, 'integration', 'record.created', 'record', inserted.id::text, ${p("auditData")}::jsonb || jsonb_build_object('tokenId', token.id)
        from inserted cross join token`,
    );
    const claimed = db.$with("claimed", {}).as(
      withKey
        ? sql`insert into ${idempotencyKeys} (token_id, key, request_hash, response_status, response_body)
            select token.id, ${p("key")}::text, ${p("requestHash")}::text, 201, jsonb_build_object('recordId', inserted.id) from inserted cross join token`
        : sql`select 1`,
    );
    return db
      .with(token, touched, refs, inserted, audit, claimed)
      .select({
        id: sql<number>`inserted.id`.mapWith(Number),
        createdAt: sql<Date>`inserted.created_at`.mapWith(records.createdAt),
        tokenId: sql<number>`token.id`.mapWith(Number),
        categoryId: sql<number>`refs.category_id`.mapWith(Number),
        categoryNameHans: sql<string>`refs.name_hans`,
        categoryNameEn: sql<string>`refs.name_en`,
        siteId: sql<number | null>`refs.site_id`,
        siteCode: sql<string | null>`refs.site_code`,
      })
      .from(sql`inserted cross join refs cross join token`)
      .prepare(withKey ? "intake_by_token_keyed" : "intake_by_token");
  };
  return { plain: statement(false), keyed: statement(true) };
}

function auditActorId(actor: RecordActor): number | null {
  return actor.type === "staff" ? actor.viewer.id : null;
}

function auditActorRole(actor: RecordActor): string {
  return actor.type === "staff" ? actor.viewer.role : actor.type === "token" ? "integration" : "customer";
}

function auditData(actor: RecordActor, record: { channel: Channel; valuable: boolean }, masked: number, joinIssueId: number | null): Record<string, unknown> {
  return {
    channel: record.channel,
    via: actor.type,
    ...(actor.type === "token" ? { tokenId: actor.tokenId } : {}),
    ...(masked > 0 ? { masked } : {}),
    ...(record.valuable ? { reportedToSupervisor: true } : {}),
    ...(joinIssueId ? { joinedIssueId: joinIssueId } : {}),
  };
}

/** The record row every door writes, from its validated input and resolved references. */
function newRecordValues(actor: RecordActor, input: NewRecordInput, text: PreparedText, categoryId: number, siteId: number | null, joinIssueId: number | null) {
  const occurredAt = input.occurredAt ?? new Date();
  const isPublic = actor.type === "public";
  return {
    kind: input.kind,
    channel: input.channel,
    source: input.source ?? null,
    sourceUrl: input.sourceUrl ?? null,
    externalId: input.externalId ?? null,
    siteId,
    teamId: actor.type === "staff" && actor.viewer.role === "agent" ? actor.viewer.teamId : null,
    categoryId,
    regionCode: text.regionCode,
    callReference: input.callReference ?? null,
    summary: text.summary,
    customerWords: text.words,
    urgency: input.urgency,
    valuable: input.valuable,
    status: joinIssueId ? ("linked" as const) : input.valuable ? ("reported" as const) : ("new" as const),
    issueId: joinIssueId,
    authorId: actor.type === "staff" ? actor.viewer.id : null,
    trackingNumber: isPublic ? newTrackingNumber() : null,
    contact: input.contact ?? null,
    contactDigest: input.contact ? contactDigest(input.contact) : null,
    moderationStatus: isPublic ? ("pending" as const) : null,
    dueAt: input.kind === "complaint" ? new Date(occurredAt.getTime() + complaintDays * 86_400_000) : null,
    occurredAt,
  };
}

export interface RecordCorrection {
  id: number;
  version: number;
  kind: RecordKind;
  categoryCode: string;
  region?: string;
  callReference?: string;
  summary: string;
  customerWords: string;
  urgency: Urgency;
  valuable: boolean;
}

/**
 * An agent corrects their own record while nobody has acted on it yet (new or reported).
 * Someone else's record is not found; a record changed meanwhile is a conflict.
 */
export async function correctOwnRecord(db: Database, viewer: Viewer, input: RecordCorrection): Promise<RecordRow> {
  assertCan(viewer, "record.update.own");
  const { summary, words, regionCode } = prepareText(input);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(records)
      .where(and(eq(records.id, input.id), eq(records.authorId, viewer.id)))
      .for("update");
    if (!current) throw new NotFound("record");
    if (current.version !== input.version) throw new Conflict("The record was changed meanwhile.");
    if (current.status !== "new" && current.status !== "reported") throw new RecordLocked();
    const categoryId = await resolveCategory(tx, input.categoryCode);
    const next = {
      kind: input.kind,
      categoryId,
      regionCode,
      callReference: input.callReference ?? null,
      summary,
      customerWords: words,
      urgency: input.urgency,
      valuable: input.valuable,
      status: input.valuable ? ("reported" as const) : ("new" as const),
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
    const [updated] = await tx
      .update(records)
      .set({ ...next, updatedAt: new Date(), version: current.version + 1 })
      .where(and(eq(records.id, current.id), eq(records.version, current.version)))
      .returning();
    if (!updated) throw new Conflict("The record was changed meanwhile.");
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      actorRole: viewer.role,
      action: "record.corrected",
      entityType: "record",
      entityId: String(current.id),
      data: { changed },
    });
    return updated;
  });
}

/** A record a supervisor or a specialist has already acted on can no longer be corrected. */
export class RecordLocked extends ExpectedError {
  override readonly status = 409;
  override readonly code = "record_locked";
  constructor() {
    super("The record is already part of an issue or was dismissed; it can no longer be corrected.");
  }
}
