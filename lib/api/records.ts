import { and, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { categories, records, sites } from "@/db/schema";
import { Conflict, Forbidden, isExpectedError, NotFound, ValidationFailed } from "@/lib/errors";
import { maskContact } from "@/lib/pii";
import { authenticateApiToken, bearerToken, hashApiToken, type ApiTokenIdentity, type ApiScope } from "@/lib/services/api-tokens";
import { createRecord, createRecordByToken, isUniqueViolation, requestHash, type CreatedRecord, type Idempotency, type RecordActor } from "@/lib/services/records";
import { errorKeyMap, messageKey } from "@/lib/validation/errors";
import { englishMessage, internalErrorDetail, keyedFieldErrors, problem, zodFieldErrors, type ProblemFieldError } from "./problem";
import {
  apiLimits,
  apiRecordBody,
  bulkRecordsEnvelope,
  listRecordsQuery,
  type ApiRecordBody,
  type BulkItemResult,
  type BulkResult,
  type RecordView,
} from "./schemas";

/**
 * The integration API's handlers: plain `Request` in, `Response` out, the database passed in,
 * so the route files stay one line each and the tests call these directly. Every failure is a
 * problem+json answer; an unexpected one is logged and answered with a plain sentence.
 */

const jsonHeaders = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const answer = jsonAnswer(body, status, headers);
  return new Response(answer.body, answer);
}

/** A JSON answer before it is a Fetch `Response`: the direct routes write it to Node as it is. */
export interface JsonAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): JsonAnswer {
  const text = JSON.stringify(body);
  // Whether it is compressed is the server's to decide, by its size (lib/http/compress-by-size.ts).
  return { status, headers: { ...jsonHeaders, ...headers }, body: text };
}

export function toResponse(answer: Response | JsonAnswer): Response {
  return answer instanceof Response ? answer : new Response(answer.body, answer);
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; response: Response };

// ---------------------------------------------------------------- authentication

const realm = 'Bearer realm="voc-api"';

export async function authorize(db: Database, request: Pick<ApiRequest, "headers">, scope: ApiScope): Promise<Outcome<ApiTokenIdentity>> {
  const header = request.headers.get("authorization");
  const identity = await authenticateApiToken(db, header);
  if (!identity) {
    const detail = header
      ? "The bearer token is not valid: it is unknown, mistyped or revoked."
      : "Send an integration token in the Authorization header: `Authorization: Bearer voc_…`.";
    return { ok: false, response: problem("unauthenticated", detail, { headers: { "www-authenticate": header ? `${realm}, error="invalid_token"` : realm } }) };
  }
  if (!identity.scopes.includes(scope)) {
    return {
      ok: false,
      response: problem("insufficient_scope", `This token lacks the "${scope}" scope. Ask an administrator for a token that has it.`, {
        headers: { "www-authenticate": `${realm}, error="insufficient_scope", scope="${scope}"` },
      }),
    };
  }
  return { ok: true, value: identity };
}

function tokenActor(identity: ApiTokenIdentity): RecordActor {
  return { type: "token", tokenId: identity.tokenId, name: identity.name, scopes: identity.scopes };
}

// ---------------------------------------------------------------- request bodies

const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function readableSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/**
 * What the handlers read of a request: Fetch's `Request` (the route files), or Node's request
 * with its body already read, at most the limit and one byte (lib/api/direct.ts).
 */
export type ApiRequest = Pick<Request, "headers" | "body"> | ReadRequest;
export interface ReadRequest {
  headers: { get(name: string): string | null };
  /** Named so as not to meet Request's own bytes() method. */
  bodyBytes: Uint8Array;
}

function tooLarge(maxBytes: number): Response {
  return problem("payload_too_large", `The body is larger than ${readableSize(maxBytes)}.`);
}

async function readBytes(request: ApiRequest, maxBytes: number): Promise<Outcome<Uint8Array>> {
  if ("bodyBytes" in request) return { ok: true, value: request.bodyBytes };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          return { ok: false, response: tooLarge(maxBytes) };
        }
        chunks.push(value);
      }
    } catch {
      // The client went away mid-body: nobody will read the answer, but it is not our error.
      return { ok: false, response: problem("invalid_request", "The body could not be read to its end.") };
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, value: bytes };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as JSON, read with a byte limit (whatever Content-Length claims). */
async function readJson(request: ApiRequest, maxBytes: number): Promise<Outcome<unknown>> {
  const contentType = request.headers.get("content-type");
  if (contentType && !jsonMediaType.test(contentType)) {
    return { ok: false, response: problem("unsupported_media_type", "Send the body as JSON, with `Content-Type: application/json`.") };
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };

  const read = await readBytes(request, maxBytes);
  if (!read.ok) return read;
  const bytes = read.value;
  if (bytes.byteLength > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  if (bytes.byteLength === 0) return { ok: false, response: problem("invalid_json", "The body is empty; send a JSON object.") };

  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, response: problem("invalid_json", "The body is not valid UTF-8 text.") };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: problem("invalid_json", "The body is not valid JSON.") };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Many clients write absent optional fields as null: read those as absent. */
