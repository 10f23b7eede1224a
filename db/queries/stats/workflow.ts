import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "@/db/client";
import { actions, departments, issues } from "@/db/schema";
import { todayInCenter } from "@/lib/dates";
import type { Grain, StatsFilters } from "@/lib/stats/filters";
import { scopeSiteId, type StatsScope } from "@/lib/stats/scope";
import { categoryFamily, periodsBetween, type Names } from "./records";

/**
 * Workflow figures: resolution, ages, time limits kept, cycle times, bulletins. They read the
 * issues, actions and bulletins tables (thousands of rows, not millions) and the issues' record
 * counts that the records triggers keep; never the raw records.
 */


/**
 * The WHERE on issues (aliased `i`) for the filters and the viewer's scope. Issues rejected or
 * merged left the workflow without a fix of their own and count nowhere.
 */
export async function issueConditions(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<SQL> {
  const parts: SQL[] = [sql`i.status not in ('rejected', 'merged')`];
  const siteId = scopeSiteId(scope) ?? filters.siteId;
  if (siteId !== undefined) parts.push(sql`i.site_id = ${siteId}`);
  if (filters.categoryId !== undefined) {
    const family = await categoryFamily(db, filters.categoryId);
    parts.push(sql`i.category_id in (${sql.join((family.length > 0 ? family : [-1]).map((id) => sql`${id}`), sql`, `)})`);
  }
  if (scope.level === "department") {
    parts.push(sql`exists (select 1 from ${actions} a where a.issue_id = i.id and a.department_id = ${scope.departmentId})`);
  }
  return sql.join(parts, sql` and `);
}

/** A timestamp's calendar day in the center's zone. */
export const localDay = (column: SQL) => sql`voc_local_day(${column})`;

function periodExpr(grain: Grain, day: SQL): SQL<string> {
  return sql<string>`to_char(date_trunc(${sql.raw(`'${grain}'`)}, ${day}::timestamp), 'YYYY-MM-DD')`;
}

export interface ResolutionPoint {
  period: string;
  published: number;
  resolved: number;
  /** resolved ÷ published of the issues published in the period, as they stand today; null with none. */
  rate: number | null;
}

export interface DepartmentResolution extends Names {
  departmentId: number;
  issues: number;
  resolved: number;
  rate: number | null;
}

export interface Resolution {
  published: number;
  resolved: number;
  rate: number | null;
  /** The seed's figure: 90 of 100 issues handled. */
  reference: number;
  points: ResolutionPoint[];
  byDepartment: DepartmentResolution[];
}

export const referenceResolutionRate = 0.9;

const rate = (resolved: number, total: number) => (total > 0 ? resolved / total : null);

/** Resolved ÷ published issues, for issues published in the range: overall, by period, by department. */
export async function getResolution(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<Resolution> {
  const where = await issueConditions(db, filters, scope);
  const inRange = sql`i.published_at is not null and ${localDay(sql`i.published_at`)} between ${filters.from}::date and ${filters.to}::date`;
  const period = periodExpr(filters.grain, localDay(sql`i.published_at`));
  const byPeriod = await queryRows<{ period: string; published: number; resolved: number }>(
    db,
    sql`select ${period} as period, count(*)::int as published, (count(*) filter (where i.status = 'resolved'))::int as resolved
        from ${issues} i where ${where} and ${inRange} group by 1 order by 1`,
  );
  const departmentScope = scope.level === "department" ? sql`and a.department_id = ${scope.departmentId}` : sql``;
  const byDepartment = await queryRows<{ department_id: number; name_hans: string; name_hant: string; name_en: string; issues: number; resolved: number }>(
    db,
    sql`select d.id as department_id, d.name_hans, d.name_hant, d.name_en, count(distinct i.id)::int as issues,
          (count(distinct i.id) filter (where i.status = 'resolved'))::int as resolved
        from ${issues} i join ${actions} a on a.issue_id = i.id ${departmentScope} join ${departments} d on d.id = a.department_id
        where ${where} and ${inRange} group by d.id order by issues desc, d.id`,
  );
  const counted = new Map(byPeriod.map((r) => [r.period, r]));
  const points = periodsBetween(filters.from, filters.to, filters.grain).map((p) => {
    const r = counted.get(p);
    const published = Number(r?.published ?? 0);
    const resolved = Number(r?.resolved ?? 0);
    return { period: p, published, resolved, rate: rate(resolved, published) };
  });
  const published = points.reduce((sum, p) => sum + p.published, 0);
  const resolved = points.reduce((sum, p) => sum + p.resolved, 0);
  return {
    published,
    resolved,
    rate: rate(resolved, published),
    reference: referenceResolutionRate,
    points,
    byDepartment: byDepartment.map((d) => ({
      departmentId: d.department_id,
      nameHans: d.name_hans,
      nameHant: d.name_hant,
      nameEn: d.name_en,
      issues: Number(d.issues),
      resolved: Number(d.resolved),
      rate: rate(Number(d.resolved), Number(d.issues)),
    })),
  };
}

export const ageBuckets = [
  { key: "week", maxDays: 7 },
  { key: "month", maxDays: 30 },
  { key: "quarter", maxDays: 90 },
  { key: "older", maxDays: null },
] as const;
export type AgeBucket = (typeof ageBuckets)[number]["key"];

export interface OpenIssueAge {
  bucket: AgeBucket;
  /** Issues still before the bulletin (draft to verified). */
  beforeBulletin: number;
  /** Issues published or in action, not yet resolved. */
  inAction: number;
}

/** Open issues (not resolved, rejected or merged) by age since they were raised, as of today. */
export async function countOpenIssuesByAge(db: Executor, filters: StatsFilters, scope: StatsScope, today = todayInCenter()): Promise<OpenIssueAge[]> {
  const where = await issueConditions(db, filters, scope);
  const result = await queryRows<{ bucket: AgeBucket; before_bulletin: number; in_action: number }>(
    db,
    sql`select case when age <= 7 then 'week' when age <= 30 then 'month' when age <= 90 then 'quarter' else 'older' end as bucket,
          (count(*) filter (where status not in ('published', 'in_action')))::int as before_bulletin,
          (count(*) filter (where status in ('published', 'in_action')))::int as in_action
        from (select i.status, ${today}::date - ${localDay(sql`i.created_at`)} as age from ${issues} i where ${where} and i.status <> 'resolved') t
        group by 1`,
  );
  const byBucket = new Map(result.map((r) => [r.bucket, r]));
  return ageBuckets.map(({ key }) => ({
    bucket: key,
    beforeBulletin: Number(byBucket.get(key)?.before_bulletin ?? 0),
    inAction: Number(byBucket.get(key)?.in_action ?? 0),
  }));
}

export interface OnTimeByDepartment extends Names {
  departmentId: number;
  due: number;
  onTime: number;
  rate: number | null;
}

export interface ActionsOnTime {
  due: number;
  onTime: number;
  rate: number | null;
  byDepartment: OnTimeByDepartment[];
}

/**
 * Actions done on time ÷ actions due: actions whose due date falls in the range and has passed
 * (today counts as passed at its end), done (or verified) on or before that date.
 */
export async function getActionsOnTime(db: Executor, filters: StatsFilters, scope: StatsScope, today = todayInCenter()): Promise<ActionsOnTime> {
  const where = await issueConditions(db, filters, scope);
  const lastDue = filters.to < today ? filters.to : today;
  const departmentScope = scope.level === "department" ? sql`and a.department_id = ${scope.departmentId}` : sql``;
  const result = await queryRows<{ department_id: number; name_hans: string; name_hant: string; name_en: string; due: number; on_time: number }>(
    db,
    sql`select d.id as department_id, d.name_hans, d.name_hant, d.name_en, count(*)::int as due,
          (count(*) filter (where a.done_at is not null and ${localDay(sql`a.done_at`)} <= a.due_on))::int as on_time
        from ${actions} a join ${issues} i on i.id = a.issue_id join ${departments} d on d.id = a.department_id
        where ${where} ${departmentScope} and a.due_on between ${filters.from}::date and ${lastDue}::date
        group by d.id order by due desc, d.id`,
  );
  const byDepartment = result.map((r) => ({
    departmentId: r.department_id,
    nameHans: r.name_hans,
    nameHant: r.name_hant,
    nameEn: r.name_en,
    due: Number(r.due),
    onTime: Number(r.on_time),
    rate: rate(Number(r.on_time), Number(r.due)),
  }));
  const due = byDepartment.reduce((s, d) => s + d.due, 0);
  const onTime = byDepartment.reduce((s, d) => s + d.onTime, 0);
  return { due, onTime, rate: rate(onTime, due), byDepartment };
}

export const cycleStages = ["record_to_escalation", "escalation_to_verification", "verification_to_bulletin", "bulletin_to_disposition", "disposition_to_done"] as const;
export type CycleStage = (typeof cycleStages)[number];

export interface StageTime {
  stage: CycleStage;
  /** How many items finished the stage in the range. */
  count: number;
  /** In days, null without items. */
  median: number | null;
  p90: number | null;
}

/**
 * Median and 90th percentile of each stage, in days, for the items whose stage ended in the
 * range: from an issue's first record to its escalation, on to verification and the bulletin;
 * from the bulletin to the action's assignment, and from assignment to done.
 */
export async function getCycleTimes(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<StageTime[]> {
  const where = await issueConditions(db, filters, scope);
  const range = (end: SQL) => sql`${localDay(end)} between ${filters.from}::date and ${filters.to}::date`;
  const days = (end: SQL, start: SQL) => sql`extract(epoch from (${end} - ${start})) / 86400.0`;
  const departmentScope = scope.level === "department" ? sql`and a.department_id = ${scope.departmentId}` : sql``;
  const result = await queryRows<{ stage: CycleStage; count: number; median: number | null; p90: number | null }>(
    db,
    sql`with spans as (
          select 'record_to_escalation' as stage, ${days(sql`i.escalated_at`, sql`i.first_record_at`)} as d
            from ${issues} i where ${where} and i.escalated_at is not null and i.first_record_at is not null and ${range(sql`i.escalated_at`)}
          union all
          select 'escalation_to_verification', ${days(sql`i.verified_at`, sql`i.escalated_at`)}
            from ${issues} i where ${where} and i.verified_at is not null and i.escalated_at is not null and ${range(sql`i.verified_at`)}
          union all
          select 'verification_to_bulletin', ${days(sql`i.published_at`, sql`i.verified_at`)}
            from ${issues} i where ${where} and i.published_at is not null and i.verified_at is not null and ${range(sql`i.published_at`)}
          union all
          select 'bulletin_to_disposition', ${days(sql`a.created_at`, sql`i.published_at`)}
            from ${actions} a join ${issues} i on i.id = a.issue_id where ${where} ${departmentScope} and i.published_at is not null and ${range(sql`a.created_at`)}
          union all
          select 'disposition_to_done', ${days(sql`a.done_at`, sql`a.created_at`)}
            from ${actions} a join ${issues} i on i.id = a.issue_id where ${where} ${departmentScope} and a.done_at is not null and ${range(sql`a.done_at`)}
        )
        select stage, count(*)::int as count,
          percentile_cont(0.5) within group (order by greatest(d, 0)) as median,
          percentile_cont(0.9) within group (order by greatest(d, 0)) as p90
        from spans group by stage`,
  );
  const byStage = new Map(result.map((r) => [r.stage, r]));
  return cycleStages.map((stage) => {
    const r = byStage.get(stage);
    return {
      stage,
      count: Number(r?.count ?? 0),
      median: r?.median === null || r?.median === undefined ? null : Number(r.median),
      p90: r?.p90 === null || r?.p90 === undefined ? null : Number(r.p90),
    };
  });
}

export interface BulletinVolume {
  bulletinId: number;
  number: number;
  title: string;
  publishedAt: Date;
  issues: number;
  /** Records linked to the bulletin's issues. */
  records: number;
}

/** Published bulletins in the range (the current revision of each), with their issues and records. */
export async function listBulletinVolumes(db: Executor, filters: StatsFilters, scope: StatsScope): Promise<BulletinVolume[]> {
  const where = await issueConditions(db, filters, scope);
  const result = await queryRows<{ id: number; number: number; title: string; published_at: string | Date; issues: number; records: number }>(
    db,
    sql`select b.id, b.number, b.title, b.published_at, count(i.id)::int as issues, coalesce(sum(i.record_count), 0)::int as records
        from bulletins b join bulletin_issues bi on bi.bulletin_id = b.id join ${issues} i on i.id = bi.issue_id and ${where}
        where b.status = 'published' and ${localDay(sql`b.published_at`)} between ${filters.from}::date and ${filters.to}::date
        group by b.id order by b.published_at`,
  );
  return result.map((r) => ({
    bulletinId: r.id,
    number: r.number,
    title: r.title,
    publishedAt: new Date(r.published_at),
    issues: Number(r.issues),
    records: Number(r.records),
  }));
}
