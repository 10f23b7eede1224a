"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormMessage, Input, Select, Textarea } from "@/components/ui/field";
import { createChannelRecordAction } from "@/lib/actions/intake";
import { idleState } from "@/lib/actions/state";

export interface Choice {
  value: string;
  label: string;
}

/** A select's entries: plain options, or a parent category with its children. */
export type ChoiceOrGroup = Choice | { group: string; options: Choice[] };

export interface ChannelRecordFormLabels {
  channel: string;
  kind: string;
  category: string;
  region: string;
  occurredAt: string;
  source: string;
  sourceUrl: string;
  summary: string;
  customerWords: string;
  urgency: string;
  choose: string;
  submit: string;
  pending: string;
  hints: { region: string; occurredAt: string; source: string; sourceUrl: string; customerWords: string };
}

export interface ChannelRecordFormProps {
  labels: ChannelRecordFormLabels;
  channels: Choice[];
  kinds: Choice[];
  urgencies: Choice[];
  categories: ChoiceOrGroup[];
  /** Provinces and cities for the region field's suggestions. */
  regions: Choice[];
  limits: { summary: number; customerWords: number; source: number; sourceUrl: number };
}

export function ChoiceOptions({ choices }: { choices: ChoiceOrGroup[] }) {
  return (
    <>
      {choices.map((c) =>
        "group" in c ? (
          <optgroup key={c.group} label={c.group}>
            {c.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ) : (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ),
      )}
    </>
  );
}

/** Fields that stay filled after a save: the next item usually comes from the same place. */
const kept = ["channel", "source"] as const;

export function ChannelRecordForm({ labels, channels, kinds, urgencies, categories, regions, limits }: ChannelRecordFormProps) {
  const [state, formAction, pending] = useActionState(createChannelRecordAction, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};

  // Submitting by hand keeps what the person typed on screen (a form action would reset the
  // form, and selects do not come back from defaultValue); without JavaScript the action posts.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    if (state.status === "error") {
      form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    } else if (state.status === "success") {
      const keep = kept.map((name) => [name, (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? ""] as const);
      form.reset();
      for (const [name, value] of keep) {
        const element = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
        if (element) element.value = value;
      }
      form.querySelector<HTMLElement>("#cr-kind")?.focus();
    }
  }, [state]);

  const err = (name: string) => errors[name];
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="cr-channel" label={labels.channel} errors={err("channel")}>
          <Select id="cr-channel" name="channel" required defaultValue={values.channel ?? ""} errors={err("channel")} aria-describedby={describedBy("cr-channel", err("channel"))}>
            <option value="">{labels.choose}</option>
            <ChoiceOptions choices={channels} />
          </Select>
        </Field>
        <Field id="cr-source" label={labels.source} hint={labels.hints.source} errors={err("source")}>
          <Input id="cr-source" name="source" maxLength={limits.source} defaultValue={values.source ?? ""} errors={err("source")} aria-describedby={describedBy("cr-source", err("source"), labels.hints.source)} />
        </Field>
        <Field id="cr-sourceUrl" label={labels.sourceUrl} hint={labels.hints.sourceUrl} errors={err("sourceUrl")}>
          <Input
            id="cr-sourceUrl"
            name="sourceUrl"
            type="url"
            inputMode="url"
            maxLength={limits.sourceUrl}
            placeholder="https://"
            defaultValue={values.sourceUrl ?? ""}
            errors={err("sourceUrl")}
            aria-describedby={describedBy("cr-sourceUrl", err("sourceUrl"), labels.hints.sourceUrl)}
          />
        </Field>
        <Field id="cr-occurredAt" label={labels.occurredAt} hint={labels.hints.occurredAt} errors={err("occurredAt")}>
          <Input
            id="cr-occurredAt"
            name="occurredAt"
            type="datetime-local"
            defaultValue={values.occurredAt ?? ""}
            errors={err("occurredAt")}
            aria-describedby={describedBy("cr-occurredAt", err("occurredAt"), labels.hints.occurredAt)}
          />
        </Field>
        <Field id="cr-kind" label={labels.kind} errors={err("kind")}>
          <Select id="cr-kind" name="kind" required defaultValue={values.kind ?? ""} errors={err("kind")} aria-describedby={describedBy("cr-kind", err("kind"))}>
            <option value="">{labels.choose}</option>
            <ChoiceOptions choices={kinds} />
          </Select>
        </Field>
        <Field id="cr-categoryCode" label={labels.category} errors={err("categoryCode")}>
          <Select
            id="cr-categoryCode"
            name="categoryCode"
            required
            defaultValue={values.categoryCode ?? ""}
            errors={err("categoryCode")}
            aria-describedby={describedBy("cr-categoryCode", err("categoryCode"))}
          >
            <option value="">{labels.choose}</option>
            <ChoiceOptions choices={categories} />
          </Select>
        </Field>
        <Field id="cr-region" label={labels.region} hint={labels.hints.region} errors={err("region")}>
          <Input
            id="cr-region"
            name="region"
            list="cr-region-list"
            autoComplete="off"
            defaultValue={values.region ?? ""}
            errors={err("region")}
            aria-describedby={describedBy("cr-region", err("region"), labels.hints.region)}
          />
          <datalist id="cr-region-list">
            {regions.map((r) => (
              <option key={`${r.value}-${r.label}`} value={r.value} label={r.label || undefined} />
            ))}
          </datalist>
        </Field>
        <Field id="cr-urgency" label={labels.urgency} errors={err("urgency")}>
          <Select id="cr-urgency" name="urgency" defaultValue={values.urgency ?? "normal"} errors={err("urgency")} aria-describedby={describedBy("cr-urgency", err("urgency"))}>
            <ChoiceOptions choices={urgencies} />
          </Select>
        </Field>
      </div>
      <Field id="cr-summary" label={labels.summary} errors={err("summary")}>
        <Input id="cr-summary" name="summary" required maxLength={limits.summary} defaultValue={values.summary ?? ""} errors={err("summary")} aria-describedby={describedBy("cr-summary", err("summary"))} />
      </Field>
      <Field id="cr-customerWords" label={labels.customerWords} hint={labels.hints.customerWords} errors={err("customerWords")}>
        <Textarea
          id="cr-customerWords"
          name="customerWords"
          rows={5}
          maxLength={limits.customerWords}
          defaultValue={values.customerWords ?? ""}
          errors={err("customerWords")}
          aria-describedby={describedBy("cr-customerWords", err("customerWords"), labels.hints.customerWords)}
        />
      </Field>
      <FormMessage status={state.status} message={state.message} />
      <div className="flex justify-end">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? labels.pending : labels.submit}
        </button>
      </div>
    </form>
  );
}
