"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { isExpectedError } from "@/lib/errors";
import { assertViewer } from "@/lib/session";
import { mergeAcrossSites, rejectIssue, verificationLimits, verifyIssue } from "@/lib/services/verification";
import { errorState, parseForm } from "./form";
import type { ActionState } from "./state";

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

const decision = {
  issueId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
};

/**
 * Refusals in the management post's words: a step the issue's state no longer allows (someone
 * else decided it first) or a stale version, instead of the service's English sentence.
 */
async function refusal(error: unknown, formData: FormData, context: string): Promise<ActionState> {
  if (isExpectedError(error) && error.code !== "validation_failed") {
    const t = await getTranslations("verification.errors");
    if (t.has(error.code)) {
      const state = await errorState(error, formData, context);
      return { ...state, message: t(error.code) };
    }
  }
  return errorState(error, formData, context);
}

function refresh(issueIds: number[]): void {
  revalidatePath("/manager", "layout");
  for (const id of issueIds) revalidatePath(`/issues/${id}`);
}

const verifyInput = z.object({ ...decision, note: z.preprocess(blankToUndefined, z.string().trim().max(verificationLimits.note).optional()) });

export async function verifyIssueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(verifyInput, { issueId: formData.get("issueId"), version: formData.get("version"), note: formData.get("note") }, formData);
  if (!parsed.ok) return parsed.state;
  let reviewed: number[];
  try {
    ({ reviewedReportIds: reviewed } = await verifyIssue(await getDb(), await assertViewer(), parsed.data));
  } catch (error) {
    return refusal(error, formData, "verifyIssueAction");
  }
  refresh([parsed.data.issueId]);
  const t = await getTranslations("verification.done");
  return { status: "success", message: [t("verified", { id: parsed.data.issueId }), reviewed.length ? t("reportReviewed") : ""].filter(Boolean).join(" ") };
}

const rejectInput = z.object({ ...decision, reason: z.string().trim().min(1).max(verificationLimits.reason) });

export async function rejectIssueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(rejectInput, { issueId: formData.get("issueId"), version: formData.get("version"), reason: formData.get("reason") ?? "" }, formData);
  if (!parsed.ok) return parsed.state;
  let reviewed: number[];
  try {
    ({ reviewedReportIds: reviewed } = await rejectIssue(await getDb(), await assertViewer(), parsed.data));
  } catch (error) {
    return refusal(error, formData, "rejectIssueAction");
  }
  refresh([parsed.data.issueId]);
  const t = await getTranslations("verification.done");
  return { status: "success", message: [t("rejected", { id: parsed.data.issueId }), reviewed.length ? t("reportReviewed") : ""].filter(Boolean).join(" ") };
}

const mergeInput = z.object({
  ...decision,
  // A candidate picked from the list, or any issue number typed in; the typed one wins.
  targetId: z.preprocess(blankToUndefined, z.coerce.number().int().positive()),
});

export async function mergeIssueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const typed = formData.get("targetIdManual");
  const targetId = typeof typed === "string" && typed.trim() !== "" ? typed.trim().replace(/^#/, "") : formData.get("targetId");
  const parsed = await parseForm(mergeInput, { issueId: formData.get("issueId"), version: formData.get("version"), targetId }, formData);
  if (!parsed.ok) return parsed.state;
  let moved: number;
  let reviewed: number[];
  try {
    const result = await mergeAcrossSites(await getDb(), await assertViewer(), {
      sourceId: parsed.data.issueId,
      sourceVersion: parsed.data.version,
      targetId: parsed.data.targetId,
    });
    moved = result.movedRecords;
    reviewed = result.reviewedReportIds;
  } catch (error) {
    return refusal(error, formData, "mergeIssueAction");
  }
  refresh([parsed.data.issueId, parsed.data.targetId]);
  const t = await getTranslations("verification.done");
  return {
    status: "success",
    message: [t("merged", { id: parsed.data.issueId, target: parsed.data.targetId, count: moved }), reviewed.length ? t("reportReviewed") : ""].filter(Boolean).join(" "),
  };
}
