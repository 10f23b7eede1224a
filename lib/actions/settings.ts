"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { assertViewer } from "@/lib/session";
import { updateSetting } from "@/lib/services/settings";
import { checkbox } from "@/lib/validation/record";
import { complaintClockForm, workflowTargetsForm } from "@/lib/validation/time-limits";
import { formObject } from "@/lib/validation/loop";
import { parseForm } from "./form";
import { loopErrorState } from "./loop-errors";
import type { ActionState } from "./state";

async function saved(): Promise<ActionState> {
  revalidatePath("/admin/settings");
  revalidatePath("/manager/time-limits");
  return { status: "success", message: (await getTranslations("loop.settings"))("saved") };
}

/** The stage targets of the time-limits panel. */
export async function updateWorkflowTargetsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(workflowTargetsForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  try {
    await updateSetting(await getDb(), await assertViewer(), { key: "workflow.targets", ...parsed.data });
  } catch (error) {
    return loopErrorState(error, formData, "updateWorkflowTargetsAction");
  }
  return saved();
}

/** The regulator's complaint clock. */
export async function updateComplaintClockAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(complaintClockForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  try {
    await updateSetting(await getDb(), await assertViewer(), { key: "complaints.clock", ...parsed.data });
  } catch (error) {
    return loopErrorState(error, formData, "updateComplaintClockAction");
  }
  return saved();
}

const emailDeliveryForm = z.object({ enabled: checkbox, updatedAt: z.string().max(40).optional() });

/** Whether notifications also go out by e-mail (they need SMTP_URL as well). */
export async function updateEmailDeliveryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(emailDeliveryForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  try {
    await updateSetting(await getDb(), await assertViewer(), { key: "email.delivery", value: { enabled: parsed.data.enabled }, updatedAt: parsed.data.updatedAt });
  } catch (error) {
    return loopErrorState(error, formData, "updateEmailDeliveryAction");
  }
  return saved();
}
