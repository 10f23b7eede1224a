import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, like, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  categories,
  channels,
  issues,
  recordKinds,
  records,
  siteReportIssues,
  siteReports,
  sites,
  users,
  type Channel,
  type IssueStatus,
  type RecordKind,
} from "@/db/schema";
import { complaintClockStates, complaintOnClockConditions, getTimeLimitSettings } from "@/db/queries/time-limits";
import { todayInCenter } from "@/lib/dates";
import { assertCan, can } from "@/lib/permissions";
import { getRegion } from "@/lib/regions";
import { evidenceScope, specialistWorkingStatuses, supervisorOpenStatuses } from "@/lib/services/issues";
import { clockOf, complaintClock } from "@/lib/services/time-limits";
import { dice, features } from "@/lib/similarity";
import type { Viewer } from "@/lib/viewer";
import { openIssueStatuses } from "@/lib/workflow";

/**
 * Reads for the supervisor's triage and the site specialist's work: the queue with its filters,
 * concentrated topics, each one's issues, evidence candidates and the site report with its counts.
 * Every read is scoped to the viewer in SQL (team for supervisors, site for specialists).
 */

const categoryName = { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn };
const recordCount = sql<number>`(select count(*)::int from ${records} where ${records.issueId} = ${issues.id})`;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------- queue filters

export type QueueScope = "reported" | "all";

export interface QueueFilters {
  /** A category code: the category and everything under it. */
  category?: string;
  kind?: RecordKind;
  /** A region code: a province (every city in it) or one city. */
  region?: string;
  /** Calendar dates in the center's time zone, inclusive. */
  from?: string;
  to?: string;
  q?: string;
  /** Reported records only (the queue proper), or every record of the team not yet handled. */
  scope: QueueScope;
  page: number;
}

type SearchParams = Record<string, string | string[] | undefined>;
const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The queue's filters from the page's URL; anything malformed is left out, never an error. */
export function parseQueueFilters(params: SearchParams): QueueFilters {
  const category = firstOf(params.category);
  const kind = firstOf(params.kind);
  const region = firstOf(params.region);
  const from = firstOf(params.from);
  const to = firstOf(params.to);
  const q = firstOf(params.q)?.slice(0, 100);
  const page = Number.parseInt(firstOf(params.page) ?? "1", 10);
  return {
    category: category && /^[a-z0-9_.]{1,48}$/.test(category) ? category : undefined,
    kind: kind && (recordKinds as readonly string[]).includes(kind) ? (kind as RecordKind) : undefined,
    region: region && /^\d{6}$/.test(region) && getRegion(region) ? region : undefined,
    from: from && isoDate.test(from) ? from : undefined,
    to: to && isoDate.test(to) ? to : undefined,
    q: q || undefined,
    scope: firstOf(params.scope) === "all" ? "all" : "reported",
    page: Number.isSafeInteger(page) && page > 0 ? Math.min(page, 1000) : 1,
  };
}

