import type { z } from "zod";

/**
 * Validation messages are keys under `validation` in the UI messages, with their values,
 * written as `validation.tooLong|{"max":200}`. The form shows them in the viewer's language;
 * the API in English. One error map for every schema, so the wording is the same everywhere.
 */
export function messageKey(name: string, values?: Record<string, string | number>): string {
  return values ? `validation.${name}|${JSON.stringify(values)}` : `validation.${name}`;
}

export const errorKeyMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? messageKey("required") : messageKey("tooShort", { min: Number(issue.minimum) });
      if (issue.origin === "array") return messageKey("tooFew", { min: Number(issue.minimum) });
      return messageKey("tooSmall", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return messageKey("tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "array") return messageKey("tooMany", { max: Number(issue.maximum) });
      return messageKey("tooLarge", { max: Number(issue.maximum) });
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === "" ? messageKey("required") : messageKey("invalidType");
    case "invalid_value":
      return issue.input === undefined || issue.input === null || issue.input === "" ? messageKey("required") : messageKey("invalidOption");
    case "invalid_format":
      if (issue.format === "url") return messageKey("invalidUrl");
      if (issue.format === "email") return messageKey("invalidEmail");
      return messageKey("invalidFormat");
    case "custom":
      return issue.message ?? messageKey("invalid");
    default:
      return messageKey("invalid");
  }
};

export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}

export function parseMessage(message: string): FieldMessage {
  const [key, json] = message.split("|", 2);
  return json ? { key, values: JSON.parse(json) as Record<string, string | number> } : { key };
}

/** Issues by field name (the first path segment; `rows.3.summary` for nested ones). */
export function fieldMessages(error: z.ZodError): Record<string, FieldMessage[]> {
  const out: Record<string, FieldMessage[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (out[field] ??= []).push(parseMessage(issue.message));
  }
  return out;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function localizeFieldMessages(messages: Record<string, FieldMessage[]>, translate: Translate): Record<string, string[]> {
  return Object.fromEntries(Object.entries(messages).map(([field, list]) => [field, list.map((m) => translate(m.key, m.values))]));
}
