import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { listPublicImprovements } from "@/db/queries/workflow";
import { localName, type Locale } from "@/lib/i18n/config";

export default async function Landing() {
  const [t, format, locale] = [await getTranslations("public"), await getFormatter(), (await getLocale()) as Locale];
  const improvements = await listPublicImprovements(await getDb(), 6);
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-gradient-to-br from-brand-800 to-brand-600 px-6 py-10 text-white sm:px-10">
        <h1 className="text-2xl font-semibold leading-snug sm:text-3xl">{t("heroTitle")}</h1>
        <p className="mt-3 max-w-2xl text-brand-100">{t("heroText")}</p>
        <ul className="mt-6 grid gap-3 text-sm sm:grid-cols-3">
          {(["step1", "step2", "step3"] as const).map((step, i) => (
            <li key={step} className="rounded-xl bg-white/10 p-4">
              <span className="text-xs font-semibold text-brand-200">{i + 1}</span>
              <p className="mt-1">{t(step)}</p>
            </li>
          ))}
        </ul>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/feedback" className="rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-brand-800 hover:bg-brand-50">
            {t("ctaFeedback")}
          </Link>
          <Link href="/track" className="rounded-lg px-4 py-2.5 text-sm font-semibold text-white ring-1 ring-inset ring-white/40 hover:bg-white/10">
            {t("ctaTrack")}
          </Link>
        </div>
        <p className="mt-6 text-sm text-brand-100">{t("hotline")}</p>
      </section>
      <section aria-labelledby="we-did">
        <h2 id="we-did" className="mb-1 text-xl font-semibold">{t("youSaidWeDid")}</h2>
        <p className="mb-4 text-sm text-slate-600">{t("youSaidWeDidText")}</p>
        {improvements.length === 0 ? (
          <EmptyState title={t("noImprovements")} />
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            {improvements.map((item) => (
              <Card key={item.id}>
                <p className="text-xs font-medium text-brand-700">{localName(item.category, locale)}</p>
                <h3 className="mt-1 font-semibold">{item.title}</h3>
                <p className="mt-2 text-sm text-slate-700">{item.outcome}</p>
                {item.resolvedAt ? <p className="mt-3 text-xs text-slate-500">{t("resolvedOn", { date: format.dateTime(item.resolvedAt, { dateStyle: "long" }) })}</p> : null}
              </Card>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
