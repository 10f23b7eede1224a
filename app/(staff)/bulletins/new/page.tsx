import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { BulletinEditor } from "@/components/workflow/bulletin-editor";
import { bulletinIssueOptions, getBulletinEditorStrings } from "@/components/workflow/bulletin-editor-strings";
import { getDb } from "@/db";
import { getNextBulletinNumber, listBulletinCandidates } from "@/db/queries/bulletins";
import { todayInCenter } from "@/lib/dates";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulletins"))("editor.newTitle") };
}

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A new bulletin. It takes the next number of the series, one past the highest so far,
 * drafts included: with 第9期 still being compiled, a new one is 第10期.
 */
export default async function NewBulletin({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("bulletin.compile");
  const db = await getDb();
  const [t, next, candidates] = [await getTranslations("bulletins"), await getNextBulletinNumber(db), await listBulletinCandidates(db, viewer)];
  const wanted = Number.parseInt(String((await searchParams).issue ?? ""), 10);
  const today = todayInCenter();
  return (
    <>
      <PageHeader title={t("editor.newTitle")} description={t("editor.newDescription", { number: next })} />
      <BulletinEditor
        bulletin={{
          correction: false,
          title: "",
          periodStart: daysBefore(today, 20),
          periodEnd: today,
          summary: "",
          changeNote: "",
          issueIds: candidates.some((c) => c.id === wanted) ? [wanted] : [],
        }}
        candidates={await bulletinIssueOptions(candidates)}
        strings={await getBulletinEditorStrings()}
        cancelHref="/bulletins"
      />
    </>
  );
}
