"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { assertViewer } from "@/lib/session";
import { assignAction, completeAction, reopenAction, resolveIssue, updateAction, verifyAction } from "@/lib/services/actions";
import { assignActionForm, completeActionForm, formObject, reopenActionForm, resolveIssueForm, updateActionForm, verifyActionForm } from "@/lib/validation/loop";
import { parseForm } from "./form";
import { loopErrorState } from "./loop-errors";
import { noticeUrl, type Notice } from "./notice";
import type { ActionState } from "./state";

function revalidateAction(actionId: number, issueId?: number) {
  revalidatePath("/department");
  revalidatePath(`/department/actions/${actionId}`);
  revalidatePath("/manager/actions");
  revalidatePath(`/manager/actions/${actionId}`);
  if (issueId) revalidatePath(`/issues/${issueId}`);
}

/** Answers in the form, or back on the page the form came from when the step takes the form away. */
async function done(formData: FormData, key: "completed" | "verified" | "verifiedResolved" | "verifiedWordingNeeded" | "reopened" | "resolved"): Promise<ActionState> {
  const notice: Notice = `actions.messages.${key}`;
  const url = noticeUrl(formData, notice);
  if (url) redirect(url);
  return { status: "success", message: (await getTranslations("actions.messages"))(key) };
}

/** The management post gives a published issue to a department. */
export async function assignActionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(assignActionForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  let actionId: number;
  try {
    actionId = (await assignAction(await getDb(), await assertViewer(), parsed.data)).id;
  } catch (error) {
    return loopErrorState(error, formData, "assignActionAction");
  }
  revalidateAction(actionId, parsed.data.issueId);
  return { status: "success", message: (await getTranslations("actions.messages"))("assigned") };
}

/** A department posts progress on its own action. */
export async function updateActionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(updateActionForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  let issueId: number;
  try {
    issueId = (await updateAction(await getDb(), await assertViewer(), parsed.data)).issueId;
  } catch (error) {
    return loopErrorState(error, formData, "updateActionAction");
  }
  revalidateAction(parsed.data.actionId, issueId);
  return { status: "success", message: (await getTranslations("actions.messages"))("updated") };
}

/** A department reports its action done. */
export async function completeActionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(completeActionForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  let issueId: number;
  try {
    issueId = (await completeAction(await getDb(), await assertViewer(), parsed.data)).issueId;
  } catch (error) {
    return loopErrorState(error, formData, "completeActionAction");
  }
  revalidateAction(parsed.data.actionId, issueId);
  return done(formData, "completed");
}

/** The management post verifies a done action, and resolves the issue when it is the last and the wording is given. */
export async function verifyActionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(verifyActionForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  let key: "verified" | "verifiedResolved" | "verifiedWordingNeeded";
  let issueId: number;
  try {
    const outcome = await verifyAction(await getDb(), await assertViewer(), parsed.data);
    issueId = outcome.action.issueId;
    key = outcome.issueResolved ? "verifiedResolved" : outcome.wordingNeeded ? "verifiedWordingNeeded" : "verified";
  } catch (error) {
    return loopErrorState(error, formData, "verifyActionAction");
  }
  revalidateAction(parsed.data.actionId, issueId);
  revalidatePath("/improvements");
  return done(formData, key);
}

export async function reopenActionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(reopenActionForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  let issueId: number;
  try {
    issueId = (await reopenAction(await getDb(), await assertViewer(), parsed.data)).issueId;
  } catch (error) {
    return loopErrorState(error, formData, "reopenActionAction");
  }
  revalidateAction(parsed.data.actionId, issueId);
  revalidatePath("/improvements");
  return done(formData, "reopened");
}

/** Resolves an issue whose actions are all verified, with the approved public wording. */
export async function resolveIssueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(resolveIssueForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  try {
    await resolveIssue(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    return loopErrorState(error, formData, "resolveIssueAction");
  }
  revalidatePath("/manager/actions");
  revalidatePath(`/issues/${parsed.data.issueId}`);
  revalidatePath("/improvements");
  revalidatePath("/");
  return done(formData, "resolved");
}