function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

type ItemValidation = { ok: true; input: ApiRecordBody } | { ok: false; errors: ProblemFieldError[] };

function validateRecord(value: unknown): ItemValidation {
  if (!isPlainObject(value)) return { ok: false, errors: [{ field: "body", message: "A record must be a JSON object." }] };
  const parsed = apiRecordBody.safeParse(withoutNulls(value), { error: errorKeyMap });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}

function fieldList(errors: readonly ProblemFieldError[]): string {
  return [...new Set(errors.map((e) => e.field))].join(", ");
}

// ---------------------------------------------------------------- creating

/**
 * Two deliveries of the same external id at the same moment both find nothing and both insert;
 * the unique index stops the second, and a second try finds the first's record.
 */
async function createOnce(db: Database, actor: RecordActor, input: ApiRecordBody, idempotency?: Idempotency): Promise<CreatedRecord> {
  try {
    return await createRecord(db, actor, input, idempotency);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return createRecord(db, actor, input, idempotency);
  }
}

const idempotencyKeyShape = /^[\x21-\x7e]+$/;

type CreateRequest = { ok: true; input: ApiRecordBody; key: string | undefined } | { ok: false; response: Response };

/** What can be checked of a POST /api/v1/records without the database: the key, the body. */
async function readCreateRequest(request: ApiRequest): Promise<CreateRequest> {
  const key = request.headers.get("idempotency-key")?.trim();
  if (key !== undefined && (key.length === 0 || key.length > apiLimits.idempotencyKey || !idempotencyKeyShape.test(key))) {
    return {
      ok: false,
      response: problem("invalid_request", `The Idempotency-Key header must be 1 to ${apiLimits.idempotencyKey} visible ASCII characters.`, {
        errors: [{ field: "Idempotency-Key", message: `Use 1 to ${apiLimits.idempotencyKey} visible ASCII characters, e.g. a UUID.` }],
      }),
    };
  }
  const body = await readJson(request, apiLimits.recordBodyBytes);
  if (!body.ok) return body;
  if (!isPlainObject(body.value)) {
    return { ok: false, response: problem("invalid_request", "The body must be a JSON object describing one record; send arrays to /api/v1/records/bulk.") };
  }
  const valid = validateRecord(body.value);
  if (!valid.ok) return { ok: false, response: problem("validation_failed", `The record has errors in: ${fieldList(valid.errors)}.`, { errors: valid.errors }) };
  return { ok: true, input: valid.input, key };
}

function created(view: RecordView): JsonAnswer {
  return jsonAnswer(view, 201, { location: `/api/v1/records/${view.id}` });
}

/**
 * POST /api/v1/records. A well-formed record from a token that may write goes in by one
 * statement (createRecordByToken); anything else takes the general path, which checks the token
 * first, so a caller without one learns nothing about the body.
 */
export async function handleCreateRecord(db: Database, request: Request): Promise<Response> {
  return toResponse(await createRecordAnswer(db, request));
}

/** POST /api/v1/records before its answer is a Fetch `Response` (see handleCreateRecord). */
export async function createRecordAnswer(db: Database, request: ApiRequest): Promise<Response | JsonAnswer> {
  return guarded<Response | JsonAnswer>("POST /api/v1/records", async () => {
    const token = bearerToken(request.headers.get("authorization"));
    const sent = await readCreateRequest(request);
    if (token && sent.ok) {
      // The hash is of the validated record, so a retry that only reorders or re-spaces fields is the same request.
      const idempotency = sent.key ? { key: sent.key, requestHash: requestHash(sent.input) } : undefined;
      const written = await createRecordByToken(db, hashApiToken(token), sent.input, idempotency);
      if (written) return created(toView({ ...written.record, ...written.references, cursorAt: "" }));
    }

    const auth = await authorize(db, request, "records:write");
    if (!auth.ok) return auth.response;
    if (!sent.ok) return sent.response;
    const idempotency = sent.key ? { tokenId: auth.value.tokenId, key: sent.key, requestHash: requestHash(sent.input) } : undefined;
    const { record, created: isNew, references } = await createOnce(db, tokenActor(auth.value), sent.input, idempotency);
    // A new record's category and site were read to write it; a replayed one is read back.
    const view = references ? toView({ ...record, ...references, cursorAt: "" }) : await getRecordView(db, record.id);
    if (!view) throw new Error(`record ${record.id} vanished after it was written`);
    return isNew ? created(view) : json(view, 200, { "idempotent-replayed": "true", "content-location": `/api/v1/records/${record.id}` });
  });
}

