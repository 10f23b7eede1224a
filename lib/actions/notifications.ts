"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { assertViewer } from "@/lib/session";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/services/notifications";
import { loopErrorState } from "./loop-errors";
import type { ActionState } from "./state";

const markInput = z.object({ id: z.coerce.number().int().positive() });

/** Marks one of the viewer's notifications read. Plain form posts: works without JavaScript. */
export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const parsed = markInput.safeParse({ id: formData.get("id") });
  if (!parsed.success) return;
  try {
    await markNotificationRead(await getDb(), await assertViewer(), parsed.data);
  } catch (error) {
    await loopErrorState(error, null, "markNotificationReadAction");
    return;
  }
  revalidatePath("/", "layout");
}

export async function markAllNotificationsReadAction(_previous: ActionState, _formData: FormData): Promise<ActionState> {
  try {
    await markAllNotificationsRead(await getDb(), await assertViewer());
  } catch (error) {
    return loopErrorState(error, null, "markAllNotificationsReadAction");
  }
  revalidatePath("/", "layout");
  return { status: "success" };
}
