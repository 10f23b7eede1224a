import { getTranslations } from "next-intl/server";
import type { BulletinDiff } from "@/db/queries/bulletins";
import { diffText } from "@/lib/bulletin-text";

/** A correction's note and what it changed against the revision it replaces. */
export async function BulletinChanges({ changeNote, diff, summary }: { changeNote: string | null; diff: BulletinDiff | null; summary: string }) {
  const t = await getTranslations("bulletins.changes");
  return (
    <section className="bulletin-changes mt-6 rounded-lg border border-amber-300 bg-amber-50/60 p-4 text-sm print:bg-white" data-testid="bulletin-changes">
      <h2 className="font-semibold text-amber-900">{t("title")}</h2>
      {changeNote ? <p className="mt-1 whitespace-pre-line text-slate-800">{changeNote}</p> : null}
      {diff ? (
        <div className="mt-3 space-y-2 text-slate-700">
          <p className="text-xs text-slate-500">{t("against", { number: diff.previous.number, revision: diff.previous.revision })}</p>
          {diff.titleChanged ? <p>{t("titleChanged", { before: diff.previous.title })}</p> : null}
          {diff.periodChanged ? <p>{t("periodChanged", { start: diff.previous.periodStart, end: diff.previous.periodEnd })}</p> : null}
          {diff.added.length > 0 ? (
            <p>
              {t("added")}
              {diff.added.map((i) => (
                <ins key={i.id} className="ml-2 rounded bg-emerald-100 px-1 no-underline">
                  #{i.id} {i.title}
                </ins>
              ))}
            </p>
          ) : null}
          {diff.removed.length > 0 ? (
            <p>
              {t("removed")}
              {diff.removed.map((i) => (
                <del key={i.id} className="ml-2 rounded bg-rose-100 px-1">
                  #{i.id} {i.title}
                </del>
              ))}
            </p>
          ) : null}
          {diff.summaryChanged ? (
            <div>
              <p>{t("summaryChanged")}</p>
              <p className="mt-1 whitespace-pre-line rounded bg-white p-2 leading-relaxed ring-1 ring-inset ring-amber-200">
                {diffText(diff.previous.summary, summary).map((part, index) =>
                  part.kind === "same" ? (
                    <span key={index}>{part.text}</span>
                  ) : part.kind === "added" ? (
                    <ins key={index} className="bg-emerald-100 no-underline" title={t("insertion")}>
                      {part.text}
                    </ins>
                  ) : (
                    <del key={index} className="bg-rose-100 text-rose-800" title={t("deletion")}>
                      {part.text}
                    </del>
                  ),
                )}
              </p>
            </div>
          ) : null}
          {!diff.titleChanged && !diff.periodChanged && !diff.summaryChanged && diff.added.length === 0 && diff.removed.length === 0 ? <p>{t("nothing")}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
