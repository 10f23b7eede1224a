"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { listSimilarityCandidates } from "@/db/queries/intake";
import { assertViewer } from "@/lib/session";
import { correctOwnRecord, createRecord } from "@/lib/services/records";
import { mostSimilar } from "@/lib/similarity";
import { agentRecordInput, recordFields } from "@/lib/validation/record";
import { errorState, parseForm } from "./form";
import type { ActionState } from "./state";

function fieldsOf(formData: FormData) {
  return {
    kind: formData.get("kind") ?? undefined,
    categoryCode: formData.get("categoryCode") ?? undefined,
    region: formData.get("region") ?? undefined,
    callReference: formData.get("callReference") ?? undefined,
    summary: formData.get("summary") ?? undefined,
    customerWords: formData.get("customerWords") ?? undefined,
    urgency: formData.get("urgency") ?? undefined,
    valuable: formData.get("valuable") ?? undefined,
  };
}

const joinIssue = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().positive().optional());

/** The agent's quick record: one screen, saved with the agent's site and team from the session. */
export async function createAgentRecordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(
    agentRecordInput.extend({ joinIssueId: joinIssue }),
    { ...fieldsOf(formData), submissionId: formData.get("submissionId") ?? undefined, joinIssueId: formData.get("joinIssueId") },
    formData,
  );
  if (!parsed.ok) return parsed.state;
  const { submissionId, ...input } = parsed.data;
  let recordId: number;
  let created: boolean;
  let masked: number;
  try {
    const viewer = await assertViewer();
    const result = await createRecord(await getDb(), { type: "staff", viewer }, {
      ...input,
      channel: "hotline",
      externalId: submissionId ? `form:${submissionId}` : undefined,
    });
    recordId = result.record.id;
    created = result.created;
    masked = result.masked;
  } catch (error) {
    return errorState(error, formData, "createAgentRecordAction");
  }
  revalidatePath("/agent");
  const t = await getTranslations("quickRecord");
  const parts = [created ? t("saved", { id: recordId }) : t("alreadySaved", { id: recordId })];
  if (masked > 0) parts.push(t("masked", { count: masked }));
  if (input.joinIssueId) parts.push(t("joined"));
  return { status: "success", message: parts.join(" ") };
}

export interface SimilarItems {
  issues: { id: number; title: string; status: string; recordCount: number; score: number }[];
  records: { id: number; summary: string; createdAt: string; score: number }[];
}

const similarInput = z.object({ text: z.string().max(6000), categoryCode: z.string().max(48).optional() });

/** While the agent types: open issues and recent records that look like the same problem. */
export async function findSimilarAction(input: { text: string; categoryCode?: string }): Promise<SimilarItems> {
  const parsed = similarInput.safeParse(input);
  if (!parsed.success || parsed.data.text.trim().length < 4) return { issues: [], records: [] };
  const viewer = await assertViewer();
  const { openIssues, recent } = await listSimilarityCandidates(await getDb(), viewer);
  const sameCategory = (code: string) => (parsed.data.categoryCode && code.startsWith(parsed.data.categoryCode.split(".")[0]) ? 0.05 : 0);
  const issues = mostSimilar(parsed.data.text, openIssues, (i) => `${i.title} ${i.title} ${i.description}`, { bonus: (i) => sameCategory(i.categoryCode) });
  const records = mostSimilar(parsed.data.text, recent, (r) => r.summary, { bonus: (r) => sameCategory(r.categoryCode) });
  return {
    issues: issues.map(({ item, score }) => ({ id: item.id, title: item.title, status: item.status, recordCount: item.recordCount, score })),
    records: records.map(({ item, score }) => ({ id: item.id, summary: item.summary, createdAt: item.createdAt.toISOString(), score })),
  };
}

const correctionInput = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  ...recordFields,
});

/** An agent corrects one of their own records. */
export async function correctRecordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(correctionInput, { ...fieldsOf(formData), id: formData.get("id"), version: formData.get("version") }, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const viewer = await assertViewer();
    await correctOwnRecord(await getDb(), viewer, parsed.data);
  } catch (error) {
    return errorState(error, formData, "correctRecordAction");
  }
  revalidatePath("/agent");
  // A fresh page: the form starts again from the record's new version.
  redirect(`/agent/records/${parsed.data.id}?corrected=1`);
}
