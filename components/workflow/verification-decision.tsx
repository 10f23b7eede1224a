"use client";

import { useActionState, useId, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { mergeIssueAction, rejectIssueAction, verifyIssueAction } from "@/lib/actions/verification";
import { idleState, type ActionState } from "@/lib/actions/state";

export interface VerificationStrings {
  verify: string;
  reject: string;
  merge: string;
  note: string;
  noteHint: string;
  reason: string;
  reasonHint: string;
  target: string;
  targetManual: string;
  targetManualHint: string;
  noCandidates: string;
  confirmVerify: string;
  confirmReject: string;
  confirmMerge: string;
  cancel: string;
  working: string;
}

export interface MergeOption {
  id: number;
  title: string;
  /** Site · category · state · records, already in the viewer's language. */
  detail: string;
}

type Mode = "verify" | "reject" | "merge";

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs text-rose-700" role="alert">
      {errors.join(" ")}
    </p>
  );
}

const fieldClass = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm aria-[invalid=true]:border-rose-400";

/** The note or reason of a decision, with its hint, or its errors in the hint's place. */
function DecisionTextField({
  id,
  name,
  label,
  hint,
  errors,
  defaultValue,
  multiline = false,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  errors?: string[];
  defaultValue?: string;
  /** A required, several-line answer (a reason) rather than an optional one-line note. */
  multiline?: boolean;
}) {
  const field = {
    id,
    name,
    autoFocus: true,
    defaultValue: defaultValue ?? "",
    maxLength: 1000,
    "aria-describedby": errors ? `${id}-error` : `${id}-hint`,
    "aria-invalid": errors ? true : undefined,
    className: fieldClass,
  };
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {multiline ? <textarea {...field} rows={3} required /> : <input {...field} />}
      {errors ? <FieldErrors id={`${id}-error`} errors={errors} /> : <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p>}
    </>
  );
}

function DecisionButtons({
  variant,
  label,
  busy,
  pending,
  strings,
  onCancel,
}: {
  variant: "primary" | "danger";
  label: string;
  /** This decision is being saved. */
  busy: boolean;
  /** Any decision is being saved. */
  pending: boolean;
  strings: Pick<VerificationStrings, "working" | "cancel">;
  onCancel: () => void;
}) {
  return (
    <div className="flex gap-2">
      <button type="submit" disabled={pending} className={buttonClass(variant, "sm")}>
        {busy ? strings.working : label}
      </button>
      <button type="button" className={buttonClass("ghost", "sm")} onClick={onCancel}>
        {strings.cancel}
      </button>
    </div>
  );
}

/**
 * The management post's three answers to a reported issue: verify it, reject it with a reason
 * that goes back to whoever raised it, or merge it into the same problem from another site.
 * Each form carries the issue's version as it was shown, so a second decision is a conflict.
 */
