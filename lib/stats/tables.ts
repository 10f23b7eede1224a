import type { StatsFigure, statsFigures } from "./registry";
import type { StatsFilters } from "./filters";
import { issuesHref, periodRange, recordsHref, dashboardHref, type IssueDrillParams, type RecordDrill } from "./url";
import { localName, type Locale } from "@/lib/i18n/config";

/**
 * Every dashboard figure as a table: the accessible alternative under each chart and the CSV
 * download are the same rows, so what is read, downloaded and drawn cannot disagree.
 */

export type FigureResult<F extends StatsFigure> = Awaited<ReturnType<(typeof statsFigures)[F]>>;

/** How a column's values are written: fractions as percentages, `change` already in percent. */
export type ColumnFormat = "text" | "int" | "decimal" | "percent" | "change";

export type Cell = string | number | null;

/** Where a row leads: the records or issues behind it, a narrower dashboard, or a page. */
export type DrillTarget = { records: RecordDrill } | { issues: IssueDrillParams } | { dashboard: { categoryId?: number; fix?: number } } | { href: string };

export interface FigureRow {
  cells: Cell[];
  target?: DrillTarget;
}

export interface FigureTable {
  /** Names the table within its figure (`?part=` of the CSV route). */
  part: string;
  title: string;
  columns: { label: string; format: ColumnFormat }[];
  rows: FigureRow[];
}

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

export interface TableContext {
  /** The root translator (keys like `dashboard.columns.period`). */
  t: Translate;
  locale: Locale;
  filters: StatsFilters;
}

const col = (ctx: TableContext, key: string, format: ColumnFormat = "text") => ({ label: ctx.t(`dashboard.columns.${key}`), format });
const title = (ctx: TableContext, key: string) => ctx.t(`dashboard.tables.${key}`);

/** The records behind one period of a time series. */
function periodTarget(ctx: TableContext, period: string, extra: RecordDrill = {}): DrillTarget {
  return { records: { ...periodRange(period, ctx.filters.grain, ctx.filters), ...extra } };
}

type Builders = { [F in StatsFigure]: (data: FigureResult<F>, ctx: TableContext) => FigureTable[] };

