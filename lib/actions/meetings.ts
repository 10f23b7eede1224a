"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { assertViewer } from "@/lib/session";
import { commentOnMeeting, decideItem, openMeeting, publishMinutes } from "@/lib/services/meetings";
import { commentForm, decideItemForm, formObject, openMeetingForm, publishMinutesForm, splitAttendees } from "@/lib/validation/loop";
import { parseForm } from "./form";
import { loopErrorState } from "./loop-errors";
import { noticeUrl } from "./notice";
import type { ActionState } from "./state";

/** Opens the monthly meeting with its agenda, then goes to it. */
export async function openMeetingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(openMeetingForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  let meetingId: number;
  try {
    const viewer = await assertViewer();
    const { meeting } = await openMeeting(await getDb(), viewer, { ...parsed.data, attendees: splitAttendees(parsed.data.attendees) });
    meetingId = meeting.id;
  } catch (error) {
    return loopErrorState(error, formData, "openMeetingAction");
  }
  revalidatePath("/meetings");
  redirect(`/meetings/${meetingId}`);
}

/** The meeting's decision on one agenda item, applied to the action at once. */
export async function decideItemAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(decideItemForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  const meetingId = Number(formData.get("meetingId"));
  let key: "decided" | "decidedResolved" | "decidedWordingNeeded";
  try {
    const viewer = await assertViewer();
    const outcome = await decideItem(await getDb(), viewer, parsed.data);
    key = outcome.verification?.issueResolved ? "decidedResolved" : outcome.verification?.wordingNeeded ? "decidedWordingNeeded" : "decided";
  } catch (error) {
    return loopErrorState(error, formData, "decideItemAction");
  }
  if (Number.isSafeInteger(meetingId)) revalidatePath(`/meetings/${meetingId}`);
  revalidatePath("/manager/actions");
  revalidatePath("/department");
  revalidatePath("/improvements");
  const url = key === "decided" ? null : noticeUrl(formData, `meetings.messages.${key}`);
  if (url) redirect(url);
  return { status: "success", message: (await getTranslations("meetings.messages"))(key) };
}

export async function publishMinutesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(publishMinutesForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  try {
    const viewer = await assertViewer();
    await publishMinutes(await getDb(), viewer, { ...parsed.data, attendees: splitAttendees(parsed.data.attendees) });
  } catch (error) {
    return loopErrorState(error, formData, "publishMinutesAction");
  }
  revalidatePath("/meetings");
  revalidatePath(`/meetings/${parsed.data.meetingId}`);
  return { status: "success", message: (await getTranslations("meetings.messages"))("published") };
}

export async function commentOnMeetingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(commentForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  try {
    const viewer = await assertViewer();
    await commentOnMeeting(await getDb(), viewer, parsed.data);
  } catch (error) {
    return loopErrorState(error, formData, "commentOnMeetingAction");
  }
  revalidatePath(`/meetings/${parsed.data.meetingId}`);
  return { status: "success", message: (await getTranslations("meetings.messages"))("commented") };
}
