"use client";

import { useActionState, useCallback, useEffect, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { createAgentRecordAction, findSimilarAction, type SimilarItems } from "@/lib/actions/records";
import { idleState } from "@/lib/actions/state";
import { buttonClass } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { describedBy, Field, FormMessage } from "@/components/ui/field";

export const quickRecordKinds = ["complaint", "suggestion", "business_contact", "service_record", "praise"] as const;
const urgencies = ["low", "normal", "high", "critical"] as const;

export interface QuickRecordLabels {
  kind: string;
  kinds: Record<(typeof quickRecordKinds)[number], string>;
  category: string;
  categoryPlaceholder: string;
  region: string;
  regionPlaceholder: string;
  callReference: string;
  summary: string;
  summaryPlaceholder: string;
  customerWords: string;
  customerWordsPlaceholder: string;
  urgency: string;
  urgencies: Record<(typeof urgencies)[number], string>;
  valuable: string;
  valuableHint: string;
  submit: string;
  saving: string;
  shortcutHint: string;
  noMatches: string;
  draftRestored: string;
  discardDraft: string;
  similarTitle: string;
  similarEmpty: string;
  similarIssue: string;
  similarRecord: string;
  joinIssue: string;
  joiningIssue: string;
  leaveIssue: string;
  records: string;
  characters: string;
}

interface Fields {
  kind: string;
  categoryCode: string;
  region: string;
  regionText: string;
  callReference: string;
  summary: string;
  customerWords: string;
  urgency: string;
  valuable: boolean;
  joinIssueId: string;
  joinIssueTitle: string;
  submissionId: string;
}

const emptyFields = (): Fields => ({
  kind: "complaint",
  categoryCode: "",
  region: "",
  regionText: "",
  callReference: "",
  summary: "",
  customerWords: "",
  urgency: "normal",
  valuable: false,
  joinIssueId: "",
  joinIssueTitle: "",
  submissionId: newSubmissionId(),
});

function newSubmissionId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID().replace(/-/g, "") : `${Date.now()}${Math.random().toString(36).slice(2)}`;
}

/**
 * The agent's quick record. Every field is reachable by Tab; Alt+1…5 picks the kind,
 * Ctrl+Enter saves from anywhere. What is typed is kept as a draft in this browser until it is
 * saved, so a reload or a dropped call loses nothing.
 */
