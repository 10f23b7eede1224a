import { getFormatter, getTranslations } from "next-intl/server";
import { Stat } from "@/components/ui/stat";

/** The seed's headline figure: resolved ÷ published issues, good at the seed's 90%. */
export async function ResolutionRateStat({ rate, resolved, published }: { rate: number | null; resolved: number; published: number }) {
  const [t, format] = [await getTranslations("program"), await getFormatter()];
  return (
    <Stat
      label={t("resolutionRate")}
      value={rate === null ? "—" : format.number(rate, { style: "percent" })}
      hint={t("resolutionHint", { resolved, published })}
      tone={rate !== null && rate >= 0.9 ? "good" : "neutral"}
    />
  );
}
