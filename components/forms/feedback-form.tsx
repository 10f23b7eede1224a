"use client";

import Link from "next/link";
import { useActionState } from "react";
import { submitFeedbackAction, type SubmissionState } from "@/lib/actions/public";

export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

export interface FeedbackLabels {
  kind: string;
  kinds: { complaint: string; suggestion: string; praise: string };
  category: string;
  chooseCategory: string;
  region: string;
  chooseRegion: string;
  summary: string;
  summaryHint: string;
  words: string;
  wordsHint: string;
  contact: string;
  contactHint: string;
  website: string;
  submit: string;
  sending: string;
  thanksTitle: string;
  thanksText: string;
  trackingNumber: string;
  keepNumber: string;
  maskedNote: string;
  track: string;
  another: string;
}

const control =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-rose-400 sm:text-sm";

function Errors({ id, list }: { id: string; list?: string[] }) {
  if (!list?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-rose-700" role="alert">
      {list.join(" ")}
    </p>
  );
}

/** A native select with option groups: works on any phone and without JavaScript. */
function GroupedSelect({ id, label, placeholder, groups, defaultValue, errors }: { id: string; label: string; placeholder: string; groups: OptionGroup[]; defaultValue: string; errors?: string[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={id} defaultValue={defaultValue} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined} className={control}>
        <option value="">{placeholder}</option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <Errors id={`${id}-error`} list={errors} />
    </div>
  );
}

/** The customer's form: plain fields, native selects, no script needed to submit it. */
export function FeedbackForm({ labels, categories, regions }: { labels: FeedbackLabels; categories: OptionGroup[]; regions: OptionGroup[] }) {
  const [state, action, pending] = useActionState<SubmissionState, FormData>(submitFeedbackAction, { status: "idle" });

  if (state.status === "success" && state.trackingNumber) {
    return (
      <div className="rounded-2xl border border-emerald-200 bg-emerald-50 p-6" role="status">
        <h2 className="text-lg font-semibold text-emerald-900">{labels.thanksTitle}</h2>
        <p className="mt-2 text-sm text-emerald-900">{labels.thanksText}</p>
        <p className="mt-4 text-sm text-emerald-800">{labels.trackingNumber}</p>
        <p className="mt-1 font-mono text-2xl font-semibold tracking-wider text-emerald-950" data-testid="tracking-number">
          {state.trackingNumber}
        </p>
        <p className="mt-2 text-sm text-emerald-800">{labels.keepNumber}</p>
        {state.masked ? <p className="mt-2 text-sm text-emerald-800">{labels.maskedNote}</p> : null}
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href={`/track?n=${encodeURIComponent(state.trackingNumber)}`} className="rounded-lg bg-emerald-700 px-4 py-2 text-sm font-medium text-white">
            {labels.track}
          </Link>
          <a href="/feedback" className="rounded-lg px-4 py-2 text-sm font-medium text-emerald-800 ring-1 ring-inset ring-emerald-300">
            {labels.another}
          </a>
        </div>
      </div>
    );
  }

  const errors = (state.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const v = state.values ?? {};
  const invalid = (name: string) => (errors[name]?.length ? true : undefined);

  return (
    <form action={action} className="space-y-5" noValidate>
      {state.status === "error" && state.message ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {state.message}
        </p>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{labels.kind}</legend>
        <div className="mt-2 grid grid-cols-3 gap-2">
          {(["suggestion", "complaint", "praise"] as const).map((kind) => (
            <label key={kind} className="flex cursor-pointer items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-2 py-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:checked]:font-medium has-[:checked]:text-brand-900">
              <input type="radio" name="kind" value={kind} defaultChecked={(v.kind ?? "suggestion") === kind} className="h-4 w-4" />
              {labels.kinds[kind]}
            </label>
          ))}
        </div>
        <Errors id="kind-error" list={errors.kind} />
      </fieldset>

      <div className="grid gap-5 sm:grid-cols-2">
        <GroupedSelect id="categoryCode" label={labels.category} placeholder={labels.chooseCategory} groups={categories} defaultValue={v.categoryCode ?? ""} errors={errors.categoryCode} />
        <GroupedSelect id="region" label={labels.region} placeholder={labels.chooseRegion} groups={regions} defaultValue={v.region ?? ""} errors={errors.region} />
      </div>

      <div>
        <label htmlFor="summary" className="block text-sm font-medium text-slate-700">
          {labels.summary}
        </label>
        <input id="summary" name="summary" maxLength={100} defaultValue={v.summary ?? ""} aria-invalid={invalid("summary")} aria-describedby={errors.summary ? "summary-error" : "summary-hint"} className={control} />
        {errors.summary ? <Errors id="summary-error" list={errors.summary} /> : <p id="summary-hint" className="mt-1 text-xs text-slate-500">{labels.summaryHint}</p>}
      </div>

      <div>
        <label htmlFor="customerWords" className="block text-sm font-medium text-slate-700">
          {labels.words}
        </label>
        <textarea id="customerWords" name="customerWords" rows={5} maxLength={2000} defaultValue={v.customerWords ?? ""} aria-invalid={invalid("customerWords")} aria-describedby={errors.customerWords ? "customerWords-error" : "customerWords-hint"} className={control} />
        {errors.customerWords ? <Errors id="customerWords-error" list={errors.customerWords} /> : <p id="customerWords-hint" className="mt-1 text-xs text-slate-500">{labels.wordsHint}</p>}
      </div>

      <div>
        <label htmlFor="contact" className="block text-sm font-medium text-slate-700">
          {labels.contact}
        </label>
        <input id="contact" name="contact" inputMode="email" autoComplete="email" maxLength={254} defaultValue={v.contact ?? ""} aria-invalid={invalid("contact")} aria-describedby={errors.contact ? "contact-error" : "contact-hint"} className={control} />
        {errors.contact ? <Errors id="contact-error" list={errors.contact} /> : <p id="contact-hint" className="mt-1 text-xs text-slate-500">{labels.contactHint}</p>}
      </div>

      {/* Robots fill every field; people never see this one. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">{labels.website}</label>
        <input id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-700 px-4 py-3 text-base font-medium text-white hover:bg-brand-800 disabled:bg-slate-300 sm:w-auto sm:text-sm">
        {pending ? labels.sending : labels.submit}
      </button>
    </form>
  );
}
