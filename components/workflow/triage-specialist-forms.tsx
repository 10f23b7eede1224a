"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormMessage, Input, Select, Textarea } from "@/components/ui/field";
import type { IssueType } from "@/db/schema";
import { classifyIssueAction, linkEvidenceAction, mergeIssuesAction, returnIssueAction } from "@/lib/actions/triage";
import { idleState } from "@/lib/actions/state";

/** The site specialist's forms on one issue; each carries the issue's version it was drawn at. */

function Hidden({ issueId, version }: { issueId: number; version: number }) {
  return (
    <>
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

export interface TriageReturnStrings {
  question: string;
  questionPlaceholder: string;
  submit: string;
  pending: string;
}

export function TriageReturnForm({ issueId, version, strings }: { issueId: number; version: number; strings: TriageReturnStrings }) {
  const [state, action, pending] = useActionState(returnIssueAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors?.question : undefined;
  const id = `return-question-${issueId}`;
  return (
    <form action={action} noValidate className="space-y-2" data-testid="return-form">
      <Hidden issueId={issueId} version={version} />
      <Field id={id} label={strings.question} errors={errors}>
        <Textarea id={id} name="question" rows={3} required maxLength={500} placeholder={strings.questionPlaceholder} defaultValue={state.status === "error" ? state.values?.question : ""} errors={errors} aria-describedby={describedBy(id, errors)} />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass("danger", "sm")}>
        {pending ? strings.pending : strings.submit}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export interface TriageClassifyStrings {
  category: string;
  type: string;
  types: Record<IssueType, string>;
  tags: string;
  tagsHint: string;
  submit: string;
  pending: string;
}

export function TriageClassifyForm({
  issueId,
  version,
  categoryCode,
  type,
  tags,
  categories,
  strings,
}: {
  issueId: number;
  version: number;
  categoryCode: string;
  type: IssueType;
  tags: string[];
  categories: { code: string; label: string }[];
  strings: TriageClassifyStrings;
}) {
  const [state, action, pending] = useActionState(classifyIssueAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  const prefix = `classify-${issueId}`;
  return (
    <form action={action} noValidate className="space-y-3" data-testid="classify-form">
      <Hidden issueId={issueId} version={version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${prefix}-category`} label={strings.category} errors={errors?.categoryCode}>
          <Select id={`${prefix}-category`} name="categoryCode" defaultValue={values?.categoryCode ?? categoryCode} errors={errors?.categoryCode}>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${prefix}-type`} label={strings.type} errors={errors?.type}>
          <Select id={`${prefix}-type`} name="type" defaultValue={values?.type ?? type} errors={errors?.type}>
            <option value="problem">{strings.types.problem}</option>
            <option value="suggestion">{strings.types.suggestion}</option>
          </Select>
        </Field>
      </div>
      <Field id={`${prefix}-tags`} label={strings.tags} hint={strings.tagsHint} errors={errors?.tags}>
        <Input id={`${prefix}-tags`} name="tags" maxLength={400} defaultValue={values?.tags ?? tags.join("，")} errors={errors?.tags} aria-describedby={describedBy(`${prefix}-tags`, errors?.tags, true)} />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
        {pending ? strings.pending : strings.submit}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export interface TriageEvidenceItem {
  id: number;
  summary: string;
  kindLabel: string;
  channelLabel: string;
  source: string | null;
  createdAtLabel: string;
  scoreLabel: string | null;
}

export interface TriageEvidenceStrings {
  submit: string;
  pending: string;
}

export function TriageEvidenceForm({ issueId, version, candidates, strings }: { issueId: number; version: number; candidates: TriageEvidenceItem[]; strings: TriageEvidenceStrings }) {
  const [state, action, pending] = useActionState(linkEvidenceAction, idleState);
  const [chosen, setChosen] = useState<number[]>([]);
  const errors = state.status === "error" ? state.fieldErrors?.recordIds : undefined;
  const picked = chosen.filter((id) => candidates.some((c) => c.id === id));
  return (
    <form action={action} noValidate className="space-y-3" data-testid="evidence-form">
      <Hidden issueId={issueId} version={version} />
      <fieldset>
        <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 text-sm">
          {candidates.map((c) => (
            <li key={c.id} className="flex gap-3 px-3 py-2">
              <input
                type="checkbox"
                name="recordIds"
                value={c.id}
                id={`evidence-${issueId}-${c.id}`}
                className="mt-1 h-4 w-4 rounded border-slate-300"
                checked={chosen.includes(c.id)}
                onChange={() => setChosen((list) => (list.includes(c.id) ? list.filter((x) => x !== c.id) : [...list, c.id]))}
              />
              <label htmlFor={`evidence-${issueId}-${c.id}`} className="min-w-0 flex-1 cursor-pointer">
                <span className="font-medium text-slate-900">{c.summary}</span>
                <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                  <Badge>{c.channelLabel}</Badge>
                  <span>{c.kindLabel}</span>
                  {c.source ? <span>· {c.source}</span> : null}
                  <span>· {c.createdAtLabel}</span>
                  {c.scoreLabel ? <span>· {c.scoreLabel}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {errors ? (
        <p className="text-xs text-rose-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      <button type="submit" disabled={pending || picked.length === 0} className={buttonClass("secondary", "sm")}>
        {pending ? strings.pending : strings.submit}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export interface TriageMergeStrings {
  target: string;
  choose: string;
  submit: string;
  pending: string;
}

export function TriageMergeForm({ issueId, version, targets, strings }: { issueId: number; version: number; targets: { id: number; label: string }[]; strings: TriageMergeStrings }) {
  const [state, action, pending] = useActionState(mergeIssuesAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors?.targetId : undefined;
  const id = `merge-target-${issueId}`;
  return (
    <form action={action} noValidate className="space-y-2" data-testid="merge-form">
      <input type="hidden" name="sourceId" value={issueId} />
      <input type="hidden" name="sourceVersion" value={version} />
      <Field id={id} label={strings.target} errors={errors}>
        <Select id={id} name="targetId" required defaultValue={state.status === "error" ? state.values?.targetId : ""} errors={errors} aria-describedby={describedBy(id, errors)}>
          <option value="">{strings.choose}</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <button type="submit" disabled={pending} className={buttonClass("danger", "sm")}>
        {pending ? strings.pending : strings.submit}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
