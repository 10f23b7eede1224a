import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ModerationForm } from "@/components/forms/moderation-form";
import { KindBadge } from "@/components/status-badges";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listPendingSubmissions } from "@/db/queries/intake";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export default async function ModerationQueue() {
  await requirePermission("page.specialist");
  const viewer = await requirePermission("record.moderate");
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const pending = await listPendingSubmissions(await getDb(), viewer);
  const labels = { approve: t("moderation.approve"), reject: t("moderation.reject"), reason: t("moderation.reason"), reasonHint: t("moderation.reasonHint") };
  return (
    <>
      <PageHeader title={t("moderation.title")} description={t("moderation.description")} />
      {pending.length === 0 ? (
        <EmptyState title={t("moderation.empty")} hint={t("moderation.emptyHint")} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {pending.map((s) => (
            <Card key={s.id}>
              <div className="flex items-start justify-between gap-3" data-testid="pending-submission">
                <div>
                  <p className="font-medium">{s.summary}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    {localName(s.category, locale)}
                    {s.region ? ` · ${localName(s.region, locale)}` : ""} · {format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </p>
                </div>
                <KindBadge kind={s.kind} />
              </div>
              <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{s.customerWords}</p>
              <p className="mt-2 text-xs text-slate-500">
                {s.trackingNumber} {s.contact ? `· ${s.contact}` : ""}
              </p>
              <ModerationForm recordId={s.id} version={s.version} labels={labels} />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
