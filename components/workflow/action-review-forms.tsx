"use client";

import { useActionState } from "react";
import { describedBy, Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import { reopenActionAction, resolveIssueAction, verifyActionAction } from "@/lib/actions/actions";
import { idleState, type ActionState } from "@/lib/actions/state";
import { errorsOf, SubmitButton, typed } from "./action-form-kit";

export interface WordingLabels {
  publicTitle: string;
  publicTitleHint: string;
  publicOutcome: string;
  publicOutcomeHint: string;
}

function WordingFields({ idPrefix, state, labels, defaults, required }: { idPrefix: string; state: ActionState; labels: WordingLabels; defaults: { publicTitle: string; publicOutcome: string }; required: boolean }) {
  const title = `${idPrefix}-publicTitle`;
  const outcome = `${idPrefix}-publicOutcome`;
  return (
    <>
      <Field id={title} label={labels.publicTitle} hint={labels.publicTitleHint} errors={errorsOf(state, "publicTitle")}>
        <Input id={title} name="publicTitle" maxLength={200} required={required} defaultValue={typed(state, "publicTitle", defaults.publicTitle)} errors={errorsOf(state, "publicTitle")} aria-describedby={describedBy(title, errorsOf(state, "publicTitle"), labels.publicTitleHint)} />
      </Field>
      <Field id={outcome} label={labels.publicOutcome} hint={labels.publicOutcomeHint} errors={errorsOf(state, "publicOutcome")}>
        <Textarea id={outcome} name="publicOutcome" rows={3} maxLength={2000} required={required} defaultValue={typed(state, "publicOutcome", defaults.publicOutcome)} errors={errorsOf(state, "publicOutcome")} aria-describedby={describedBy(outcome, errorsOf(state, "publicOutcome"), labels.publicOutcomeHint)} />
      </Field>
    </>
  );
}

export interface VerifyLabels extends WordingLabels {
  lastActionNote: string;
  submit: string;
  pending: string;
}

/**
 * Verifies a done action. On the issue's last open action it also offers the public wording:
 * given, the issue is resolved at once; left empty, the issue waits for it.
 */
export function ActionVerifyForm({ actionId, version, isLast, defaults, labels, returnTo }: { actionId: number; version: number; isLast: boolean; defaults: { publicTitle: string; publicOutcome: string }; labels: VerifyLabels; returnTo?: string }) {
  const [state, action, pending] = useActionState(verifyActionAction, idleState);
  return (
    <form action={action} className="space-y-3" data-testid="action-verify-form">
      <input type="hidden" name="actionId" value={actionId} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <input type="hidden" name="version" value={version} />
      {isLast ? (
        <>
          <p className="text-sm text-slate-600">{labels.lastActionNote}</p>
          <WordingFields idPrefix={`verify-${actionId}`} state={state} labels={labels} defaults={defaults} required={false} />
        </>
      ) : null}
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export interface ReopenLabels {
  reason: string;
  reasonHint: string;
  submit: string;
  pending: string;
}

/** Sends a done or verified action back to its department, with the reason they will read. */
export function ActionReopenForm({ actionId, version, labels, returnTo }: { actionId: number; version: number; labels: ReopenLabels; returnTo?: string }) {
  const [state, action, pending] = useActionState(reopenActionAction, idleState);
  const id = `reopen-${actionId}-reason`;
  return (
    <form action={action} className="space-y-2" data-testid="action-reopen-form">
      <input type="hidden" name="actionId" value={actionId} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <input type="hidden" name="version" value={version} />
      <Field id={id} label={labels.reason} hint={labels.reasonHint} errors={errorsOf(state, "reason")}>
        <Textarea id={id} name="reason" rows={2} required maxLength={1000} defaultValue={typed(state, "reason")} errors={errorsOf(state, "reason")} aria-describedby={describedBy(id, errorsOf(state, "reason"), labels.reasonHint)} />
      </Field>
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} variant="danger" size="sm" />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export interface ResolveLabels extends WordingLabels {
  submit: string;
  pending: string;
}

/** Approves the public wording of an issue whose actions are all verified, and resolves it. */
export function IssueResolveForm({ issueId, version, defaults, labels, returnTo }: { issueId: number; version: number; defaults: { publicTitle: string; publicOutcome: string }; labels: ResolveLabels; returnTo?: string }) {
  const [state, action, pending] = useActionState(resolveIssueAction, idleState);
  return (
    <form action={action} className="space-y-3" data-testid="issue-resolve-form">
      <input type="hidden" name="issueId" value={issueId} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <input type="hidden" name="version" value={version} />
      <WordingFields idPrefix={`resolve-${issueId}`} state={state} labels={labels} defaults={defaults} required />
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
