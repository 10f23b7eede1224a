"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { submitSiteReportAction } from "@/lib/actions/site-reports";
import { idleState } from "@/lib/actions/state";

/** Submits the saved draft (at the version shown) to the management post. */
export function SiteReportSubmitForm({ reportId, version, strings }: { reportId: number; version: number; strings: { submit: string; submitting: string; hint: string } }) {
  const [state, action, pending] = useActionState(submitSiteReportAction, idleState);
  return (
    <form action={action} noValidate className="space-y-2" data-testid="site-report-submit">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-600">{strings.hint}</p>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? strings.submitting : strings.submit}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
