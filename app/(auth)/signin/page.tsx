import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/forms/sign-in-form";
import { PublicHeader } from "@/components/layout/public-header";
import { oidcConfigured, env } from "@/lib/env";
import { getViewer } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signin"))("title") };
}

/** Only paths on this site are followed after sign-in. */
function safeCallback(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/home";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const t = await getTranslations("signin");
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader />
      <main className="flex flex-1 items-start justify-center px-4 py-12">
        <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="mb-6 mt-1 text-sm text-slate-600">{t("subtitle")}</p>
          <noscript>
            <p className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("needsJavascript")}</p>
          </noscript>
          <SignInForm
            callbackUrl={callbackUrl}
            initialError={error}
            labels={{
              email: t("email"),
              password: t("password"),
              submit: t("submit"),
              pending: t("pending"),
              invalid: t("invalid"),
              rateLimited: t("rateLimited"),
              unexpected: t("unexpected"),
              ssoUnknown: t("ssoUnknown"),
            }}
          />
          {oidcConfigured ? (
            <a href={`/api/auth/signin/oidc?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="mt-4 block text-center text-sm text-brand-700 underline">
              {t("sso", { name: env.OIDC_NAME })}
            </a>
          ) : null}
        </div>
      </main>
    </div>
  );
}
