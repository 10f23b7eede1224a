"use client";

import { useActionState, useState } from "react";
import { describedBy, Field, FormMessage, Input, Select, Textarea } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { commentOnMeetingAction, decideItemAction, openMeetingAction, publishMinutesAction } from "@/lib/actions/meetings";
import { idleState } from "@/lib/actions/state";
import { errorsOf, SubmitButton, typed } from "./action-form-kit";

export interface OpenMeetingLabels {
  title: string;
  heldOn: string;
  attendees: string;
  attendeesHint: string;
  submit: string;
  pending: string;
}

/** The management post opens the month's meeting; the agenda is generated from the actions. */
export function MeetingOpenForm({ defaults, labels }: { defaults: { title: string; heldOn: string; attendees: string }; labels: OpenMeetingLabels }) {
  const [state, action, pending] = useActionState(openMeetingAction, idleState);
  return (
    <form action={action} className="space-y-3" data-testid="meeting-open-form">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="meeting-title" label={labels.title} errors={errorsOf(state, "title")} className="sm:col-span-2">
          <Input id="meeting-title" name="title" required maxLength={200} defaultValue={typed(state, "title", defaults.title)} errors={errorsOf(state, "title")} aria-describedby={describedBy("meeting-title", errorsOf(state, "title"))} />
        </Field>
        <Field id="meeting-heldOn" label={labels.heldOn} errors={errorsOf(state, "heldOn")}>
          <Input id="meeting-heldOn" name="heldOn" type="date" required defaultValue={typed(state, "heldOn", defaults.heldOn)} errors={errorsOf(state, "heldOn")} aria-describedby={describedBy("meeting-heldOn", errorsOf(state, "heldOn"))} />
        </Field>
      </div>
      <Field id="meeting-attendees" label={labels.attendees} hint={labels.attendeesHint} errors={errorsOf(state, "attendees")}>
        <Textarea id="meeting-attendees" name="attendees" rows={3} defaultValue={typed(state, "attendees", defaults.attendees)} errors={errorsOf(state, "attendees")} aria-describedby={describedBy("meeting-attendees", errorsOf(state, "attendees"), labels.attendeesHint)} />
      </Field>
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export interface DecisionLabels {
  decision: string;
  decisions: Record<"continue" | "change_owner" | "change_due" | "escalate" | "verified_closed", string>;
  note: string;
  newOwner: string;
  newDueOn: string;
  publicTitle: string;
  publicOutcome: string;
  wordingHint: string;
  submit: string;
  pending: string;
}

type Decision = keyof DecisionLabels["decisions"];

/**
 * One agenda item's decision. Only the decisions the action's state allows are offered: an open
 * action may continue, change owner or due date, or be escalated; a done one verified and closed
 * (with the public wording when it is the last), continued or escalated.
 */
export function MeetingDecisionForm({
  meetingId,
  itemId,
  actionVersion,
  actionDone,
  isLast,
  today,
  labels,
  returnTo,
}: {
  returnTo?: string;
  meetingId: number;
  itemId: number;
  actionVersion: number;
  actionDone: boolean;
  isLast: boolean;
  today: string;
  labels: DecisionLabels;
}) {
  const [state, action, pending] = useActionState(decideItemAction, idleState);
  const options: Decision[] = actionDone ? ["verified_closed", "continue", "escalate"] : ["continue", "change_owner", "change_due", "escalate"];
  const [decision, setDecision] = useState<Decision>(() => {
    const typedDecision = typed(state, "decision");
    return options.find((o) => o === typedDecision) ?? options[0];
  });
  const id = (name: string) => `item-${itemId}-${name}`;
  return (
    <form action={action} className="space-y-3" data-testid="meeting-decision-form">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="itemId" value={itemId} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <input type="hidden" name="actionVersion" value={actionVersion} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id("decision")} label={labels.decision} errors={errorsOf(state, "decision")}>
          <Select id={id("decision")} name="decision" value={decision} onChange={(e) => setDecision(e.target.value as Decision)} errors={errorsOf(state, "decision")}>
            {options.map((o) => (
              <option key={o} value={o}>
                {labels.decisions[o]}
              </option>
            ))}
          </Select>
        </Field>
        {decision === "change_owner" ? (
          <Field id={id("newOwner")} label={labels.newOwner} errors={errorsOf(state, "newOwner")}>
            <Input id={id("newOwner")} name="newOwner" required maxLength={64} defaultValue={typed(state, "newOwner")} errors={errorsOf(state, "newOwner")} aria-describedby={describedBy(id("newOwner"), errorsOf(state, "newOwner"))} />
          </Field>
        ) : null}
        {decision === "change_due" ? (
          <Field id={id("newDueOn")} label={labels.newDueOn} errors={errorsOf(state, "newDueOn")}>
            <Input id={id("newDueOn")} name="newDueOn" type="date" required min={today} defaultValue={typed(state, "newDueOn")} errors={errorsOf(state, "newDueOn")} aria-describedby={describedBy(id("newDueOn"), errorsOf(state, "newDueOn"))} />
          </Field>
        ) : null}
      </div>
      {decision === "verified_closed" && isLast ? (
        <div className="space-y-3 rounded-lg bg-slate-50 p-3">
          <p className="text-xs text-slate-600">{labels.wordingHint}</p>
          <Field id={id("publicTitle")} label={labels.publicTitle} errors={errorsOf(state, "publicTitle")}>
            <Input id={id("publicTitle")} name="publicTitle" maxLength={200} defaultValue={typed(state, "publicTitle")} errors={errorsOf(state, "publicTitle")} aria-describedby={describedBy(id("publicTitle"), errorsOf(state, "publicTitle"))} />
          </Field>
          <Field id={id("publicOutcome")} label={labels.publicOutcome} errors={errorsOf(state, "publicOutcome")}>
            <Textarea id={id("publicOutcome")} name="publicOutcome" rows={2} maxLength={2000} defaultValue={typed(state, "publicOutcome")} errors={errorsOf(state, "publicOutcome")} aria-describedby={describedBy(id("publicOutcome"), errorsOf(state, "publicOutcome"))} />
          </Field>
        </div>
      ) : null}
      <Field id={id("note")} label={labels.note} errors={errorsOf(state, "note")}>
        <Textarea id={id("note")} name="note" rows={2} maxLength={2000} defaultValue={typed(state, "note")} errors={errorsOf(state, "note")} aria-describedby={describedBy(id("note"), errorsOf(state, "note"))} />
      </Field>
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} size="sm" />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export interface MinutesLabels {
  minutes: string;
  minutesHint: string;
  attendees: string;
  attendeesHint: string;
  submit: string;
  pending: string;
  confirm: string;
  redraft: string;
}

/** Publishes the minutes (final from then on) with who attended. */
export function MeetingMinutesForm({ meetingId, version, defaults, labels }: { meetingId: number; version: number; defaults: { minutes: string; attendees: string }; labels: MinutesLabels }) {
  const [state, action, pending] = useActionState(publishMinutesAction, idleState);
  // The draft follows the decisions as they are taken, until the manager edits it.
  const [edited, setEdited] = useState<string | null>(null);
  const minutes = edited ?? (state.status === "error" ? typed(state, "minutes", defaults.minutes) : defaults.minutes);
  return (
    <form
      action={action}
      className="space-y-3"
      data-testid="meeting-minutes-form"
      onSubmit={(e) => {
        if (!window.confirm(labels.confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <Field id="minutes-attendees" label={labels.attendees} hint={labels.attendeesHint} errors={errorsOf(state, "attendees")}>
        <Textarea id="minutes-attendees" name="attendees" rows={4} required defaultValue={typed(state, "attendees", defaults.attendees)} errors={errorsOf(state, "attendees")} aria-describedby={describedBy("minutes-attendees", errorsOf(state, "attendees"), labels.attendeesHint)} />
      </Field>
      <Field id="minutes-text" label={labels.minutes} hint={labels.minutesHint} errors={errorsOf(state, "minutes")}>
        <Textarea id="minutes-text" name="minutes" rows={10} required maxLength={20000} value={minutes} onChange={(e) => setEdited(e.target.value)} errors={errorsOf(state, "minutes")} aria-describedby={describedBy("minutes-text", errorsOf(state, "minutes"), labels.minutesHint)} />
      </Field>
      {edited !== null && edited !== defaults.minutes ? (
        <button type="button" onClick={() => setEdited(null)} className={buttonClass("ghost", "sm")}>
          {labels.redraft}
        </button>
      ) : null}
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

/** Leadership and the management post comment on a meeting. */
export function MeetingCommentForm({ meetingId, labels }: { meetingId: number; labels: { body: string; submit: string; pending: string } }) {
  const [state, action, pending] = useActionState(commentOnMeetingAction, idleState);
  return (
    <form action={action} className="space-y-2" data-testid="meeting-comment-form">
      <input type="hidden" name="meetingId" value={meetingId} />
      <Field id="meeting-comment" label={labels.body} errors={errorsOf(state, "body")}>
        <Textarea id="meeting-comment" name="body" rows={3} required maxLength={2000} defaultValue={typed(state, "body")} errors={errorsOf(state, "body")} aria-describedby={describedBy("meeting-comment", errorsOf(state, "body"))} />
      </Field>
      <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} size="sm" />
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export function MeetingPrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`no-print ${buttonClass("secondary", "sm")}`}>
      {label}
    </button>
  );
}
