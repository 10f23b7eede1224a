import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChannelRecordForm, type Choice, type ChoiceOrGroup } from "@/components/forms/channel-record-form";
import { ImportUploadForm } from "@/components/forms/import-forms";
import { fill, intakeStrings } from "@/components/forms/intake-strings";
import { KindBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { listOwnRecords } from "@/db/queries/records";
import { recordKinds, urgencies } from "@/db/schema";
import { localName, type Locale } from "@/lib/i18n/config";
import { listCities, listProvinces } from "@/lib/regions";
import { importChannels, importLimits, listCategoryGroups, listImportBatches } from "@/lib/services/imports";
import { requirePermission } from "@/lib/session";
import { recordLimits } from "@/lib/validation/record";

/** Province and city names in the reader's script; the service accepts either script. */
function regionChoices(locale: Locale): Choice[] {
  const name = (r: { nameHans: string; nameHant: string }) => (locale === "zh-Hant" ? r.nameHant : r.nameHans);
  return listProvinces().flatMap((p) => [
    { value: name(p), label: locale === "en" ? p.nameEn : "" },
    ...listCities(p.code)
      .filter((c) => !c.sameAsProvince)
      .map((c) => ({ value: name(c), label: locale === "en" ? `${c.nameEn}, ${p.nameEn}` : name(p) })),
  ]);
}

export default async function SpecialistIntake() {
  const viewer = await requirePermission("record.import");
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const s = intakeStrings[locale] ?? intakeStrings["zh-Hans"];
  const [groups, recent, batches] = await Promise.all([listCategoryGroups(db), listOwnRecords(db, viewer, 10), listImportBatches(db, viewer, 8)]);

  const categories: ChoiceOrGroup[] = groups.map((g) =>
    g.children.length === 0
      ? { value: g.code, label: localName(g, locale) }
      : {
          group: localName(g, locale),
          options: [{ value: g.code, label: `${localName(g, locale)}${s.manual.general}` }, ...g.children.map((c) => ({ value: c.code, label: localName(c, locale) }))],
        },
  );
  const channels: Choice[] = importChannels.map((c) => ({ value: c, label: s.channels[c] }));
  const kinds: Choice[] = recordKinds.map((k) => ({ value: k, label: t(`recordKind.${k}`) }));
  const maxMb = importLimits.maxBytes / 1024 / 1024;

  return (
    <>
      <PageHeader title={s.title} description={s.description} />
      <div className="grid gap-6 xl:grid-cols-5">
        <Card title={s.manual.title} className="xl:col-span-3">
          <ChannelRecordForm
            labels={{
              channel: s.fields.channel,
              kind: t("fields.kind"),
              category: t("fields.category"),
              region: s.fields.region,
              occurredAt: s.fields.occurredAt,
              source: s.fields.source,
              sourceUrl: s.fields.sourceUrl,
              summary: t("fields.summary"),
              customerWords: s.fields.customerWords,
              urgency: s.fields.urgency,
              choose: s.manual.choose,
              submit: s.manual.submit,
              pending: t("common.saving"),
              hints: s.hints,
            }}
            channels={channels}
            kinds={kinds}
            urgencies={urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            categories={categories}
            regions={regionChoices(locale)}
            limits={{ summary: recordLimits.summary, customerWords: recordLimits.customerWords, source: recordLimits.source, sourceUrl: recordLimits.sourceUrl }}
          />
        </Card>
        <Card title={s.upload.title} className="xl:col-span-2">
          <p className="mb-4 text-sm text-slate-600">{s.upload.hint}</p>
          <ImportUploadForm
            labels={{
              files: s.upload.files,
              filesHint: fill(s.upload.filesHint, { maxMb, maxRows: format.number(importLimits.maxRows) }),
              defaults: s.upload.defaults,
              defaultsHint: s.upload.defaultsHint,
              noDefault: s.upload.noDefault,
              channel: s.fields.channel,
              kind: t("fields.kind"),
              category: t("fields.category"),
              submit: s.upload.submit,
              pending: s.upload.pending,
              tooLarge: fill(s.refusals.tooLarge, { maxMb }),
              failed: s.upload.failed,
            }}
            channels={channels}
            kinds={kinds}
            categories={categories}
            maxBytes={importLimits.maxBytes}
          />
        </Card>
      </div>
      <div className="mt-6 grid gap-6 xl:grid-cols-5">
        <Card title={s.recent.records} className="xl:col-span-3">
          {recent.length === 0 ? (
            <EmptyState title={s.recent.noRecords} />
          ) : (
            <Table caption={s.recent.records} head={[t("fields.createdAt"), s.fields.channel, t("fields.kind"), t("fields.summary"), t("fields.category")]}>
              {recent.map((r) => (
                <tr key={r.id} data-testid="intake-recent-record">
                  <Td className="whitespace-nowrap text-slate-600">{format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}</Td>
                  <Td className="whitespace-nowrap">{r.channel in s.channels ? s.channels[r.channel as keyof typeof s.channels] : r.channel}</Td>
                  <Td>
                    <KindBadge kind={r.kind} />
                  </Td>
                  <Td className="max-w-xs">{r.summary}</Td>
                  <Td className="text-slate-600">{localName(r.category, locale)}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title={s.recent.imports} className="xl:col-span-2">
          {batches.length === 0 ? (
            <EmptyState title={s.recent.noImports} />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {batches.map((b) => (
                <li key={b.id} className="flex items-start justify-between gap-3 py-2.5 first:pt-0 last:pb-0">
                  <span className="min-w-0">
                    <Link href={`/specialist/intake/import/${b.id}`} className="block truncate font-medium text-brand-700 hover:underline">
                      {b.fileName}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {format.dateTime(b.createdAt, { dateStyle: "short", timeStyle: "short" })} · {fill(s.recent.rowsOf, { valid: b.validCount, total: b.rowCount })}
                    </span>
                  </span>
                  <Badge tone={b.status === "committed" ? "green" : "amber"}>{b.status === "committed" ? s.recent.status.committed : s.recent.status.previewed}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
