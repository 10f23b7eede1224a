"use client";

import { useActionState } from "react";
import { describedBy, Field, FormMessage, Input, Select } from "@/components/ui/field";
import { assignActionAction } from "@/lib/actions/actions";
import { idleState } from "@/lib/actions/state";
import { errorsOf, SubmitButton, typed } from "./action-form-kit";

export interface AssignActionLabels {
  department: string;
  disposition: string;
  dueOn: string;
  dueOnHint: string;
  ownerName: string;
  ownerHint: string;
  choose: string;
  submit: string;
  pending: string;
}

/** The management post gives a published issue to a department, with one of the five dispositions. */
export function ActionAssignForm({
  issueId,
  issueVersion,
  today,
  departments,
  dispositions,
  labels,
}: {
  issueId: number;
  issueVersion: number;
  today: string;
  departments: { value: string; label: string }[];
  dispositions: { value: string; label: string }[];
  labels: AssignActionLabels;
}) {
  const [state, action, pending] = useActionState(assignActionAction, idleState);
  const id = (name: string) => `assign-${issueId}-${name}`;
  return (
    <form action={action} className="space-y-3" data-testid="assign-action-form">
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="issueVersion" value={issueVersion} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id("departmentCode")} label={labels.department} errors={errorsOf(state, "departmentCode")}>
          <Select id={id("departmentCode")} name="departmentCode" required defaultValue={typed(state, "departmentCode")} errors={errorsOf(state, "departmentCode")} aria-describedby={describedBy(id("departmentCode"), errorsOf(state, "departmentCode"))}>
            <option value="">{labels.choose}</option>
            {departments.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("disposition")} label={labels.disposition} errors={errorsOf(state, "disposition")}>
          <Select id={id("disposition")} name="disposition" required defaultValue={typed(state, "disposition")} errors={errorsOf(state, "disposition")} aria-describedby={describedBy(id("disposition"), errorsOf(state, "disposition"))}>
            <option value="">{labels.choose}</option>
            {dispositions.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("dueOn")} label={labels.dueOn} hint={labels.dueOnHint} errors={errorsOf(state, "dueOn")}>
          <Input id={id("dueOn")} name="dueOn" type="date" min={today} defaultValue={typed(state, "dueOn")} errors={errorsOf(state, "dueOn")} aria-describedby={describedBy(id("dueOn"), errorsOf(state, "dueOn"), labels.dueOnHint)} />
        </Field>
        <Field id={id("ownerName")} label={labels.ownerName} hint={labels.ownerHint} errors={errorsOf(state, "ownerName")}>
          <Input id={id("ownerName")} name="ownerName" maxLength={64} defaultValue={typed(state, "ownerName")} errors={errorsOf(state, "ownerName")} aria-describedby={describedBy(id("ownerName"), errorsOf(state, "ownerName"), labels.ownerHint)} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
      </div>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
