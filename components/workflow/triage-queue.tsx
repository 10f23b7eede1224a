"use client";

import { Fragment, useActionState, useEffect, useMemo, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormMessage, Input, Select, Textarea } from "@/components/ui/field";
import type { IssueType, RecordKind } from "@/db/schema";
import { addRecordsToIssueAction, createIssueAction, dismissRecordAction } from "@/lib/actions/triage";
import { idleState } from "@/lib/actions/state";
import { TriageDismissForm, type FormBinding, type TriageDismissStrings } from "./triage-dismiss-form";

export interface TriageQueueRow {
  id: number;
  version: number;
  summary: string;
  words: string;
  kind: RecordKind;
  kindLabel: string;
  categoryCode: string;
  categoryLabel: string;
  regionLabel: string | null;
  authorName: string | null;
  createdAtLabel: string;
  urgencyLabel: string | null;
  /** A complaint's regulator clock (days left, near, overdue), rendered on the server; none for other records. */
  clockFlag?: React.ReactNode;
  /** Shown when the queue includes records not reported (the "all" scope). */
  statusLabel: string | null;
}

export interface TriageIssueOption {
  id: number;
  version: number;
  title: string;
  statusLabel: string;
}

export interface TriageQueueStrings {
  caption: string;
  record: string;
  category: string;
  agent: string;
  time: string;
  select: string;
  selectAll: string;
  selected: string;
  clearSelection: string;
  selectHint: string;
  createTitle: string;
  issueTitle: string;
  issueTitlePlaceholder: string;
  description: string;
  descriptionPlaceholder: string;
  type: string;
  types: Record<IssueType, string>;
  categoryLabel: string;
  chooseCategory: string;
  create: string;
  creating: string;
  addTitle: string;
  issue: string;
  chooseIssue: string;
  add: string;
  adding: string;
  noIssues: string;
  dismiss: TriageDismissStrings;
}

const kindTone: Record<RecordKind, BadgeTone> = { complaint: "red", suggestion: "brand", business_contact: "neutral", service_record: "neutral", praise: "green" };

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}

