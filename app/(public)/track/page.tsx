import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { TrackForm } from "@/components/forms/track-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("track"))("title") };
}

export default async function TrackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, locale] = [await getTranslations("track"), await getLocale()];
  const n = (await searchParams).n;
  const stage = (key: string) => ({ title: t(`stages.${key}.title`), text: t(`stages.${key}.text`) });
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-600">{t("intro")}</p>
      <TrackForm
        initialNumber={typeof n === "string" ? n.slice(0, 20) : ""}
        locale={locale}
        labels={{
          trackingNumber: t("trackingNumber"),
          contact: t("contact"),
          contactHint: t("contactHint"),
          submit: t("submit"),
          checking: t("checking"),
          submittedOn: t.raw("submittedOn") as string,
          outcome: t("outcome"),
          stages: {
            received: stage("received"),
            under_review: stage("under_review"),
            being_handled: stage("being_handled"),
            resolved: stage("resolved"),
            closed: stage("closed"),
          },
        }}
      />
    </div>
  );
}
