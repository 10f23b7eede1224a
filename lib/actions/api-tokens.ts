"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { assertViewer } from "@/lib/session";
import { issueApiToken, issueApiTokenInput, revokeApiToken, type IssuedApiToken } from "@/lib/services/api-tokens";
import { errorState, parseForm } from "./form";
import type { ActionState } from "./state";

const revokeApiTokenInput = z.object({
  tokenId: z.coerce.number().int().positive(),
});

function tokenFormValues(formData: FormData): Record<string, string> {
  return { name: String(formData.get("name") ?? ""), scopes: formData.getAll("scopes").map(String).join(",") };
}

/**
 * Issues an integration token. The token itself travels back once, in this answer's values;
 * it is not stored anywhere it could be shown again.
 */
export async function issueApiTokenAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(issueApiTokenInput, { name: formData.get("name") ?? "", scopes: formData.getAll("scopes") }, formData);
  if (!parsed.ok) return { ...parsed.state, values: tokenFormValues(formData) };
  let issued: IssuedApiToken;
  try {
    const viewer = await assertViewer();
    issued = await issueApiToken(await getDb(), viewer, parsed.data);
  } catch (error) {
    return { ...(await errorState(error, formData, "issueApiTokenAction")), values: tokenFormValues(formData) };
  }
  revalidatePath("/admin/tokens");
  revalidatePath("/admin");
  return {
    status: "success",
    message: (await getTranslations("integration"))("tokenForm.issuedMessage", { name: issued.name }),
    values: { token: issued.token, name: issued.name, prefix: issued.prefix, scopes: issued.scopes.join(",") },
  };
}

export async function revokeApiTokenAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(revokeApiTokenInput, { tokenId: formData.get("tokenId") }, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const viewer = await assertViewer();
    await revokeApiToken(await getDb(), viewer, parsed.data.tokenId);
  } catch (error) {
    return errorState(error, formData, "revokeApiTokenAction");
  }
  revalidatePath("/admin/tokens");
  revalidatePath("/admin");
  return { status: "success", message: (await getTranslations("integration"))("tokenForm.revokedMessage") };
}
