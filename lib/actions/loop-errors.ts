import "server-only";
import { getTranslations } from "next-intl/server";
import { isExpectedError, ValidationFailed } from "@/lib/errors";
import { ExtensionNeedsApproval } from "@/lib/services/time-limits";
import { errorState, formValues } from "./form";
import type { ActionState } from "./state";

/**
 * Refusals of acting on issues, the meeting and time limits, in the viewer's language: the
 * codes these services add (and the state machine's "invalid transition") have their messages
 * under `loop.errors`; everything else goes through the shared `errorState`.
 */
export async function loopErrorState(error: unknown, formData: FormData | null, context: string): Promise<ActionState> {
  if (isExpectedError(error) && !(error instanceof ValidationFailed)) {
    const t = await getTranslations("loop.errors");
    const key = error instanceof ExtensionNeedsApproval ? "extension_needs_approval" : error.code;
    if (t.has(key)) return { status: "error", message: t(key), values: formData ? formValues(formData) : undefined };
  }
  return errorState(error, formData, context);
}
