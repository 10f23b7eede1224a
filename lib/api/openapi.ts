import { z } from "zod";
import { apiScopes } from "@/lib/services/api-tokens";
import { statsFiltersSchema } from "@/lib/stats/filters";
import { statsFigureNames } from "@/lib/stats/registry";
import { internalErrorDetail, problemBody, problemContentType, type ProblemDetails } from "./problem";
import {
  apiLimits,
  apiRecordBody,
  bulkRecordsBody,
  bulkResult,
  listRecordsQuery,
  problemDetails,
  recordList,
  recordView,
  type BulkResult,
  type RecordView,
} from "./schemas";

/**
 * The OpenAPI 3.1 description of the integration API, generated from the zod schemas the
 * handlers validate with. Served at /api/v1/openapi.json and rendered at /developers.
 */

export type JsonSchema = z.core.JSONSchema.BaseSchema;

export interface OpenApiParameter {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  example?: string | number;
}

export interface OpenApiMedia {
  schema: JsonSchema;
  example?: unknown;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, OpenApiMedia>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; description?: string; content: Record<string, OpenApiMedia> };
  responses: Record<string, OpenApiResponse>;
}

export type HttpMethod = "get" | "post";

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: {
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
    schemas: Record<string, JsonSchema>;
  };
}

// ---------------------------------------------------------------- schema conversion

/**
 * JSON Schema of what a client sends. Two things need help: a coerced date has no JSON Schema
 * of its own (it is an ISO 8601 string on the wire), and a field behind `z.preprocess` that
 * fills in a default (customerWords, urgency) looks required to the converter, so the
 * required list is recomputed by asking each field whether it accepts nothing.
 */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: (ctx) => (ctx.zodSchema._zod.def.type === "date" ? { type: "string", format: "date-time" } : "any"),
    override: tidy,
  });
  delete json.$schema;
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const required = Object.keys(shape).filter((key) => !shape[key].safeParse(undefined).success);
    if (required.length > 0) json.required = required;
    else delete json.required;
  }
  return json;
}

/** Leaves out what only restates the format: safe-integer bounds, the date-time regular expression. */
function tidy({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.format === "date-time" || jsonSchema.format === "date") delete jsonSchema.pattern;
}

/** Answers may gain fields within v1, so their objects are not closed to additions. */
export function outputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: "output",
    unrepresentable: "any",
    override: (ctx) => {
      tidy(ctx);
      if (ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
    },
  });
  delete json.$schema;
  return json;
}

const recordFieldNotes: Record<string, string> = {
  kind: "complaint 投诉 · suggestion 建议 · business_contact 业务联系 · service_record 服务记录 · praise 表扬.",
  channel: "How it came in. `web` is reserved for the customers' public page.",
  categoryCode: "A category code, e.g. `pin.letter` (see the reference codes on /developers).",
  region: "The customer's city or province: a GB/T 2260 code (`320500`) or a name in either script (`苏州`, `蘇州市`); historic names map to today's.",
  callReference: "The telephony system's call id.",
  summary: "One line. Card and ID numbers are masked before the record is stored.",
  customerWords: "What the customer said, in their words.",
  urgency: "Defaults to `normal`.",
  valuable: "Report to the site's supervisor (有价值的信息上报督导). Defaults to false.",
  occurredAt: "When the call or message happened (ISO 8601 with offset); not in the future, not before 2000. Defaults to now.",
  siteCode: "The contact-center site: `SH`, `SZ` or `TJ`.",
  source: "Where an other-channel item came from: forum thread, page title, mail sender.",
  sourceUrl: "An http(s) link to the original.",
  externalId: "The id in the sending system, unique per channel. Sending the same channel and externalId again returns the first record (200) instead of a second.",
  contact: "The customer's phone or e-mail; kept for staff who need it and returned masked.",
};

