import { createTranslator } from "next-intl";
import type { z } from "zod";
import en from "@/lib/i18n/messages/en.json";
import { parseMessage } from "@/lib/validation/errors";

/**
 * Problem details (RFC 9457) for every error the API answers. The API speaks English; the
 * validation messages are the same keys the forms use, rendered with the English texts.
 */
export const problemContentType = "application/problem+json";

export interface ProblemFieldError {
  /** The body field (`summary`), item field in a bulk item, query parameter or header name. */
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemFieldError[];
}

/** Each kind of problem, its status and title; `type` links to its entry on the developers page. */
export const problemKinds = {
  invalid_request: { status: 400, title: "Invalid request" },
  invalid_json: { status: 400, title: "Malformed JSON" },
  unauthenticated: { status: 401, title: "Unauthenticated" },
  insufficient_scope: { status: 403, title: "Insufficient scope" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation_failed: { status: 422, title: "Validation failed" },
  internal_error: { status: 500, title: "Internal error" },
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const satisfies Record<string, { status: number; title: string }>;
export type ProblemKind = keyof typeof problemKinds;

export function problemType(kind: ProblemKind): string {
  return `/developers#problem-${kind.replaceAll("_", "-")}`;
}

export function problemBody(kind: ProblemKind, detail: string, errors?: ProblemFieldError[]): ProblemDetails {
  const { status, title } = problemKinds[kind];
  return { type: problemType(kind), title, status, detail, ...(errors && errors.length > 0 ? { errors } : {}) };
}

/** What an unexpected failure answers: nothing about it is shown. */
export const internalErrorDetail = "The server could not complete the request. Try again shortly; if it keeps failing, tell the VoC administrators.";

export function problem(kind: ProblemKind, detail: string, options: { errors?: ProblemFieldError[]; headers?: Record<string, string> } = {}): Response {
  const body = problemBody(kind, detail, options.errors);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": problemContentType, "cache-control": "no-store", ...options.headers },
  });
}

/** The keys arrive at run time from the schemas' messages, so the translator is typed by string. */
interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}
const translate = createTranslator({ locale: "en", messages: { validation: en.validation } }) as unknown as Translate;

/** `validation.tooLong|{"max":200}` → "Must be at most 200 characters." */
export function englishMessage(message: string): string {
  const { key, values } = parseMessage(message);
  if (!translate.has(key)) return "The value is not valid.";
  return translate(key, values);
}

/** A zod error (parsed with errorKeyMap) as field errors, naming each field by its path. */
export function zodFieldErrors(error: z.ZodError, prefix = ""): ProblemFieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? `${prefix}${issue.path.join(".")}` : prefix.replace(/\.$/, "") || "body",
    message: englishMessage(issue.message),
  }));
}

/** A service's ValidationFailed field errors (message keys) as field errors. */
export function keyedFieldErrors(fieldErrors: Record<string, string[]>): ProblemFieldError[] {
  return Object.entries(fieldErrors).flatMap(([field, list]) => list.map((m) => ({ field, message: englishMessage(m) })));
}
