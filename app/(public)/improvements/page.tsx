import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { listImprovements } from "@/db/queries/improvements";
import { localName, type Locale } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("loop.improvements");
  return { title: t("title"), description: t("intro") };
}

/**
 * "You said, we did": every resolved issue with its approved public wording, newest first.
 * Server-rendered with plain links for the pages: works without JavaScript and on a phone.
 */
export default async function ImprovementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).page;
  const requested = Number.parseInt(typeof raw === "string" ? raw : "1", 10);
  const [t, format, locale] = [await getTranslations("loop.improvements"), await getFormatter(), (await getLocale()) as Locale];
  const { items, total, page, pageCount } = await listImprovements(await getDb(), { page: Number.isFinite(requested) ? requested : 1, pageSize: 12 });
  const href = (p: number) => (p > 1 ? `/improvements?page=${p}` : "/improvements");

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold sm:text-3xl">{t("title")}</h1>
        <p className="max-w-2xl text-sm text-slate-600 sm:text-base">{t("intro")}</p>
        {total > 0 ? <p className="text-sm text-slate-500">{t("count", { count: total })}</p> : null}
      </header>
      {items.length === 0 ? (
        <EmptyState title={t("empty")} hint={t("emptyHint")} />
      ) : (
        <ol className="grid gap-4 sm:grid-cols-2" data-testid="improvements">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="improvement">
              <p className="text-xs font-medium text-brand-700">{localName(item.category, locale)}</p>
              <h2 className="mt-1 text-base font-semibold leading-snug">{item.title}</h2>
              <p className="mt-2 flex-1 whitespace-pre-line text-sm text-slate-700">{item.outcome}</p>
              {item.resolvedAt ? (
                <p className="mt-3 text-xs text-slate-500">
                  <time dateTime={item.resolvedAt.toISOString()}>{t("resolvedOn", { date: format.dateTime(item.resolvedAt, { dateStyle: "long" }) })}</time>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("pages")} className="flex items-center justify-between gap-3 text-sm">
          {page > 1 ? (
            <Link href={href(page - 1)} rel="prev" className="rounded-lg px-3 py-2 text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              ← {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-500">{t("pageOf", { page, count: pageCount })}</span>
          {page < pageCount ? (
            <Link href={href(page + 1)} rel="next" className="rounded-lg px-3 py-2 text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              {t("next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
      <p className="text-sm">
        <Link href="/feedback" className="text-brand-700 underline">
          {t("ctaFeedback")}
        </Link>
        {" · "}
        <Link href="/track" className="text-brand-700 underline">
          {t("ctaTrack")}
        </Link>
      </p>
    </div>
  );
}
