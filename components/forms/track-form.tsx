"use client";

import { useActionState } from "react";
import { lookupSubmissionAction, type LookupState } from "@/lib/actions/public";

export interface TrackLabels {
  trackingNumber: string;
  contact: string;
  contactHint: string;
  submit: string;
  checking: string;
  submittedOn: string;
  stages: Record<"received" | "under_review" | "being_handled" | "resolved" | "closed", { title: string; text: string }>;
  outcome: string;
}

const control =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 sm:text-sm";

const order = ["received", "under_review", "being_handled", "resolved"] as const;

export function TrackForm({ labels, initialNumber, locale }: { labels: TrackLabels; initialNumber: string; locale: string }) {
  const [state, action, pending] = useActionState<LookupState, FormData>(lookupSubmissionAction, { status: "idle" });
  const v = state.values ?? {};
  const errors = (state.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const result = state.status === "success" ? state.result : undefined;
  const reached = result ? order.indexOf(result.stage as (typeof order)[number]) : -1;

  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4" noValidate>
        <div>
          <label htmlFor="trackingNumber" className="block text-sm font-medium text-slate-700">
            {labels.trackingNumber}
          </label>
          <input id="trackingNumber" name="trackingNumber" autoCapitalize="characters" autoComplete="off" placeholder="VC-XXXX-XXXX" defaultValue={v.trackingNumber ?? initialNumber} className={`${control} font-mono tracking-wider`} />
          {errors.trackingNumber ? <p className="mt-1 text-sm text-rose-700" role="alert">{errors.trackingNumber.join(" ")}</p> : null}
        </div>
        <div>
          <label htmlFor="contact" className="block text-sm font-medium text-slate-700">
            {labels.contact}
          </label>
          <input id="contact" name="contact" autoComplete="email" defaultValue={v.contact ?? ""} aria-describedby="contact-hint" className={control} />
          <p id="contact-hint" className="mt-1 text-xs text-slate-500">{labels.contactHint}</p>
        </div>
        {state.status === "error" && state.message ? (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
            {state.message}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-700 px-4 py-3 text-base font-medium text-white hover:bg-brand-800 disabled:bg-slate-300 sm:w-auto sm:text-sm">
          {pending ? labels.checking : labels.submit}
        </button>
      </form>

      {result ? (
        <section className="rounded-2xl border border-slate-200 bg-white p-5" role="status" data-testid="tracking-result">
          <p className="font-mono text-sm text-slate-500">{result.trackingNumber}</p>
          <h2 className="mt-1 text-lg font-semibold">{labels.stages[result.stage].title}</h2>
          <p className="mt-1 text-sm text-slate-700">{labels.stages[result.stage].text}</p>
          <p className="mt-1 text-xs text-slate-500">{labels.submittedOn.replace("{date}", new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(new Date(result.submittedAt)))}</p>
          {result.stage !== "closed" ? (
            <ol className="mt-4 grid grid-cols-4 gap-1 text-center text-xs">
              {order.map((stage, i) => (
                <li key={stage} className={`rounded-md px-1 py-2 ${i <= reached ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-500"}`}>
                  {labels.stages[stage].title}
                </li>
              ))}
            </ol>
          ) : null}
          {result.stage === "resolved" && result.outcome ? (
            <div className="mt-4 rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900">
              <p className="font-medium">{labels.outcome}</p>
              {result.outcomeTitle ? <p className="mt-1 font-semibold">{result.outcomeTitle}</p> : null}
              <p className="mt-1">{result.outcome}</p>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
