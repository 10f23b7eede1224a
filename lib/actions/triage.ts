"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { issueTypes } from "@/db/schema";
import { InvalidTransition, isExpectedError } from "@/lib/errors";
import { assertViewer } from "@/lib/session";
import {
  addRecordsToIssue,
  classifyIssue,
  createIssue,
  dismissRecord,
  escalateIssue,
  issueLimits,
  linkEvidence,
  mergeIssues,
  RecordHandled,
  RecordsUnavailable,
  returnIssue,
} from "@/lib/services/issues";
import { errorState, formValues, parseForm } from "./form";
import type { ActionState } from "./state";

/**
 * The supervisor's and the specialist's steps as form actions: validate, take the actor from
 * the session, call the service, refresh the pages that show the change. Refusals the services
 * name (records no longer usable, a step the issue's state does not allow) are said in the
 * viewer's language; everything else goes through errorState.
 */

const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().positive();
const idList = z.array(id).min(1, { message: "triage.validation.recordsRequired" }).max(issueLimits.records);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.preprocess((v) => (v === null || v === undefined ? "" : v), z.string().trim().max(max));

async function refusal(error: unknown, formData: FormData, context: string): Promise<ActionState> {
  const t = await getTranslations("triage.errors");
  const values = formValues(formData);
  if (error instanceof RecordsUnavailable) {
    return { status: "error", message: t("records_unavailable", { ids: error.recordIds.map((i) => `#${i}`).join("、") }), values };
  }
  if (error instanceof RecordHandled) return { status: "error", message: t("record_handled"), values };
  if (error instanceof InvalidTransition) return { status: "error", message: t("invalid_transition"), values };
  if (isExpectedError(error) && error.code === "conflict") return { status: "error", message: t("conflict"), values };
  return errorState(error, formData, context);
}

function revalidateIssue(issueId: number) {
  revalidatePath(`/issues/${issueId}`);
  revalidatePath("/supervisor", "layout");
  revalidatePath("/specialist", "layout");
}

const createIssueInput = z.object({
  title: text(issueLimits.title),
  description: optionalText(issueLimits.description),
  type: z.enum(issueTypes),
  categoryCode: text(48),
  recordIds: idList,
});

/** Supervisor: the selected queue records become a new draft issue. */
export async function createIssueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(
    createIssueInput,
    { title: formData.get("title") ?? "", description: formData.get("description"), type: formData.get("type") ?? "", categoryCode: formData.get("categoryCode") ?? "", recordIds: formData.getAll("recordIds") },
    formData,
  );
  if (!parsed.ok) return parsed.state;
  let issueId: number;
  try {
    const issue = await createIssue(await getDb(), await assertViewer(), parsed.data);
    issueId = issue.id;
  } catch (error) {
    return refusal(error, formData, "createIssueAction");
  }
  revalidateIssue(issueId);
  const t = await getTranslations("triage.create");
  return { status: "success", message: t("created", { id: issueId, count: new Set(parsed.data.recordIds).size }) };
}

const addRecordsInput = z.object({ issueId: id, version, recordIds: idList });

/** Supervisor: the selected queue records join one of the supervisor's open issues. */
export async function addRecordsToIssueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const [issueId, issueVersion] = String(formData.get("issue") ?? "").split(":");
  const parsed = await parseForm(addRecordsInput, { issueId: issueId || undefined, version: issueVersion || undefined, recordIds: formData.getAll("recordIds") }, formData);
  if (!parsed.ok) {
    const issueErrors = parsed.state.fieldErrors?.issueId ?? parsed.state.fieldErrors?.version;
    return issueErrors ? { ...parsed.state, fieldErrors: { ...parsed.state.fieldErrors, issue: issueErrors } } : parsed.state;
  }
  try {
    await addRecordsToIssue(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    return refusal(error, formData, "addRecordsToIssueAction");
  }
  revalidateIssue(parsed.data.issueId);
  const t = await getTranslations("triage.add");
  return { status: "success", message: t("added", { id: parsed.data.issueId, count: new Set(parsed.data.recordIds).size }) };
}

