"use client";

import { useActionState } from "react";
import { describedBy, Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import { completeActionAction, updateActionAction } from "@/lib/actions/actions";
import { idleState } from "@/lib/actions/state";
import { errorsOf, SubmitButton, typed } from "./action-form-kit";

export interface ProgressLabels {
  ownerName: string;
  dueOn: string;
  dueOnHint: string;
  dueOnFixed: string;
  progress: string;
  note: string;
  notePlaceholder: string;
  evidenceUrl: string;
  evidenceHint: string;
  submit: string;
  pending: string;
}

/** A department's progress post: owner, due date (while none is set), progress, a note and an evidence link. */
export function ActionProgressForm({
  actionId,
  version,
  ownerName,
  dueOn,
  progress,
  today,
  labels,
}: {
  actionId: number;
  version: number;
  ownerName: string | null;
  dueOn: string | null;
  progress: number;
  today: string;
  labels: ProgressLabels;
}) {
  const [state, action, pending] = useActionState(updateActionAction, idleState);
  const id = (name: string) => `progress-${actionId}-${name}`;
  return (
    <form action={action} className="space-y-3" data-testid="action-progress-form">
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("ownerName")} label={labels.ownerName} errors={errorsOf(state, "ownerName")}>
          <Input id={id("ownerName")} name="ownerName" maxLength={64} defaultValue={typed(state, "ownerName", ownerName ?? "")} errors={errorsOf(state, "ownerName")} aria-describedby={describedBy(id("ownerName"), errorsOf(state, "ownerName"))} />
        </Field>
        {dueOn ? (
          <div>
            <p className="block text-sm font-medium text-slate-700">{labels.dueOn}</p>
            <p className="mt-1 rounded-lg bg-slate-50 px-3 py-2 text-sm tabular-nums text-slate-700">{dueOn}</p>
            <p className="mt-1 text-xs text-slate-500">{labels.dueOnFixed}</p>
          </div>
        ) : (
          <Field id={id("dueOn")} label={labels.dueOn} hint={labels.dueOnHint} errors={errorsOf(state, "dueOn")}>
            <Input id={id("dueOn")} name="dueOn" type="date" min={today} defaultValue={typed(state, "dueOn")} errors={errorsOf(state, "dueOn")} aria-describedby={describedBy(id("dueOn"), errorsOf(state, "dueOn"), labels.dueOnHint)} />
          </Field>
        )}
        <Field id={id("progress")} label={labels.progress} errors={errorsOf(state, "progress")}>
          <Input id={id("progress")} name="progress" type="number" inputMode="numeric" min={0} max={100} step={5} defaultValue={typed(state, "progress", String(progress))} errors={errorsOf(state, "progress")} aria-describedby={describedBy(id("progress"), errorsOf(state, "progress"))} />
        </Field>
      </div>
      <Field id={id("note")} label={labels.note} errors={errorsOf(state, "note")}>
        <Textarea id={id("note")} name="note" rows={3} required maxLength={4000} placeholder={labels.notePlaceholder} defaultValue={typed(state, "note")} errors={errorsOf(state, "note")} aria-describedby={describedBy(id("note"), errorsOf(state, "note"))} />
      </Field>
      <Field id={id("evidenceUrl")} label={labels.evidenceUrl} hint={labels.evidenceHint} errors={errorsOf(state, "evidenceUrl")}>
        <Input id={id("evidenceUrl")} name="evidenceUrl" type="url" inputMode="url" maxLength={2000} placeholder="https://" defaultValue={typed(state, "evidenceUrl")} errors={errorsOf(state, "evidenceUrl")} aria-describedby={describedBy(id("evidenceUrl"), errorsOf(state, "evidenceUrl"), labels.evidenceHint)} />
      </Field>
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export interface CompleteLabels {
  note: string;
  notePlaceholder: string;
  evidenceUrl: string;
  evidenceHint: string;
  submit: string;
  pending: string;
}

/** A department reports its action done: what was done and the evidence. The management post then verifies it. */
export function ActionCompleteForm({ actionId, version, labels, returnTo }: { actionId: number; version: number; labels: CompleteLabels; returnTo?: string }) {
  const [state, action, pending] = useActionState(completeActionAction, idleState);
  const id = (name: string) => `complete-${actionId}-${name}`;
  return (
    <form action={action} className="space-y-3" data-testid="action-complete-form">
      <input type="hidden" name="actionId" value={actionId} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <input type="hidden" name="version" value={version} />
      <Field id={id("note")} label={labels.note} errors={errorsOf(state, "note")}>
        <Textarea id={id("note")} name="note" rows={3} required maxLength={4000} placeholder={labels.notePlaceholder} defaultValue={typed(state, "note")} errors={errorsOf(state, "note")} aria-describedby={describedBy(id("note"), errorsOf(state, "note"))} />
      </Field>
      <Field id={id("evidenceUrl")} label={labels.evidenceUrl} hint={labels.evidenceHint} errors={errorsOf(state, "evidenceUrl")}>
        <Input id={id("evidenceUrl")} name="evidenceUrl" type="url" inputMode="url" maxLength={2000} placeholder="https://" defaultValue={typed(state, "evidenceUrl")} errors={errorsOf(state, "evidenceUrl")} aria-describedby={describedBy(id("evidenceUrl"), errorsOf(state, "evidenceUrl"), labels.evidenceHint)} />
      </Field>
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
