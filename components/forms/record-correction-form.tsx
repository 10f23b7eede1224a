"use client";

import { useActionState, useState } from "react";
import { correctRecordAction } from "@/lib/actions/records";
import { idleState } from "@/lib/actions/state";
import { buttonClass } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { FormMessage } from "@/components/ui/field";
import { quickRecordKinds, type QuickRecordLabels } from "./quick-record-form";

export interface CorrectableRecord {
  id: number;
  version: number;
  kind: string;
  categoryCode: string;
  regionCode: string;
  callReference: string;
  summary: string;
  customerWords: string;
  urgency: string;
  valuable: boolean;
}

const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-rose-400";

/** Correcting one's own record: the same fields as the quick record, with the record's version. */
export function RecordCorrectionForm({ record, labels, saveLabel, categories, regions }: { record: CorrectableRecord; labels: QuickRecordLabels; saveLabel: string; categories: ComboboxOption[]; regions: ComboboxOption[] }) {
  const [state, action, pending] = useActionState(correctRecordAction, idleState);
  const [categoryCode, setCategoryCode] = useState(record.categoryCode);
  const [region, setRegion] = useState({ value: record.regionCode, text: "" });
  const errors = (state.status === "error" ? state.fieldErrors ?? {} : {}) as Record<string, string[] | undefined>;
  const v = (name: keyof CorrectableRecord) => state.values?.[name] ?? String(record[name]);

  return (
    <form action={action} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <input type="hidden" name="id" value={record.id} />
      <input type="hidden" name="version" value={record.version} />
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="kind" className="block text-sm font-medium text-slate-700">{labels.kind}</label>
          <select id="kind" name="kind" defaultValue={v("kind")} className={inputClass}>
            {quickRecordKinds.map((k) => (
              <option key={k} value={k}>{labels.kinds[k]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="urgency" className="block text-sm font-medium text-slate-700">{labels.urgency}</label>
          <select id="urgency" name="urgency" defaultValue={v("urgency")} className={inputClass}>
            {(["low", "normal", "high", "critical"] as const).map((u) => (
              <option key={u} value={u}>{labels.urgencies[u]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="categoryCode" className="block text-sm font-medium text-slate-700">{labels.category}</label>
          <Combobox id="categoryCode" name="categoryCode" options={categories} value={categoryCode} onChange={(value) => setCategoryCode(value)} noMatches={labels.noMatches} errors={errors.categoryCode} />
          {errors.categoryCode ? <p className="mt-1 text-xs text-rose-700" role="alert">{errors.categoryCode.join(" ")}</p> : null}
        </div>
        <div>
          <label htmlFor="region" className="block text-sm font-medium text-slate-700">{labels.region}</label>
          <Combobox id="region" name="region" options={regions} value={region.value} text={region.text} onChange={(value, text) => setRegion({ value, text })} noMatches={labels.noMatches} errors={errors.region} freeText />
          {errors.region ? <p className="mt-1 text-xs text-rose-700" role="alert">{errors.region.join(" ")}</p> : null}
        </div>
      </div>
      <div>
        <label htmlFor="callReference" className="block text-sm font-medium text-slate-700">{labels.callReference}</label>
        <input id="callReference" name="callReference" defaultValue={v("callReference")} maxLength={64} className={inputClass} />
      </div>
      <div>
        <label htmlFor="summary" className="block text-sm font-medium text-slate-700">{labels.summary}</label>
        <input id="summary" name="summary" defaultValue={v("summary")} maxLength={200} aria-invalid={errors.summary ? true : undefined} className={inputClass} />
        {errors.summary ? <p className="mt-1 text-xs text-rose-700" role="alert">{errors.summary.join(" ")}</p> : null}
      </div>
      <div>
        <label htmlFor="customerWords" className="block text-sm font-medium text-slate-700">{labels.customerWords}</label>
        <textarea id="customerWords" name="customerWords" rows={4} defaultValue={v("customerWords")} maxLength={4000} className={inputClass} />
        {errors.customerWords ? <p className="mt-1 text-xs text-rose-700" role="alert">{errors.customerWords.join(" ")}</p> : null}
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="valuable" defaultChecked={state.values ? state.values.valuable === "on" : record.valuable} className="h-4 w-4 rounded border-slate-300" />
        {labels.valuable}
      </label>
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? labels.saving : saveLabel}
      </button>
    </form>
  );
}
