import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "@/db/client";
import { actions, categories, channels, issues, recordDayCells, recordKinds } from "@/db/schema";
import { recordCellSlots, sumSlots } from "@/lib/stats/cells";
import { todayInCenter } from "@/lib/dates";
import { addDays, daysBetween, type StatsFilters } from "@/lib/stats/filters";
import { scopeSiteId, type StatsScope } from "@/lib/stats/scope";
import type { Names } from "./records";
import { issueConditions, localDay } from "./workflow";

/**
 * The effect of a fix: records on a resolved issue's category (its children included) in the
 * weeks before the fix and the same number of days after it. The fix is the day the first
 * action was marked done (or, without one, the day the issue was resolved).
 */

export interface FixWeek {
  /** Weeks from the fix: −1 is the week before it, 0 the week that starts on it. */
  week: number;
  n: number;
}

export interface FixEffect extends Names {
  issueId: number;
  title: string;
  publicTitle: string | null;
  categoryId: number;
  categoryCode: string;
  fixedOn: string;
  /** Days compared on each side: the window, or fewer when the fix is recent. */
  days: number;
  before: number;
  after: number;
  /** (after − before) ÷ before, in percent; null when there was nothing before or less than a week after. */
  changePercent: number | null;
  weekly: FixWeek[];
}

export interface FixEffects {
  weeks: number;
  fixes: FixEffect[];
  before: number;
  after: number;
  changePercent: number | null;
}

const allSlots = recordCellSlots(recordKinds, channels);

function changePercent(before: number, after: number, days: number): number | null {
  if (before <= 0 || days < 7) return null;
  return ((after - before) / before) * 100;
}

/** Resolved issues whose fix falls in the range, with their before/after counts, largest fall first. */
export async function listFixEffects(
  db: Executor,
  filters: StatsFilters,
  scope: StatsScope,
  options: { weeks?: number; today?: string } = {},
): Promise<FixEffects> {
  const weeks = options.weeks ?? 4;
  const today = options.today ?? todayInCenter();
  const window = weeks * 7;
  const where = await issueConditions(db, filters, scope);
  const fixes = await queryRows<{ id: number; title: string; public_title: string | null; category_id: number; code: string; name_hans: string; name_hant: string; name_en: string; fixed_on: string }>(
    db,
    sql`select * from (
          select i.id, i.title, i.public_title, i.category_id, c.code, c.name_hans, c.name_hant, c.name_en,
            to_char(coalesce((select min(${localDay(sql`a.done_at`)}) from ${actions} a where a.issue_id = i.id and a.done_at is not null), ${localDay(sql`i.resolved_at`)}), 'YYYY-MM-DD') as fixed_on
          from ${issues} i join ${categories} c on c.id = i.category_id
          where ${where} and i.status = 'resolved'
        ) f where f.fixed_on between ${filters.from} and ${filters.to} order by f.fixed_on, f.id`,
  );
  if (fixes.length === 0) return { weeks, fixes: [], before: 0, after: 0, changePercent: null };

  const siteId = scopeSiteId(scope) ?? filters.siteId;
  const siteCondition = siteId !== undefined ? sql`and cell.site_id = ${siteId}` : sql``;
  const fixList = sql.join(
    fixes.map((f) => sql`(${f.id}::int, ${f.category_id}::int, ${f.fixed_on}::date)`),
    sql`, `,
  );
  const counts = await queryRows<{ id: number; offset_days: number; n: number }>(
    db,
    sql`with fix(id, category_id, fixed_on) as (values ${fixList}),
        family as (select fix.id, fix.fixed_on, c.id as category_id from fix join ${categories} c on c.id = fix.category_id or c.parent_id = fix.category_id)
        select family.id, (cell.day - family.fixed_on) as offset_days, sum(${sumSlots(sql`cell.counts`, allSlots)})::int as n
        from family join ${recordDayCells} cell on cell.category_id = family.category_id
          and cell.day between family.fixed_on - ${window}::int and family.fixed_on + ${window - 1}::int ${siteCondition}
        -- Every window lies between these days: the cells' primary key reads only them.
        where cell.day between ${fixes[0].fixed_on}::date - ${window}::int and ${fixes[fixes.length - 1].fixed_on}::date + ${window - 1}::int
        group by 1, 2`,
  );
  const byFix = new Map<number, Map<number, number>>();
  for (const c of counts) {
    const days = byFix.get(c.id) ?? new Map<number, number>();
    days.set(Number(c.offset_days), Number(c.n));
    byFix.set(c.id, days);
  }
  const effects = fixes.map((f): FixEffect => {
    const days = Math.max(0, Math.min(window, daysBetween(f.fixed_on, today) + 1));
    const perDay = byFix.get(f.id) ?? new Map<number, number>();
    let before = 0;
    let after = 0;
    const weekly = new Map<number, number>();
    for (const [offset, n] of perDay) {
      if (offset < 0 && offset >= -days) before += n;
      if (offset >= 0 && offset < days) after += n;
      const week = Math.floor(offset / 7);
      weekly.set(week, (weekly.get(week) ?? 0) + n);
    }
    return {
      issueId: f.id,
      title: f.title,
      publicTitle: f.public_title,
      categoryId: f.category_id,
      categoryCode: f.code,
      nameHans: f.name_hans,
      nameHant: f.name_hant,
      nameEn: f.name_en,
      fixedOn: f.fixed_on,
      days,
      before,
      after,
      changePercent: changePercent(before, after, days),
      weekly: Array.from({ length: weeks * 2 }, (_, i) => i - weeks)
        .filter((week) => addDays(f.fixed_on, week * 7) <= today)
        .map((week) => ({ week, n: weekly.get(week) ?? 0 })),
    };
  });
  const compared = effects.filter((e) => e.changePercent !== null);
  const before = compared.reduce((s, e) => s + e.before, 0);
  const after = compared.reduce((s, e) => s + e.after, 0);
  effects.sort((a, b) => (a.changePercent ?? Number.MAX_VALUE) - (b.changePercent ?? Number.MAX_VALUE) || a.issueId - b.issueId);
  return { weeks, fixes: effects, before, after, changePercent: before > 0 ? ((after - before) / before) * 100 : null };
}
