import { getTranslations } from "next-intl/server";
import { isNotice } from "@/lib/actions/notice";

/** The outcome of a step whose form is gone from the page (see lib/actions/notice.ts). */
export async function NoticeBanner({ notice }: { notice: string | string[] | undefined }) {
  if (!isNotice(notice)) return null;
  const t = await getTranslations();
  const warn = notice.endsWith("WordingNeeded");
  return (
    <p role="status" data-testid="notice" className={`mb-4 rounded-lg px-4 py-2 text-sm ring-1 ring-inset ${warn ? "bg-amber-50 text-amber-900 ring-amber-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200"}`}>
      {t(notice)}
    </p>
  );
}
