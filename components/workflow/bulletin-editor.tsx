"use client";

import { useActionState, useEffect, useState, useTransition } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import { signedPercent } from "@/lib/bulletin-text";
import { previewBulletinAction, saveBulletinAction, type BulletinPreview } from "@/lib/actions/bulletins";
import { idleState } from "@/lib/actions/state";

export interface BulletinIssueOption {
  id: number;
  title: string;
  /** Site · category · type, in the viewer's language. */
  detail: string;
  recordCount: number;
  /** Already published (only offered to a correction). */
  published: boolean;
  /** Other draft bulletins (by number) that hold the issue too. */
  inDrafts: number[];
  /** In the draft already, but no longer verified: it has to come out before saving. */
  ineligible?: boolean;
}

export interface BulletinEditorStrings {
  title: string;
  periodStart: string;
  periodEnd: string;
  periodHint: string;
  summary: string;
  summaryHint: string;
  changeNote: string;
  changeNoteHint: string;
  issues: string;
  issuesHint: string;
  noCandidates: string;
  alreadyPublished: string;
  notVerified: string;
  inDrafts: string;
  records: string;
  selected: string;
  noneSelected: string;
  moveUp: string;
  moveDown: string;
  preview: string;
  previewHint: string;
  previewLoading: string;
  recordCount: string;
  trend: string;
  trendNone: string;
  quotes: string;
  noQuotes: string;
  save: string;
  saving: string;
  cancel: string;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}

export function formatTrend(value: number | null, strings: { trend: string; trendNone: string }): string {
  if (value === null) return strings.trendNone;
  return fill(strings.trend, { value: signedPercent(value) });
}

/**
 * The bulletin's draft: title, period, editorial summary and the verified issues it reports,
 * in the order chosen, with each issue's figures previewed for the period as they will print.
 */
