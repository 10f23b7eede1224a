"use client";

import { unstable_rethrow } from "next/navigation";
import { startTransition, useActionState, useState, type ChangeEvent, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormMessage, Select } from "@/components/ui/field";
import { commitImportAction, previewImportAction } from "@/lib/actions/intake";
import { idleState, type ActionState } from "@/lib/actions/state";
import { ChoiceOptions, type Choice, type ChoiceOrGroup } from "./channel-record-form";

export interface ImportUploadLabels {
  files: string;
  filesHint: string;
  defaults: string;
  defaultsHint: string;
  noDefault: string;
  channel: string;
  kind: string;
  category: string;
  submit: string;
  pending: string;
  tooLarge: string;
  failed: string;
}

export interface ImportUploadFormProps {
  labels: ImportUploadLabels;
  channels: Choice[];
  kinds: Choice[];
  categories: ChoiceOrGroup[];
  maxBytes: number;
}

const accept = ".csv,.tsv,.txt,.xlsx,.eml,text/csv,message/rfc822,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Upload one export file (or several e-mails); the preview opens on success. */
export function ImportUploadForm({ labels, channels, kinds, categories, maxBytes }: ImportUploadFormProps) {
  // A request the server refuses before the action runs (over the body size limit, a dropped
  // connection) rejects the call: say so here instead of replacing the page with the error page.
  const [state, formAction, pending] = useActionState(async (previous: ActionState, data: FormData): Promise<ActionState> => {
    try {
      return await previewImportAction(previous, data);
    } catch (error) {
      unstable_rethrow(error);
      return { status: "error", message: labels.failed };
    }
  }, idleState);
  const [tooLarge, setTooLarge] = useState(false);
  const fileErrors = tooLarge ? [labels.tooLarge] : state.fieldErrors?.files;
  const values = state.values ?? {};

  function onFilesChange(event: ChangeEvent<HTMLInputElement>) {
    const total = Array.from(event.currentTarget.files ?? []).reduce((sum, f) => sum + f.size, 0);
    setTooLarge(total > maxBytes);
  }

  // Submitting by hand keeps the chosen files when the server says no (a form action resets
  // the form, and a file input cannot be given its files back). The upload needs JavaScript.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (tooLarge) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="im-files" label={labels.files} hint={labels.filesHint} errors={fileErrors}>
        <input
          id="im-files"
          name="files"
          type="file"
          multiple
          accept={accept}
          onChange={onFilesChange}
          aria-invalid={fileErrors?.length ? true : undefined}
          aria-describedby={describedBy("im-files", fileErrors, labels.filesHint)}
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white text-sm text-slate-700 shadow-sm file:mr-3 file:border-0 file:border-r file:border-slate-200 file:bg-slate-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-rose-400"
        />
      </Field>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{labels.defaults}</legend>
        <p className="text-xs text-slate-500">{labels.defaultsHint}</p>
        <Field id="im-defaultChannel" label={labels.channel}>
          <Select id="im-defaultChannel" name="defaultChannel" defaultValue={values.defaultChannel ?? ""}>
            <option value="">{labels.noDefault}</option>
            <ChoiceOptions choices={channels} />
          </Select>
        </Field>
        <Field id="im-defaultKind" label={labels.kind}>
          <Select id="im-defaultKind" name="defaultKind" defaultValue={values.defaultKind ?? ""}>
            <option value="">{labels.noDefault}</option>
            <ChoiceOptions choices={kinds} />
          </Select>
        </Field>
        <Field id="im-defaultCategoryCode" label={labels.category}>
          <Select id="im-defaultCategoryCode" name="defaultCategoryCode" defaultValue={values.defaultCategoryCode ?? ""}>
            <option value="">{labels.noDefault}</option>
            <ChoiceOptions choices={categories} />
          </Select>
        </Field>
      </fieldset>
      {state.status === "error" && !state.fieldErrors?.files ? <FormMessage status="error" message={state.message} /> : null}
      <button type="submit" disabled={pending || tooLarge} className={`${buttonClass("primary")} w-full`}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}

export interface ImportCommitLabels {
  allOrNothing: string;
  allOrNothingHelp: string;
  /** Set when some rows are invalid: what choosing all-or-nothing would do now. */
  allOrNothingBlocked?: string;
  validOnly: string;
  validOnlyHelp: string;
  /** Which rows valid-only would skip, when any. */
  validOnlySkips?: string;
  pending: string;
}

/** The two ways to save a previewed batch, side by side, each saying what it will do. */
export function ImportCommitForms({ batchId, validCount, labels }: { batchId: number; validCount: number; labels: ImportCommitLabels }) {
  const [state, formAction, pending] = useActionState(commitImportAction, idleState);
  const [chosen, setChosen] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setChosen(String(data.get("mode")));
    startTransition(() => formAction(data));
  }

  const option = (mode: "all_or_nothing" | "valid_only", title: string, help: string, note: string | undefined, disabled: boolean) => (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="mode" value={mode} />
      <div className="flex-1 space-y-1 text-sm">
        <p id={`commit-${mode}-help`} className="text-slate-600">
          {help}
        </p>
        {note ? <p className="text-amber-800">{note}</p> : null}
      </div>
      <button
        type="submit"
        disabled={pending || disabled}
        aria-describedby={`commit-${mode}-help`}
        className={buttonClass(mode === "valid_only" ? "primary" : "secondary")}
      >
        {pending && chosen === mode ? labels.pending : title}
      </button>
    </form>
  );

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        {option("all_or_nothing", labels.allOrNothing, labels.allOrNothingHelp, labels.allOrNothingBlocked, false)}
        {option("valid_only", labels.validOnly, labels.validOnlyHelp, labels.validOnlySkips, validCount === 0)}
      </div>
      <FormMessage status={state.status} message={state.message} />
    </div>
  );
}