/** POST /api/v1/records/bulk */
export async function handleBulkCreateRecords(db: Database, request: Request): Promise<Response> {
  return guarded("POST /api/v1/records/bulk", async () => {
    const auth = await authorize(db, request, "records:write");
    if (!auth.ok) return auth.response;
    const body = await readJson(request, apiLimits.bulkBodyBytes);
    if (!body.ok) return body.response;
    if (!isPlainObject(body.value)) return problem("invalid_request", 'The body must be a JSON object: { "records": [ … ] }.');
    const envelope = bulkRecordsEnvelope.safeParse(body.value, { error: errorKeyMap });
    if (!envelope.success) {
      const errors = zodFieldErrors(envelope.error);
      return problem("validation_failed", `Send 1 to ${apiLimits.bulkItems} records in "records".`, { errors });
    }

    const actor = tokenActor(auth.value);
    const results: BulkItemResult[] = [];
    // One at a time and each in its own transaction: a bad item never undoes a good one, and
    // the results come back in the order sent.
    for (const [index, item] of envelope.data.records.entries()) {
      const valid = validateRecord(item);
      if (!valid.ok) {
        results.push({ index, status: 422, errors: valid.errors });
        continue;
      }
      try {
        const { record, created } = await createOnce(db, actor, valid.input);
        results.push({ index, status: created ? 201 : 200, id: record.id });
      } catch (error) {
        if (error instanceof ValidationFailed) {
          results.push({ index, status: 422, errors: keyedFieldErrors(error.fieldErrors) });
        } else if (error instanceof Conflict) {
          results.push({ index, status: 409, errors: [{ field: "body", message: error.message }] });
        } else if (error instanceof Forbidden) {
          throw error;
        } else {
          console.error(`[api] bulk item ${index} failed`, error);
          results.push({ index, status: 500, errors: [{ field: "body", message: "This record could not be saved because of an error on our side; send it again." }] });
        }
      }
    }
    const summary: BulkResult = {
      results,
      created: results.filter((r) => r.status === 201).length,
      replayed: results.filter((r) => r.status === 200).length,
      failed: results.filter((r) => r.status !== 201 && r.status !== 200).length,
    };
    return json(summary, summary.failed === 0 ? 200 : 207);
  });
}

// ---------------------------------------------------------------- reading

