"use client";

import { useActionState } from "react";
import { moderateSubmissionAction } from "@/lib/actions/moderation";
import { idleState } from "@/lib/actions/state";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";

export function ModerationForm({ recordId, version, labels }: { recordId: number; version: number; labels: { approve: string; reject: string; reason: string; reasonHint: string } }) {
  const [state, action, pending] = useActionState(moderateSubmissionAction, idleState);
  const reasonErrors = state.status === "error" ? state.fieldErrors?.reason : undefined;
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={`reason-${recordId}`} className="sr-only">
        {labels.reason}
      </label>
      <input
        id={`reason-${recordId}`}
        name="reason"
        placeholder={labels.reasonHint}
        defaultValue={state.values?.reason ?? ""}
        maxLength={500}
        aria-invalid={reasonErrors ? true : undefined}
        className="block w-full rounded-lg border border-slate-300 px-3 py-1.5 text-sm aria-[invalid=true]:border-rose-400"
      />
      {reasonErrors ? <p className="text-xs text-rose-700" role="alert">{reasonErrors.join(" ")}</p> : null}
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className={buttonClass("primary", "sm")}>
          {labels.approve}
        </button>
        <button type="submit" name="decision" value="reject" disabled={pending} className={buttonClass("danger", "sm")}>
          {labels.reject}
        </button>
      </div>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