function recordInputSchema(): JsonSchema {
  const json = inputSchema(apiRecordBody);
  const properties = json.properties ?? {};
  for (const [key, note] of Object.entries(recordFieldNotes)) {
    const property = properties[key];
    if (property && typeof property === "object") property.description = note;
  }
  json.description = "One record. Absent and null optional fields are the same. Unknown fields are ignored.";
  return json;
}

// ---------------------------------------------------------------- examples

/** Valid against the demo installation: the category, site and region exist there. */
export const recordExample = {
  kind: "complaint",
  channel: "hotline",
  categoryCode: "pin.letter",
  siteCode: "SZ",
  region: "苏州",
  callReference: "CTI-20260302-004127",
  summary: "密码函开卡后两周仍未收到，无法消费",
  customerWords: "卡已经激活两周了，密码函一直没寄到，商场刷卡用不了。",
  urgency: "high",
  valuable: true,
  occurredAt: "2026-03-02T09:41:00+08:00",
  externalId: "cti-004127",
  contact: "13800138000",
} as const;

export const mailboxRecordExample = {
  kind: "suggestion",
  channel: "mailbox",
  categoryCode: "statement.delivery",
  siteCode: "SH",
  region: "320500",
  summary: "建议电子账单增加分期还款明细",
  customerWords: "每月电子账单里看不到分期的剩余期数，希望能直接列出来。",
  source: "service@bank.example 外部服务邮箱",
  externalId: "mbx-2026-03-0815",
  occurredAt: "2026-03-02T10:05:00+08:00",
} as const;

export const bulkExample = { records: [recordExample, mailboxRecordExample] };

const recordViewExample: RecordView = {
  id: 1042,
  kind: "complaint",
  channel: "hotline",
  status: "reported",
  category: { code: "pin.letter", nameHans: "密码函寄送", nameEn: "PIN letter by mail" },
  siteCode: "SZ",
  regionCode: "320500",
  callReference: "CTI-20260302-004127",
  summary: "密码函开卡后两周仍未收到，无法消费",
  customerWords: "卡已经激活两周了，密码函一直没寄到，商场刷卡用不了。",
  urgency: "high",
  valuable: true,
  source: null,
  sourceUrl: null,
  externalId: "cti-004127",
  trackingNumber: null,
  contact: "138****8000",
  occurredAt: "2026-03-02T01:41:00.000Z",
  createdAt: "2026-03-02T01:41:03.512Z",
};

const bulkResultExample: BulkResult = {
  results: [
    { index: 0, status: 201, id: 1043 },
    { index: 1, status: 422, errors: [{ field: "categoryCode", message: "There is no such category; choose one from the list." }] },
  ],
  created: 1,
  replayed: 0,
  failed: 1,
};

// ---------------------------------------------------------------- building blocks

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

function problemResponse(description: string, example: ProblemDetails): OpenApiResponse {
  return { description, content: { [problemContentType]: { schema: ref("Problem"), example } } };
}

const problems = {
  unauthenticated: problemResponse("No token, or an unknown or revoked one.", problemBody("unauthenticated", "The bearer token is not valid: it is unknown, mistyped or revoked.")),
  forbidden: (scope: string) => problemResponse(`The token lacks the \`${scope}\` scope.`, problemBody("insufficient_scope", `This token lacks the "${scope}" scope. Ask an administrator for a token that has it.`)),
  invalidJson: problemResponse("The body is empty, not UTF-8, not JSON, or not a JSON object.", problemBody("invalid_json", "The body is not valid JSON.")),
  tooLarge: (bytes: string) => problemResponse(`The body is larger than ${bytes}.`, problemBody("payload_too_large", `The body is larger than ${bytes}.`)),
  mediaType: problemResponse("The body is not sent as application/json.", problemBody("unsupported_media_type", "Send the body as JSON, with `Content-Type: application/json`.")),
  internal: problemResponse("An unexpected error; nothing about it is shown. Retry later.", problemBody("internal_error", internalErrorDetail)),
  unavailable: problemResponse("The database is unavailable; retry after the Retry-After seconds.", problemBody("service_unavailable", "The service is starting or its database is unavailable. Try again shortly.")),
};

