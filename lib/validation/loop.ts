import { z } from "zod";
import { dispositions, meetingDecisions } from "@/db/schema";
import { messageKey } from "./errors";

/** The forms of acting on issues, the monthly meeting and closing the loop, as FormData gives them. */

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v === null ? undefined : v);
const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().positive();

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const requiredText = (max: number) => z.preprocess((v) => (v === null ? "" : v), z.string().trim().min(1).max(max));
const optionalDate = z.preprocess(blankToUndefined, z.iso.date({ error: () => messageKey("invalidDate") }).optional());
const requiredDate = z.preprocess((v) => (v === null ? "" : v), z.iso.date({ error: (issue) => (issue.input === "" ? messageKey("required") : messageKey("invalidDate")) }));
const evidenceUrl = z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).max(2000).optional());

export const assignActionForm = z.object({
  issueId: id,
  issueVersion: version,
  departmentCode: z.string().trim().min(1).max(32),
  disposition: z.enum(dispositions),
  dueOn: optionalDate,
  ownerName: optionalText(64),
});

export const updateActionForm = z.object({
  actionId: id,
  version,
  ownerName: optionalText(64),
  dueOn: optionalDate,
  progress: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100).optional()),
  note: requiredText(4000),
  evidenceUrl,
});

export const completeActionForm = z.object({ actionId: id, version, note: requiredText(4000), evidenceUrl });

export const wordingFields = { publicTitle: optionalText(200), publicOutcome: optionalText(2000) };

export const verifyActionForm = z.object({ actionId: id, version, ...wordingFields });

export const reopenActionForm = z.object({ actionId: id, version, reason: requiredText(1000) });

export const resolveIssueForm = z.object({ issueId: id, version, publicTitle: requiredText(200), publicOutcome: requiredText(2000) });

/** Attendees typed one per line (or separated by commas or 、). */
export function splitAttendees(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const openMeetingForm = z.object({ title: requiredText(200), heldOn: requiredDate, attendees: z.string().max(6000).optional() });

export const decideItemForm = z
  .object({
    itemId: id,
    actionVersion: z.preprocess(blankToUndefined, version.optional()),
    decision: z.enum(meetingDecisions),
    note: optionalText(2000),
    newOwner: optionalText(64),
    newDueOn: optionalDate,
    ...wordingFields,
  })
  .superRefine((v, ctx) => {
    if (v.decision === "change_owner" && !v.newOwner) ctx.addIssue({ code: "custom", path: ["newOwner"], message: messageKey("required") });
    if (v.decision === "change_due" && !v.newDueOn) ctx.addIssue({ code: "custom", path: ["newDueOn"], message: messageKey("required") });
  });

export const publishMinutesForm = z.object({ meetingId: id, version, minutes: requiredText(20_000), attendees: requiredText(6000) });

export const commentForm = z.object({ meetingId: id, body: requiredText(2000) });

export const extendDeadlineForm = z.object({ recordId: id, version, reason: requiredText(1000) });

/** Every form field of FormData as a plain object, for the schemas above. */
export function formObject(formData: FormData): Record<string, FormDataEntryValue> {
  const out: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith("$ACTION")) out[key] = value;
  return out;
}