const builders: Builders = {
  trend: (data, ctx) => [
    {
      part: "trend",
      title: title(ctx, "trend"),
      columns: [col(ctx, "period"), ...data.kinds.map((k) => ({ label: ctx.t(`recordKind.${k}`), format: "int" as const })), col(ctx, "total", "int")],
      rows: data.points.map((p) => ({ cells: [p.period, ...data.kinds.map((k) => p.byKind[k] ?? 0), p.total], target: periodTarget(ctx, p.period) })),
    },
  ],
  categories: (data, ctx) => [
    {
      part: "categories",
      title: data.parent ? ctx.t("dashboard.charts.categoriesIn", { parent: localName(data.parent, ctx.locale) }) : title(ctx, "categories"),
      columns: [col(ctx, "category"), col(ctx, "categoryCode"), col(ctx, "records", "int")],
      rows: data.rows.map((r) => ({
        cells: [localName(r, ctx.locale), r.code, r.n],
        target: r.hasChildren ? { dashboard: { categoryId: r.categoryId } } : { records: { categoryId: r.categoryId } },
      })),
    },
  ],
  channels: (data, ctx) => [
    {
      part: "channels",
      title: title(ctx, "channels"),
      columns: [col(ctx, "channel"), col(ctx, "records", "int")],
      rows: data.map((r) => ({ cells: [ctx.t(`issue.channel.${r.channel}`), r.n], target: { records: { channel: r.channel } } })),
    },
  ],
  sites: (data, ctx) => [
    {
      part: "sites",
      title: title(ctx, "sites"),
      columns: [col(ctx, "site"), col(ctx, "records", "int")],
      rows: data.map((r) => ({
        cells: [r.siteId === null ? ctx.t("dashboard.noSite") : localName(r, ctx.locale), r.n],
        target: { records: { siteId: r.siteId ?? 0 } },
      })),
    },
  ],
  provinces: (data, ctx) => [
    {
      part: "provinces",
      title: title(ctx, "provinces"),
      columns: [col(ctx, "province"), col(ctx, "records", "int")],
      rows: data.rows.map((r) => ({
        cells: [r.code === null ? ctx.t("dashboard.noRegion") : localName(r, ctx.locale), r.n],
        target: { records: { province: r.code ?? "none" } },
      })),
    },
  ],
  rising: (data, ctx) => [
    {
      part: "rising",
      title: title(ctx, "rising"),
      columns: [col(ctx, "category"), col(ctx, "recent", "int"), col(ctx, "usual", "decimal"), col(ctx, "ratio", "decimal")],
      rows: data.map((r) => ({
        cells: [localName(r, ctx.locale), r.recent, r.usual, r.ratio],
        target: { records: { categoryId: r.categoryId, from: lastWeekFrom(ctx.filters.to), to: ctx.filters.to } },
      })),
    },
  ],
  resolution: (data, ctx) => [
    {
      part: "periods",
      title: title(ctx, "resolution"),
      columns: [col(ctx, "period"), col(ctx, "published", "int"), col(ctx, "resolved", "int"), col(ctx, "rate", "percent")],
      rows: data.points.map((p) => ({
        cells: [p.period, p.published, p.resolved, p.rate],
        target: { issues: { drill: "published", ...periodRange(p.period, ctx.filters.grain, ctx.filters) } },
      })),
    },
    {
      part: "departments",
      title: title(ctx, "resolutionByDepartment"),
      columns: [col(ctx, "department"), col(ctx, "issues", "int"), col(ctx, "resolved", "int"), col(ctx, "rate", "percent")],
      rows: data.byDepartment.map((d) => ({
        cells: [localName(d, ctx.locale), d.issues, d.resolved, d.rate],
        target: { issues: { drill: "published", departmentId: d.departmentId } },
      })),
    },
  ],
  "open-issues": (data, ctx) => [
    {
      part: "open-issues",
      title: title(ctx, "openIssues"),
      columns: [col(ctx, "age"), col(ctx, "beforeBulletin", "int"), col(ctx, "inAction", "int"), col(ctx, "total", "int")],
      rows: data.map((b) => ({
        cells: [ctx.t(`dashboard.ages.${b.bucket}`), b.beforeBulletin, b.inAction, b.beforeBulletin + b.inAction],
        target: { issues: { drill: "open", bucket: b.bucket } },
      })),
    },
  ],
  "actions-on-time": (data, ctx) => [
    {
      part: "actions-on-time",
      title: title(ctx, "actionsOnTime"),
      columns: [col(ctx, "department"), col(ctx, "due", "int"), col(ctx, "onTime", "int"), col(ctx, "rate", "percent")],
      rows: data.byDepartment.map((d) => ({ cells: [localName(d, ctx.locale), d.due, d.onTime, d.rate] })),
    },
  ],
  "cycle-times": (data, ctx) => [
    {
      part: "cycle-times",
      title: title(ctx, "cycleTimes"),
      columns: [col(ctx, "stage"), col(ctx, "count", "int"), col(ctx, "median", "decimal"), col(ctx, "p90", "decimal")],
      rows: data.map((s) => ({ cells: [ctx.t(`dashboard.stages.${s.stage}`), s.count, s.median, s.p90] })),
    },
  ],
  bulletins: (data, ctx) => [
    {
      part: "bulletins",
      title: title(ctx, "bulletins"),
      columns: [col(ctx, "bulletin"), col(ctx, "publishedAt"), col(ctx, "issues", "int"), col(ctx, "records", "int")],
      rows: data.map((b) => ({
        cells: [ctx.t("bulletin.numberTitle", { number: b.number, title: b.title }), isoDay(b.publishedAt), b.issues, b.records],
        target: { href: `/bulletins/${b.bulletinId}` },
      })),
    },
  ],
  shifts: (data, ctx) => [
    {
      part: "shifts",
      title: title(ctx, "shifts"),
      columns: [
        col(ctx, "period"),
        col(ctx, "total", "int"),
        col(ctx, "complaints", "int"),
        col(ctx, "suggestions", "int"),
        col(ctx, "proactive", "int"),
        col(ctx, "complaintShare", "percent"),
        col(ctx, "suggestionShare", "percent"),
        col(ctx, "proactiveShare", "percent"),
      ],
      rows: data.map((p) => ({
        cells: [p.period, p.total, p.complaints, p.suggestions, p.proactive, share(p.complaints, p.total), share(p.suggestions, p.total), share(p.proactive, p.total)],
        target: periodTarget(ctx, p.period),
      })),
    },
  ],
  "fix-effects": (data, ctx) => [
    {
      part: "fixes",
      title: title(ctx, "fixEffects"),
      columns: [col(ctx, "fix"), col(ctx, "category"), col(ctx, "fixedOn"), col(ctx, "days", "int"), col(ctx, "before", "int"), col(ctx, "after", "int"), col(ctx, "change", "change")],
      rows: [
        ...data.fixes.map((f) => ({
          cells: [fixTitle(f), localName(f, ctx.locale), f.fixedOn, f.days, f.before, f.after, f.changePercent],
          target: { href: `/issues/${f.issueId}` },
        })),
        ...(data.fixes.length > 0 ? [{ cells: [ctx.t("dashboard.charts.totalChange"), null, null, null, data.before, data.after, data.changePercent] as Cell[] }] : []),
      ],
    },
    {
      part: "weekly",
      title: title(ctx, "fixWeekly"),
      columns: [col(ctx, "fix"), col(ctx, "week", "int"), col(ctx, "records", "int")],
      rows: data.fixes.flatMap((f) => f.weekly.map((w) => ({ cells: [fixTitle(f), w.week, w.n] }))),
    },
  ],
  teams: (data, ctx) => [
    {
      part: "teams",
      title: title(ctx, "teams"),
      columns: [col(ctx, "site"), col(ctx, "team"), col(ctx, "filed", "int"), col(ctx, "escalated", "int"), col(ctx, "escalatedShare", "percent"), col(ctx, "ideasPracticed", "int")],
      rows: data.map((r) => ({
        cells: [localName(r.site, ctx.locale), r.teamName, r.filed, r.escalated, r.escalatedShare, r.ideasPracticed],
        target: { records: { teamId: r.teamId } },
      })),
    },
  ],
};