const recordResponseHeaders = {
  Location: { description: "The new record's address (201 only).", schema: { type: "string" } as JsonSchema },
  "Idempotent-Replayed": { description: "`true` when the answer is the record a previous request made (200 only).", schema: { type: "string", enum: ["true"] } as JsonSchema },
};

function queryParameters(): OpenApiParameter[] {
  const shape = listRecordsQuery.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, schema]) => {
    const json = inputSchema(schema);
    const description = typeof json.description === "string" ? json.description : undefined;
    delete json.description;
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: json };
  });
}

const regionSchema = z.object({
  code: z.string().describe("GB/T 2260 code."),
  parentCode: z.string().nullable(),
  level: z.enum(["province", "city"]),
  nameHans: z.string(),
  nameHant: z.string(),
  nameEn: z.string(),
  pinyin: z.string(),
});

const regionsResponse = z.object({
  data: z.union([
    z.array(regionSchema.extend({ cities: z.array(regionSchema).optional() })),
    regionSchema.extend({ matchedBy: z.enum(["exact", "short", "historic"]), historicNote: z.string().nullable() }),
  ]),
  count: z.number().int().optional().describe("Every region, when listing them all."),
});

// ---------------------------------------------------------------- statistics

const statsParameterNotes: Record<string, string> = {
  from: "First day, inclusive, in Asia/Shanghai (YYYY-MM-DD).",
  to: "Last day, inclusive (YYYY-MM-DD); default today.",
  grain: "Periods of trends: day, week (from Monday) or month.",
  siteId: "One site.",
  categoryId: "One category; a parent category takes its children with it.",
  channel: "One channel.",
  kind: "One kind of record.",
};

function statsParameters(): OpenApiParameter[] {
  const properties = (inputSchema(statsFiltersSchema).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, schema]) => ({ name, in: "query", required: false, description: statsParameterNotes[name], schema }));
}

const statsAnswer = z.object({
  figure: z.string(),
  filters: z.object({
    from: z.string(),
    to: z.string(),
    grain: z.enum(["day", "week", "month"]),
    siteId: z.number().int().optional(),
    categoryId: z.number().int().optional(),
    channel: z.string().optional(),
    kind: z.string().optional(),
  }),
  generatedAt: z.string(),
  data: z.unknown().describe("The figure: its shape is the figure's (see the examples on /developers)."),
});

export const statsExample = {
  figure: "channels",
  filters: { from: "2026-06-01", to: "2026-11-29", grain: "week" },
  generatedAt: "2026-11-29T08:00:00.000Z",
  data: [
    { channel: "hotline", n: 5120 },
    { channel: "web", n: 310 },
    { channel: "forum", n: 122 },
    { channel: "internet", n: 98 },
    { channel: "mailbox", n: 141 },
    { channel: "survey", n: 402 },
  ],
};

// ---------------------------------------------------------------- the document

