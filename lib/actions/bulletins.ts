"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { computeBulletinFigures, type BulletinIssueFigures } from "@/db/queries/bulletins";
import { isExpectedError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { assertViewer } from "@/lib/session";
import { acknowledgeBulletin, bulletinLimits, compileBulletin, correctBulletin, publishBulletin } from "@/lib/services/bulletins";
import { errorState, parseForm } from "./form";
import type { ActionState } from "./state";

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalidDate");
const id = z.coerce.number().int().positive();

/** The bulletin refusals (immutable, empty, already corrected) in the viewer's language. */
async function refusal(error: unknown, formData: FormData | null, context: string): Promise<ActionState> {
  if (isExpectedError(error) && error.code !== "validation_failed") {
    const t = await getTranslations("bulletins.errors");
    if (t.has(error.code)) {
      const state = await errorState(error, formData, context);
      return { ...state, message: t(error.code) };
    }
  }
  return errorState(error, formData, context);
}

function issueIdsOf(formData: FormData): number[] {
  return formData
    .getAll("issueIds")
    .map((v) => (typeof v === "string" ? Number.parseInt(v, 10) : Number.NaN))
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

const contentInput = z.object({
  bulletinId: z.preprocess(blankToUndefined, id.optional()),
  version: z.preprocess(blankToUndefined, id.optional()),
  title: z.string().trim().min(1).max(bulletinLimits.title),
  periodStart: isoDate,
  periodEnd: isoDate,
  summary: z.string().max(bulletinLimits.summary),
  changeNote: z.preprocess(blankToUndefined, z.string().trim().max(bulletinLimits.changeNote).optional()),
  issueIds: z.array(id).min(1, "bulletins.validation.noIssues").max(bulletinLimits.issues),
});

/** Saves a draft (new or existing); then shows it as it will print, where it is published. */
export async function saveBulletinAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(
    contentInput,
    {
      bulletinId: formData.get("bulletinId"),
      version: formData.get("version"),
      title: formData.get("title") ?? "",
      periodStart: formData.get("periodStart") ?? "",
      periodEnd: formData.get("periodEnd") ?? "",
      summary: formData.get("summary") ?? "",
      changeNote: formData.get("changeNote"),
      issueIds: issueIdsOf(formData),
    },
    formData,
  );
  if (!parsed.ok) return parsed.state;
  let bulletinId: number;
  try {
    const saved = await compileBulletin(await getDb(), await assertViewer(), parsed.data);
    bulletinId = saved.id;
  } catch (error) {
    return refusal(error, formData, "saveBulletinAction");
  }
  revalidatePath("/bulletins", "layout");
  revalidatePath("/manager");
  redirect(`/bulletins/${bulletinId}?saved=1`);
}

export interface BulletinPreview {
  figures: BulletinIssueFigures[];
}

const previewInput = z.object({ issueIds: z.array(id).max(bulletinLimits.issues), periodStart: isoDate, periodEnd: isoDate });

/** While the editor is open: each chosen issue's figures for the period, as the bulletin would print them. */
export async function previewBulletinAction(input: { issueIds: number[]; periodStart: string; periodEnd: string }): Promise<BulletinPreview> {
  const parsed = previewInput.safeParse(input);
  const viewer = await assertViewer();
  if (!parsed.success || !can(viewer.role, "bulletin.compile") || parsed.data.periodEnd < parsed.data.periodStart) return { figures: [] };
  return { figures: await computeBulletinFigures(await getDb(), parsed.data.issueIds, parsed.data.periodStart, parsed.data.periodEnd) };
}

const publishInput = z.object({ bulletinId: id, version: id });

/** Publishes a draft, then shows it as published (with who was told). */
export async function publishBulletinAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(publishInput, { bulletinId: formData.get("bulletinId"), version: formData.get("version") }, formData);
  if (!parsed.ok) return parsed.state;
  let notified: number;
  try {
    notified = (await publishBulletin(await getDb(), await assertViewer(), parsed.data)).notified;
  } catch (error) {
    return refusal(error, formData, "publishBulletinAction");
  }
  revalidatePath("/bulletins", "layout");
  revalidatePath("/manager", "layout");
  redirect(`/bulletins/${parsed.data.bulletinId}?published=${notified}`);
}

const correctInput = z.object({
  bulletinId: id,
  version: id,
  summary: z.string().max(bulletinLimits.summary),
  changeNote: z.string().trim().min(1).max(bulletinLimits.changeNote),
});

/** Starts a corrected revision of a published bulletin, then opens it in the editor. */
export async function correctBulletinAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(
    correctInput,
    { bulletinId: formData.get("bulletinId"), version: formData.get("version"), summary: formData.get("summary") ?? "", changeNote: formData.get("changeNote") ?? "" },
    formData,
  );
  if (!parsed.ok) return parsed.state;
  let draftId: number;
  try {
    draftId = (await correctBulletin(await getDb(), await assertViewer(), parsed.data)).id;
  } catch (error) {
    return refusal(error, formData, "correctBulletinAction");
  }
  revalidatePath("/bulletins", "layout");
  redirect(`/bulletins/${draftId}/edit`);
}

export async function acknowledgeBulletinAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(z.object({ bulletinId: id }), { bulletinId: formData.get("bulletinId") }, formData);
  if (!parsed.ok) return parsed.state;
  let first: boolean;
  try {
    first = (await acknowledgeBulletin(await getDb(), await assertViewer(), parsed.data)).acknowledged;
  } catch (error) {
    return refusal(error, formData, "acknowledgeBulletinAction");
  }
  revalidatePath("/bulletins", "layout");
  const t = await getTranslations("bulletins.done");
  return { status: "success", message: first ? t("acknowledged") : t("alreadyAcknowledged") };
}
