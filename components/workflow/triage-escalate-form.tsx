"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormMessage, Textarea } from "@/components/ui/field";
import { escalateIssueAction } from "@/lib/actions/triage";
import { idleState } from "@/lib/actions/state";

export interface TriageEscalateStrings {
  escalate: string;
  reescalate: string;
  description: string;
  answerHint: string;
  descriptionHint: string;
  pending: string;
}

/**
 * Escalating an issue to the site's specialist. A returned issue (or, when asked, a draft)
 * shows its description to edit: the supervisor answers the specialist's question there.
 */
export function TriageEscalateForm({
  issueId,
  version,
  returned,
  description,
  editDescription,
  strings,
}: {
  issueId: number;
  version: number;
  returned: boolean;
  description: string;
  editDescription: boolean;
  strings: TriageEscalateStrings;
}) {
  const [state, action, pending] = useActionState(escalateIssueAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors?.description : undefined;
  const fieldId = `escalate-description-${issueId}`;
  return (
    <form action={action} noValidate className="space-y-2" data-testid="escalate-form">
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="version" value={version} />
      {editDescription ? (
        <Field id={fieldId} label={strings.description} hint={returned ? strings.answerHint : strings.descriptionHint} errors={errors}>
          <Textarea
            id={fieldId}
            name="description"
            rows={4}
            maxLength={4000}
            defaultValue={state.status === "error" ? (state.values?.description ?? description) : description}
            errors={errors}
            aria-describedby={describedBy(fieldId, errors, true)}
          />
        </Field>
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass(returned ? "primary" : "secondary", "sm")}>
        {pending ? strings.pending : returned ? strings.reescalate : strings.escalate}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