function build(): OpenApiDocument {
  const writeSecurity = [{ bearerAuth: ["records:write"] }];
  const readSecurity = [{ bearerAuth: ["records:read"] }];
  const validationExample = problemBody("validation_failed", "The record has errors in: summary, categoryCode.", [
    { field: "summary", message: "This field is required." },
    { field: "categoryCode", message: "There is no such category; choose one from the list." },
  ]);

  return {
    openapi: "3.1.0",
    info: {
      title: "VoC integration API · 客户之声集成接口",
      version: "1.0.0",
      description:
        "Sends records into the Voice of the Customer platform from the call-center telephony system and the mailbox gateways, and reads them back. " +
        "Authenticate with an integration token issued by an administrator (`Authorization: Bearer voc_…`); each token carries the scopes " +
        `${apiScopes.map((s) => `\`${s}\``).join(" and ")}. Errors are RFC 9457 problem details naming each field at fault. ` +
        "Card and ID numbers in the text are masked before anything is stored; contacts are returned masked.",
    },
    servers: [{ url: "/", description: "This installation" }],
    tags: [
      { name: "Records", description: "Complaints, suggestions, business contacts, service records and praise." },
      { name: "Reference", description: "Regions for the customer's city or province." },
      { name: "Statistics", description: "The dashboards' figures, from the same queries as the pages." },
    ],
    paths: {
      "/api/v1/records": {
        post: {
          operationId: "createRecord",
          summary: "Create a record · 新建记录",
          description:
            `One record per request, body at most ${apiLimits.recordBodyBytes / 1024} KB. Safe to retry: send an \`Idempotency-Key\` (the same key with the same body returns the first record with 200 and \`Idempotent-Replayed: true\`; with a different body, 409), ` +
            "or give the record an `externalId`, which is unique per channel.",
          tags: ["Records"],
          security: writeSecurity,
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: `Up to ${apiLimits.idempotencyKey} visible ASCII characters, e.g. a UUID; remembered per token.`,
              schema: { type: "string", minLength: 1, maxLength: apiLimits.idempotencyKey },
              example: "9f1c2d7e-3b8a-4c55-a1f0-2e6d4b7c8a90",
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: ref("RecordInput"), example: recordExample } } },
          responses: {
            "201": { description: "Created.", headers: { Location: recordResponseHeaders.Location }, content: { "application/json": { schema: ref("Record"), example: recordViewExample } } },
            "200": {
              description: "Already there: the record an earlier request with this Idempotency-Key, or this channel and externalId, created.",
              headers: { "Idempotent-Replayed": recordResponseHeaders["Idempotent-Replayed"] },
              content: { "application/json": { schema: ref("Record"), example: recordViewExample } },
            },
            "400": problemResponse("Malformed JSON, a body that is not an object, or a bad Idempotency-Key.", problemBody("invalid_json", "The body is not valid JSON.")),
            "401": problems.unauthenticated,
            "403": problems.forbidden("records:write"),
            "409": problemResponse("The Idempotency-Key was used with a different body.", problemBody("conflict", "This Idempotency-Key was already used for a different request.")),
            "413": problems.tooLarge(`${apiLimits.recordBodyBytes / 1024} KB`),
            "415": problems.mediaType,
            "422": problemResponse("A field is missing or wrong, or names a category, region or site that does not exist.", validationExample),
            "500": problems.internal,
            "503": problems.unavailable,
          },
        },
        get: {
          operationId: "listRecords",
          summary: "List records · 查询记录",
          description:
            "Newest first (by creation time, then id). Pages are keyset-paginated: pass `nextCursor` as `cursor` until it is null; every record appears exactly once across the pages, even while new ones arrive.",
          tags: ["Records"],
          security: readSecurity,
          parameters: queryParameters(),
          responses: {
            "200": { description: "A page of records.", content: { "application/json": { schema: ref("RecordList"), example: { data: [recordViewExample], nextCursor: null } } } },
            "400": problemResponse(
              "A filter is not valid; `errors` names the parameter.",
              problemBody("invalid_request", "Check these query parameters: kind.", [{ field: "kind", message: "Choose one of the listed options." }]),
            ),
            "401": problems.unauthenticated,
            "403": problems.forbidden("records:read"),
            "500": problems.internal,
            "503": problems.unavailable,
          },
        },
      },
      "/api/v1/records/bulk": {
        post: {
          operationId: "createRecords",
          summary: "Create records in bulk · 批量新建记录",
          description:
            `Up to ${apiLimits.bulkItems} records, body at most ${apiLimits.bulkBodyBytes / (1024 * 1024)} MB. Each item is validated and saved on its own, so one bad item does not stop the others; ` +
            "give each an `externalId` so that resending the whole batch after a timeout creates nothing twice. The answer is 200 when every item is saved (201) or already there (200), otherwise 207 with each item's status.",
          tags: ["Records"],
          security: writeSecurity,
          requestBody: { required: true, content: { "application/json": { schema: ref("BulkRecordsInput"), example: bulkExample } } },
          responses: {
            "200": { description: "Every item was created or was already there.", content: { "application/json": { schema: ref("BulkResult"), example: { ...bulkResultExample, results: [bulkResultExample.results[0]], failed: 0 } } } },
            "207": { description: "Some items failed; see each result.", content: { "application/json": { schema: ref("BulkResult"), example: bulkResultExample } } },
            "400": problems.invalidJson,
            "401": problems.unauthenticated,
            "403": problems.forbidden("records:write"),
            "413": problems.tooLarge(`${apiLimits.bulkBodyBytes / (1024 * 1024)} MB`),
            "415": problems.mediaType,
            "422": problemResponse(
              `\`records\` is missing, empty or has more than ${apiLimits.bulkItems} items.`,
              problemBody("validation_failed", `Send 1 to ${apiLimits.bulkItems} records in "records".`, [{ field: "records", message: `At most ${apiLimits.bulkItems} items.` }]),
            ),
            "500": problems.internal,
            "503": problems.unavailable,
          },
        },
      },
      "/api/v1/records/{id}": {
        get: {
          operationId: "getRecord",
          summary: "Get a record · 查看记录",
          description: "One record by its id.",
          tags: ["Records"],
          security: readSecurity,
          parameters: [{ name: "id", in: "path", required: true, description: "The record's id.", schema: { type: "integer", minimum: 1 }, example: 1042 }],
          responses: {
            "200": { description: "The record.", content: { "application/json": { schema: ref("Record"), example: recordViewExample } } },
            "400": problemResponse("The id is not a positive whole number.", problemBody("invalid_request", "A record id is a positive whole number.")),
            "401": problems.unauthenticated,
            "403": problems.forbidden("records:read"),
            "404": problemResponse("No record has this id.", problemBody("not_found", "There is no record 1042.")),
            "500": problems.internal,
            "503": problems.unavailable,
          },
        },
      },
      "/api/v1/regions": {
        get: {
          operationId: "listRegions",
          summary: "Regions · 省市",
          description:
            "China's provinces and prefecture-level cities, sorted by pinyin. No token needed. With no parameter: every province with its cities. " +
            "Use `q` for type-ahead, `name` to resolve a name (historic ones included, e.g. 巢湖市 → 合肥市), `province` for one province's cities.",
          tags: ["Reference"],
          security: [],
          parameters: [
            { name: "q", in: "query", required: false, description: "Type-ahead: characters in either script, pinyin or initials (at most 50 characters).", schema: { type: "string", maxLength: 50 }, example: "suzhou" },
            { name: "limit", in: "query", required: false, description: "With `q`: how many, 1 to 50 (default 20).", schema: { type: "integer", minimum: 1, maximum: 50, default: 20 } },
            { name: "name", in: "query", required: false, description: "Resolve one name to a region.", schema: { type: "string", maxLength: 50 }, example: "巢湖市" },
            { name: "province", in: "query", required: false, description: "A province code: its cities.", schema: { type: "string", pattern: "^[0-9]{6}$" }, example: "320000" },
          ],
          responses: {
            "200": {
              description: "Regions.",
              content: { "application/json": { schema: ref("Regions"), example: { data: [{ code: "320500", parentCode: "320000", level: "city", nameHans: "苏州市", nameHant: "蘇州市", nameEn: "Suzhou", pinyin: "suzhou" }] } } },
            },
            "400": problemResponse("`q` is longer than 50 characters.", { type: "about:blank", title: "Query too long", status: 400, detail: "q must be at most 50 characters." }),
            "404": problemResponse("No region has this name or province code.", { type: "about:blank", title: "Unknown region", status: 404, detail: 'No province or city is called "不存在市".' }),
          },
        },
      },
      "/api/v1/stats/{figure}": {
        get: {
          operationId: "getStatsFigure",
          summary: "A dashboard figure · 看板数据",
          description:
            "The figures the dashboards show, filtered as on the dashboards, across every site. Record figures come from daily cells kept as records arrive, so they are current to the last committed record. " +
            `Figures: ${statsFigureNames.map((n) => `\`${n}\``).join(", ")}. ` +
            "Without `from` and `to` the last 182 days; without `grain` one that fits the range (days up to two months, weeks up to a year, then months).",
          tags: ["Statistics"],
          security: [{ bearerAuth: ["stats:read"] }],
          parameters: [
            { name: "figure", in: "path", required: true, description: "Which figure.", schema: { type: "string", enum: [...statsFigureNames] }, example: "trend" },
            ...statsParameters(),
          ],
          responses: {
            "200": {
              description: "The figure, with the filters it was computed for.",
              content: { "application/json": { schema: ref("StatsAnswer"), example: statsExample } },
            },
            "400": problemResponse(
              "A filter is not valid; `errors` names the parameter.",
              problemBody("invalid_request", "Check these query parameters: from.", [{ field: "from", message: "`from` must not be after `to`." }]),
            ),
            "401": problems.unauthenticated,
            "403": problems.forbidden("stats:read"),
            "404": problemResponse("No figure has this name.", problemBody("not_found", `There is no figure "trends". The figures are: ${statsFigureNames.join(", ")}.`)),
            "500": problems.internal,
            "503": problems.unavailable,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: `An integration token (\`voc_…\`) from Administration → Integration tokens. Scopes: ${apiScopes.join(", ")}.` },
      },
      schemas: {
        RecordInput: recordInputSchema(),
        BulkRecordsInput: { ...inputSchema(bulkRecordsBody), properties: { records: { type: "array", minItems: 1, maxItems: apiLimits.bulkItems, items: ref("RecordInput") } } },
        Record: outputSchema(recordView),
        RecordList: { ...outputSchema(recordList), properties: { data: { type: "array", items: ref("Record") }, nextCursor: outputSchema(recordList.shape.nextCursor) } },
        BulkResult: outputSchema(bulkResult),
        Problem: outputSchema(problemDetails),
        Regions: outputSchema(regionsResponse),
        StatsAnswer: outputSchema(statsAnswer),
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}

