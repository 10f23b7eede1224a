import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRecordsBehind, listIssuesBehind } from "@/db/queries/stats/drill";
import { listFixEffects } from "@/db/queries/stats/effects";
import { getOwnContribution, listTeamContributions } from "@/db/queries/stats/people";
import {
  countRecordsByCategory,
  countRecordsByChannel,
  countRecordsByProvince,
  countRecordsBySite,
  getRecordTrend,
  getShifts,
  listRisingCategories,
} from "@/db/queries/stats/records";
import { deltaTableVacuumBytes, foldCellDeltas, vacuumCellDeltas } from "@/db/queries/stats/fold";
import { countOpenIssuesByAge, getActionsOnTime, getCycleTimes, getResolution, listBulletinVolumes } from "@/db/queries/stats/workflow";
import { bulletinIssues, bulletins, categories, records, sites, type User } from "@/db/schema";
import type { StatsFilters } from "@/lib/stats/filters";
import { runStatsFigure } from "@/lib/stats/registry";
import { statsScopeFor, type StatsScope } from "@/lib/stats/scope";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";
import { categoryId, makeAction, makeIssue, makeTeam } from "../helpers/loop-fixtures";

/**
 * Every dashboard figure against a small data set whose answers are worked out by hand below
 * (not by the code under test). Records are written straight into the table, so the cells are
 * kept by the database triggers alone.
 */

let t: TestDatabase;
const all: StatsScope = { level: "all" };
const site: Record<"SH" | "SZ" | "TJ", number> = { SH: 0, SZ: 0, TJ: 0 };
const cat: Record<string, number> = {};
const team: Record<"A" | "B" | "C", number> = { A: 0, B: 0, C: 0 };
let agent: User;
const recordIds: number[] = [];

/** March 2026 by week: Mondays 2, 9, 16. */
const march: StatsFilters = { from: "2026-03-02", to: "2026-03-22", grain: "week" };

// Hand-computed from the seven records:
//  #1 03-02 23:30 +08  complaint   hotline SH/A pin.letter 上海
//  #2 03-03 00:30 +08  complaint   hotline SH/A pin.letter 广东   (03-02 16:30 UTC: a local-day boundary)
//  #3 03-03 10:00 +08  suggestion  web     SH/A pin.reset  广东
//  #4 03-04 09:00 +08  complaint   hotline SZ/B fees.annual 江苏
//  #5 03-10 09:00 +08  service     survey  SZ/B instalment  (no region)
//  #6 03-10 15:00 +08  complaint   forum   —    pin.letter  (no region, no site)
//  #7 03-16 11:00 +08  praise      hotline TJ/C fees.annual 天津
const recordSpecs = [
  { at: "2026-03-02T23:30:00+08:00", kind: "complaint", channel: "hotline", site: "SH", team: "A", cat: "pin.letter", region: "310000" },
  { at: "2026-03-03T00:30:00+08:00", kind: "complaint", channel: "hotline", site: "SH", team: "A", cat: "pin.letter", region: "440100" },
  { at: "2026-03-03T10:00:00+08:00", kind: "suggestion", channel: "web", site: "SH", team: "A", cat: "pin.reset", region: "440300" },
  { at: "2026-03-04T09:00:00+08:00", kind: "complaint", channel: "hotline", site: "SZ", team: "B", cat: "fees.annual", region: "320500" },
  { at: "2026-03-10T09:00:00+08:00", kind: "service_record", channel: "survey", site: "SZ", team: "B", cat: "instalment", region: null },
  { at: "2026-03-10T15:00:00+08:00", kind: "complaint", channel: "forum", site: null, team: null, cat: "pin.letter", region: null },
  { at: "2026-03-16T11:00:00+08:00", kind: "praise", channel: "hotline", site: "TJ", team: "C", cat: "fees.annual", region: "120000" },
] as const;

