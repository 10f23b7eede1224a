"use client";

import { useActionState } from "react";
import { describedBy, Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import { markAllNotificationsReadAction } from "@/lib/actions/notifications";
import { updateComplaintClockAction, updateEmailDeliveryAction, updateWorkflowTargetsAction } from "@/lib/actions/settings";
import { idleState } from "@/lib/actions/state";
import { extendComplaintDeadlineAction } from "@/lib/actions/time-limits";
import { errorsOf, SubmitButton, typed } from "./action-form-kit";

type NumberField = { name: string; label: string; hint?: string; value: number; min: number; max: number; suffix?: string };

function NumberFields({ prefix, fields, state }: { prefix: string; fields: NumberField[]; state: Parameters<typeof errorsOf>[0] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {fields.map((f) => {
        const id = `${prefix}-${f.name}`;
        const errors = errorsOf(state, f.name);
        return (
          <Field key={f.name} id={id} label={f.label} hint={f.hint} errors={errors}>
            <div className="flex items-center gap-2">
              <Input id={id} name={f.name} type="number" inputMode="numeric" required min={f.min} max={f.max} step={1} defaultValue={typed(state, f.name, String(f.value))} errors={errors} aria-describedby={describedBy(id, errors, f.hint)} className="max-w-32" />
              {f.suffix ? <span className="mt-1 text-sm text-slate-500">{f.suffix}</span> : null}
            </div>
          </Field>
        );
      })}
    </div>
  );
}

export interface SettingsFormLabels {
  submit: string;
  pending: string;
}

/** The admin's form for the stage targets of the time-limits panel. */
export function WorkflowTargetsForm({ updatedAt, fields, labels }: { updatedAt: string | null; fields: NumberField[]; labels: SettingsFormLabels }) {
  const [state, action, pending] = useActionState(updateWorkflowTargetsAction, idleState);
  return (
    <form action={action} className="space-y-4" data-testid="workflow-targets-form">
      {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
      <NumberFields prefix="targets" fields={fields} state={state} />
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

/** The admin's form for the regulator's complaint clock. */
export function ComplaintClockForm({ updatedAt, fields, labels }: { updatedAt: string | null; fields: NumberField[]; labels: SettingsFormLabels }) {
  const [state, action, pending] = useActionState(updateComplaintClockAction, idleState);
  return (
    <form action={action} className="space-y-4" data-testid="complaint-clock-form">
      {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
      <NumberFields prefix="clock" fields={fields} state={state} />
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

/** Whether notifications also go out by e-mail. */
export function EmailDeliveryForm({ updatedAt, enabled, labels }: { updatedAt: string | null; enabled: boolean; labels: SettingsFormLabels & { enabled: string; hint: string } }) {
  const [state, action, pending] = useActionState(updateEmailDeliveryAction, idleState);
  return (
    <form action={action} className="space-y-3" data-testid="email-delivery-form">
      {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={enabled} className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby="email-delivery-hint" />
        <span>
          <span className="font-medium text-slate-800">{labels.enabled}</span>
          <span id="email-delivery-hint" className="block text-xs text-slate-500">
            {labels.hint}
          </span>
        </span>
      </label>
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} size="sm" />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

/** Extends a complaint's deadline, with the reason kept in its history. */
export function ExtendDeadlineForm({ recordId, version, labels, returnTo }: { recordId: number; version: number; labels: { reason: string; submit: string; pending: string }; returnTo?: string }) {
  const [state, action, pending] = useActionState(extendComplaintDeadlineAction, idleState);
  const id = `extend-${recordId}-reason`;
  return (
    <form action={action} className="space-y-2" data-testid="extend-deadline-form">
      <input type="hidden" name="recordId" value={recordId} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <input type="hidden" name="version" value={version} />
      <Field id={id} label={labels.reason} errors={errorsOf(state, "reason")}>
        <Textarea id={id} name="reason" rows={2} required maxLength={1000} defaultValue={typed(state, "reason")} errors={errorsOf(state, "reason")} aria-describedby={describedBy(id, errorsOf(state, "reason"))} />
      </Field>
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} size="sm" variant="secondary" />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export function MarkAllReadForm({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const [state, action, pending] = useActionState(markAllNotificationsReadAction, idleState);
  return (
    <form action={action} className="flex items-center gap-2">
      <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} size="sm" variant="secondary" />
      {state.status === "error" ? <FormMessage status={state.status} message={state.message} /> : null}
    </form>
  );
}