/** The queue's URL for a set of filters (links from the concentrations panel, paging). */
export function queueHref(filters: Partial<QueueFilters>, path = "/supervisor"): string {
  const params = new URLSearchParams();
  for (const key of ["q", "category", "kind", "region", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.scope === "all") params.set("scope", "all");
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function hasQueueFilters(filters: QueueFilters): boolean {
  return Boolean(filters.category || filters.kind || filters.region || filters.from || filters.to || filters.q || filters.scope === "all");
}

/** A category and all categories under it, by id. */
async function categoryAndDescendants(db: Executor, code: string): Promise<number[]> {
  const rows = await db.select({ id: categories.id, parentId: categories.parentId, code: categories.code }).from(categories);
  const root = rows.find((r) => r.code === code);
  if (!root) return [];
  const out = [root.id];
  for (let i = 0; i < out.length; i++) for (const row of rows) if (row.parentId === out[i]) out.push(row.id);
  return out;
}

function centerDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

function escapeLike(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const queuePageSize = 50;

/**
 * The supervisor's queue: the team's records waiting for a decision, filtered and paged. Each
 * complaint on the regulator's clock carries its clock (days left, near, overdue); other
 * records carry none.
 */
export async function listTriageQueue(db: Executor, viewer: Viewer, filters: QueueFilters, now = new Date()) {
  assertCan(viewer, "record.read.team");
  const empty = { rows: [], total: 0, page: 1, pageCount: 1 };
  if (viewer.teamId === null) return empty;
  const conditions: (SQL | undefined)[] = [
    eq(records.teamId, viewer.teamId),
    filters.scope === "all" ? inArray(records.status, ["new", "reported"]) : eq(records.status, "reported"),
    isNull(records.issueId),
  ];
  if (filters.category) {
    const ids = await categoryAndDescendants(db, filters.category);
    if (ids.length === 0) return empty;
    conditions.push(inArray(records.categoryId, ids));
  }
  if (filters.kind) conditions.push(eq(records.kind, filters.kind));
  if (filters.region) {
    const region = getRegion(filters.region);
    conditions.push(region?.level === "province" ? like(records.regionCode, `${filters.region.slice(0, 2)}%`) : eq(records.regionCode, filters.region));
  }
  if (filters.from) conditions.push(gte(records.createdAt, centerDayStart(filters.from)));
  if (filters.to) conditions.push(lt(records.createdAt, new Date(centerDayStart(filters.to).getTime() + DAY)));
  if (filters.q) {
    const pattern = escapeLike(filters.q);
    conditions.push(or(ilike(records.summary, pattern), ilike(records.customerWords, pattern), ilike(records.callReference, pattern)));
  }
  const where = and(...conditions);
  const [{ total }] = await db.select({ total: count() }).from(records).where(where);
  const pageCount = Math.max(1, Math.ceil(total / queuePageSize));
  const page = Math.min(filters.page, pageCount);
  const rows = await db
    .select({
      id: records.id,
      version: records.version,
      kind: records.kind,
      channel: records.channel,
      status: records.status,
      urgency: records.urgency,
      summary: records.summary,
      customerWords: records.customerWords,
      callReference: records.callReference,
      regionCode: records.regionCode,
      createdAt: records.createdAt,
      occurredAt: records.occurredAt,
      dueAt: records.dueAt,
      onClock: sql<boolean>`${and(...complaintOnClockConditions(now))}`,
      category: categoryName,
      categoryCode: categories.code,
      authorName: users.name,
    })
    .from(records)
    .innerJoin(categories, eq(categories.id, records.categoryId))
    .leftJoin(users, eq(users.id, records.authorId))
    .where(where)
    .orderBy(desc(records.createdAt), desc(records.id))
    .limit(queuePageSize)
    .offset((page - 1) * queuePageSize);
  const { targets } = await getTimeLimitSettings(db);
  return {
    rows: rows.map(({ onClock, ...r }) => ({ ...r, clock: onClock && r.dueAt ? complaintClock({ occurredAt: r.occurredAt, dueAt: r.dueAt }, targets.warnAtShare, now) : null })),
    total,
    page,
    pageCount,
  };
}

export type QueueRow = Awaited<ReturnType<typeof listTriageQueue>>["rows"][number];

// ---------------------------------------------------------------------------- concentrations

export interface TopicConcentration {
  /** The summary most like the others: what the topic is about. */
  label: string;
  /** A word every (or most) of its records share: the queue's text filter for it. */
  keyword: string;
  recent: number;
  /** Records like it per week over the weeks before. */
  usualPerWeek: number;
  ratio: number | null;
  recordIds: number[];
}

const topicThreshold = 0.28;

interface Featured {
  id: number;
  summary: string;
  features: Set<string>;
}

function closeness(item: Featured, members: readonly Featured[]): number {
  let best = 0;
  for (const m of members) best = Math.max(best, dice(item.features, m.features));
  return best;
}

/** How many of a group's first texts stand for it when a new text is compared. */
const representatives = 4;

/**
 * Greedy grouping of short texts: each joins the group holding its closest representative
 * text, when that is alike enough (single link: people word the same complaint in several
 * ways). An index from features to groups keeps it near linear: a text is only compared with
 * groups it shares a feature with, ignoring features too common to tell groups apart.
 */
function groupTopics(items: Featured[]): Featured[][] {
  const groups: Featured[][] = [];
  const index = new Map<string, Set<number>>();
  const remember = (item: Featured, group: number) => {
    for (const f of item.features) {
      const set = index.get(f) ?? new Set<number>();
      set.add(group);
      index.set(f, set);
    }
  };
  for (const item of items) {
    if (item.features.size === 0) continue;
    const candidates = new Set<number>();
    for (const f of item.features) {
      const set = index.get(f);
      if (set && set.size <= 200) for (const g of set) candidates.add(g);
    }
    let best = -1;
    let bestScore = topicThreshold;
    for (const g of candidates) {
      const score = closeness(item, groups[g].slice(0, representatives));
      if (score >= bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best >= 0) {
      groups[best].push(item);
      if (groups[best].length <= representatives) remember(item, best);
    } else {
      groups.push([item]);
      remember(item, groups.length - 1);
    }
  }
  return groups;
}

/**
 * The word (or, failing that, two characters) that best names the group: shared by most of its
 * texts and rare in the others (so not "建议" when every suggestion starts with it).
 */
function sharedKeyword(members: Featured[], documentFrequency: Map<string, number>, documents: number): string {
  const tally = new Map<string, number>();
  for (const m of members) for (const f of m.features) tally.set(f, (tally.get(f) ?? 0) + 1);
  const pick = (kind: "w:" | "b:") => {
    let best = "";
    let bestScore = -Infinity;
    for (const [feature, n] of tally) {
      const coverage = n / members.length;
      if (!feature.startsWith(kind) || coverage < 0.5) continue;
      const rarity = Math.log((documents + 1) / ((documentFrequency.get(feature) ?? 0) + 1));
      const score = coverage * rarity + feature.length * 0.001;
      if (score > bestScore) {
        best = feature;
        bestScore = score;
      }
    }
    return best.slice(2);
  };
  // Whole words read better as a filter than two characters cut across words.
  return pick("w:") || pick("b:");
}

/** The member most like all the others. */
function centralMember(members: Featured[]): Featured {
  let best = members[0];
  let bestScore = -1;
  for (const m of members) {
    let score = 0;
    for (const o of members) if (o !== m) score += dice(m.features, o.features);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Where the team's customers say the same thing now: categories with many records in the last
 * `recentDays` beside their usual level in the `baselineDays` before, and topics (records whose
 * summaries read alike, grouped by lib/similarity) with their own usual level. Bounded: at most
 * 600 recent and 2,000 earlier summaries are read, whatever the volume.
 */
export async function listTriageConcentrations(db: Executor, viewer: Viewer, now = new Date(), recentDays = 7, baselineDays = 28) {
  assertCan(viewer, "record.read.team");
  if (viewer.teamId === null) return { categories: [], topics: [], since: todayInCenter(new Date(now.getTime() - recentDays * DAY)) };
  const recentStart = new Date(now.getTime() - recentDays * DAY);
  const baselineStart = new Date(recentStart.getTime() - baselineDays * DAY);
  const team = eq(records.teamId, viewer.teamId);

  const [categoryRows, recentRows, baselineRows] = await Promise.all([
    db
      .select({
        code: categories.code,
        category: categoryName,
        recent: sql<number>`count(*) filter (where ${records.createdAt} >= ${recentStart.toISOString()}::timestamptz)::int`,
        baseline: sql<number>`count(*) filter (where ${records.createdAt} < ${recentStart.toISOString()}::timestamptz)::int`,
      })
      .from(records)
      .innerJoin(categories, eq(categories.id, records.categoryId))
      .where(and(team, gte(records.createdAt, baselineStart)))
      .groupBy(categories.code, categories.nameHans, categories.nameHant, categories.nameEn),
    db
      .select({ id: records.id, summary: records.summary })
      .from(records)
      .where(and(team, gte(records.createdAt, recentStart)))
      .orderBy(desc(records.createdAt))
      .limit(600),
    db
      .select({ id: records.id, summary: records.summary })
      .from(records)
      .where(and(team, gte(records.createdAt, baselineStart), lt(records.createdAt, recentStart)))
      .orderBy(desc(records.createdAt))
      .limit(2000),
  ]);

  const weeks = baselineDays / 7;
  const ratioOf = (recent: number, baseline: number) => {
    const usualPerWeek = baseline / weeks;
    const recentPerWeek = (recent / recentDays) * 7;
    return { usualPerWeek, ratio: usualPerWeek > 0 ? recentPerWeek / usualPerWeek : null };
  };

  const categoryConcentrations = categoryRows
    .filter((r) => r.recent > 0)
    .map((r) => ({ code: r.code, category: r.category, recent: r.recent, ...ratioOf(r.recent, r.baseline) }))
    .sort((a, b) => b.recent - a.recent || (b.ratio ?? Number.MAX_VALUE) - (a.ratio ?? Number.MAX_VALUE))
    .slice(0, 8);

  const featured = (rows: { id: number; summary: string }[]): Featured[] => rows.map((r) => ({ ...r, features: features(r.summary) }));
  const recent = featured(recentRows);
  const documentFrequency = new Map<string, number>();
  for (const item of recent) for (const f of item.features) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
  const groups = groupTopics(recent)
    .filter((g) => g.length >= 3)
    .sort((a, b) => b.length - a.length)
    .slice(0, 6);
  // Earlier records are only read closely when they contain the topic's keyword.
  const featuredBaseline = new Map<number, Featured>();
  const baselineFeatures = (row: { id: number; summary: string }) => {
    let item = featuredBaseline.get(row.id);
    if (!item) featuredBaseline.set(row.id, (item = { ...row, features: features(row.summary) }));
    return item;
  };
  const topics: TopicConcentration[] = groups
    .map((members) => {
      const leader = centralMember(members.slice(0, 40));
      const keyword = sharedKeyword(members, documentFrequency, recent.length);
      const probes = members.slice(0, 12);
      const earlier = baselineRows.filter((b) => b.summary.toLowerCase().includes(keyword) && closeness(baselineFeatures(b), probes) >= topicThreshold).length;
      return { label: leader.summary, keyword, recent: members.length, ...ratioOf(members.length, earlier), recordIds: members.map((m) => m.id) };
    })
    .sort((a, b) => b.recent - a.recent);

  return { categories: categoryConcentrations, topics, since: todayInCenter(recentStart) };
}

// ---------------------------------------------------------------------------- issues

const issueColumns = {
  id: issues.id,
  version: issues.version,
  title: issues.title,
  description: issues.description,
  type: issues.type,
  status: issues.status,
  statusReason: issues.statusReason,
  tags: issues.tags,
  escalatedAt: issues.escalatedAt,
  reportedAt: issues.reportedAt,
  createdAt: issues.createdAt,
  updatedAt: issues.updatedAt,
  category: categoryName,
  categoryCode: categories.code,
  recordCount,
};

/** The supervisor's own issues in the given states (by default, those still at the site). */
export async function listSupervisorIssues(db: Executor, viewer: Viewer, statuses: readonly IssueStatus[] = supervisorOpenStatuses, limit = 50) {
  assertCan(viewer, "issue.create");
  if (statuses.length === 0) return [];
  return db
    .select(issueColumns)
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .where(and(eq(issues.createdBy, viewer.id), inArray(issues.status, [...statuses])))
    .orderBy(sql`case ${issues.status} when 'returned' then 0 when 'draft' then 1 else 2 end`, desc(issues.updatedAt))
    .limit(limit);
}

export type SupervisorIssue = Awaited<ReturnType<typeof listSupervisorIssues>>[number];

/** How many of the supervisor's issues are in each state. */
export async function countSupervisorIssuesByStatus(db: Executor, viewer: Viewer): Promise<Partial<Record<IssueStatus, number>>> {
  assertCan(viewer, "issue.create");
  const rows = await db.select({ status: issues.status, n: count() }).from(issues).where(eq(issues.createdBy, viewer.id)).groupBy(issues.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

const evidenceCount = sql<number>`(select count(*)::int from ${records} where ${records.issueId} = ${issues.id} and ${records.channel} <> 'hotline')`;

/**
 * The specialist's inbox: the site's escalated issues and those sent back, newest step first.
 * Each carries its stage clock (escalation to verification, against the `workflow.targets`
 * setting) and how many of its complaints are near or past the regulator's limit.
 */
export async function listSpecialistInbox(
  db: Executor,
  viewer: Viewer,
  { statuses = specialistWorkingStatuses, limit = 100, now = new Date() }: { statuses?: readonly IssueStatus[]; limit?: number; now?: Date } = {},
) {
  assertCan(viewer, "issue.classify");
  if (viewer.siteId === null) return [];
  const rows = await db
    .select({ ...issueColumns, evidenceCount, createdByName: users.name })
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .leftJoin(users, eq(users.id, issues.createdBy))
    .where(and(eq(issues.siteId, viewer.siteId), inArray(issues.status, [...statuses])))
    .orderBy(sql`case ${issues.status} when 'escalated' then 0 else 1 end`, desc(issues.escalatedAt), desc(issues.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const { targets } = await getTimeLimitSettings(db);
  const state = complaintClockStates(now, targets.warnAtShare);
  const complaintRows = await db
    .select({
      issueId: records.issueId,
      near: sql<number>`(count(*) filter (where ${state.near}))::int`,
      overdue: sql<number>`(count(*) filter (where ${state.overdue}))::int`,
    })
    .from(records)
    .where(and(inArray(records.issueId, rows.map((r) => r.id)), ...complaintOnClockConditions(now)))
    .groupBy(records.issueId);
  const complaints = new Map(complaintRows.map((c) => [c.issueId, { near: c.near, overdue: c.overdue }]));
  return rows.map((r) => ({
    ...r,
    clock: r.escalatedAt ? clockOf(r.escalatedAt, targets.escalationToVerificationDays, now, targets.warnAtShare) : null,
    complaints: complaints.get(r.id) ?? { near: 0, overdue: 0 },
  }));
}

export type InboxIssue = Awaited<ReturnType<typeof listSpecialistInbox>>[number];

/** Other-channel records the specialist may attach to an issue, the most alike first. */
export async function listEvidenceCandidates(db: Executor, viewer: Viewer, issue: { title: string; description: string }, now = new Date(), limit = 15) {
  assertCan(viewer, "issue.link_records");
  if (viewer.role !== "specialist" || viewer.siteId === null) return [];
  const rows = await db
    .select({
      id: records.id,
      kind: records.kind,
      channel: records.channel,
      summary: records.summary,
      source: records.source,
      createdAt: records.createdAt,
      category: categoryName,
    })
    .from(records)
    .innerJoin(categories, eq(categories.id, records.categoryId))
    .where(and(evidenceScope(viewer.siteId), gte(records.createdAt, new Date(now.getTime() - 90 * DAY))))
    .orderBy(desc(records.createdAt))
    .limit(400);
  const wanted = features(`${issue.title} ${issue.title} ${issue.description}`);
  return rows
    .map((r) => ({ ...r, score: dice(wanted, features(r.summary)) }))
    .sort((a, b) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, limit);
}

export type EvidenceCandidate = Awaited<ReturnType<typeof listEvidenceCandidates>>[number];

/** Issues an issue could be merged into: open ones the viewer may see (the site's, for a specialist). */
export async function listMergeTargets(db: Executor, viewer: Viewer, issue: { id: number; title: string; description: string }, limit = 30) {
  assertCan(viewer, "issue.merge");
  const scope = viewer.role === "specialist" ? (viewer.siteId === null ? null : eq(issues.siteId, viewer.siteId)) : undefined;
  if (scope === null) return [];
  const rows = await db
    .select({ id: issues.id, title: issues.title, status: issues.status, recordCount })
    .from(issues)
    .where(and(scope, ne(issues.id, issue.id), inArray(issues.status, [...openIssueStatuses])))
    .orderBy(desc(issues.updatedAt))
    .limit(300);
  const wanted = features(`${issue.title} ${issue.description}`);
  return rows
    .map((r) => ({ ...r, score: dice(wanted, features(r.title)) }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit);
}

export type MergeTarget = Awaited<ReturnType<typeof listMergeTargets>>[number];

// ---------------------------------------------------------------------------- site reports

export type CountsBy<K extends string> = Partial<Record<K, number>>;

export interface IssueCounts {
  total: number;
  byKind: CountsBy<RecordKind>;
  byChannel: CountsBy<Channel>;
}

/** Records per issue, by kind and by channel: the figures a report shows beside each issue. */
export async function countRecordsByIssue(db: Executor, issueIds: number[]): Promise<Map<number, IssueCounts>> {
  const out = new Map<number, IssueCounts>(issueIds.map((id) => [id, { total: 0, byKind: {}, byChannel: {} }]));
  if (issueIds.length === 0) return out;
  const rows = await db
    .select({ issueId: records.issueId, kind: records.kind, channel: records.channel, n: count() })
    .from(records)
    .where(inArray(records.issueId, issueIds))
    .groupBy(records.issueId, records.kind, records.channel);
  for (const row of rows) {
    if (row.issueId === null) continue;
    const counts = out.get(row.issueId)!;
    counts.total += row.n;
    counts.byKind[row.kind] = (counts.byKind[row.kind] ?? 0) + row.n;
    counts.byChannel[row.channel] = (counts.byChannel[row.channel] ?? 0) + row.n;
  }
  return out;
}

/** Sums of several issues' counts. */
export function sumCounts(list: IssueCounts[]): IssueCounts {
  const total: IssueCounts = { total: 0, byKind: {}, byChannel: {} };
  for (const c of list) {
    total.total += c.total;
    for (const k of recordKinds) if (c.byKind[k]) total.byKind[k] = (total.byKind[k] ?? 0) + c.byKind[k]!;
    for (const ch of channels) if (c.byChannel[ch]) total.byChannel[ch] = (total.byChannel[ch] ?? 0) + c.byChannel[ch]!;
  }
  return total;
}

const reportIssueColumns = {
  id: issues.id,
  title: issues.title,
  description: issues.description,
  type: issues.type,
  status: issues.status,
  tags: issues.tags,
  escalatedAt: issues.escalatedAt,
  category: categoryName,
};

/** The site's escalated issues a report can take, with their counts. */
export async function listReportableIssues(db: Executor, viewer: Viewer) {
  assertCan(viewer, "report.write");
  if (viewer.siteId === null) return [];
  const rows = await db
    .select(reportIssueColumns)
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .where(and(eq(issues.siteId, viewer.siteId), eq(issues.status, "escalated")))
    .orderBy(desc(issues.escalatedAt), desc(issues.id))
    .limit(200);
  const counts = await countRecordsByIssue(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, counts: counts.get(r.id)! }));
}

export type ReportableIssue = Awaited<ReturnType<typeof listReportableIssues>>[number];

/** The site's reports, newest period first, with how many issues each carries. */
export async function listSiteReportsOfSite(db: Executor, viewer: Viewer, limit = 30) {
  assertCan(viewer, "report.write");
  if (viewer.siteId === null) return [];
  return db
    .select({
      id: siteReports.id,
      title: siteReports.title,
      status: siteReports.status,
      periodStart: siteReports.periodStart,
      periodEnd: siteReports.periodEnd,
      submittedAt: siteReports.submittedAt,
      updatedAt: siteReports.updatedAt,
      issueCount: sql<number>`(select count(*)::int from ${siteReportIssues} where ${siteReportIssues.reportId} = ${siteReports.id})`,
    })
    .from(siteReports)
    .where(eq(siteReports.siteId, viewer.siteId))
    .orderBy(desc(siteReports.periodEnd), desc(siteReports.id))
    .limit(limit);
}

/** Where a new report's period should start: the day after the site's last report ended. */
export async function getNextReportPeriod(db: Executor, viewer: Viewer, now = new Date()) {
  assertCan(viewer, "report.write");
  const today = todayInCenter(now);
  const [last] = viewer.siteId === null ? [] : await db
    .select({ periodEnd: siteReports.periodEnd })
    .from(siteReports)
    .where(eq(siteReports.siteId, viewer.siteId))
    .orderBy(desc(siteReports.periodEnd))
    .limit(1);
  const dayAfter = last ? new Date(Date.parse(`${last.periodEnd}T00:00:00Z`) + DAY).toISOString().slice(0, 10) : null;
  const twoWeeksAgo = todayInCenter(new Date(now.getTime() - 13 * DAY));
  const start = dayAfter && dayAfter <= today ? dayAfter : twoWeeksAgo;
  return { periodStart: start, periodEnd: today };
}

/**
 * One site report with its issues and their counts (by kind and by channel), as the editor and
 * the printable view need it. A specialist reads the own site's; the management post and
 * leadership any. Null when missing or not the viewer's.
 */
export async function getSiteReport(db: Executor, viewer: Viewer, id: number) {
  const readsAll = can(viewer.role, "report.read.all");
  if (!readsAll && !can(viewer.role, "report.write")) return null;
  const [row] = await db
    .select({
      report: siteReports,
      site: { nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn },
      authorName: users.name,
    })
    .from(siteReports)
    .innerJoin(sites, eq(sites.id, siteReports.siteId))
    .leftJoin(users, eq(users.id, siteReports.authorId))
    .where(and(eq(siteReports.id, id), readsAll ? undefined : viewer.siteId === null ? sql`false` : eq(siteReports.siteId, viewer.siteId)))
    .limit(1);
  if (!row) return null;
  const issueRows = await db
    .select({ ...reportIssueColumns, position: siteReportIssues.position })
    .from(siteReportIssues)
    .innerJoin(issues, eq(issues.id, siteReportIssues.issueId))
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .where(eq(siteReportIssues.reportId, id))
    .orderBy(asc(siteReportIssues.position), asc(issues.id));
  const counts = await countRecordsByIssue(db, issueRows.map((i) => i.id));
  const withCounts = issueRows.map((i) => ({ ...i, counts: counts.get(i.id)! }));
  return { ...row, issues: withCounts, totals: sumCounts(withCounts.map((i) => i.counts)) };
}

export type SiteReportDetail = NonNullable<Awaited<ReturnType<typeof getSiteReport>>>;

/** The viewer's own site, for titles. */
export async function getViewerSite(db: Executor, viewer: Viewer) {
  if (viewer.siteId === null) return null;
  const [site] = await db.select({ id: sites.id, nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn }).from(sites).where(eq(sites.id, viewer.siteId)).limit(1);
  return site ?? null;
}
