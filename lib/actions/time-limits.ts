"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { assertViewer } from "@/lib/session";
import { extendComplaintDeadline } from "@/lib/services/time-limits";
import { extendDeadlineForm, formObject } from "@/lib/validation/loop";
import { parseForm } from "./form";
import { loopErrorState } from "./loop-errors";
import { noticeUrl } from "./notice";
import type { ActionState } from "./state";

/** Extends a complaint's deadline (the second time only by the management post). */
export async function extendComplaintDeadlineAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(extendDeadlineForm, formObject(formData), formData);
  if (!parsed.ok) return parsed.state;
  try {
    await extendComplaintDeadline(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    return loopErrorState(error, formData, "extendComplaintDeadlineAction");
  }
  revalidatePath("/manager/time-limits");
  const url = noticeUrl(formData, "loop.timeLimits.extendSaved");
  if (url) redirect(url);
  return { status: "success", message: (await getTranslations("loop.timeLimits"))("extendSaved") };
}
