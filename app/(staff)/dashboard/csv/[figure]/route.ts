import { getLocale, getTranslations } from "next-intl/server";
import { getReadDb } from "@/db";
import type { Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import { getViewer } from "@/lib/session";
import { parseStatsFilters } from "@/lib/stats/filters";
import { isStatsFigure, runStatsFigure } from "@/lib/stats/registry";
import { statsScopeFor } from "@/lib/stats/scope";
import { figureTables, toCsv, type Translate } from "@/lib/stats/tables";

/** The byte-order mark that makes Excel read the file as UTF-8 (Chinese names intact). */
const bom = "\uFEFF";

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * A dashboard figure as CSV: the same rows as the table under its chart, for the same filters
 * and within the viewer's scope. `?part=` picks one table of a figure that has several.
 */
export async function GET(request: Request, { params }: { params: Promise<{ figure: string }> }): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return plain(401, "Sign in first.");
  if (!can(viewer.role, "dashboard.read")) return plain(403, "Forbidden.");
  let scope;
  try {
    scope = statsScopeFor(viewer);
  } catch {
    return plain(403, "Forbidden.");
  }
  const { figure } = await params;
  if (!isStatsFigure(figure)) return plain(404, "No such figure.");
  const url = new URL(request.url);
  const parsed = parseStatsFilters(url.searchParams);
  if (!parsed.ok) return plain(400, `Invalid filters: ${parsed.errors.map((e) => e.field).join(", ")}`);
  const filters = parsed.filters;
  const data = await runStatsFigure(await getReadDb(), figure, filters, scope);
  const [t, locale] = [await getTranslations(), (await getLocale()) as Locale];
  const tables = figureTables(figure, data as never, { t: t as unknown as Translate, locale, filters });
  const part = url.searchParams.get("part");
  const table = (part ? tables.find((tb) => tb.part === part) : undefined) ?? tables[0];
  if (!table) return plain(404, "No such table.");
  const name = `voc-${figure}${table.part !== figure ? `-${table.part}` : ""}-${filters.from}-${filters.to}.csv`;
  return new Response(bom + toCsv(table), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
