"use client";

import { useActionState } from "react";
import { setUserStatusAction } from "@/lib/actions/admin";
import { idleState } from "@/lib/actions/state";
import { buttonClass } from "@/components/ui/button";

export function UserStatusForm({ userId, status, labels }: { userId: number; status: "active" | "disabled"; labels: { disable: string; enable: string; pending: string } }) {
  const [state, action, pending] = useActionState(setUserStatusAction, idleState);
  const next = status === "active" ? "disabled" : "active";
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      <button type="submit" disabled={pending} className={buttonClass(next === "disabled" ? "danger" : "secondary", "sm")}>
        {pending ? labels.pending : next === "disabled" ? labels.disable : labels.enable}
      </button>
      {state.status === "error" ? (
        <p role="alert" className="text-xs text-rose-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
