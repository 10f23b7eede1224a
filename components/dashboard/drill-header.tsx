import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { StatsFilters } from "@/lib/stats/filters";
import { dashboardHref } from "@/lib/stats/url";

/** The heading of a list behind a figure: the way back to the same view, and what the list is held to. */
export async function DrillHeader({ title, description, filters, conditions }: { title: string; description?: string; filters: StatsFilters; conditions: string[] }) {
  const t = await getTranslations("dashboard.drill");
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <Link href={dashboardHref(filters)} className="text-sm font-medium text-brand-700 hover:underline">
            ← {t("back")}
          </Link>
        }
      />
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="drill-conditions">
        <span className="font-medium text-slate-700">{t("conditions")}:</span>
        {conditions.map((c) => (
          <span key={c} className="rounded-full bg-white px-2.5 py-0.5 text-xs ring-1 ring-inset ring-slate-200">
            {c}
          </span>
        ))}
      </p>
    </>
  );
}
