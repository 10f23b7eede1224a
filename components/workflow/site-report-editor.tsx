"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import { saveSiteReportAction } from "@/lib/actions/site-reports";
import { idleState } from "@/lib/actions/state";

export interface SiteReportIssueOption {
  id: number;
  title: string;
  categoryLabel: string;
  typeLabel: string;
  total: number;
  kindsLabel: string;
  channelsLabel: string;
  /** False for an issue already in the draft that is no longer escalated: it must come out. */
  reportable: boolean;
}

export interface SiteReportEditorStrings {
  periodStart: string;
  periodEnd: string;
  title: string;
  analysis: string;
  analysisPlaceholder: string;
  issues: string;
  issuesHint: string;
  noIssues: string;
  noIssuesHint: string;
  notEscalated: string;
  selectedTotals: string;
  save: string;
  saving: string;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}

/** The site report's draft: period, title, analysis and the escalated issues it reports. */
export function SiteReportEditor({
  report,
  issues,
  strings,
}: {
  report: { id?: number; version?: number; periodStart: string; periodEnd: string; title: string; analysis: string; issueIds: number[] };
  issues: SiteReportIssueOption[];
  strings: SiteReportEditorStrings;
}) {
  const [state, action, pending] = useActionState(saveSiteReportAction, idleState);
  const [chosen, setChosen] = useState<number[]>(report.issueIds);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  const selected = issues.filter((i) => chosen.includes(i.id));
  const records = selected.reduce((s, i) => s + i.total, 0);

  return (
    <form action={action} noValidate className="space-y-5" data-testid="site-report-editor">
      {report.id !== undefined ? <input type="hidden" name="reportId" value={report.id} /> : null}
      {report.version !== undefined ? <input type="hidden" name="version" value={report.version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="report-start" label={strings.periodStart} errors={errors?.periodStart}>
          <Input id="report-start" name="periodStart" type="date" required defaultValue={values?.periodStart ?? report.periodStart} errors={errors?.periodStart} aria-describedby={describedBy("report-start", errors?.periodStart)} />
        </Field>
        <Field id="report-end" label={strings.periodEnd} errors={errors?.periodEnd}>
          <Input id="report-end" name="periodEnd" type="date" required defaultValue={values?.periodEnd ?? report.periodEnd} errors={errors?.periodEnd} aria-describedby={describedBy("report-end", errors?.periodEnd)} />
        </Field>
        <Field id="report-title" label={strings.title} errors={errors?.title} className="sm:col-span-2">
          <Input id="report-title" name="title" required maxLength={200} defaultValue={values?.title ?? report.title} errors={errors?.title} aria-describedby={describedBy("report-title", errors?.title)} />
        </Field>
      </div>
      <Field id="report-analysis" label={strings.analysis} errors={errors?.analysis}>
        <Textarea id="report-analysis" name="analysis" rows={8} maxLength={20000} placeholder={strings.analysisPlaceholder} defaultValue={values?.analysis ?? report.analysis} errors={errors?.analysis} aria-describedby={describedBy("report-analysis", errors?.analysis)} />
      </Field>

      <fieldset aria-describedby="report-issues-hint">
        <legend className="text-sm font-medium text-slate-700">{strings.issues}</legend>
        <p id="report-issues-hint" className="mt-0.5 text-xs text-slate-500">
          {strings.issuesHint}
        </p>
        {issues.length === 0 ? (
          <div className="mt-2 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm">
            <p className="font-medium text-slate-700">{strings.noIssues}</p>
            <p className="mt-1 text-slate-500">{strings.noIssuesHint}</p>
          </div>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
            {issues.map((i) => {
              const checked = chosen.includes(i.id);
              return (
                <li key={i.id} className={`flex gap-3 px-3 py-2.5 ${checked ? "bg-brand-50/50" : ""}`} data-testid="report-issue-option">
                  <input
                    id={`report-issue-${i.id}`}
                    type="checkbox"
                    name="issueIds"
                    value={i.id}
                    checked={checked}
                    onChange={() => setChosen((list) => (list.includes(i.id) ? list.filter((x) => x !== i.id) : [...list, i.id]))}
                    className="mt-1 h-4 w-4 rounded border-slate-300"
                  />
                  <label htmlFor={`report-issue-${i.id}`} className="min-w-0 flex-1 cursor-pointer">
                    <span className="font-medium text-slate-900">
                      #{i.id} {i.title}
                    </span>
                    <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                      <Badge>{i.typeLabel}</Badge>
                      <span>{i.categoryLabel}</span>
                      <span>· {i.kindsLabel}</span>
                      <span>· {i.channelsLabel}</span>
                    </span>
                    {!i.reportable ? <span className="mt-1 block text-xs text-rose-700">{strings.notEscalated}</span> : null}
                  </label>
                  <span className="whitespace-nowrap text-right text-sm font-semibold tabular-nums text-slate-700">{i.total}</span>
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
        <p className="mt-2 text-sm text-slate-600" aria-live="polite" data-testid="report-selected-totals">
          {fill(strings.selectedTotals, { issues: selected.length, records })}
        </p>
      </fieldset>

      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? strings.saving : strings.save}
        </button>
      </div>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
