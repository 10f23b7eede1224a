import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/session";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  const viewer = await getViewer();
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-rose-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("text")}</p>
      <Link href={viewer ? `/${viewer.role}` : "/signin"} className="mt-6 text-sm font-medium text-brand-700 underline">
        {viewer ? t("backHome") : t("signIn")}
      </Link>
    </main>
  );
}