export function BulletinEditor({
  bulletin,
  candidates,
  strings,
  cancelHref,
}: {
  bulletin: {
    id?: number;
    version?: number;
    correction: boolean;
    title: string;
    periodStart: string;
    periodEnd: string;
    summary: string;
    changeNote: string;
    issueIds: number[];
  };
  candidates: BulletinIssueOption[];
  strings: BulletinEditorStrings;
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState(saveBulletinAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  const [chosen, setChosen] = useState<number[]>(bulletin.issueIds.filter((id) => candidates.some((c) => c.id === id)));
  const [period, setPeriod] = useState({ start: values?.periodStart ?? bulletin.periodStart, end: values?.periodEnd ?? bulletin.periodEnd });
  const [preview, setPreview] = useState<BulletinPreview>({ figures: [] });
  const [loading, startPreview] = useTransition();

  useEffect(() => {
    if (chosen.length === 0 || !period.start || !period.end) return;
    const timer = setTimeout(() => {
      startPreview(async () => {
        setPreview(await previewBulletinAction({ issueIds: chosen, periodStart: period.start, periodEnd: period.end }));
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [chosen, period.start, period.end]);

  const toggle = (id: number) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  const move = (index: number, by: -1 | 1) =>
    setChosen((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });
  const selected = chosen.map((id) => candidates.find((c) => c.id === id)).filter((c): c is BulletinIssueOption => c !== undefined);

  return (
    <form action={action} className="space-y-6" data-testid="bulletin-editor">
      {bulletin.id !== undefined ? <input type="hidden" name="bulletinId" value={bulletin.id} /> : null}
      {bulletin.version !== undefined ? <input type="hidden" name="version" value={bulletin.version} /> : null}
      {chosen.map((id) => (
        <input key={id} type="hidden" name="issueIds" value={id} />
      ))}

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="bulletin-title" label={strings.title} errors={errors?.title} className="sm:col-span-2">
          <Input id="bulletin-title" name="title" required maxLength={200} defaultValue={values?.title ?? bulletin.title} errors={errors?.title} aria-describedby={describedBy("bulletin-title", errors?.title)} />
        </Field>
        <Field id="bulletin-start" label={strings.periodStart} errors={errors?.periodStart} hint={strings.periodHint}>
          <Input
            id="bulletin-start"
            name="periodStart"
            type="date"
            required
            defaultValue={values?.periodStart ?? bulletin.periodStart}
            onChange={(e) => setPeriod((p) => ({ ...p, start: e.target.value }))}
            errors={errors?.periodStart}
            aria-describedby={describedBy("bulletin-start", errors?.periodStart, strings.periodHint)}
          />
        </Field>
        <Field id="bulletin-end" label={strings.periodEnd} errors={errors?.periodEnd}>
          <Input
            id="bulletin-end"
            name="periodEnd"
            type="date"
            required
            defaultValue={values?.periodEnd ?? bulletin.periodEnd}
            onChange={(e) => setPeriod((p) => ({ ...p, end: e.target.value }))}
            errors={errors?.periodEnd}
            aria-describedby={describedBy("bulletin-end", errors?.periodEnd)}
          />
        </Field>
      </div>
      {bulletin.correction ? (
        <Field id="bulletin-change-note" label={strings.changeNote} errors={errors?.changeNote} hint={strings.changeNoteHint}>
          <Textarea
            id="bulletin-change-note"
            name="changeNote"
            rows={3}
            required
            maxLength={2000}
            defaultValue={values?.changeNote ?? bulletin.changeNote}
            errors={errors?.changeNote}
            aria-describedby={describedBy("bulletin-change-note", errors?.changeNote, strings.changeNoteHint)}
          />
        </Field>
      ) : null}
      <Field id="bulletin-summary" label={strings.summary} errors={errors?.summary} hint={strings.summaryHint}>
        <Textarea
          id="bulletin-summary"
          name="summary"
          rows={6}
          maxLength={20000}
          defaultValue={values?.summary ?? bulletin.summary}
          errors={errors?.summary}
          aria-describedby={describedBy("bulletin-summary", errors?.summary, strings.summaryHint)}
        />
      </Field>

      <div className="grid gap-6 lg:grid-cols-2">
        <fieldset aria-describedby="bulletin-issues-hint">
          <legend className="text-sm font-medium text-slate-700">{strings.issues}</legend>
          <p id="bulletin-issues-hint" className="mt-0.5 text-xs text-slate-500">
            {strings.issuesHint}
          </p>
          {candidates.length === 0 ? (
            <p className="mt-2 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">{strings.noCandidates}</p>
          ) : (
            <ul className="mt-2 max-h-[32rem] divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 text-sm">
              {candidates.map((c) => {
                const checked = chosen.includes(c.id);
                return (
                  <li key={c.id} className={`flex gap-3 px-3 py-2.5 ${checked ? "bg-brand-50/50" : ""}`} data-testid="bulletin-issue-option">
                    <input id={`bulletin-issue-${c.id}`} type="checkbox" checked={checked} onChange={() => toggle(c.id)} className="mt-1 h-4 w-4 rounded border-slate-300" />
                    <label htmlFor={`bulletin-issue-${c.id}`} className="min-w-0 flex-1 cursor-pointer">
                      <span className="font-medium text-slate-900">
                        #{c.id} {c.title}
                      </span>
                      <span className="mt-0.5 block text-xs text-slate-500">{c.detail}</span>
                      <span className="mt-1 flex flex-wrap gap-1">
                        {c.published ? <Badge tone="green">{strings.alreadyPublished}</Badge> : null}
                        {c.inDrafts.length > 0 ? <Badge tone="amber">{fill(strings.inDrafts, { numbers: c.inDrafts.join("、") })}</Badge> : null}
                        {c.ineligible ? <Badge tone="red">{strings.notVerified}</Badge> : null}
                      </span>
                    </label>
                    <span className="whitespace-nowrap text-right text-xs tabular-nums text-slate-600">{fill(strings.records, { count: c.recordCount })}</span>
                  </li>
                );
              })}
            </ul>
          )}
          {errors?.issueIds ? (
            <p className="mt-1 text-xs text-rose-700" role="alert">
              {errors.issueIds.join(" ")}
            </p>
          ) : null}
        </fieldset>

        <section aria-labelledby="bulletin-preview-heading" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <h2 id="bulletin-preview-heading" className="text-sm font-medium text-slate-700">
            {strings.preview}
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">{strings.previewHint}</p>
          <p className="sr-only" aria-live="polite">
            {loading ? strings.previewLoading : fill(strings.selected, { count: selected.length })}
          </p>
          {selected.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500">{strings.noneSelected}</p>
          ) : (
            <ol className={`mt-3 space-y-3 ${loading ? "opacity-60" : ""}`} data-testid="bulletin-preview">
              {selected.map((c, index) => {
                const f = preview.figures.find((x) => x.issueId === c.id);
                return (
                  <li key={c.id} className="rounded-md bg-white p-3 text-sm shadow-sm" data-testid="bulletin-preview-item">
                    <div className="flex items-start justify-between gap-2">
                      <p className="font-medium">
                        {index + 1}. {c.title}
                      </p>
                      <span className="flex shrink-0 gap-1">
                        <button type="button" className={buttonClass("ghost", "sm")} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`${strings.moveUp}: ${c.title}`}>
                          ↑
                        </button>
                        <button type="button" className={buttonClass("ghost", "sm")} disabled={index === selected.length - 1} onClick={() => move(index, 1)} aria-label={`${strings.moveDown}: ${c.title}`}>
                          ↓
                        </button>
                      </span>
                    </div>
                    {f ? (
                      <>
                        <p className="mt-1 text-xs text-slate-600">
                          {fill(strings.recordCount, { count: f.recordCount })} · {formatTrend(f.trendPercent, strings)}
                        </p>
                        {f.quotes.length > 0 ? (
                          <ul className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-xs text-slate-600">
                            {f.quotes.map((q) => (
                              <li key={q}>“{q}”</li>
                            ))}
                          </ul>
                        ) : (
                          <p className="mt-1 text-xs text-slate-400">{strings.noQuotes}</p>
                        )}
                      </>
                    ) : (
                      <p className="mt-1 text-xs text-slate-400">{strings.previewLoading}</p>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>

      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? strings.saving : strings.save}
        </button>
        <Link href={cancelHref} className={buttonClass("ghost")}>
          {strings.cancel}
        </Link>
      </div>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