const viewColumns = {
  id: records.id,
  kind: records.kind,
  channel: records.channel,
  status: records.status,
  categoryCode: categories.code,
  categoryNameHans: categories.nameHans,
  categoryNameEn: categories.nameEn,
  siteCode: sites.code,
  regionCode: records.regionCode,
  callReference: records.callReference,
  summary: records.summary,
  customerWords: records.customerWords,
  urgency: records.urgency,
  valuable: records.valuable,
  source: records.source,
  sourceUrl: records.sourceUrl,
  externalId: records.externalId,
  trackingNumber: records.trackingNumber,
  contact: records.contact,
  occurredAt: records.occurredAt,
  createdAt: records.createdAt,
  // Microseconds, exactly as stored: a JavaScript Date would round them and skip rows between pages.
  cursorAt: sql<string>`to_char(${records.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

function selectViews(db: Database) {
  return db.select(viewColumns).from(records).innerJoin(categories, eq(categories.id, records.categoryId)).leftJoin(sites, eq(sites.id, records.siteId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>["execute"]>>[number];

function toView(row: ViewRow): RecordView {
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    category: { code: row.categoryCode, nameHans: row.categoryNameHans, nameEn: row.categoryNameEn },
    siteCode: row.siteCode,
    regionCode: row.regionCode,
    callReference: row.callReference,
    summary: row.summary,
    customerWords: row.customerWords,
    urgency: row.urgency,
    valuable: row.valuable,
    source: row.source,
    sourceUrl: row.sourceUrl,
    externalId: row.externalId,
    trackingNumber: row.trackingNumber,
    contact: maskContact(row.contact),
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

async function getRecordView(db: Database, id: number): Promise<RecordView | null> {
  const [row] = await selectViews(db).where(eq(records.id, id)).limit(1);
  return row ? toView(row) : null;
}

const cursorInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(at: string, id: number): string {
  return Buffer.from(`${at}|${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { at: string; id: number } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [at, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !at || !id || !cursorInstant.test(at) || Number.isNaN(Date.parse(at))) return null;
  if (!/^[1-9][0-9]{0,15}$/.test(id) || Number(id) > Number.MAX_SAFE_INTEGER) return null;
  return { at, id: Number(id) };
}

/** A day alone is midnight where the center works. */
function instant(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
}

function badParameters(errors: ProblemFieldError[]): Response {
  return problem("invalid_request", `Check these query parameters: ${fieldList(errors)}.`, { errors });
}

/** GET /api/v1/records */
export async function handleListRecords(db: Database, request: Request): Promise<Response> {
  return guarded("GET /api/v1/records", async () => {
    const auth = await authorize(db, request, "records:read");
    if (!auth.ok) return auth.response;

    const params = new URL(request.url).searchParams;
    const raw: Record<string, string> = {};
    const repeated: ProblemFieldError[] = [];
    for (const name of Object.keys(listRecordsQuery.shape)) {
      const values = params.getAll(name).filter((v) => v !== "");
      if (values.length > 1) repeated.push({ field: name, message: "Give this parameter once." });
      else if (values.length === 1) raw[name] = values[0];
    }
    if (repeated.length > 0) return badParameters(repeated);
    const parsed = listRecordsQuery.safeParse(raw, { error: errorKeyMap });
    if (!parsed.success) return badParameters(zodFieldErrors(parsed.error));
    const query = parsed.data;

    const conditions: SQL[] = [];
    const errors: ProblemFieldError[] = [];
    if (query.kind) conditions.push(eq(records.kind, query.kind));
    if (query.channel) conditions.push(eq(records.channel, query.channel));
    if (query.status) conditions.push(eq(records.status, query.status));
    if (query.categoryCode) {
      const found = await db
        .select({ id: categories.id })
        .from(categories)
        .where(or(eq(categories.code, query.categoryCode), sql`${categories.parentId} = (select c.id from categories c where c.code = ${query.categoryCode})`));
      if (found.length === 0) errors.push({ field: "categoryCode", message: englishMessage(messageKey("unknownCategory")) });
      else conditions.push(inArray(records.categoryId, found.map((c) => c.id)));
    }
    if (query.siteCode) {
      const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.code, query.siteCode)).limit(1);
      if (!site) errors.push({ field: "siteCode", message: englishMessage(messageKey("unknownSite")) });
      else conditions.push(eq(records.siteId, site.id));
    }
    const from = query.createdFrom ? instant(query.createdFrom) : null;
    const to = query.createdTo ? instant(query.createdTo) : null;
    if (from && to && from >= to) errors.push({ field: "createdTo", message: "Must be later than createdFrom." });
    if (from) conditions.push(gte(records.createdAt, from));
    if (to) conditions.push(lt(records.createdAt, to));
    if (query.q) conditions.push(ilike(records.summary, `%${query.q.replace(/[\\%_]/g, "\\$&")}%`));
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor);
      if (!cursor) {
        errors.push({ field: "cursor", message: "Not a cursor this API gave out; pass nextCursor unchanged." });
      } else {
        const at = sql`${cursor.at}::timestamptz`;
        // The first half lets the created_at index find the start; the second breaks ties by id.
        conditions.push(lte(records.createdAt, at), sql`(${records.createdAt} < ${at} or ${records.id} < ${cursor.id})`);
      }
    }
    if (errors.length > 0) return badParameters(errors);

    const rows = await selectViews(db)
      .where(and(...conditions))
      .orderBy(desc(records.createdAt), desc(records.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor = rows.length > query.limit && last ? encodeCursor(last.cursorAt, last.id) : null;
    return json({ data: page.map(toView), nextCursor });
  });
}

/** GET /api/v1/records/{id} */
export async function handleGetRecord(db: Database, request: Request, id: string): Promise<Response> {
  return guarded("GET /api/v1/records/{id}", async () => {
    const auth = await authorize(db, request, "records:read");
    if (!auth.ok) return auth.response;
    if (!/^[1-9][0-9]{0,15}$/.test(id) || Number(id) > Number.MAX_SAFE_INTEGER) {
      return problem("invalid_request", "A record id is a positive whole number.", { errors: [{ field: "id", message: "A record id is a positive whole number." }] });
    }
    const view = await getRecordView(db, Number(id));
    return view ? json(view) : problem("not_found", `There is no record ${id}.`);
  });
}

// ---------------------------------------------------------------- errors

export async function guarded<T extends Response | JsonAnswer = Response>(operation: string, run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ValidationFailed) {
      const errors = keyedFieldErrors(error.fieldErrors);
      return problem("validation_failed", `The record has errors in: ${fieldList(errors)}.`, { errors });
    }
    if (error instanceof Conflict) return problem("conflict", error.message);
    if (error instanceof Forbidden) return problem("insufficient_scope", "This token may not do this.");
    if (error instanceof NotFound) return problem("not_found", "Not found.");
    if (isExpectedError(error)) return problem("invalid_request", error.message);
    console.error(`[api] ${operation} failed`, error);
    return problem("internal_error", internalErrorDetail);
  }
}