export function VerificationDecision({
  issueId,
  version,
  decided,
  candidates,
  strings,
}: {
  issueId: number;
  version: number;
  /** The issue was decided meanwhile: only the outcome message is left to show. */
  decided: boolean;
  candidates: MergeOption[];
  strings: VerificationStrings;
}) {
  const base = useId();
  const [mode, setMode] = useState<Mode | null>(null);
  const [verifyState, verify, verifying] = useActionState(verifyIssueAction, idleState);
  const [rejectState, reject, rejecting] = useActionState(rejectIssueAction, idleState);
  const [mergeState, merge, merging] = useActionState(mergeIssueAction, idleState);
  const pending = verifying || rejecting || merging;
  const states: ActionState[] = [verifyState, rejectState, mergeState];
  const succeeded = states.find((s) => s.status === "success");

  if (decided) return succeeded ? <FormMessage status="success" message={succeeded.message} /> : null;

  const toggle = (next: Mode) => setMode((current) => (current === next ? null : next));
  const panel = (m: Mode) => `${base}-${m}`;
  const modes: { mode: Mode; label: string; variant: "primary" | "danger" | "secondary" }[] = [
    { mode: "verify", label: strings.verify, variant: "primary" },
    { mode: "reject", label: strings.reject, variant: "danger" },
    { mode: "merge", label: strings.merge, variant: "secondary" },
  ];
  const hidden = (
    <>
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  const rejectErrors = rejectState.status === "error" ? rejectState.fieldErrors?.reason : undefined;
  const noteErrors = verifyState.status === "error" ? verifyState.fieldErrors?.note : undefined;
  const targetErrors = mergeState.status === "error" ? mergeState.fieldErrors?.targetId : undefined;
  const current = mode === "verify" ? verifyState : mode === "reject" ? rejectState : mode === "merge" ? mergeState : null;

  return (
    <div className="space-y-3" data-testid={`decision-${issueId}`}>
      <div className="flex flex-wrap gap-2">
        {modes.map((m) => (
          <button
            key={m.mode}
            type="button"
            className={`${buttonClass(m.variant, "sm")} ${mode === m.mode ? "ring-2 ring-brand-300" : ""}`}
            aria-expanded={mode === m.mode}
            aria-controls={panel(m.mode)}
            onClick={() => toggle(m.mode)}
          >
            {m.label}
          </button>
        ))}
      </div>

      {mode === "verify" ? (
        <form id={panel("verify")} action={verify} className="space-y-2 rounded-lg bg-slate-50 p-3">
          {hidden}
          <DecisionTextField id={`${base}-note`} name="note" label={strings.note} hint={strings.noteHint} errors={noteErrors} defaultValue={verifyState.values?.note} />
          <DecisionButtons variant="primary" label={strings.confirmVerify} busy={verifying} pending={pending} strings={strings} onCancel={() => setMode(null)} />
        </form>
      ) : null}

      {mode === "reject" ? (
        <form id={panel("reject")} action={reject} className="space-y-2 rounded-lg bg-rose-50/60 p-3">
          {hidden}
          <DecisionTextField id={`${base}-reason`} name="reason" label={strings.reason} hint={strings.reasonHint} errors={rejectErrors} defaultValue={rejectState.values?.reason} multiline />
          <DecisionButtons variant="danger" label={strings.confirmReject} busy={rejecting} pending={pending} strings={strings} onCancel={() => setMode(null)} />
        </form>
      ) : null}

      {mode === "merge" ? (
        <form id={panel("merge")} action={merge} className="space-y-2 rounded-lg bg-slate-50 p-3">
          {hidden}
          <fieldset aria-describedby={targetErrors ? `${base}-target-error` : undefined}>
            <legend className="text-sm font-medium text-slate-700">{strings.target}</legend>
            {candidates.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">{strings.noCandidates}</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {candidates.map((c, i) => (
                  <li key={c.id}>
                    <label className="flex cursor-pointer items-start gap-2 rounded-md px-2 py-1 text-sm hover:bg-white">
                      <input type="radio" name="targetId" value={c.id} autoFocus={i === 0} defaultChecked={mergeState.values?.targetId ? mergeState.values.targetId === String(c.id) : i === 0} className="mt-1" />
                      <span>
                        <span className="font-medium">
                          #{c.id} {c.title}
                        </span>
                        <span className="block text-xs text-slate-500">{c.detail}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <div>
            <label htmlFor={`${base}-manual`} className="block text-xs font-medium text-slate-600">
              {strings.targetManual}
            </label>
            <input
              id={`${base}-manual`}
              name="targetIdManual"
              autoFocus={candidates.length === 0}
              inputMode="numeric"
              defaultValue={mergeState.values?.targetIdManual ?? ""}
              aria-describedby={`${base}-manual-hint`}
              aria-invalid={targetErrors ? true : undefined}
              className="mt-1 block w-32 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm aria-[invalid=true]:border-rose-400"
            />
            <p id={`${base}-manual-hint`} className="mt-1 text-xs text-slate-500">
              {strings.targetManualHint}
            </p>
            <FieldErrors id={`${base}-target-error`} errors={targetErrors} />
          </div>
          <DecisionButtons variant="primary" label={strings.confirmMerge} busy={merging} pending={pending} strings={strings} onCancel={() => setMode(null)} />
        </form>
      ) : null}

      {current?.status === "error" ? <FormMessage status="error" message={current.message} /> : null}
    </div>
  );
}
