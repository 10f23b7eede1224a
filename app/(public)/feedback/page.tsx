import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { FeedbackForm, type OptionGroup } from "@/components/forms/feedback-form";
import { getDb } from "@/db";
import { listCategoryOptions } from "@/db/queries/intake";
import { localName, type Locale } from "@/lib/i18n/config";
import { listCities, listProvinces } from "@/lib/regions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("feedback"))("title") };
}

export default async function FeedbackPage() {
  const [t, locale] = [await getTranslations(), (await getLocale()) as Locale];
  const categoryRows = await listCategoryOptions(await getDb(), locale);
  const categories: OptionGroup[] = [];
  for (const c of categoryRows) {
    if (c.depth === 0) categories.push({ label: c.label, options: [{ value: c.code, label: c.label }] });
    else categories.at(-1)?.options.push({ value: c.code, label: c.label.split(" › ").at(-1) ?? c.label });
  }
  const regions: OptionGroup[] = listProvinces().map((p) => ({
    label: localName(p, locale),
    options: listCities(p.code).map((c) => ({ value: c.code, label: localName(c, locale) })),
  }));
  const f = (key: string) => t(`feedback.${key}`);

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">{f("title")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-600">{f("intro")}</p>
      <FeedbackForm
        categories={categories}
        regions={regions}
        labels={{
          kind: f("kind"),
          kinds: { complaint: t("recordKind.complaint"), suggestion: t("recordKind.suggestion"), praise: t("recordKind.praise") },
          category: f("category"),
          chooseCategory: f("chooseCategory"),
          region: f("region"),
          chooseRegion: f("chooseRegion"),
          summary: f("summary"),
          summaryHint: f("summaryHint"),
          words: f("words"),
          wordsHint: f("wordsHint"),
          contact: f("contact"),
          contactHint: f("contactHint"),
          website: f("website"),
          submit: f("submit"),
          sending: f("sending"),
          thanksTitle: f("thanksTitle"),
          thanksText: f("thanksText"),
          trackingNumber: f("trackingNumber"),
          keepNumber: f("keepNumber"),
          maskedNote: f("maskedNote"),
          track: f("track"),
          another: f("another"),
        }}
      />
    </div>
  );
}
