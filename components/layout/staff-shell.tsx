import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/session";
import { currentPath } from "@/lib/request";
import type { Viewer } from "@/lib/session";
import { LocaleSwitcher } from "./locale-switcher";
import { navigation } from "./nav";

export async function StaffShell({ viewer, unread, children }: { viewer: Viewer; unread: number; children: React.ReactNode }) {
  const t = await getTranslations();
  const path = (await currentPath()) ?? "";
  const items = navigation[viewer.role];
  // The most specific item that contains the current page is the active one.
  const activeHref = items
    .filter((item) => path === item.href || path.startsWith(`${item.href}/`) || path.startsWith(`${item.href}?`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("common.skipToContent")}
      </a>
      <header className="no-print bg-brand-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href={`/${viewer.role}`} className="flex items-center gap-2 font-semibold">
            <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-white/15 text-sm">声</span>
            <span>{t("common.productName")}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <LocaleSwitcher tone="dark" />
            <span className="hidden text-brand-100 sm:inline" data-testid="viewer">
              {viewer.name} · {t(`roles.${viewer.role}`)}
            </span>
            {unread > 0 ? (
              <Link href="/notifications" className="rounded-full bg-amber-400 px-2 py-0.5 text-xs font-semibold text-amber-950 hover:bg-amber-300" aria-label={t("common.unreadNotifications", { count: unread })}>
                {unread}
              </Link>
            ) : null}
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-2 py-1 text-brand-100 hover:bg-white/10">
                {t("common.signOut")}
              </button>
            </form>
          </div>
        </div>
        <nav aria-label={t("common.mainNavigation")} className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4">
          {items.map((item) => {
            const active = item.href === activeHref;
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`whitespace-nowrap rounded-t-md px-3 py-2 text-sm ${active ? "bg-slate-50 font-medium text-brand-900" : "text-brand-100 hover:bg-white/10"}`}
              >
                {t(`nav.${item.label}`)}
              </Link>
            );
          })}
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
