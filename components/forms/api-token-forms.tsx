"use client";

import { useActionState, useState } from "react";
import { issueApiTokenAction, revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { idleState } from "@/lib/actions/state";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormMessage, Input } from "@/components/ui/field";

/** The issue form's words in the viewer's language, handed over by the server page. */
export interface IssueApiTokenLabels {
  /** By scope, e.g. "records:write"; a scope without a label shows as itself. */
  scopes: Record<string, string>;
  copyNow: string;
  copy: string;
  copied: string;
  saved: string;
  name: string;
  nameHint: string;
  scopesLegend: string;
  issue: string;
  issuing: string;
}

export interface RevokeApiTokenLabels {
  revoke: string;
  /** With "{name}" where the token's name goes. */
  warning: string;
  confirm: string;
  revoking: string;
}

export function IssueApiTokenForm({ scopes, labels }: { scopes: readonly string[]; labels: IssueApiTokenLabels }) {
  const [state, action, pending] = useActionState(issueApiTokenAction, idleState);
  const [hidden, setHidden] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const token = state.status === "success" ? state.values?.token : undefined;
  const previousScopes = state.status === "error" ? (state.values?.scopes ?? "").split(",") : null;
  const nameErrors = state.fieldErrors?.name;
  const scopeErrors = state.fieldErrors?.scopes;

  async function copy(value: string) {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(value);
    } catch {
      setCopied(null);
    }
  }

  return (
    <div className="space-y-4">
      {token && hidden !== token ? (
        <div role="status" className="space-y-2 rounded-lg bg-emerald-50 p-3 ring-1 ring-inset ring-emerald-200" data-testid="issued-token">
          <p className="text-sm font-medium text-emerald-900">{state.message}</p>
          <label htmlFor="issued-token-value" className="block text-xs text-emerald-900">
            {labels.copyNow}
          </label>
          <input
            id="issued-token-value"
            readOnly
            value={token}
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full rounded-md border border-emerald-300 bg-white px-2 py-1.5 font-mono text-xs"
          />
          <div className="flex gap-2">
            <button type="button" onClick={() => copy(token)} className={buttonClass("secondary", "sm")}>
              {copied === token ? labels.copied : labels.copy}
            </button>
            <button type="button" onClick={() => setHidden(token)} className={buttonClass("ghost", "sm")}>
              {labels.saved}
            </button>
          </div>
        </div>
      ) : null}

      <form action={action} className="space-y-4" noValidate>
        {state.status === "error" ? <FormMessage status="error" message={state.message} /> : null}
        <Field id="token-name" label={labels.name} hint={labels.nameHint} errors={nameErrors}>
          <Input
            id="token-name"
            name="name"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={state.status === "error" ? state.values?.name : ""}
            errors={nameErrors}
            aria-describedby={describedBy("token-name", nameErrors, true)}
          />
        </Field>
        <fieldset aria-describedby={scopeErrors?.length ? "token-scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">{labels.scopesLegend}</legend>
          <div className="mt-1 space-y-1">
            {scopes.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  defaultChecked={previousScopes ? previousScopes.includes(scope) : scope === "records:write"}
                  className="h-4 w-4 rounded border-slate-300"
                />
                <span>{labels.scopes[scope] ?? scope}</span>
                <code className="text-xs text-slate-500">{scope}</code>
              </label>
            ))}
          </div>
          {scopeErrors?.length ? (
            <p id="token-scopes-error" role="alert" className="mt-1 text-xs text-rose-700">
              {scopeErrors.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? labels.issuing : labels.issue}
        </button>
      </form>
    </div>
  );
}

/** Revoking needs a second, explicit click after the consequence is spelled out. */
export function RevokeApiTokenForm({ tokenId, name, labels }: { tokenId: number; name: string; labels: RevokeApiTokenLabels }) {
  const [state, action, pending] = useActionState(revokeApiTokenAction, idleState);
  return (
    <details className="inline-block text-left">
      <summary className={`${buttonClass("danger", "sm")} cursor-pointer list-none`}>{labels.revoke}</summary>
      <form action={action} className="mt-2 w-72 space-y-2 rounded-lg border border-rose-200 bg-rose-50 p-3">
        <input type="hidden" name="tokenId" value={tokenId} />
        <p className="text-xs text-rose-900">{labels.warning.replaceAll("{name}", name)}</p>
        <button type="submit" disabled={pending} className={buttonClass("danger", "sm")}>
          {pending ? labels.revoking : labels.confirm}
        </button>
        {state.status === "error" ? (
          <p role="alert" className="text-xs text-rose-700">
            {state.message}
          </p>
        ) : null}
      </form>
    </details>
  );
}