beforeAll(async () => {
  t = await createTestDatabase();
  for (const s of await t.db.select().from(sites)) if (s.code in site) site[s.code as keyof typeof site] = s.id;
  for (const c of await t.db.select().from(categories)) cat[c.code] = c.id;
  team.A = await makeTeam(t.db, site.SH, "统计A组");
  team.B = await makeTeam(t.db, site.SZ, "统计B组");
  team.C = await makeTeam(t.db, site.TJ, "统计C组");
  agent = await createUser(t.db, "agent", { siteId: site.SH, teamId: team.A });
  for (const [i, r] of recordSpecs.entries()) {
    const [row] = await t.db
      .insert(records)
      .values({
        kind: r.kind,
        channel: r.channel,
        siteId: r.site ? site[r.site] : null,
        teamId: r.team ? team[r.team] : null,
        authorId: r.team === "A" ? agent.id : null,
        categoryId: cat[r.cat]!,
        regionCode: r.region,
        summary: `统计记录 ${i + 1}`,
        occurredAt: new Date(r.at),
        createdAt: new Date(r.at),
      })
      .returning({ id: records.id });
    recordIds.push(row.id);
  }
  // The records' deltas into the cells, as a dashboard read does first.
  expect(await foldCellDeltas(t.db)).toBe(recordSpecs.length);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("record figures from the cells", () => {
  it("counts records per week by kind, on the center's calendar", async () => {
    const trend = await getRecordTrend(t.db, march, all);
    expect(trend.points.map((p) => [p.period, p.total])).toEqual([
      ["2026-03-02", 4],
      ["2026-03-09", 2],
      ["2026-03-16", 1],
    ]);
    expect(trend.points[0]!.byKind).toMatchObject({ complaint: 3, suggestion: 1, praise: 0 });
    expect(trend.points[1]!.byKind).toMatchObject({ complaint: 1, service_record: 1 });
    expect(trend.refreshedAt).toBeInstanceOf(Date);
  });

  it("puts a record just after local midnight on the next day, and fills empty days", async () => {
    const byDay = await getRecordTrend(t.db, { from: "2026-03-01", to: "2026-03-03", grain: "day" }, all);
    expect(byDay.points.map((p) => [p.period, p.total])).toEqual([
      ["2026-03-01", 0],
      ["2026-03-02", 1],
      ["2026-03-03", 2],
    ]);
  });

  it("applies site and kind filters", async () => {
    const trend = await getRecordTrend(t.db, { ...march, siteId: site.SH, kind: "complaint" }, all);
    expect(trend.kinds).toEqual(["complaint"]);
    expect(trend.points.map((p) => p.total)).toEqual([2, 0, 0]);
  });

  it("reads whole weeks from the week cells and the days at the edges from the day cells", async () => {
    // 03-03 (Tue) .. 03-16 (Mon): the days 03-03..03-08 and 03-16 by day, the week of 03-09 whole.
    // In range: #2 #3 #4 (week of 03-02), #5 #6 (week of 03-09), #7 (03-16); #1 (03-02) is not.
    const edges: StatsFilters = { from: "2026-03-03", to: "2026-03-16", grain: "week" };
    const trend = await getRecordTrend(t.db, edges, all);
    expect(trend.points.map((p) => [p.period, p.total])).toEqual([
      ["2026-03-02", 3],
      ["2026-03-09", 2],
      ["2026-03-16", 1],
    ]);
    expect(trend.points[0]!.byKind).toMatchObject({ complaint: 2, suggestion: 1 });
    const byMonth = await getRecordTrend(t.db, { ...edges, grain: "month" }, all);
    expect(byMonth.points.map((p) => [p.period, p.total])).toEqual([["2026-03-01", 6]]);
    const bySite = (await countRecordsBySite(t.db, edges, all)).map((s) => [s.code, s.n]);
    expect(bySite).toEqual([["SH", 2], ["SZ", 2], ["TJ", 1], [null, 1]]);
    const byProvince = new Map((await countRecordsByProvince(t.db, edges, all)).rows.map((p) => [p.code, p.n] as const));
    expect(byProvince).toEqual(new Map([["440000", 2], [null, 2], ["320000", 1], ["120000", 1]]));
    // A month view never reads a week that runs over a month's end: 02-23..03-01 is read by day.
    const overMonthEnd = await getRecordTrend(t.db, { from: "2026-02-23", to: "2026-03-08", grain: "month" }, all);
    expect(overMonthEnd.points.map((p) => [p.period, p.total])).toEqual([
      ["2026-02-01", 0],
      ["2026-03-01", 4],
    ]);
  });

  it("counts by top-level category, then by the children of a parent", async () => {
    const top = await countRecordsByCategory(t.db, march, all);
    expect(top.parent).toBeNull();
    expect(top.rows.filter((r) => r.n > 0).map((r) => [r.code, r.n, r.hasChildren])).toEqual([
      ["pin", 4, true],
      ["fees", 2, true],
      ["instalment", 1, false],
    ]);
    const pin = await countRecordsByCategory(t.db, { ...march, categoryId: cat.pin }, all);
    expect(pin.parent?.code).toBe("pin");
    expect(pin.rows.filter((r) => r.n > 0).map((r) => [r.code, r.n])).toEqual([
      ["pin.letter", 3],
      ["pin.reset", 1],
    ]);
  });

  it("counts by channel, site and province", async () => {
    const byChannel = Object.fromEntries((await countRecordsByChannel(t.db, march, all)).map((c) => [c.channel, c.n]));
    expect(byChannel).toEqual({ hotline: 4, web: 1, forum: 1, internet: 0, mailbox: 0, survey: 1 });
    const bySite = (await countRecordsBySite(t.db, march, all)).map((s) => [s.code, s.n]);
    expect(bySite).toEqual([["SH", 3], ["SZ", 2], ["TJ", 1], [null, 1]]);
    const byProvince = (await countRecordsByProvince(t.db, march, all)).rows.map((p) => [p.code, p.n] as const);
    expect(byProvince[0]).toEqual(["440000", 2]);
    expect(byProvince[1]).toEqual([null, 2]);
    expect(new Map(byProvince)).toEqual(new Map([["440000", 2], [null, 2], ["310000", 1], ["320000", 1], ["120000", 1]]));
  });

  it("keeps a specialist to their site", async () => {
    const specialist = await createUser(t.db, "specialist", { siteId: site.SZ });
    const scope = statsScopeFor(viewerOf(specialist));
    const bySite = (await countRecordsBySite(t.db, { ...march, siteId: site.SH }, scope)).map((s) => [s.code, s.n]);
    expect(bySite).toEqual([["SZ", 2]]);
  });

  it("shows the shifts: complaints, suggestions and proactive channels", async () => {
    const shifts = await getShifts(t.db, march, all);
    expect(shifts).toEqual([
      { period: "2026-03-02", total: 4, complaints: 3, suggestions: 1, proactive: 0 },
      { period: "2026-03-09", total: 2, complaints: 1, suggestions: 0, proactive: 1 },
      { period: "2026-03-16", total: 1, complaints: 0, suggestions: 0, proactive: 0 },
    ]);
  });

  it("finds a category rising against its usual level", async () => {
    // Last 7 days 03-16..03-22: fees.annual 1. Eight weeks before: 1, so 1/8 a week: eight times.
    const rising = await listRisingCategories(t.db, march, all, { minimum: 1 });
    expect(rising.map((r) => [r.code, r.recent, r.usual, r.ratio])).toEqual([["fees.annual", 1, 0.125, 8]]);
  });
});

describe("the cells follow every write", () => {
  it("leaves a delta instead of touching a cell, and the fold moves it in", async () => {
    const cellsBefore = await queryRows<{ counts: number[] }>(t.db, sql`select counts from record_day_cells order by day, site_id, category_id`);
    const [row] = await t.db
      .insert(records)
      .values({ kind: "complaint", channel: "mailbox", categoryId: cat.instalment!, summary: "新记录", occurredAt: new Date("2026-03-20T12:00:00+08:00") })
      .returning({ id: records.id });
    // The writer appended one delta and left every cell as it was.
    const [{ waiting }] = await queryRows<{ waiting: number }>(t.db, sql`select count(*)::int as waiting from record_cell_deltas`);
    expect(Number(waiting)).toBe(1);
    expect(await queryRows<{ counts: number[] }>(t.db, sql`select counts from record_day_cells order by day, site_id, category_id`)).toEqual(cellsBefore);
    expect((await countRecordsByChannel(t.db, march, all)).find((c) => c.channel === "mailbox")?.n).toBe(0);
    expect(await foldCellDeltas(t.db)).toBe(1);
    expect(await foldCellDeltas(t.db)).toBe(0);
    expect((await countRecordsByChannel(t.db, march, all)).find((c) => c.channel === "mailbox")?.n).toBe(1);
    await t.db.delete(records).where(eq(records.id, row.id));
    expect(await foldCellDeltas(t.db)).toBe(1);
    expect((await countRecordsByChannel(t.db, march, all)).find((c) => c.channel === "mailbox")?.n).toBe(0);
  });

  it("keeps the deltas table small: once folds have emptied many pages, the folding loop's vacuum cuts them off", async () => {
    const size = async () => Number((await queryRows<{ bytes: string }>(t.db, sql`select pg_relation_size('record_cell_deltas') as bytes`))[0].bytes);
    await foldCellDeltas(t.db);
    await vacuumCellDeltas(t.db);
    // Two thousand records in one statement: one delta each, folded at once.
    await t.db.execute(sql`insert into records (kind, channel, category_id, summary, occurred_at)
      select 'complaint', 'mailbox', ${cat.instalment!}, '排队表 queue ' || n, timestamptz '2026-03-21 10:00+08' + n * interval '1 second'
      from generate_series(1, 2000) n`);
    expect(await foldCellDeltas(t.db)).toBe(2000);
    expect(await size()).toBeGreaterThan(deltaTableVacuumBytes);
    expect(await vacuumCellDeltas(t.db)).toBe(true);
    expect(await size()).toBeLessThanOrEqual(deltaTableVacuumBytes);
    expect(await vacuumCellDeltas(t.db)).toBe(false);
    await t.db.execute(sql`delete from records where summary like '排队表 queue %'`);
    expect(await foldCellDeltas(t.db)).toBe(2000);
  });

  it("shows a new record on the next dashboard read, moves a corrected one, drops a deleted one, and matches the raw records", async () => {
    const channelsNow = async () => Object.fromEntries((await runStatsFigure(t.db, "channels", march, all)).map((c) => [c.channel, c.n]));
    const [row] = await t.db
      .insert(records)
      .values({ kind: "complaint", channel: "mailbox", categoryId: cat.instalment!, summary: "新记录", occurredAt: new Date("2026-03-20T12:00:00+08:00") })
      .returning({ id: records.id });
    // A dashboard read folds first: no wait for the background fold.
    expect((await channelsNow()).mailbox).toBe(1);
    await t.db.update(records).set({ channel: "internet" }).where(eq(records.id, row.id));
    const after = await channelsNow();
    expect([after.mailbox, after.internet]).toEqual([0, 1]);
    await t.db.update(records).set({ status: "dismissed" }).where(eq(records.id, row.id));
    const [{ waiting }] = await queryRows<{ waiting: number }>(t.db, sql`select count(*)::int as waiting from record_cell_deltas`);
    expect(Number(waiting)).toBe(0);
    const [{ m }] = await queryRows<{ m: number }>(t.db, sql`select voc_dashboard_cell_mismatches()::int as m`);
    expect(Number(m)).toBe(0);
    await t.db.delete(records).where(eq(records.id, row.id));
    expect((await channelsNow()).internet).toBe(0);
  });
});

describe("workflow figures", () => {
  let pinIssue: number;

  beforeAll(async () => {
    const at = (s: string) => new Date(s);
    // The PIN issue: records #1, #2 (complaints) and #3 (a suggestion) linked; published 03-05,
    // fixed by an immediate practice done 03-09 (on time), resolved.
    const pin = await makeIssue(t.db, "resolved", {
      categoryId: await categoryId(t.db, "pin.letter"),
      siteId: site.SH,
      createdAt: at("2026-03-03T12:00:00+08:00"),
      escalatedAt: at("2026-03-04T23:30:00+08:00"),
      verifiedAt: at("2026-03-05T09:00:00+08:00"),
      publishedAt: at("2026-03-05T10:00:00+08:00"),
      resolvedAt: at("2026-03-12T10:00:00+08:00"),
    });
    pinIssue = pin.id;
    await t.db.update(records).set({ issueId: pin.id, status: "linked" }).where(sql`${records.id} in (${recordIds[0]}, ${recordIds[1]}, ${recordIds[2]})`);
    await makeAction(t.db, pin.id, "card_ops", "verified", {
      disposition: "immediate_practice",
      createdAt: at("2026-03-06T10:00:00+08:00"),
      dueOn: "2026-03-10",
      doneAt: at("2026-03-09T10:00:00+08:00"),
    });
    // Published 03-06, resolved; its action was due 03-12 and done late on 03-15.
    const fees = await makeIssue(t.db, "resolved", {
      categoryId: await categoryId(t.db, "fees.annual"),
      siteId: site.SZ,
      createdAt: at("2026-03-04T12:00:00+08:00"),
      escalatedAt: at("2026-03-05T12:00:00+08:00"),
      verifiedAt: at("2026-03-09T12:00:00+08:00"),
      publishedAt: at("2026-03-10T12:00:00+08:00"),
      resolvedAt: at("2026-03-20T12:00:00+08:00"),
    });
    await makeAction(t.db, fees.id, "product", "verified", { createdAt: at("2026-03-11T12:00:00+08:00"), dueOn: "2026-03-12", doneAt: at("2026-03-15T12:00:00+08:00") });
    // Published 03-18 and still in action; its action is due 03-20 and not done.
    const open = await makeIssue(t.db, "in_action", {
      categoryId: await categoryId(t.db, "instalment"),
      siteId: site.SZ,
      createdAt: at("2026-01-15T12:00:00+08:00"),
      publishedAt: at("2026-03-18T12:00:00+08:00"),
    });
    await makeAction(t.db, open.id, "card_ops", "in_progress", { createdAt: at("2026-03-19T12:00:00+08:00"), dueOn: "2026-03-20" });
    // Not due before today: left out of the on-time figure.
    await makeAction(t.db, open.id, "product", "assigned", { createdAt: at("2026-03-19T12:00:00+08:00"), dueOn: "2026-04-10" });
    // A fresh draft and a rejected one (which counts nowhere).
    await makeIssue(t.db, "draft", { createdAt: at("2026-03-28T12:00:00+08:00") });
    await makeIssue(t.db, "rejected", { createdAt: at("2026-03-01T12:00:00+08:00"), publishedAt: null });
    const [bulletin] = await t.db
      .insert(bulletins)
      .values({ number: 1, title: "三月通报", periodStart: "2026-03-01", periodEnd: "2026-03-05", status: "published", publishedAt: at("2026-03-05T10:00:00+08:00") })
      .returning();
    await t.db.insert(bulletinIssues).values([{ bulletinId: bulletin.id, issueId: pin.id }, { bulletinId: bulletin.id, issueId: fees.id, position: 1 }]);
    await t.db.update(records).set({ issueId: fees.id, status: "linked" }).where(eq(records.id, recordIds[3]!));
    await foldCellDeltas(t.db);
  });

  const month: StatsFilters = { from: "2026-03-01", to: "2026-03-31", grain: "month" };

  it("keeps each issue's record count and first record", async () => {
    const [row] = await queryRows<{ record_count: number; first_record_at: string | Date }>(t.db, sql`select record_count, first_record_at from issues where id = ${pinIssue}`);
    expect(Number(row.record_count)).toBe(3);
    expect(new Date(row.first_record_at).toISOString()).toBe("2026-03-02T15:30:00.000Z");
  });

  it("computes the resolution rate overall and by department", async () => {
    const resolution = await getResolution(t.db, month, all);
    expect([resolution.published, resolution.resolved]).toEqual([3, 2]);
    expect(resolution.rate).toBeCloseTo(2 / 3);
    expect(resolution.reference).toBe(0.9);
    expect(resolution.points).toEqual([{ period: "2026-03-01", published: 3, resolved: 2, rate: 2 / 3 }]);
    const byDepartment = Object.fromEntries(resolution.byDepartment.map((d) => [d.nameEn, [d.issues, d.resolved]]));
    expect(byDepartment).toEqual({ "Card Operations": [2, 1], Product: [2, 1] });
  });

  it("counts open issues by age and actions done on time", async () => {
    const ages = await countOpenIssuesByAge(t.db, month, all, "2026-03-31");
    // The draft is 3 days old; the in-action issue 75 days.
    expect(ages).toEqual([
      { bucket: "week", beforeBulletin: 1, inAction: 0 },
      { bucket: "month", beforeBulletin: 0, inAction: 0 },
      { bucket: "quarter", beforeBulletin: 0, inAction: 1 },
      { bucket: "older", beforeBulletin: 0, inAction: 0 },
    ]);
    const onTime = await getActionsOnTime(t.db, month, all, "2026-03-31");
    expect([onTime.due, onTime.onTime]).toEqual([3, 1]);
    expect(Object.fromEntries(onTime.byDepartment.map((d) => [d.nameEn, [d.due, d.onTime]]))).toEqual({ "Card Operations": [2, 1], Product: [1, 0] });
  });

  it("gives the median and 90th percentile of each stage in days", async () => {
    const stages = Object.fromEntries((await getCycleTimes(t.db, month, all)).map((s) => [s.stage, s]));
    // Record → escalation: PIN 03-02 23:30 → 03-04 23:30 = 2 days; fees 03-04 09:00 → 03-05 12:00 = 1.125.
    expect(stages.record_to_escalation).toMatchObject({ count: 2 });
    expect(stages.record_to_escalation!.median).toBeCloseTo(1.5625);
    expect(stages.record_to_escalation!.p90).toBeCloseTo(1.125 + 0.9 * 0.875);
    // Escalation → verification: 9.5 h and 4 days.
    expect(stages.escalation_to_verification!.median).toBeCloseTo((9.5 / 24 + 4) / 2);
    // Bulletin → disposition: one day each for PIN, fees and the open issue's two actions.
    expect(stages.bulletin_to_disposition).toMatchObject({ count: 4 });
    expect(stages.bulletin_to_disposition!.median).toBeCloseTo(1);
    // Disposition → done: 3 days (PIN), 4 days (fees).
    expect(stages.disposition_to_done!.median).toBeCloseTo(3.5);
  });

  it("counts the records of each bulletin", async () => {
    const volumes = await listBulletinVolumes(t.db, month, all);
    expect(volumes.map((v) => [v.number, v.issues, v.records])).toEqual([[1, 2, 4]]);
  });

  it("shows the fall in records after a fix", async () => {
    // PIN fixed 03-09. Four weeks before (02-09..03-08): #1, #2. Four weeks after: #6.
    const effects = await listFixEffects(t.db, month, all, { today: "2026-04-30" });
    const pin = effects.fixes.find((f) => f.issueId === pinIssue)!;
    expect([pin.fixedOn, pin.days, pin.before, pin.after]).toEqual(["2026-03-09", 28, 2, 1]);
    expect(pin.changePercent).toBeCloseTo(-50);
    expect(pin.weekly.find((w) => w.week === -1)?.n).toBe(2);
    // Fees fixed 03-15: before #4; after #7.
    const fees = effects.fixes.find((f) => f.categoryCode === "fees.annual")!;
    expect([fees.before, fees.after, fees.changePercent]).toEqual([1, 1, 0]);
    expect([effects.before, effects.after]).toEqual([3, 2]);
    expect(effects.changePercent).toBeCloseTo(-100 / 3);
  });

  it("compares only the days since a recent fix", async () => {
    const effects = await listFixEffects(t.db, month, all, { today: "2026-03-12" });
    const pin = effects.fixes.find((f) => f.issueId === pinIssue)!;
    // Four days after (03-09..03-12: #6) against the four days before (03-05..03-08): too short to compare.
    expect([pin.days, pin.before, pin.after, pin.changePercent]).toEqual([4, 0, 1, null]);
  });

  it("shows teams' contributions: filed, escalated share, ideas practised", async () => {
    const teams = Object.fromEntries((await listTeamContributions(t.db, march, all)).map((c) => [c.teamName, c]));
    expect(teams["统计A组"]).toMatchObject({ filed: 3, escalated: 3, escalatedShare: 1, ideasPracticed: 1 });
    expect(teams["统计B组"]).toMatchObject({ filed: 2, escalated: 1, escalatedShare: 0.5, ideasPracticed: 0 });
    expect(teams["统计C组"]).toMatchObject({ filed: 1, escalated: 0, escalatedShare: 0 });
    const supervisor = await createUser(t.db, "supervisor", { siteId: site.SZ, teamId: team.B });
    const own = await listTeamContributions(t.db, march, statsScopeFor(viewerOf(supervisor)));
    expect(own.map((c) => c.teamName)).toEqual(["统计B组"]);
  });

  it("tells an agent what became of their records", async () => {
    const own = await getOwnContribution(t.db, march, agent.id);
    expect([own.filed, own.byKind.complaint, own.byKind.suggestion, own.escalated, own.issuesResolved, own.ideasPracticed]).toEqual([3, 2, 1, 3, 1, 1]);
    expect(own.outcomes.map((o) => [o.issueId, o.records.length])).toEqual([[pinIssue, 3]]);
  });

  it("lists the records and issues behind a figure, within the viewer's scope", async () => {
    const behind = await listRecordsBehind(t.db, { ...march, categoryId: cat.pin, kind: "complaint" }, all);
    expect(behind.items.map((r) => r.summary)).toEqual(["统计记录 6", "统计记录 2", "统计记录 1"]);
    const paged = await listRecordsBehind(t.db, march, all, { limit: 4 });
    expect(paged.items).toHaveLength(4);
    const rest = await listRecordsBehind(t.db, march, all, { limit: 4, after: paged.next });
    expect(rest.items.map((r) => r.summary)).toEqual(["统计记录 3", "统计记录 2", "统计记录 1"]);
    expect(rest.next).toBeNull();
    const guangdong = await listRecordsBehind(t.db, { ...march, province: "440000" }, all);
    expect(guangdong.items).toHaveLength(2);
    const agentView = await listRecordsBehind(t.db, march, statsScopeFor(viewerOf(agent)));
    expect(agentView.items.map((r) => r.summary)).toEqual(["统计记录 3", "统计记录 2", "统计记录 1"]);
    const resolved = await listIssuesBehind(t.db, month, all, { kind: "published", resolved: true });
    expect(resolved).toHaveLength(2);
    const older = await listIssuesBehind(t.db, month, all, { kind: "open", bucket: "quarter" }, "2026-03-31");
    expect(older.map((i) => i.status)).toEqual(["in_action"]);
  });

  it("matches the raw records cell for cell after the links", async () => {
    const [{ m }] = await queryRows<{ m: number }>(t.db, sql`select voc_dashboard_cell_mismatches()::int as m`);
    expect(Number(m)).toBe(0);
  });
});