/** The public wording of a fix where there is one: tables travel further than the page. */
export function fixTitle(fix: { title: string; publicTitle: string | null }): string {
  return fix.publicTitle ?? fix.title;
}

function share(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}

function isoDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

function lastWeekFrom(to: string): string {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 6);
  return d.toISOString().slice(0, 10);
}

export function figureTables<F extends StatsFigure>(figure: F, data: FigureResult<F>, ctx: TableContext): FigureTable[] {
  return (builders[figure] as (data: FigureResult<F>, ctx: TableContext) => FigureTable[])(data, ctx);
}

/** A cell for people: numbers in the reader's locale. */
export function formatCell(value: Cell, format: ColumnFormat, locale: Locale): string {
  if (value === null) return "—";
  if (typeof value === "string") return value;
  const tag = locale;
  switch (format) {
    case "int":
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
    case "decimal":
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value);
    case "percent":
      return new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 }).format(value);
    case "change":
      return `${value > 0 ? "+" : ""}${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value)}%`;
    default:
      return String(value);
  }
}

/** A cell for spreadsheets: plain digits (no grouping), percentages Excel reads as numbers. */
function csvCell(value: Cell, format: ColumnFormat): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (format === "percent") return `${(value * 100).toFixed(1)}%`;
  if (format === "change") return `${value.toFixed(1)}%`;
  if (format === "decimal") return String(Math.round(value * 10) / 10);
  return String(value);
}

function csvQuote(text: string): string {
  // A leading = + - @ would be a formula in Excel; text cells are quoted and guarded.
  const guarded = /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text.replace(/%$/, ""))) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) || guarded !== text ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The table as CSV (CRLF lines), without the byte-order mark the download adds. */
export function toCsv(table: FigureTable): string {
  const lines = [table.columns.map((c) => csvQuote(c.label)).join(",")];
  for (const row of table.rows) lines.push(row.cells.map((v, i) => csvQuote(csvCell(v, table.columns[i]?.format ?? "text"))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Where a row's link goes, with the view's filters. */
export function targetHref(target: DrillTarget, filters: StatsFilters): string {
  if ("href" in target) return target.href;
  if ("records" in target) return recordsHref(filters, target.records);
  if ("issues" in target) return issuesHref(filters, target.issues);
  return dashboardHref({ ...filters, categoryId: target.dashboard.categoryId ?? filters.categoryId }, { fix: target.dashboard.fix });
}
