"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { fill, intakeStrings, type IntakeStrings } from "@/components/forms/intake-strings";
import { getDb } from "@/db";
import { recordKinds } from "@/db/schema";
import { isLocale } from "@/lib/i18n/config";
import { assertViewer } from "@/lib/session";
import { commitImport, ImportRefused, importChannels, importLimits, importModes, normalizeInstant, previewImport, type ImportFile } from "@/lib/services/imports";
import { createRecord } from "@/lib/services/records";
import { channelRecordInput } from "@/lib/validation/record";
import { errorState, formValues, parseForm } from "./form";
import type { ActionState } from "./state";

async function strings(): Promise<IntakeStrings> {
  const locale = await getLocale();
  return intakeStrings[isLocale(locale) ? locale : "zh-Hans"];
}

/** A text field as typed; an empty one counts as not given. */
function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function refusal(error: ImportRefused, s: IntakeStrings, formData: FormData | null): ActionState {
  return { status: "error", message: fill(s.refusals[error.reason], error.values), values: formData ? formValues(formData) : undefined };
}

/** One item from another channel, typed in by the specialist. */
export async function createChannelRecordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const occurredAt = text(formData, "occurredAt");
  const input = {
    channel: text(formData, "channel"),
    kind: text(formData, "kind"),
    categoryCode: text(formData, "categoryCode"),
    region: text(formData, "region"),
    // datetime-local has no zone: the person typed the center's time.
    occurredAt: occurredAt ? normalizeInstant(occurredAt) : undefined,
    source: text(formData, "source"),
    sourceUrl: text(formData, "sourceUrl"),
    urgency: text(formData, "urgency"),
    summary: formData.get("summary") ?? undefined,
    customerWords: formData.get("customerWords") ?? undefined,
  };
  const parsed = await parseForm(channelRecordInput, input, formData);
  if (!parsed.ok) return parsed.state;

  let saved: { id: number; masked: number };
  try {
    const viewer = await assertViewer();
    const result = await createRecord(await getDb(), { type: "staff", viewer }, parsed.data);
    saved = { id: result.record.id, masked: result.masked };
  } catch (error) {
    return errorState(error, formData, "createChannelRecordAction");
  }
  revalidatePath("/specialist/intake");
  const s = await strings();
  return { status: "success", message: fill(saved.masked > 0 ? s.manual.savedMasked : s.manual.saved, saved) };
}

const importDefaultsInput = z.object({
  defaultChannel: z.enum(importChannels).optional(),
  defaultKind: z.enum(recordKinds).optional(),
  defaultCategoryCode: z.string().trim().min(1).max(48).optional(),
});

/** Reads the chosen files into a batch and opens its preview. */
export async function previewImportAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const s = await strings();
  const files = formData.getAll("files").filter((f): f is File => typeof f !== "string" && f.size > 0);
  if (files.length === 0) return { status: "error", message: s.upload.noFile, fieldErrors: { files: [s.upload.noFile] }, values: formValues(formData) };
  const defaults = importDefaultsInput.safeParse({
    defaultChannel: text(formData, "defaultChannel"),
    defaultKind: text(formData, "defaultKind"),
    defaultCategoryCode: text(formData, "defaultCategoryCode"),
  });
  if (!defaults.success) return { status: "error", message: (await getTranslations("errors"))("invalidRequest"), values: formValues(formData) };
  // Refused before a byte is read: the size is known from the request.
  if (files.reduce((sum, f) => sum + f.size, 0) > importLimits.maxBytes) {
    return refusal(new ImportRefused("tooLarge", { maxMb: importLimits.maxBytes / 1024 / 1024 }), s, formData);
  }

  let batchId: number;
  try {
    const viewer = await assertViewer();
    const read: ImportFile[] = await Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const preview = await previewImport(await getDb(), viewer, {
      files: read,
      defaults: { channel: defaults.data.defaultChannel, kind: defaults.data.defaultKind, categoryCode: defaults.data.defaultCategoryCode },
    });
    batchId = preview.batchId;
  } catch (error) {
    if (error instanceof ImportRefused) return refusal(error, s, formData);
    return errorState(error, formData, "previewImportAction");
  }
  redirect(`/specialist/intake/import/${batchId}`);
}

const commitInput = z.object({
  batchId: z.coerce.number().int().positive(),
  mode: z.enum(importModes),
});

/** Saves a previewed batch, all or only its valid rows. */
export async function commitImportAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = commitInput.safeParse({ batchId: formData.get("batchId"), mode: formData.get("mode") });
  if (!parsed.success) return { status: "error", message: (await getTranslations("errors"))("invalidRequest") };
  const s = await strings();
  let savedCount: number;
  try {
    const viewer = await assertViewer();
    savedCount = (await commitImport(await getDb(), viewer, parsed.data)).savedCount;
  } catch (error) {
    if (error instanceof ImportRefused) return refusal(error, s, null);
    return errorState(error, null, "commitImportAction");
  }
  revalidatePath(`/specialist/intake/import/${parsed.data.batchId}`);
  revalidatePath("/specialist/intake");
  return { status: "success", message: fill(s.preview.saved, { count: savedCount }) };
}