const escalateInput = z.object({ issueId: id, version, description: z.preprocess((v) => (v === null ? undefined : v), z.string().max(issueLimits.description).optional()) });

/** Supervisor: a draft goes to the site's specialist; a returned issue goes back, answered. */
export async function escalateIssueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(escalateInput, { issueId: formData.get("issueId"), version: formData.get("version"), description: formData.get("description") }, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await escalateIssue(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    return refusal(error, formData, "escalateIssueAction");
  }
  revalidateIssue(parsed.data.issueId);
  return { status: "success", message: (await getTranslations("triage.issues"))("escalated") };
}

const dismissInput = z.object({ recordId: id, version, reason: text(issueLimits.reason) });

/** Supervisor: a reported record is not taken up, with the reason the agent will read. */
export async function dismissRecordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(dismissInput, { recordId: formData.get("recordId"), version: formData.get("version"), reason: formData.get("reason") ?? "" }, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await dismissRecord(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    return refusal(error, formData, "dismissRecordAction");
  }
  revalidatePath("/supervisor", "layout");
  revalidatePath("/agent", "layout");
  return { status: "success", message: (await getTranslations("triage.dismiss"))("done") };
}

const returnInput = z.object({ issueId: id, version, question: text(issueLimits.reason) });

/** Specialist: an escalated issue goes back to its supervisor with a question. */
export async function returnIssueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(returnInput, { issueId: formData.get("issueId"), version: formData.get("version"), question: formData.get("question") ?? "" }, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await returnIssue(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    return refusal(error, formData, "returnIssueAction");
  }
  revalidateIssue(parsed.data.issueId);
  return { status: "success", message: (await getTranslations("triage.return"))("done") };
}

const classifyInput = z.object({
  issueId: id,
  version,
  categoryCode: text(48),
  type: z.enum(issueTypes),
  tags: z.string().max(400),
});

/** Specialist: category, problem or suggestion, and tags (separated by commas or spaces). */
export async function classifyIssueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(
    classifyInput,
    { issueId: formData.get("issueId"), version: formData.get("version"), categoryCode: formData.get("categoryCode") ?? "", type: formData.get("type") ?? "", tags: formData.get("tags") ?? "" },
    formData,
  );
  if (!parsed.ok) return parsed.state;
  const tags = parsed.data.tags.split(/[,，、;；\s]+/).filter(Boolean);
  try {
    await classifyIssue(await getDb(), await assertViewer(), { ...parsed.data, tags });
  } catch (error) {
    return refusal(error, formData, "classifyIssueAction");
  }
  revalidateIssue(parsed.data.issueId);
  return { status: "success", message: (await getTranslations("triage.classify"))("done") };
}

const evidenceInput = z.object({ issueId: id, version, recordIds: idList });

/** Specialist: other-channel records join the issue as evidence. */
export async function linkEvidenceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(evidenceInput, { issueId: formData.get("issueId"), version: formData.get("version"), recordIds: formData.getAll("recordIds") }, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await linkEvidence(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    return refusal(error, formData, "linkEvidenceAction");
  }
  revalidateIssue(parsed.data.issueId);
  return { status: "success", message: (await getTranslations("triage.evidence"))("done", { count: new Set(parsed.data.recordIds).size }) };
}

const mergeInput = z.object({ sourceId: id, sourceVersion: version, targetId: id });

/** Specialist (or the management post): this issue folds into another, its records move there. */
export async function mergeIssuesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(
    mergeInput,
    { sourceId: formData.get("sourceId"), sourceVersion: formData.get("sourceVersion"), targetId: formData.get("targetId") || undefined },
    formData,
  );
  if (!parsed.ok) return parsed.state;
  try {
    await mergeIssues(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    return refusal(error, formData, "mergeIssuesAction");
  }
  revalidateIssue(parsed.data.sourceId);
  revalidatePath(`/issues/${parsed.data.targetId}`);
  return { status: "success", message: (await getTranslations("triage.merge"))("done", { id: parsed.data.targetId }) };
}
