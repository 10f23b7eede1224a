import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ComplaintClockForm, EmailDeliveryForm, WorkflowTargetsForm } from "@/components/workflow/loop-forms";
import { getDb } from "@/db";
import { getTimeLimitSettings } from "@/db/queries/time-limits";
import { env } from "@/lib/env";
import { requirePermission } from "@/lib/session";
import { countOutbox } from "@/lib/services/email-outbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("loop.settings"))("title") };
}

/** The admin's settings: target days per stage, the complaint clock, e-mail delivery. */
export default async function AdminSettingsPage() {
  await requirePermission("admin.settings");
  const db = await getDb();
  const [t, format] = [await getTranslations("loop.settings"), await getFormatter()];
  const [current, outbox] = await Promise.all([getTimeLimitSettings(db), countOutbox(db)]);
  const { targets, clock } = current;
  const labels = { submit: t("save"), pending: (await getTranslations("common"))("saving") };
  const days = t("daysSuffix");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("targets")}>
          <p className="mb-4 text-sm text-slate-600">{t("targetsHint")}</p>
          <WorkflowTargetsForm
            updatedAt={current.updatedAt["workflow.targets"]}
            labels={labels}
            fields={[
              { name: "escalationToVerificationDays", label: t("escalationToVerificationDays"), value: targets.escalationToVerificationDays, min: 1, max: 365, suffix: days },
              { name: "bulletinToDispositionDays", label: t("bulletinToDispositionDays"), value: targets.bulletinToDispositionDays, min: 1, max: 365, suffix: days },
              { name: "dispositionToDoneDays", label: t("dispositionToDoneDays"), hint: t("dispositionToDoneHint"), value: targets.dispositionToDoneDays, min: 1, max: 730, suffix: days },
              { name: "warnAtPercent", label: t("warnAt"), hint: t("warnAtHint"), value: Math.round(targets.warnAtShare * 100), min: 10, max: 99, suffix: "%" },
            ]}
          />
        </Card>
        <Card title={t("clock")}>
          <p className="mb-4 text-sm text-slate-600">{t("clockHint")}</p>
          <ComplaintClockForm
            updatedAt={current.updatedAt["complaints.clock"]}
            labels={labels}
            fields={[
              { name: "baseDays", label: t("baseDays"), value: clock.baseDays, min: 1, max: 90, suffix: days },
              { name: "firstExtensionDays", label: t("firstExtensionDays"), value: clock.firstExtensionDays, min: 0, max: 90, suffix: days },
              { name: "secondExtensionDays", label: t("secondExtensionDays"), hint: t("secondExtensionHint"), value: clock.secondExtensionDays, min: 0, max: 180, suffix: days },
            ]}
          />
        </Card>
        <Card title={t("email")} className="lg:col-span-2">
          <p className="mb-3 text-sm text-slate-600">{env.SMTP_URL ? t("smtpSet") : t("smtpMissing")}</p>
          <EmailDeliveryForm updatedAt={current.updatedAt["email.delivery"]} enabled={current.emailDelivery.enabled} labels={{ ...labels, enabled: t("emailEnabled"), hint: t("emailHint") }} />
          <p className="mt-4 text-xs text-slate-500">{t("outbox", { pending: format.number(outbox.pending ?? 0), sent: format.number(outbox.sent ?? 0), failed: format.number(outbox.failed ?? 0) })}</p>
        </Card>
      </div>
    </>
  );
}
