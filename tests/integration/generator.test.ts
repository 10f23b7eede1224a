import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { generateData, type GenerateResult } from "@/lib/generator";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// One small generation on top of the demo data must be plausible, tell the PIN-letter story and
// agree with the dashboard rollups; generated again from empty tables, twice, it must come out
// the same both times (ids aside: the sequences move on).
const options = { records: 5_000, days: 365, seed: 7, today: "2026-03-15", baselineRows: 0 };

/** The records' indexes and constraints, as their definitions. */
async function recordsIndexes(db: Database): Promise<string[]> {
  const found = await rows<{ definition: string }>(
    db,
    sql`select pg_get_indexdef(indexrelid) as definition from pg_index where indrelid = 'records'::regclass
      union all select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid = 'records'::regclass order by 1`,
  );
  return found.map((r) => r.definition);
}

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? result;
}

/** A digest of every generated row that matters; an issue is named by its title and time, not its id. */
async function checksum(db: Database): Promise<string> {
  const [r] = await rows<{ records: string; issues: string; actions: string; count: number }>(
    db,
    sql`select
      (select md5(string_agg(concat_ws('|', r.kind, r.channel, r.site_id, r.team_id, r.author_id, r.category_id, r.region_code, r.summary,
        r.customer_words, r.urgency, r.status, i.title, i.created_at, r.tracking_number, r.external_id, r.occurred_at, r.updated_at), ',' order by r.id))
        from records r left join issues i on i.id = r.issue_id) as records,
      (select md5(string_agg(concat_ws('|', title, status, category_id, site_id, escalated_at, verified_at, published_at, resolved_at,
        record_count, first_record_at), ',' order by id)) from issues) as issues,
      (select md5(string_agg(concat_ws('|', i.title, a.disposition, a.status, a.due_on, a.done_at, a.verified_at), ',' order by a.id))
        from actions a join issues i on i.id = a.issue_id) as actions,
      (select count(*)::int from records) as count`,
  );
  return `${r.count}:${r.records}/${r.issues}/${r.actions}`;
}

