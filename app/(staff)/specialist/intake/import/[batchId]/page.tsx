import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ImportCommitForms } from "@/components/forms/import-forms";
import { fill, intakeStrings, type IntakeStrings } from "@/components/forms/intake-strings";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { recordKinds, type RecordKind } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { localName, type Locale } from "@/lib/i18n/config";
import { getProvinceOf, getRegion } from "@/lib/regions";
import { getImportBatch, isValidRow, listCategoryGroups, type ImportBatchView, type ImportField, type ImportRow } from "@/lib/services/imports";
import { requirePermission } from "@/lib/session";
import { parseMessage } from "@/lib/validation/errors";

type Search = Record<string, string | string[] | undefined>;

/** More rows than this are counted but not drawn; the errors filter finds the bad ones. */
const shownRows = 500;

/** Which column shows a field's errors; the rest go to the row's problems column. */
const columnOf: Partial<Record<ImportField, "channelKind" | "summary" | "category" | "region" | "occurredAt">> = {
  channel: "channelKind",
  kind: "channelKind",
  summary: "summary",
  customerWords: "summary",
  categoryCode: "category",
  region: "region",
  occurredAt: "occurredAt",
};

async function loadBatch(batchId: string): Promise<ImportBatchView> {
  const viewer = await requirePermission("record.import");
  const id = Number(batchId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  try {
    return await getImportBatch(await getDb(), viewer, id);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}

function rowList(rows: number[], locale: Locale): string {
  const separator = locale === "en" ? ", " : "、";
  return rows.length > 12 ? `${rows.slice(0, 12).join(separator)} …` : rows.join(separator);
}

export default async function ImportPreview({ params, searchParams }: { params: Promise<{ batchId: string }>; searchParams: Promise<Search> }) {
  const { batchId } = await params;
  const batch = await loadBatch(batchId);
  const show = (await searchParams).show === "errors" ? "errors" : "all";
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const s: IntakeStrings = intakeStrings[locale] ?? intakeStrings["zh-Hans"];
  const groups = await listCategoryGroups(await getDb());
  const categoryNames = new Map(groups.flatMap((g) => [g, ...g.children]).map((c) => [c.code, localName(c, locale)]));

  const describe = (message: string): string => {
    const { key, values } = parseMessage(message);
    if (key.startsWith("import.")) {
      const name = key.slice("import.".length);
      return name in s.rowErrors ? fill(s.rowErrors[name as keyof IntakeStrings["rowErrors"]], values) : key;
    }
    return t.has(key) ? t(key, values) : key;
  };
  const fieldLabel = (field: string): string => {
    if (field === "_row") return "";
    if (field === "summary" || field === "kind") return t(`fields.${field}`);
    if (field === "categoryCode") return t("fields.category");
    return field in s.fields ? s.fields[field as keyof IntakeStrings["fields"]] : field;
  };

  const invalid = batch.rows.filter((r) => !isValidRow(r));
  const skippedRows = invalid.map((r) => r.row);
  const masked = batch.rows.reduce((sum, r) => sum + r.masked, 0);
  const committed = batch.status === "committed";
  const listed = show === "errors" ? invalid : batch.rows;
  const drawn = listed.slice(0, shownRows);
  const mode = batch.committedMode === "all_or_nothing" || batch.committedMode === "valid_only" ? batch.committedMode : null;
  const notSaved = committed ? batch.rows.filter((r) => r.recordId === undefined).map((r) => r.row) : [];

  const cellErrors = (row: ImportRow, column: string) =>
    Object.entries(row.errors)
      .filter(([field]) => columnOf[field as ImportField] === column)
      .flatMap(([, keys]) => keys.map(describe));
  const otherErrors = (row: ImportRow) =>
    Object.entries(row.errors)
      .filter(([field]) => columnOf[field as ImportField] === undefined)
      .flatMap(([field, keys]) => keys.map((k) => ({ field: fieldLabel(field), message: describe(k) })));

  const cell = (errors: string[], children: ReactNode, className = "") => (
    <Td className={`${errors.length ? "bg-rose-50" : ""} ${className}`}>
      {children}
      {errors.map((e) => (
        <p key={e} className="mt-1 text-xs font-medium text-rose-700">
          {e}
        </p>
      ))}
    </Td>
  );
  const kindLabel = (kind: string) => ((recordKinds as readonly string[]).includes(kind) ? t(`recordKind.${kind as RecordKind}`) : kind);
  const channelLabel = (channel: string) => (channel in s.channels ? s.channels[channel as keyof IntakeStrings["channels"]] : channel);
  const regionLabel = (value: string) => {
    const region = /^\d{6}$/.test(value) ? getRegion(value) : null;
    if (!region) return value;
    const province = getProvinceOf(region.code);
    return province && province.code !== region.code && !region.sameAsProvince ? `${localName(province, locale)} · ${localName(region, locale)}` : localName(region, locale);
  };
  const timeLabel = (value: string) => {
    const date = /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : value;
  };

  return (
    <>
      <PageHeader
        title={s.preview.title}
        description={fill(s.preview.description, { file: batch.fileName })}
        actions={
          <Link href="/specialist/intake" className={buttonClass("secondary")}>
            {s.preview.back}
          </Link>
        }
      />
      <StatGrid>
        <Stat label={s.preview.rows} value={format.number(batch.rowCount)} />
        <Stat label={s.preview.valid} value={format.number(batch.validCount)} tone="good" />
        <Stat label={s.preview.invalid} value={format.number(batch.rowCount - batch.validCount)} tone={batch.rowCount > batch.validCount ? "warn" : "neutral"} />
        <Stat label={s.preview.masked} value={format.number(masked)} />
      </StatGrid>

      {committed ? (
        <Card title={s.preview.committedTitle} className="mb-6">
          <div role="status" data-testid="import-committed" className="space-y-1 text-sm text-slate-700">
            <p className="font-medium text-emerald-800">
              {fill(s.preview.committed, {
                count: format.number(batch.committedCount ?? 0),
                at: batch.committedAt ? format.dateTime(batch.committedAt, { dateStyle: "medium", timeStyle: "short" }) : "",
                mode: mode ? s.preview.modes[mode] : "",
              })}
            </p>
            {notSaved.length > 0 ? <p className="text-slate-600">{fill(s.preview.committedSkipped, { rows: rowList(notSaved, locale) })}</p> : null}
          </div>
        </Card>
      ) : (
        <Card title={s.preview.commitTitle} className="mb-6">
          <ImportCommitForms
            batchId={batch.id}
            validCount={batch.validCount}
            labels={{
              allOrNothing: s.preview.allOrNothing,
              allOrNothingHelp: fill(s.preview.allOrNothingHelp, { total: format.number(batch.rowCount) }),
              allOrNothingBlocked: invalid.length > 0 ? fill(s.preview.allOrNothingBlocked, { count: format.number(invalid.length) }) : undefined,
              validOnly: fill(s.preview.validOnly, { count: format.number(batch.validCount) }),
              validOnlyHelp: s.preview.validOnlyHelp,
              validOnlySkips: skippedRows.length > 0 ? fill(s.preview.validOnlySkips, { rows: rowList(skippedRows, locale) }) : undefined,
              pending: s.preview.pending,
            }}
          />
        </Card>
      )}

      <Card
        title={s.preview.table}
        action={
          <nav aria-label={s.preview.table} className="flex gap-1 text-sm">
            <Link
              href={`/specialist/intake/import/${batch.id}`}
              aria-current={show === "all" ? "page" : undefined}
              className={buttonClass(show === "all" ? "secondary" : "ghost", "sm")}
            >
              {s.preview.showAll} ({format.number(batch.rowCount)})
            </Link>
            <Link
              href={`/specialist/intake/import/${batch.id}?show=errors`}
              aria-current={show === "errors" ? "page" : undefined}
              className={buttonClass(show === "errors" ? "secondary" : "ghost", "sm")}
            >
              {s.preview.showInvalid} ({format.number(invalid.length)})
            </Link>
          </nav>
        }
      >
        {drawn.length === 0 ? (
          <EmptyState title={s.preview.noInvalid} />
        ) : (
          <Table
            caption={s.preview.table}
            head={[s.fields.row, `${s.fields.channel} · ${t("fields.kind")}`, t("fields.summary"), t("fields.category"), s.fields.region, s.fields.occurredAt, s.fields.errors]}
          >
            {drawn.map((row) => {
              const valid = isValidRow(row);
              const others = otherErrors(row);
              return (
                <tr key={row.row} data-testid="import-row" data-row={row.row} data-valid={valid}>
                  <th scope="row" className={`px-5 py-3 text-left align-top font-medium tabular-nums ${valid ? "text-slate-700" : "border-l-4 border-rose-500 bg-rose-50 text-rose-800"}`}>
                    {row.row}
                  </th>
                  {cell(
                    cellErrors(row, "channelKind"),
                    <span className="whitespace-nowrap">
                      {row.values.channel ? channelLabel(row.values.channel) : "—"}
                      <span className="block text-xs text-slate-500">{row.values.kind ? kindLabel(row.values.kind) : "—"}</span>
                    </span>,
                  )}
                  {cell(
                    cellErrors(row, "summary"),
                    <div className="max-w-md">
                      <p className="font-medium text-slate-900">{row.values.summary || "—"}</p>
                      {row.values.customerWords ? <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{row.values.customerWords}</p> : null}
                      {row.values.source || row.file ? (
                        <p className="mt-0.5 truncate text-xs text-slate-500">{[row.values.source, row.file ? fill(s.preview.fromFile, { file: row.file }) : ""].filter(Boolean).join(" · ")}</p>
                      ) : null}
                    </div>,
                  )}
                  {cell(cellErrors(row, "category"), categoryNames.get(row.values.categoryCode) ?? (row.values.categoryCode || "—"))}
                  {cell(cellErrors(row, "region"), row.values.region ? regionLabel(row.values.region) : "—", "whitespace-nowrap")}
                  {cell(cellErrors(row, "occurredAt"), row.values.occurredAt ? timeLabel(row.values.occurredAt) : "—", "whitespace-nowrap")}
                  <Td className={others.length ? "bg-rose-50" : ""}>
                    {committed ? (
                      row.recordId !== undefined ? (
                        <Badge tone="green">{fill(s.preview.recordNumber, { id: row.recordId })}</Badge>
                      ) : (
                        <Badge tone="neutral">{s.preview.skipped}</Badge>
                      )
                    ) : null}
                    {others.length > 0 ? (
                      <ul className="space-y-1 text-xs font-medium text-rose-700">
                        {others.map((o) => (
                          <li key={`${o.field}${o.message}`}>{o.field ? `${o.field}${locale === "en" ? ": " : "："}${o.message}` : o.message}</li>
                        ))}
                      </ul>
                    ) : !valid && !committed ? (
                      <Badge tone="red">{s.preview.invalid}</Badge>
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
        {listed.length > drawn.length ? <p className="mt-4 text-xs text-slate-500">{fill(s.preview.truncated, { shown: drawn.length, total: listed.length })}</p> : null}
      </Card>
    </>
  );
}
