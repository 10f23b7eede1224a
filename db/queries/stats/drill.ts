import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "@/db/client";
import { categories, issues, records, sites, type Channel, type IssueStatus, type RecordKind, type RecordStatus } from "@/db/schema";
import { addDays, type StatsFilters } from "@/lib/stats/filters";
import { todayInCenter } from "@/lib/dates";
import type { StatsScope } from "@/lib/stats/scope";
import { categoryFamily, type Names } from "./records";
import { issueConditions, localDay, type AgeBucket } from "./workflow";

/**
 * The records or issues behind a bar or point: the same filters as the figure, read from the
 * raw tables one page at a time (newest first, by keyset), within the viewer's scope.
 */

export interface DrillRecordFilters extends StatsFilters {
  /** A province's six-digit code, or "none" for records without a region. */
  province?: string;
  teamId?: number;
}

export interface DrillRecord {
  id: number;
  occurredAt: Date;
  kind: RecordKind;
  channel: Channel;
  status: RecordStatus;
  summary: string;
  category: Names;
  siteCode: string | null;
  issueId: number | null;
}

export interface DrillPage<T> {
  items: T[];
  /** Pass back as `after` for the next page; null on the last page. */
  next: string | null;
}

/** Midnight at the start of a center day, as a timestamp literal (UTC+8 all year). */
const startOf = (day: string) => `${day}T00:00:00+08:00`;

export async function listRecordsBehind(
  db: Executor,
  filters: DrillRecordFilters,
  scope: StatsScope,
  page: { after?: string | null; limit?: number } = {},
): Promise<DrillPage<DrillRecord>> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
  if (scope.level === "department") return { items: [], next: null };
  const parts: SQL[] = [
    sql`r.occurred_at >= ${startOf(filters.from)}::timestamptz`,
    sql`r.occurred_at < ${startOf(addDays(filters.to, 1))}::timestamptz`,
  ];
  if (scope.level === "author") parts.push(sql`r.author_id = ${scope.authorId}`);
  if (scope.level === "team") parts.push(sql`r.team_id = ${scope.teamId}`);
  if (scope.level === "site") parts.push(sql`r.site_id = ${scope.siteId}`);
  if (filters.siteId !== undefined) parts.push(filters.siteId === 0 ? sql`r.site_id is null` : sql`r.site_id = ${filters.siteId}`);
  if (filters.teamId !== undefined) parts.push(sql`r.team_id = ${filters.teamId}`);
  if (filters.kind) parts.push(sql`r.kind = ${filters.kind}`);
  if (filters.channel) parts.push(sql`r.channel = ${filters.channel}`);
  if (filters.categoryId !== undefined) {
    const family = await categoryFamily(db, filters.categoryId);
    parts.push(sql`r.category_id in (${sql.join((family.length > 0 ? family : [-1]).map((id) => sql`${id}`), sql`, `)})`);
  }
  if (filters.province === "none") parts.push(sql`r.region_code is null`);
  else if (filters.province && /^\d{6}$/.test(filters.province)) parts.push(sql`left(r.region_code, 2) = ${filters.province.slice(0, 2)}`);
  const cursor = decodeCursor(page.after);
  if (cursor) parts.push(sql`(r.occurred_at, r.id) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::bigint)`);
  const found = await queryRows<{
    id: number;
    occurred_at: string | Date;
    kind: RecordKind;
    channel: Channel;
    status: RecordStatus;
    summary: string;
    name_hans: string;
    name_hant: string;
    name_en: string;
    site_code: string | null;
    issue_id: number | null;
  }>(
    db,
    sql`select r.id, r.occurred_at, r.kind, r.channel, r.status, r.summary, c.name_hans, c.name_hant, c.name_en, s.code as site_code, r.issue_id
        from ${records} r join ${categories} c on c.id = r.category_id left join ${sites} s on s.id = r.site_id
        where ${sql.join(parts, sql` and `)}
        order by r.occurred_at desc, r.id desc limit ${limit + 1}`,
  );
  const items = found.slice(0, limit).map((r) => ({
    id: Number(r.id),
    occurredAt: new Date(r.occurred_at),
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    summary: r.summary,
    category: { nameHans: r.name_hans, nameHant: r.name_hant, nameEn: r.name_en },
    siteCode: r.site_code,
    issueId: r.issue_id === null ? null : Number(r.issue_id),
  }));
  const last = items.at(-1);
  return { items, next: found.length > limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}

function encodeCursor(at: Date, id: number): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(value: string | null | undefined): { at: Date; id: number } | null {
  if (!value) return null;
  const [at, id] = Buffer.from(value, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  const n = Number(id);
  return Number.isNaN(date.getTime()) || !Number.isInteger(n) ? null : { at: date, id: n };
}

export type IssueDrill =
  | { kind: "published"; resolved?: boolean; departmentId?: number }
  | { kind: "open"; bucket?: AgeBucket };

export interface DrillIssue {
  id: number;
  title: string;
  status: IssueStatus;
  category: Names;
  createdAt: Date;
  publishedAt: Date | null;
  resolvedAt: Date | null;
  recordCount: number;
}

/** The issues behind a resolution or age figure. */
export async function listIssuesBehind(
  db: Executor,
  filters: StatsFilters,
  scope: StatsScope,
  drill: IssueDrill,
  today = todayInCenter(),
): Promise<DrillIssue[]> {
  const parts: SQL[] = [await issueConditions(db, filters, scope)];
  if (drill.kind === "published") {
    parts.push(sql`i.published_at is not null and ${localDay(sql`i.published_at`)} between ${filters.from}::date and ${filters.to}::date`);
    if (drill.resolved !== undefined) parts.push(drill.resolved ? sql`i.status = 'resolved'` : sql`i.status <> 'resolved'`);
    if (drill.departmentId !== undefined) parts.push(sql`exists (select 1 from actions a where a.issue_id = i.id and a.department_id = ${drill.departmentId})`);
  } else {
    parts.push(sql`i.status <> 'resolved'`);
    const age = sql`(${today}::date - ${localDay(sql`i.created_at`)})`;
    if (drill.bucket === "week") parts.push(sql`${age} <= 7`);
    if (drill.bucket === "month") parts.push(sql`${age} between 8 and 30`);
    if (drill.bucket === "quarter") parts.push(sql`${age} between 31 and 90`);
    if (drill.bucket === "older") parts.push(sql`${age} > 90`);
  }
  const found = await queryRows<{
    id: number;
    title: string;
    status: IssueStatus;
    name_hans: string;
    name_hant: string;
    name_en: string;
    created_at: string | Date;
    published_at: string | Date | null;
    resolved_at: string | Date | null;
    record_count: number;
  }>(
    db,
    sql`select i.id, i.title, i.status, c.name_hans, c.name_hant, c.name_en, i.created_at, i.published_at, i.resolved_at, i.record_count
        from ${issues} i join ${categories} c on c.id = i.category_id
        where ${sql.join(parts, sql` and `)} order by i.created_at desc, i.id desc limit 200`,
  );
  return found.map((i) => ({
    id: Number(i.id),
    title: i.title,
    status: i.status,
    category: { nameHans: i.name_hans, nameHant: i.name_hant, nameEn: i.name_en },
    createdAt: new Date(i.created_at),
    publishedAt: i.published_at ? new Date(i.published_at) : null,
    resolvedAt: i.resolved_at ? new Date(i.resolved_at) : null,
    recordCount: Number(i.record_count),
  }));
}
