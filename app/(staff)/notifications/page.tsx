import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { MarkAllReadForm } from "@/components/workflow/loop-forms";
import { getDb } from "@/db";
import { listInbox } from "@/db/queries/inbox";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { markNotificationReadAction } from "@/lib/actions/notifications";
import { requireViewer } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("loop.notifications"))("title") };
}

/** The viewer's notifications, newest first; each can be opened and marked read, or all at once. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const unreadOnly = params.show === "unread";
  const page = Number.parseInt(typeof params.page === "string" ? params.page : "1", 10) || 1;
  const db = await getDb();
  const [t, format] = [await getTranslations("loop.notifications"), await getFormatter()];
  const [inbox, unread] = await Promise.all([listInbox(db, viewer, { page, unreadOnly }), countUnreadNotifications(db, viewer)]);
  const now = new Date();
  const href = (p: number, only = unreadOnly) => {
    const q = new URLSearchParams();
    if (only) q.set("show", "unread");
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/notifications?${s}` : "/notifications";
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { count: unread })} actions={unread > 0 ? <MarkAllReadForm label={t("markAll")} pendingLabel={(await getTranslations("common"))("saving")} /> : null} />
      <Card
        action={
          <nav aria-label={t("filter")} className="flex gap-1 text-sm">
            <Link href={href(1, false)} aria-current={!unreadOnly ? "page" : undefined} className={`rounded-md px-2.5 py-1 ${!unreadOnly ? "bg-brand-700 text-white" : "text-slate-600 hover:bg-slate-100"}`}>
              {t("all")}
            </Link>
            <Link href={href(1, true)} aria-current={unreadOnly ? "page" : undefined} className={`rounded-md px-2.5 py-1 ${unreadOnly ? "bg-brand-700 text-white" : "text-slate-600 hover:bg-slate-100"}`}>
              {t("unreadOnly", { count: unread })}
            </Link>
          </nav>
        }
        title={t("list")}
      >
        {inbox.items.length === 0 ? (
          <EmptyState title={unreadOnly ? t("noneUnread") : t("empty")} hint={t("emptyHint")} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="notifications">
            {inbox.items.map((n) => (
              <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0" data-testid="notification" data-read={n.readAt ? "yes" : "no"}>
                <div className="min-w-0 flex-1 text-sm">
                  <p className={n.readAt ? "text-slate-600" : "font-medium text-slate-900"}>
                    {n.readAt ? null : <span className="mr-1.5 inline-block h-2 w-2 rounded-full bg-amber-500" aria-label={t("unread")} />}
                    {n.title}
                  </p>
                  {n.body ? <p className="mt-0.5 whitespace-pre-line text-slate-600">{n.body}</p> : null}
                  <p className="mt-0.5 text-xs text-slate-400">
                    <time dateTime={n.createdAt.toISOString()}>{format.relativeTime(n.createdAt, now)}</time>
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-2">
                  {n.link ? (
                    <Link href={n.link} className={buttonClass("secondary", "sm")}>
                      {t("open")}
                    </Link>
                  ) : null}
                  {n.readAt ? null : (
                    <form action={markNotificationReadAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" className={buttonClass("ghost", "sm")}>
                        {t("markRead")}
                      </button>
                    </form>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {inbox.pageCount > 1 ? (
          <nav aria-label={t("pages")} className="mt-4 flex items-center justify-between text-sm">
            {inbox.page > 1 ? <Link href={href(inbox.page - 1)} className="text-brand-700 underline">{t("previous")}</Link> : <span />}
            <span className="text-slate-500">{t("pageOf", { page: inbox.page, count: inbox.pageCount })}</span>
            {inbox.page < inbox.pageCount ? <Link href={href(inbox.page + 1)} className="text-brand-700 underline">{t("next")}</Link> : <span />}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