export interface DocumentedOperation {
  method: HttpMethod;
  path: string;
  operation: OpenApiOperation;
}

export function listOperations(document: OpenApiDocument = openApiDocument()): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (["post", "get"] as const).flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
}

/** A copy-and-paste curl command for an operation, with its example body. */
export function curlExample(origin: string, { method, path, operation }: DocumentedOperation): string {
  const examplePath = path.replace("{id}", "1042").replace("{figure}", "channels");
  const query =
    method === "get" && path === "/api/v1/records"
      ? "?channel=hotline&limit=20"
      : path === "/api/v1/regions"
        ? "?name=%E8%8B%8F%E5%B7%9E"
        : path === "/api/v1/stats/{figure}"
          ? "?from=2026-06-01&to=2026-11-29&kind=complaint"
          : "";
  const lines = [`curl${method === "post" ? " -X POST" : ""} '${origin}${examplePath}${query}'`];
  if (operation.security.length > 0) lines.push(`  -H "Authorization: Bearer $VOC_TOKEN"`);
  const example = operation.requestBody?.content["application/json"]?.example;
  if (example !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    if (operation.operationId === "createRecord") lines.push(`  -H "Idempotency-Key: $(uuidgen)"`);
    lines.push(`  --data-binary '${JSON.stringify(example, null, 2).replaceAll("'", "'\\''")}'`);
  }
  return lines.join(" \\\n");
}
