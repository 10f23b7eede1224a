import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { listNotifications } from "@/db/queries/notifications";
import type { Viewer } from "@/lib/viewer";

export async function NotificationList({ viewer }: { viewer: Viewer }) {
  const [t, format] = [await getTranslations("notifications"), await getFormatter()];
  const items = await listNotifications(await getDb(), viewer, 6);
  return (
    <Card title={t("title")}>
      {items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="space-y-3">
          {items.map((n) => (
            <li key={n.id} className="text-sm">
              <p className={n.readAt ? "text-slate-600" : "font-medium text-slate-900"}>
                {n.readAt ? null : <span className="mr-1.5 inline-block h-2 w-2 rounded-full bg-amber-500" aria-label={t("unread")} />}
                {n.title}
              </p>
              {n.body ? <p className="mt-0.5 text-slate-600">{n.body}</p> : null}
              <p className="mt-0.5 text-xs text-slate-400">{format.relativeTime(n.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
