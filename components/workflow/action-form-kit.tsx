"use client";

import type { ActionState } from "@/lib/actions/state";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";

/** Small pieces the workflow forms share: a field's errors and what was typed, from the action's state. */
export function errorsOf(state: ActionState, field: string): string[] | undefined {
  if (state.status !== "error") return undefined;
  return (state.fieldErrors as Record<string, string[] | undefined> | undefined)?.[field];
}

export function typed(state: ActionState, field: string, fallback = ""): string {
  if (state.status !== "error") return fallback;
  return (state.values as Record<string, string | undefined> | undefined)?.[field] ?? fallback;
}

export function SubmitButton({ pending, label, pendingLabel, variant = "primary", size = "md", name, value }: { pending: boolean; label: string; pendingLabel: string; variant?: ButtonVariant; size?: "sm" | "md"; name?: string; value?: string }) {
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant, size)} name={name} value={value}>
      {pending ? pendingLabel : label}
    </button>
  );
}
