"use client";

import { signIn } from "next-auth/react";
import { useEffect, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";

export interface SignInLabels {
  email: string;
  password: string;
  submit: string;
  pending: string;
  invalid: string;
  rateLimited: string;
  unexpected: string;
  ssoUnknown: string;
}

function messageFor(error: string, labels: SignInLabels): string {
  if (error.startsWith("rate_limited:")) return labels.rateLimited.replace("{seconds}", error.split(":")[1] ?? "60");
  if (error === "CredentialsSignin") return labels.invalid;
  if (error === "sso_unknown") return labels.ssoUnknown;
  return labels.unexpected;
}

export function SignInForm({ labels, callbackUrl, initialError }: { labels: SignInLabels; callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | null>(initialError ? messageFor(initialError, labels) : null);
  const [pending, setPending] = useState(false);
  // Until the page is interactive a click would post the form natively and lose it.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(messageFor(result?.error ?? "unexpected", labels));
        setPending(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError(labels.unexpected);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {labels.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {labels.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200"
        />
      </div>
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending || !ready} className={`${buttonClass("primary")} w-full`}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}
