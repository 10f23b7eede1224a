import { z } from "zod";
import { channels, recordKinds, urgencies } from "@/db/schema";
import { messageKey } from "./errors";

/** Limits every door shares: the form, the public page, imports and the API. */
export const recordLimits = {
  summary: 200,
  customerWords: 4000,
  callReference: 64,
  source: 200,
  sourceUrl: 2000,
  externalId: 128,
  contact: 254,
} as const;

// C0 controls other than tab, newline and carriage return; DEL and C1 controls.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !controlCharacters.test(v), { message: messageKey("controlCharacters") });

const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !controlCharacters.test(v), { message: messageKey("controlCharacters") });

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), text(max).optional());

/** FormData checkboxes send "on" when ticked and nothing when not. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A moment that has happened: not in the future (five minutes of clock skew allowed), not before 2000. */
export const pastInstant = z.coerce
  .date({ error: () => messageKey("invalidDate") })
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, { message: messageKey("futureDate") })
  .refine((d) => d.getFullYear() >= 2000, { message: messageKey("tooOld") });

export const recordFields = {
  kind: z.enum(recordKinds),
  categoryCode: requiredText(48),
  /** A region code (GB/T 2260) or a province / city name in either script. */
  region: optionalText(64),
  callReference: optionalText(recordLimits.callReference),
  summary: requiredText(recordLimits.summary),
  customerWords: z.preprocess((v) => (v === undefined || v === null ? "" : v), text(recordLimits.customerWords)),
  urgency: z.preprocess((v) => (v === undefined || v === "" ? "normal" : v), z.enum(urgencies)),
  valuable: checkbox.optional().default(false),
  occurredAt: z.preprocess((v) => (v === undefined || v === "" ? undefined : v), pastInstant.optional()),
};

/** What an agent types during or after a call. Site, team and channel come from the session. */
export const agentRecordInput = z.object({
  ...recordFields,
  /** A number the form makes once per record, so a double submit never makes two. */
  submissionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
});
export type AgentRecordInput = z.infer<typeof agentRecordInput>;

/** An item from another channel, entered or imported by a specialist. */
export const channelRecordInput = z.object({
  ...recordFields,
  channel: z.enum(["forum", "internet", "mailbox", "survey", "hotline"]),
  source: optionalText(recordLimits.source),
  sourceUrl: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.url({ protocol: /^https?$/ }).max(recordLimits.sourceUrl).refine((v) => !controlCharacters.test(v), { message: messageKey("controlCharacters") }).optional()),
  externalId: optionalText(recordLimits.externalId),
});
export type ChannelRecordInput = z.infer<typeof channelRecordInput>;

/** A record sent by the telephony system or a mailbox gateway through the API. */
export const apiRecordInput = z.object({
  ...recordFields,
  channel: z.enum(channels).exclude(["web"]),
  siteCode: optionalText(16),
  source: optionalText(recordLimits.source),
  sourceUrl: z.url({ protocol: /^https?$/ }).max(recordLimits.sourceUrl).refine((v) => !controlCharacters.test(v), { message: messageKey("controlCharacters") }).optional(),
  externalId: optionalText(recordLimits.externalId),
  contact: optionalText(recordLimits.contact),
});
export type ApiRecordInput = z.infer<typeof apiRecordInput>;

/** What a customer sends from the public page. */
export const publicSubmissionInput = z.object({
  kind: z.enum(["complaint", "suggestion", "praise"]),
  categoryCode: recordFields.categoryCode,
  region: recordFields.region,
  summary: requiredText(100),
  customerWords: requiredText(2000),
  contact: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z
      .string()
      .max(recordLimits.contact)
      .refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || /^(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}$/.test(v), { message: messageKey("invalidContact") })
      .optional(),
  ),
  /** A field people cannot see: filled in only by robots. */
  website: z.string().max(0, { message: messageKey("spam") }).optional(),
});
export type PublicSubmissionInput = z.infer<typeof publicSubmissionInput>;