export function QuickRecordForm({
  draftKey,
  labels,
  categories,
  regions,
}: {
  draftKey: string;
  labels: QuickRecordLabels;
  categories: ComboboxOption[];
  regions: ComboboxOption[];
}) {
  const [state, action, pending] = useActionState(createAgentRecordAction, idleState);
  const [fields, setFields] = useState<Fields>(emptyFields);
  const [restored, setRestored] = useState(false);
  const [similar, setSimilar] = useState<SimilarItems>({ issues: [], records: [] });
  const [, startLookup] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const handled = useRef(state);

  // Restore a draft once, after hydration (the server knows nothing of it).
  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(draftKey);
      if (saved) {
        setFields({ ...emptyFields(), ...(JSON.parse(saved) as Partial<Fields>) });
        setRestored(true);
      }
    } catch {
      window.localStorage.removeItem(draftKey);
    }
  }, [draftKey]);

  useEffect(() => {
    const empty = !fields.summary && !fields.customerWords && !fields.categoryCode && !fields.callReference && !fields.regionText;
    if (empty) window.localStorage.removeItem(draftKey);
    else window.localStorage.setItem(draftKey, JSON.stringify(fields));
  }, [draftKey, fields]);

  // A saved record clears the form for the next call.
  useEffect(() => {
    if (state === handled.current) return;
    handled.current = state;
    if (state.status === "success") {
      window.localStorage.removeItem(draftKey);
      setFields(emptyFields());
      setSimilar({ issues: [], records: [] });
      setRestored(false);
      firstRef.current?.focus();
    }
  }, [state, draftKey]);

  // Look for the same problem while the agent types (debounced).
  const text = `${fields.summary} ${fields.customerWords}`.trim();
  useEffect(() => {
    if (text.length < 4) {
      setSimilar({ issues: [], records: [] });
      return;
    }
    const timer = window.setTimeout(() => {
      startLookup(async () => {
        try {
          setSimilar(await findSimilarAction({ text, categoryCode: fields.categoryCode || undefined }));
        } catch {
          // Suggestions are a help, never a reason to interrupt the agent.
        }
      });
    }, 400);
    return () => window.clearTimeout(timer);
  }, [text, fields.categoryCode]);

  const set = useCallback(<K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value })), []);

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    } else if (event.altKey && /^[1-5]$/.test(event.key)) {
      event.preventDefault();
      set("kind", quickRecordKinds[Number(event.key) - 1]);
    }
  }

  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const err = (name: string) => (errors as Record<string, string[] | undefined>)[name];

  return (
    <div className="grid gap-6 xl:grid-cols-3">
      <form ref={formRef} action={action} onKeyDown={onKeyDown} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm xl:col-span-2" aria-label={labels.submit}>
        <input type="hidden" name="submissionId" value={fields.submissionId} />
        <input type="hidden" name="joinIssueId" value={fields.joinIssueId} />
        {restored ? (
          <p className="flex items-center justify-between gap-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
            {labels.draftRestored}
            <button
              type="button"
              className={buttonClass("ghost", "sm")}
              onClick={() => {
                setFields(emptyFields());
                setRestored(false);
              }}
            >
              {labels.discardDraft}
            </button>
          </p>
        ) : null}

        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{labels.kind}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {quickRecordKinds.map((kind, index) => (
              <label
                key={kind}
                className={`flex cursor-pointer items-center gap-2 rounded-lg border px-3 py-1.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-300 ${
                  fields.kind === kind ? "border-brand-500 bg-brand-50 font-medium text-brand-900" : "border-slate-300 text-slate-700"
                }`}
              >
                <input
                  ref={index === 0 ? firstRef : undefined}
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={fields.kind === kind}
                  onChange={() => set("kind", kind)}
                  className="sr-only"
                />
                {labels.kinds[kind]}
                <kbd className="rounded bg-slate-100 px-1 text-[10px] text-slate-500">Alt+{index + 1}</kbd>
              </label>
            ))}
          </div>
          {err("kind") ? <p className="mt-1 text-xs text-rose-700">{err("kind")?.join(" ")}</p> : null}
        </fieldset>

        <div className="grid gap-4 md:grid-cols-3">
          <Field id="categoryCode" label={labels.category} errors={err("categoryCode")}>
            <Combobox
              id="categoryCode"
              name="categoryCode"
              options={categories}
              value={fields.categoryCode}
              onChange={(value) => set("categoryCode", value)}
              placeholder={labels.categoryPlaceholder}
              noMatches={labels.noMatches}
              errors={err("categoryCode")}
              describedBy={describedBy("categoryCode", err("categoryCode"))}
            />
          </Field>
          <Field id="region" label={labels.region} errors={err("region")}>
            <Combobox
              id="region"
              name="region"
              options={regions}
              value={fields.region}
              text={fields.regionText}
              onChange={(value, text) => setFields((f) => ({ ...f, region: value, regionText: text }))}
              placeholder={labels.regionPlaceholder}
              noMatches={labels.noMatches}
              errors={err("region")}
              describedBy={describedBy("region", err("region"))}
              freeText
            />
          </Field>
          <div>
            <label htmlFor="callReference" className="block text-sm font-medium text-slate-700">
              {labels.callReference}
            </label>
            <input
              id="callReference"
              name="callReference"
              value={fields.callReference}
              onChange={(e) => set("callReference", e.target.value)}
              maxLength={64}
              autoComplete="off"
              aria-invalid={err("callReference") ? true : undefined}
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200"
            />
            {err("callReference") ? <p className="mt-1 text-xs text-rose-700">{err("callReference")?.join(" ")}</p> : null}
          </div>
        </div>

        <div>
          <label htmlFor="summary" className="flex justify-between text-sm font-medium text-slate-700">
            <span>{labels.summary}</span>
            <span className="text-xs font-normal text-slate-400">
              {fields.summary.length}/200 {labels.characters}
            </span>
          </label>
          <input
            id="summary"
            name="summary"
            value={fields.summary}
            onChange={(e) => set("summary", e.target.value)}
            maxLength={200}
            placeholder={labels.summaryPlaceholder}
            autoComplete="off"
            aria-invalid={err("summary") ? true : undefined}
            aria-describedby={err("summary") ? "summary-error" : undefined}
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-rose-400"
          />
          {err("summary") ? (
            <p id="summary-error" className="mt-1 text-xs text-rose-700" role="alert">
              {err("summary")?.join(" ")}
            </p>
          ) : null}
        </div>

        <div>
          <label htmlFor="customerWords" className="block text-sm font-medium text-slate-700">
            {labels.customerWords}
          </label>
          <textarea
            id="customerWords"
            name="customerWords"
            rows={3}
            value={fields.customerWords}
            onChange={(e) => set("customerWords", e.target.value)}
            maxLength={4000}
            placeholder={labels.customerWordsPlaceholder}
            aria-invalid={err("customerWords") ? true : undefined}
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-rose-400"
          />
          {err("customerWords") ? <p className="mt-1 text-xs text-rose-700">{err("customerWords")?.join(" ")}</p> : null}
        </div>

        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="flex flex-wrap items-end gap-6">
            <div>
              <label htmlFor="urgency" className="block text-sm font-medium text-slate-700">
                {labels.urgency}
              </label>
              <select
                id="urgency"
                name="urgency"
                value={fields.urgency}
                onChange={(e) => set("urgency", e.target.value)}
                className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200"
              >
                {urgencies.map((u) => (
                  <option key={u} value={u}>
                    {labels.urgencies[u]}
                  </option>
                ))}
              </select>
            </div>
            <label className="flex items-center gap-2 pb-2 text-sm text-slate-700" title={labels.valuableHint}>
              <input type="checkbox" name="valuable" checked={fields.valuable} onChange={(e) => set("valuable", e.target.checked)} className="h-4 w-4 rounded border-slate-300 text-brand-700" />
              {labels.valuable}
            </label>
          </div>
          <div className="flex items-center gap-3">
            <span className="hidden text-xs text-slate-400 sm:inline">{labels.shortcutHint}</span>
            <button type="submit" disabled={pending} className={buttonClass("primary")}>
              {pending ? labels.saving : labels.submit}
            </button>
          </div>
        </div>

        {fields.joinIssueId ? (
          <p className="flex items-center justify-between gap-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {labels.joiningIssue.replace("{title}", fields.joinIssueTitle)}
            <button type="button" className={buttonClass("ghost", "sm")} onClick={() => setFields((f) => ({ ...f, joinIssueId: "", joinIssueTitle: "" }))}>
              {labels.leaveIssue}
            </button>
          </p>
        ) : null}
        <FormMessage status={state.status} message={state.message} />
      </form>

      <aside aria-live="polite" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-sm font-semibold text-slate-800">{labels.similarTitle}</h2>
        {similar.issues.length === 0 && similar.records.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">{labels.similarEmpty}</p>
        ) : (
          <div className="mt-3 space-y-4 text-sm">
            {similar.issues.length > 0 ? (
              <div>
                <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{labels.similarIssue}</h3>
                <ul className="mt-2 space-y-2">
                  {similar.issues.map((issue) => (
                    <li key={issue.id} className="rounded-lg border border-slate-200 p-3" data-testid="similar-issue">
                      <p className="font-medium text-slate-900">{issue.title}</p>
                      <p className="text-xs text-slate-500">{labels.records.replace("{count}", String(issue.recordCount))}</p>
                      <button
                        type="button"
                        className={`${buttonClass("secondary", "sm")} mt-2`}
                        aria-pressed={fields.joinIssueId === String(issue.id)}
                        onClick={() => setFields((f) => ({ ...f, joinIssueId: String(issue.id), joinIssueTitle: issue.title }))}
                      >
                        {labels.joinIssue}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {similar.records.length > 0 ? (
              <div>
                <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{labels.similarRecord}</h3>
                <ul className="mt-2 space-y-1.5 text-slate-700">
                  {similar.records.map((record) => (
                    <li key={record.id}>· {record.summary}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        )}
      </aside>
    </div>
  );
}