function mostCommon<T>(items: T[]): T | undefined {
  const tally = new Map<T, number>();
  for (const item of items) tally.set(item, (tally.get(item) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The supervisor's queue: tick records, then turn them into a new issue or add them to an open
 * one; dismiss a single record with a reason. Selection lives here; the forms carry it as
 * hidden fields, so the server sees exactly what was ticked.
 */
export function TriageQueue({
  rows,
  issues,
  categories,
  strings,
}: {
  rows: TriageQueueRow[];
  issues: TriageIssueOption[];
  categories: { code: string; label: string }[];
  strings: TriageQueueStrings;
}) {
  const [selected, setSelected] = useState<number[]>([]);
  const [dismissing, setDismissing] = useState<number | null>(null);
  // The forms' answers live here, not in the forms: a form leaves with the records it took
  // (in the same refresh that brings its answer), and the answer must still be shown.
  const create = useActionState(createIssueAction, idleState);
  const add = useActionState(addRecordsToIssueAction, idleState);
  const dismiss = useActionState(dismissRecordAction, idleState);
  const [notice, setNotice] = useState("");

  useEffect(() => {
    if (create[0].status !== "success") return;
    setSelected([]);
    setNotice(create[0].message ?? "");
  }, [create[0]]);
  useEffect(() => {
    if (add[0].status !== "success") return;
    setSelected([]);
    setNotice(add[0].message ?? "");
  }, [add[0]]);
  useEffect(() => {
    if (dismiss[0].status !== "success") return;
    setDismissing(null);
    setNotice(dismiss[0].message ?? "");
  }, [dismiss[0]]);
  const visible = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  // Records that left the queue (put in an issue, dismissed) leave the selection too.
  const chosen = selected.filter((id) => visible.has(id));
  const chosenRows = rows.filter((r) => chosen.includes(r.id));
  const allChecked = rows.length > 0 && chosen.length === rows.length;

  const toggle = (id: number) => setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));

  return (
    <div className="space-y-4">
      <div className="-mx-5 -mt-5 flex flex-wrap items-center gap-3 border-b border-slate-100 bg-slate-50/80 px-5 py-2.5 text-sm" data-testid="selection-bar">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            className="h-4 w-4 rounded border-slate-300"
            checked={allChecked}
            onChange={() => setSelected(allChecked ? [] : rows.map((r) => r.id))}
          />
          {strings.selectAll}
        </label>
        <span className="font-medium text-slate-800" aria-live="polite">
          {fill(strings.selected, { count: chosen.length })}
        </span>
        {chosen.length > 0 ? (
          <button type="button" className={buttonClass("ghost", "sm")} onClick={() => setSelected([])}>
            {strings.clearSelection}
          </button>
        ) : (
          <span className="text-slate-500">{strings.selectHint}</span>
        )}
      </div>

      {notice ? <FormMessage status="success" message={notice} /> : null}

      {chosen.length > 0 ? (
        <div className="grid gap-4 lg:grid-cols-5">
          <CreateIssueForm form={create} recordIds={chosen} rows={chosenRows} categories={categories} strings={strings} />
          <AddToIssueForm form={add} recordIds={chosen} issues={issues} strings={strings} />
        </div>
      ) : null}

      <div className="-mx-5 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{strings.caption}</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="w-10 px-5 py-2.5">
                <span className="sr-only">{strings.selectAll}</span>
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">{strings.record}</th>
              <th scope="col" className="px-3 py-2.5 font-medium">{strings.category}</th>
              <th scope="col" className="px-3 py-2.5 font-medium">{strings.agent}</th>
              <th scope="col" className="px-3 py-2.5 font-medium">{strings.time}</th>
              <th scope="col" className="px-5 py-2.5">
                <span className="sr-only">{strings.dismiss.open}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => {
              const checked = chosen.includes(r.id);
              return (
                <Fragment key={r.id}>
                  <tr data-testid="queue-record" data-record-id={r.id} data-kind={r.kind} className={checked ? "bg-brand-50/60" : undefined}>
                    <td className="px-5 py-3 align-top">
                      <input
                        type="checkbox"
                        className="mt-0.5 h-4 w-4 rounded border-slate-300"
                        checked={checked}
                        onChange={() => toggle(r.id)}
                        aria-label={fill(strings.select, { summary: r.summary })}
                      />
                    </td>
                    <td className="max-w-md px-3 py-3 align-top">
                      <div className="flex flex-wrap items-center gap-1.5">
                        <Badge tone={kindTone[r.kind]}>{r.kindLabel}</Badge>
                        {r.urgencyLabel ? <Badge tone="red">{r.urgencyLabel}</Badge> : null}
                        {r.clockFlag}
                        {r.statusLabel ? <Badge>{r.statusLabel}</Badge> : null}
                        <span className="font-medium text-slate-900">{r.summary}</span>
                      </div>
                      {r.words ? <p className="mt-1 line-clamp-2 text-slate-600">{r.words}</p> : null}
                      <p className="mt-0.5 text-xs text-slate-400">#{r.id}{r.regionLabel ? ` · ${r.regionLabel}` : ""}</p>
                    </td>
                    <td className="px-3 py-3 align-top text-slate-600">{r.categoryLabel}</td>
                    <td className="whitespace-nowrap px-3 py-3 align-top text-slate-600">{r.authorName ?? "—"}</td>
                    <td className="whitespace-nowrap px-3 py-3 align-top text-slate-500">{r.createdAtLabel}</td>
                    <td className="whitespace-nowrap px-5 py-3 text-right align-top">
                      <button
                        type="button"
                        className={buttonClass("ghost", "sm")}
                        aria-expanded={dismissing === r.id}
                        aria-label={fill(strings.dismiss.openLabel, { summary: r.summary })}
                        onClick={() => {
                          setDismissing(dismissing === r.id ? null : r.id);
                          setNotice("");
                        }}
                      >
                        {strings.dismiss.open}
                      </button>
                    </td>
                  </tr>
                  {dismissing === r.id ? (
                    <tr className="bg-amber-50/50">
                      <td />
                      <td colSpan={5} className="px-3 pb-3 pt-1">
                        <TriageDismissForm form={dismiss} recordId={r.id} version={r.version} strings={strings.dismiss} onCancel={() => setDismissing(null)} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SelectedIds({ ids }: { ids: number[] }) {
  return (
    <>
      {ids.map((id) => (
        <input key={id} type="hidden" name="recordIds" value={id} />
      ))}
    </>
  );
}

function CreateIssueForm({
  form,
  recordIds,
  rows,
  categories,
  strings,
}: {
  form: FormBinding;
  recordIds: number[];
  rows: TriageQueueRow[];
  categories: { code: string; label: string }[];
  strings: TriageQueueStrings;
}) {
  const [state, action, pending] = form;
  const suggestedCategory = mostCommon(rows.map((r) => r.categoryCode)) ?? "";
  const suggestedType: IssueType = rows.length > 0 && rows.every((r) => r.kind === "suggestion") ? "suggestion" : "problem";
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const typed = state.status === "error" ? state.values : undefined;
  const [category, setCategory] = useState<string | null>(typed?.categoryCode ?? null);
  const [type, setType] = useState<IssueType | null>(typed?.type === "problem" || typed?.type === "suggestion" ? typed.type : null);

  return (
    <form action={action} noValidate className="space-y-3 rounded-lg border border-slate-200 p-4 lg:col-span-3" aria-labelledby="create-issue-heading" data-testid="create-issue-form">
      <h3 id="create-issue-heading" className="text-sm font-semibold text-slate-800">
        {strings.createTitle}
      </h3>
      <SelectedIds ids={recordIds} />
      <Field id="issue-title" label={strings.issueTitle} errors={errors?.title}>
        <Input id="issue-title" name="title" required maxLength={200} placeholder={strings.issueTitlePlaceholder} defaultValue={state.status === "error" ? state.values?.title : ""} errors={errors?.title} aria-describedby={describedBy("issue-title", errors?.title)} />
      </Field>
      <Field id="issue-description" label={strings.description} errors={errors?.description}>
        <Textarea id="issue-description" name="description" rows={3} maxLength={4000} placeholder={strings.descriptionPlaceholder} defaultValue={state.status === "error" ? state.values?.description : ""} errors={errors?.description} aria-describedby={describedBy("issue-description", errors?.description)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="issue-type" label={strings.type} errors={errors?.type}>
          <Select id="issue-type" name="type" value={type ?? suggestedType} onChange={(e) => setType(e.target.value as IssueType)} errors={errors?.type}>
            <option value="problem">{strings.types.problem}</option>
            <option value="suggestion">{strings.types.suggestion}</option>
          </Select>
        </Field>
        <Field id="issue-category" label={strings.categoryLabel} errors={errors?.categoryCode}>
          <Select id="issue-category" name="categoryCode" required value={category ?? suggestedCategory} onChange={(e) => setCategory(e.target.value)} errors={errors?.categoryCode} aria-describedby={describedBy("issue-category", errors?.categoryCode)}>
            <option value="">{strings.chooseCategory}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {errors?.recordIds ? (
        <p className="text-xs text-rose-700" role="alert">
          {errors.recordIds.join(" ")}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? strings.creating : strings.create}
        </button>
      </div>
      {state.status === "error" ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}

function AddToIssueForm({ form, recordIds, issues, strings }: { form: FormBinding; recordIds: number[]; issues: TriageIssueOption[]; strings: TriageQueueStrings }) {
  const [state, action, pending] = form;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={action} noValidate className="space-y-3 rounded-lg border border-slate-200 p-4 lg:col-span-2" aria-labelledby="add-to-issue-heading" data-testid="add-to-issue-form">
      <h3 id="add-to-issue-heading" className="text-sm font-semibold text-slate-800">
        {strings.addTitle}
      </h3>
      {issues.length === 0 ? (
        <p className="text-sm text-slate-500">{strings.noIssues}</p>
      ) : (
        <>
          <SelectedIds ids={recordIds} />
          <Field id="add-issue" label={strings.issue} errors={errors?.issue}>
            <Select id="add-issue" name="issue" required defaultValue={state.status === "error" ? state.values?.issue : ""} errors={errors?.issue} aria-describedby={describedBy("add-issue", errors?.issue)}>
              <option value="">{strings.chooseIssue}</option>
              {issues.map((i) => (
                <option key={i.id} value={`${i.id}:${i.version}`}>
                  #{i.id} {i.title}（{i.statusLabel}）
                </option>
              ))}
            </Select>
          </Field>
          {errors?.recordIds ? (
            <p className="text-xs text-rose-700" role="alert">
              {errors.recordIds.join(" ")}
            </p>
          ) : null}
          <button type="submit" disabled={pending} className={buttonClass("secondary")}>
            {pending ? strings.adding : strings.add}
          </button>
        </>
      )}
      {state.status === "error" ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
