import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { isExpectedError, ValidationFailed } from "@/lib/errors";
import { errorKeyMap, fieldMessages, parseMessage, type Translate } from "@/lib/validation/errors";
import type { ActionState } from "./state";

/** Every text field of a form, to give back what the person typed when something is wrong. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

async function translator(): Promise<Translate> {
  const t = await getTranslations();
  return (key, values) => (t.has(key) ? t(key, values) : key);
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: ActionState };

/** Validates a form against a schema; on failure, every field's message in the viewer's language. */
export async function parseForm<S extends z.ZodType>(schema: S, input: unknown, formData: FormData): Promise<Parsed<z.infer<S>>> {
  const result = schema.safeParse(input, { error: errorKeyMap });
  if (result.success) return { ok: true, data: result.data };
  const translate = await translator();
  const t = await getTranslations("errors");
  const fieldErrors = Object.fromEntries(
    Object.entries(fieldMessages(result.error)).map(([field, list]) => [field, list.map((m) => translate(m.key, m.values))]),
  );
  return { ok: false, state: { status: "error", message: t("checkFields"), fieldErrors, values: formValues(formData) } };
}

/** Turns a refused or failed action into what the person sees; never a stack or SQL. */
export async function errorState(error: unknown, formData: FormData | null, context: string): Promise<ActionState> {
  const translate = await translator();
  const t = await getTranslations("errors");
  const values = formData ? formValues(formData) : undefined;
  if (error instanceof ValidationFailed) {
    const fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, list]) => [field, list.map((m) => {
        const parsed = parseMessage(m);
        return translate(parsed.key, parsed.values);
      })]),
    );
    return { status: "error", message: t("checkFields"), fieldErrors, values };
  }
  if (isExpectedError(error)) {
    return { status: "error", message: t.has(error.code) ? t(error.code) : error.message, values };
  }
  console.error(`${context} failed`, error);
  return { status: "error", message: t("unexpected"), values };
}
