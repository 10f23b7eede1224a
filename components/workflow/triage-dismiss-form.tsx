"use client";

import { useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/state";

/** What useActionState gives back, handed to a form whose answer its parent keeps. */
export type FormBinding = [state: ActionState, action: (formData: FormData) => void, pending: boolean];

export interface TriageDismissStrings {
  open: string;
  openLabel: string;
  reason: string;
  reasonHint: string;
  submit: string;
  cancel: string;
  pending: string;
}

/** Dismissing one record: the reason is required, and the agent who wrote it will read it. */
export function TriageDismissForm({
  recordId,
  version,
  strings,
  onCancel,
  form,
}: {
  recordId: number;
  version: number;
  strings: TriageDismissStrings;
  onCancel: () => void;
  /** The parent keeps the answer: this form is gone with its record once dismissed. */
  form: FormBinding;
}) {
  const [answer, action, pending] = form;
  // The parent's answer may be about another record's form.
  const state: ActionState = answer.values?.recordId === String(recordId) ? answer : { status: "idle" };
  const input = useRef<HTMLInputElement>(null);
  const errors = state.status === "error" ? state.fieldErrors?.reason : undefined;
  const inputId = `dismiss-reason-${recordId}`;

  useEffect(() => input.current?.focus(), []);

  return (
    <form action={action} noValidate className="space-y-2" data-testid="dismiss-form" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
        {strings.reason}
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <input
          ref={input}
          id={inputId}
          name="reason"
          required
          maxLength={500}
          placeholder={strings.reasonHint}
          defaultValue={state.status === "error" ? (state.values?.reason ?? "") : ""}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${inputId}-error` : undefined}
          className="block min-w-64 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-rose-400"
        />
        <button type="submit" disabled={pending} className={buttonClass("danger", "sm")}>
          {pending ? strings.pending : strings.submit}
        </button>
        <button type="button" onClick={onCancel} className={buttonClass("ghost", "sm")}>
          {strings.cancel}
        </button>
      </div>
      {errors ? (
        <p id={`${inputId}-error`} className="text-xs text-rose-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      {state.status === "error" && !errors ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
