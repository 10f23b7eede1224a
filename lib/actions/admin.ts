"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { isExpectedError } from "@/lib/errors";
import { assertViewer } from "@/lib/session";
import { setUserStatus } from "@/lib/services/user-admin";
import type { ActionState } from "./state";

const userStatusInput = z.object({
  userId: z.coerce.number().int().positive(),
  status: z.enum(["active", "disabled"]),
});

export async function setUserStatusAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("errors");
  const parsed = userStatusInput.safeParse({ userId: formData.get("userId"), status: formData.get("status") });
  if (!parsed.success) return { status: "error", message: t("invalidRequest") };
  try {
    const viewer = await assertViewer();
    await setUserStatus(await getDb(), viewer, parsed.data);
  } catch (error) {
    if (isExpectedError(error)) return { status: "error", message: t.has(error.code) ? t(error.code) : error.message };
    console.error("setUserStatusAction failed", error);
    return { status: "error", message: t("unexpected") };
  }
  revalidatePath("/admin");
  return { status: "success" };
}
