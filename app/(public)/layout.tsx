import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PublicHeader } from "@/components/layout/public-header";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("public");
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">{children}</main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-4 text-xs text-slate-500">
          <span>{t("footer")}</span>
          <span className="flex gap-4">
            <Link href="/developers" className="underline-offset-2 hover:underline">
              {t("developers")}
            </Link>
            <Link href="/signin" className="underline-offset-2 hover:underline">
              {t("staffSignIn")}
            </Link>
          </span>
        </div>
      </footer>
    </div>
  );
}
