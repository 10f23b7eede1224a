import { z } from "zod";
import { channels, recordKinds, recordStatuses, urgencies } from "@/db/schema";
import { messageKey } from "@/lib/validation/errors";
import { apiRecordInput } from "@/lib/validation/record";

/**
 * The shapes of the integration API: what it accepts (built on the shared record schema) and
 * what it answers. The handlers validate with these, and the OpenAPI document is generated
 * from these, so the documentation cannot drift from the behaviour.
 */

export const apiLimits = {
  /** One record is a few kilobytes at most (summary 200, customer words 4,000 characters). */
  recordBodyBytes: 64 * 1024,
  bulkBodyBytes: 5 * 1024 * 1024,
  bulkItems: 500,
  idempotencyKey: 128,
  pageSize: 50,
  maxPageSize: 200,
} as const;

// C0 controls other than tab, newline and carriage return; DEL and C1 controls.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const noControl = (v: string) => !controlCharacters.test(v);
const noControlMessage = { message: messageKey("controlCharacters") };

/**
 * One record as the API takes it: the shared schema, with tightenings a machine client needs.
 * The shared schema lets control characters through in the category code and the source URL,
 * and PostgreSQL refuses a NUL in text, so they are stopped here; and `valuable` must be a real
 * boolean, since a gateway sending 1 or "yes" should hear about it rather than have it read as false.
 */
export const apiRecordBody = apiRecordInput.extend({
  categoryCode: apiRecordInput.shape.categoryCode.refine(noControl, noControlMessage),
  sourceUrl: apiRecordInput.shape.sourceUrl.refine((v) => v === undefined || noControl(v), noControlMessage),
  valuable: z.boolean().default(false),
});
export type ApiRecordBody = z.infer<typeof apiRecordBody>;

/** The bulk envelope; each item is validated on its own against `apiRecordBody`. */
export const bulkRecordsEnvelope = z.object({
  records: z.array(z.unknown()).min(1).max(apiLimits.bulkItems),
});

/** For the documentation: the envelope as clients see it, items described in full. */
export const bulkRecordsBody = z.object({
  records: z.array(apiRecordBody).min(1).max(apiLimits.bulkItems),
});

/** A moment or a calendar day; a bare day starts at midnight in Asia/Shanghai, the center's zone. */
const instantParameter = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: () => messageKey("invalidDate") });

const filterText = (max: number) => z.string().trim().min(1).max(max).refine(noControl, noControlMessage);

export const listRecordsQuery = z.object({
  kind: z.enum(recordKinds).optional().describe("Only records of this kind."),
  channel: z.enum(channels).optional().describe("Only records that came in by this channel."),
  categoryCode: filterText(48).optional().describe("Only this category; a top-level code (`pin`) includes its sub-categories (`pin.letter`)."),
  siteCode: filterText(16).optional().describe("Only records of this site (`SH`, `SZ`, `TJ`)."),
  status: z.enum(recordStatuses).optional().describe("Only records in this status."),
  createdFrom: instantParameter.optional().describe("Created at or after this moment (ISO 8601; a bare date is midnight Asia/Shanghai)."),
  createdTo: instantParameter.optional().describe("Created before this moment (ISO 8601; a bare date is midnight Asia/Shanghai)."),
  q: filterText(100).optional().describe("Only records whose summary contains this text (case-insensitive)."),
  limit: z.coerce.number().int().min(1).max(apiLimits.maxPageSize).default(apiLimits.pageSize).describe("Page size, 1 to 200."),
  cursor: z.string().max(200).optional().describe("The `nextCursor` of the previous page."),
});
export type ListRecordsQuery = z.infer<typeof listRecordsQuery>;

// ---------------------------------------------------------------- responses

const isoInstant = z.iso.datetime({ offset: true });

export const recordView = z.object({
  id: z.number().int(),
  kind: z.enum(recordKinds),
  channel: z.enum(channels),
  status: z.enum(recordStatuses),
  category: z.object({ code: z.string(), nameHans: z.string(), nameEn: z.string() }),
  siteCode: z.string().nullable(),
  regionCode: z.string().nullable().describe("GB/T 2260 code of the customer's city or province."),
  callReference: z.string().nullable(),
  summary: z.string().describe("Card and ID numbers are masked before the record is stored."),
  customerWords: z.string(),
  urgency: z.enum(urgencies),
  valuable: z.boolean(),
  source: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  externalId: z.string().nullable(),
  trackingNumber: z.string().nullable().describe("Only for customers' own submissions from the public page."),
  contact: z.string().nullable().describe("Masked: 138****8000, l***@example.com."),
  occurredAt: isoInstant,
  createdAt: isoInstant,
});
export type RecordView = z.infer<typeof recordView>;

export const recordList = z.object({
  data: z.array(recordView),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
});

export const fieldError = z.object({
  field: z.string().describe("The body field, bulk item field, query parameter or header at fault."),
  message: z.string(),
});

export const problemDetails = z.object({
  type: z.string().describe("A link to this kind of problem on the developers page."),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(fieldError).optional(),
});

export const bulkItemResult = z.object({
  index: z.number().int().describe("The item's position in `records`, from 0."),
  status: z.literal([201, 200, 409, 422, 500]).describe(
    "201 created; 200 already there (same channel and externalId); 422 invalid; 409 or 500 not saved, retry it.",
  ),
  id: z.number().int().optional(),
  errors: z.array(fieldError).optional(),
});
export type BulkItemResult = z.infer<typeof bulkItemResult>;

export const bulkResult = z.object({
  results: z.array(bulkItemResult),
  created: z.number().int(),
  replayed: z.number().int(),
  failed: z.number().int(),
});
export type BulkResult = z.infer<typeof bulkResult>;