describe("data generator", () => {
  let first: TestDatabase;
  let result: GenerateResult;
  let indexesBefore: string[];

  beforeAll(async () => {
    first = await createTestDatabase();
    indexesBefore = await recordsIndexes(first.db);
    result = await generateData(first.db, { ...options, baselineRows: 2_000 });
  }, 120_000);

  afterAll(async () => {
    await first?.close();
  });

  it("adds exactly the records asked for, mostly service records and business contacts on the hotline", async () => {
    expect(result.records).toBe(5_000);
    const total = Object.values(result.byKind).reduce((a, b) => a + b, 0);
    expect(total).toBe(5_000);
    const share = (n: number) => n / total;
    expect(share(result.byKind.service_record + result.byKind.business_contact)).toBeGreaterThan(0.6);
    expect(share(result.byKind.complaint)).toBeGreaterThan(0.1);
    expect(share(result.byKind.complaint)).toBeLessThan(0.25);
    expect(share(result.byKind.suggestion)).toBeGreaterThan(0.02);
    expect(share(result.byKind.praise)).toBeGreaterThan(0.01);
    expect(share(result.byChannel.hotline)).toBeGreaterThan(0.8);
    for (const n of Object.values(result.byChannel)) expect(n).toBeGreaterThan(0);

    const [{ generated }] = await rows<{ generated: number }>(first.db, sql`select count(*)::int as generated from records where call_reference like 'CR%' or external_id like '%G1%' or tracking_number is not null`);
    expect(generated).toBeGreaterThanOrEqual(5_000);
  });

  it("keeps hotline records consistent: the author is an agent of the record's team, on the team's site", async () => {
    const [{ wrong }] = await rows<{ wrong: number }>(
      first.db,
      sql`select count(*)::int as wrong from records r join teams t on t.id = r.team_id join users u on u.id = r.author_id
        where r.channel = 'hotline' and (u.team_id <> r.team_id or u.role <> 'agent' or t.site_id <> r.site_id)`,
    );
    expect(wrong).toBe(0);
    const [{ weekday, weekend }] = await rows<{ weekday: number; weekend: number }>(
      first.db,
      sql`select avg(n) filter (where dow between 1 and 5)::float as weekday, avg(n) filter (where dow in (0, 6))::float as weekend
        from (select extract(dow from voc_local_day(occurred_at)) as dow, voc_local_day(occurred_at) as day, count(*) as n from records group by 1, 2) d`,
    );
    expect(weekday).toBeGreaterThan(weekend * 1.4);
  });

  it("tells the PIN-letter story: a rise, the issue resolved by an immediate new practice, then a fall", async () => {
    const perDay = async (from: number, to: number) => {
      const [{ n }] = await rows<{ n: number }>(
        first.db,
        sql`select count(*)::float / ${from - to + 1} as n from records r join categories c on c.id = r.category_id
          where c.code = 'pin.letter' and voc_local_day(r.occurred_at) between (date '2026-03-15' - ${from}::int) and (date '2026-03-15' - ${to}::int)`,
      );
      return n;
    };
    const during = await perDay(150, 115);
    const after = await perDay(80, 0);
    expect(during).toBeGreaterThan(5 * after);

    const [issue] = await rows<{ id: number; status: string; record_count: number; escalated_at: string; verified_at: string; published_at: string; resolved_at: string }>(
      first.db,
      sql`select i.id, i.status, i.record_count, i.escalated_at, i.verified_at, i.published_at, i.resolved_at from issues i
        join categories c on c.id = i.category_id where c.code = 'pin.letter' and i.title like '密码函寄送滞后，客户开卡后%'`,
    );
    expect(issue.status).toBe("resolved");
    expect(issue.record_count).toBeGreaterThan(5);
    const order = [issue.escalated_at, issue.verified_at, issue.published_at, issue.resolved_at].map((t) => new Date(t).getTime());
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const actions = await rows<{ disposition: string; status: string; bulletin_status: string }>(
      first.db,
      sql`select a.disposition, a.status, b.status as bulletin_status from actions a join bulletins b on b.id = a.bulletin_id where a.issue_id = ${issue.id}`,
    );
    expect(actions).toEqual([{ disposition: "immediate_practice", status: "verified", bulletin_status: "published" }]);
  });

  it("builds issues, numbered bulletins, actions and meetings, with most older bulletins' issues resolved", async () => {
    expect(result.issues).toBeGreaterThan(100);
    expect(result.bulletins).toBeGreaterThan(20);
    const [{ numbers, duplicates }] = await rows<{ numbers: number; duplicates: number }>(
      first.db,
      sql`select count(distinct number)::int as numbers, (count(*) - count(distinct (number, revision)))::int as duplicates from bulletins`,
    );
    expect(numbers).toBeGreaterThan(25);
    expect(duplicates).toBe(0);
    const [{ rate }] = await rows<{ rate: number }>(
      first.db,
      sql`select avg((i.status = 'resolved')::int)::float as rate from bulletin_issues bi join bulletins b on b.id = bi.bulletin_id
        join issues i on i.id = bi.issue_id where b.status = 'published' and b.published_at < timestamptz '2026-03-15' - interval '150 days'`,
    );
    expect(rate).toBeGreaterThan(0.8);
    const [{ unordered }] = await rows<{ unordered: number }>(
      first.db,
      sql`select count(*)::int as unordered from issues where escalated_at < created_at or verified_at < escalated_at
        or published_at < verified_at or resolved_at < published_at or resolved_at > now() + interval '1 year'`,
    );
    expect(unordered).toBe(0);
  });

  it("rebuilds every index it dropped, the primary key included, and times the same rows by plain COPY", async () => {
    expect(result.rebuiltIndexes).toBeGreaterThan(5);
    expect(await recordsIndexes(first.db)).toEqual(indexesBefore);
    expect(indexesBefore.some((d) => d.includes("PRIMARY KEY (id)"))).toBe(true);
    // The demo's records were there: no FREEZE, and the reference COPYs did the same.
    expect(result.copyFreeze).toBe(false);
    expect(result.copyRows).toBe(2_000);
    for (const rate of [result.rowsPerSecond, result.loadRowsPerSecond, result.copyRowsPerSecond, result.copyUnloggedRowsPerSecond]) expect(rate).toBeGreaterThan(0);
    expect(result.ratioToCopy).toBeCloseTo(result.rowsPerSecond / result.copyRowsPerSecond!, 6);
    expect(result.ratioToUnloggedCopy).toBeCloseTo(result.rowsPerSecond / result.copyUnloggedRowsPerSecond!, 6);
    expect(result.ratioToCopyWithIndexes).toBeCloseTo(result.loadRowsPerSecond / result.copyRowsPerSecond!, 6);
    const [{ leftover }] = await rows<{ leftover: number }>(first.db, sql`select count(*)::int as leftover from pg_class where relname = 'voc_generator_copy_baseline'`);
    expect(leftover).toBe(0);
  });

  it("leaves the dashboard rollups in agreement with the records", async () => {
    const [{ mismatches }] = await rows<{ mismatches: number }>(first.db, sql`select voc_dashboard_cell_mismatches()::int as mismatches`);
    expect(mismatches).toBe(0);
  });

  it("gives the same rows for the same seed, size, days and today", async () => {
    const fresh = await generateData(first.db, { ...options, fresh: true });
    // Into the emptied table the rows go in frozen; the indexes are back as they were.
    expect(fresh.copyFreeze).toBe(true);
    expect(await recordsIndexes(first.db)).toEqual(indexesBefore);
    const once = await checksum(first.db);
    expect(once.startsWith("5000:")).toBe(true);
    await generateData(first.db, { ...options, fresh: true });
    expect(await checksum(first.db)).toBe(once);
  }, 120_000);
});
