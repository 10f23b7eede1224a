"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { RateLimited } from "@/lib/errors";
import { maskSensitive } from "@/lib/pii";
import { clientIp } from "@/lib/request";
import { lookupSubmission, submitPublicFeedback, type PublicStatus } from "@/lib/services/public-submissions";
import { publicSubmissionInput } from "@/lib/validation/record";
import { errorState, parseForm } from "./form";
import type { ActionState } from "./state";

export interface SubmissionState extends ActionState {
  trackingNumber?: string;
  masked?: number;
}

/** What is given back to the form: never a card or ID number the customer typed. */
function safeValues(state: ActionState): ActionState {
  if (!state.values) return state;
  const values = Object.fromEntries(Object.entries(state.values).map(([k, v]) => [k, typeof v === "string" ? maskSensitive(v).text : v]));
  return { ...state, values };
}

/** The public page's form: works with or without JavaScript. */
export async function submitFeedbackAction(_previous: SubmissionState, formData: FormData): Promise<SubmissionState> {
  const raw = {
    kind: formData.get("kind") ?? undefined,
    categoryCode: formData.get("categoryCode") ?? undefined,
    region: formData.get("region") ?? undefined,
    summary: formData.get("summary") ?? undefined,
    customerWords: formData.get("customerWords") ?? undefined,
    contact: formData.get("contact") ?? undefined,
    website: formData.get("website") ?? undefined,
  };
  const parsed = await parseForm(publicSubmissionInput, raw, formData);
  if (!parsed.ok) return safeValues(parsed.state);
  try {
    const receipt = await submitPublicFeedback(await getDb(), await clientIp(), parsed.data);
    return { status: "success", trackingNumber: receipt.trackingNumber, masked: receipt.masked };
  } catch (error) {
    if (error instanceof RateLimited) {
      const t = await getTranslations("feedback");
      return safeValues({ status: "error", message: t("tooMany", { minutes: Math.ceil(error.retryAfterSeconds / 60) }), values: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? v : ""])) });
    }
    return safeValues(await errorState(error, formData, "submitFeedbackAction"));
  }
}

export interface LookupState extends ActionState {
  result?: PublicStatus;
}

const lookupInput = z.object({
  trackingNumber: z.string().trim().min(1).max(32),
  contact: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(254).optional()),
});

export async function lookupSubmissionAction(_previous: LookupState, formData: FormData): Promise<LookupState> {
  const parsed = await parseForm(lookupInput, { trackingNumber: formData.get("trackingNumber") ?? undefined, contact: formData.get("contact") ?? undefined }, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const result = await lookupSubmission(await getDb(), await clientIp(), parsed.data);
    return { status: "success", result, values: { trackingNumber: result.trackingNumber, contact: parsed.data.contact ?? "" } };
  } catch (error) {
    const t = await getTranslations("feedback");
    if (error instanceof RateLimited) return { status: "error", message: t("tooManyLookups"), values: { trackingNumber: parsed.data.trackingNumber } };
    const state = await errorState(error, formData, "lookupSubmissionAction");
    return state.message && state.status === "error" && (error as { code?: string }).code === "not_found" ? { ...state, message: t("notFound") } : state;
  }
}
