import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "./locale-switcher";

export async function PublicHeader() {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-brand-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-700 text-sm text-white">声</span>
          <span>{t("productName")}</span>
        </Link>
        <LocaleSwitcher />
      </div>
    </header>
  );
}
