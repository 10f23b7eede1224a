"use client";

import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormMessage, Textarea } from "@/components/ui/field";
import { acknowledgeBulletinAction, correctBulletinAction, publishBulletinAction } from "@/lib/actions/bulletins";
import { idleState } from "@/lib/actions/state";

/**
 * Publishing, in two steps: the first press asks, the second publishes. What is published
 * cannot be changed afterwards, only corrected by a new revision, so the question says so.
 */
export function BulletinPublishForm({
  bulletinId,
  version,
  strings,
}: {
  bulletinId: number;
  version: number;
  strings: { publish: string; confirm: string; confirmPublish: string; cancel: string; publishing: string };
}) {
  const [state, action, pending] = useActionState(publishBulletinAction, idleState);
  const [asking, setAsking] = useState(false);
  if (state.status === "success") return <FormMessage status="success" message={state.message} />;
  return (
    <form action={action} className="space-y-2" data-testid="bulletin-publish">
      <input type="hidden" name="bulletinId" value={bulletinId} />
      <input type="hidden" name="version" value={version} />
      {asking ? (
        <div role="alertdialog" aria-labelledby={`publish-question-${bulletinId}`} className="space-y-2 rounded-lg bg-amber-50 p-3 ring-1 ring-inset ring-amber-200">
          <p id={`publish-question-${bulletinId}`} className="text-sm text-amber-900">
            {strings.confirm}
          </p>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={buttonClass("primary", "sm")} autoFocus>
              {pending ? strings.publishing : strings.confirmPublish}
            </button>
            <button type="button" className={buttonClass("ghost", "sm")} onClick={() => setAsking(false)}>
              {strings.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={buttonClass("primary")} onClick={() => setAsking(true)}>
          {strings.publish}
        </button>
      )}
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

/** A reader confirms they have read the bulletin; pressing again changes nothing. */
export function BulletinAcknowledgeForm({ bulletinId, strings }: { bulletinId: number; strings: { acknowledge: string; working: string } }) {
  const [state, action, pending] = useActionState(acknowledgeBulletinAction, idleState);
  if (state.status === "success") return <FormMessage status="success" message={state.message} />;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="bulletinId" value={bulletinId} />
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? strings.working : strings.acknowledge}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

/** Starts a corrected revision: what changed and why, and the summary as it should now read. */
export function BulletinCorrectForm({
  bulletinId,
  version,
  summary,
  strings,
}: {
  bulletinId: number;
  version: number;
  summary: string;
  strings: { changeNote: string; changeNoteHint: string; summary: string; submit: string; working: string };
}) {
  const [state, action, pending] = useActionState(correctBulletinAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" data-testid="bulletin-correct">
      <input type="hidden" name="bulletinId" value={bulletinId} />
      <input type="hidden" name="version" value={version} />
      <Field id="correct-note" label={strings.changeNote} errors={errors?.changeNote} hint={strings.changeNoteHint}>
        <Textarea
          id="correct-note"
          name="changeNote"
          rows={3}
          required
          maxLength={2000}
          defaultValue={values?.changeNote ?? ""}
          errors={errors?.changeNote}
          aria-describedby={describedBy("correct-note", errors?.changeNote, strings.changeNoteHint)}
        />
      </Field>
      <Field id="correct-summary" label={strings.summary} errors={errors?.summary}>
        <Textarea id="correct-summary" name="summary" rows={8} maxLength={20000} defaultValue={values?.summary ?? summary} errors={errors?.summary} aria-describedby={describedBy("correct-summary", errors?.summary)} />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? strings.working : strings.submit}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

/** Opens the browser's print dialog (A4, without the navigation). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={buttonClass("secondary")} onClick={() => window.print()}>
      {label}
    </button>
  );
}
