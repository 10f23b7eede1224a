"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { assertViewer } from "@/lib/session";
import { moderateSubmission } from "@/lib/services/public-submissions";
import { errorState, parseForm } from "./form";
import type { ActionState } from "./state";

const moderationInput = z
  .object({
    recordId: z.coerce.number().int().positive(),
    version: z.coerce.number().int().positive(),
    decision: z.enum(["approve", "reject"]),
    reason: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(500).optional()),
  })
  .refine((v) => v.decision === "approve" || Boolean(v.reason), { message: "validation.required", path: ["reason"] });

export async function moderateSubmissionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(
    moderationInput,
    { recordId: formData.get("recordId"), version: formData.get("version"), decision: formData.get("decision"), reason: formData.get("reason") ?? undefined },
    formData,
  );
  if (!parsed.ok) return parsed.state;
  try {
    await moderateSubmission(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    return errorState(error, formData, "moderateSubmissionAction");
  }
  revalidatePath("/specialist/moderation");
  const t = await getTranslations("moderation");
  return { status: "success", message: parsed.data.decision === "approve" ? t("approved") : t("rejected") };
}
