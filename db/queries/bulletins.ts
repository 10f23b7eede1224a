import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  actions,
  bulletinAcknowledgements,
  bulletinIssues,
  bulletins,
  bulletinStatuses,
  categories,
  departments,
  issues,
  records,
  sites,
  users,
} from "@/db/schema";
import { can } from "@/lib/permissions";
import { maskSensitive } from "@/lib/pii";
import type { Viewer } from "@/lib/viewer";

const categoryName = { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn };
const siteName = { nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn };
const departmentName = { nameHans: departments.nameHans, nameHant: departments.nameHant, nameEn: departments.nameEn };

export type BulletinStatus = (typeof bulletinStatuses)[number];

// ---------------------------------------------------------------------------- figures

export const quoteLimits = { count: 3, chars: 60 } as const;

/** The bulletin's period as instants in the center's zone, and the period of equal length before it. */
export function periodBounds(periodStart: string, periodEnd: string) {
  const start = new Date(`${periodStart}T00:00:00+08:00`);
  const end = new Date(new Date(`${periodEnd}T00:00:00+08:00`).getTime() + 86_400_000);
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  const previousStart = new Date(start.getTime() - days * 86_400_000);
  return { start, end, previousStart, days };
}

/** Change against the previous period in percent, one decimal; null when there was nothing before. */
export function trendPercent(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

/** A customer's words as a short quote: one line, at most 60 characters, masked again to be sure. */
export function shortQuote(text: string): string {
  const line = maskSensitive(text).text.replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length > quoteLimits.chars ? `${chars.slice(0, quoteLimits.chars - 1).join("")}…` : line;
}

export interface BulletinIssueFigures {
  issueId: number;
  /** Records linked to the issue. */
  recordCount: number;
  /** Records on the issue's category (and its subcategories) in the period and the one before. */
  current: number;
  previous: number;
  trendPercent: number | null;
  quotes: string[];
}

/**
 * What a bulletin prints for each issue: how many records carry it, how the volume on its
 * topic moved against the previous period of the same length, and a few of the customers'
 * own words (masked at intake; the newest distinct ones).
 */
export async function computeBulletinFigures(db: Executor, issueIds: number[], periodStart: string, periodEnd: string): Promise<BulletinIssueFigures[]> {
  if (issueIds.length === 0) return [];
  const { start, end, previousStart } = periodBounds(periodStart, periodEnd);
  const issueRows = await db
    .select({ id: issues.id, categoryId: issues.categoryId })
    .from(issues)
    .where(inArray(issues.id, issueIds));
  const linked = await db
    .select({ issueId: records.issueId, n: sql<number>`count(*)::int` })
    .from(records)
    .where(inArray(records.issueId, issueIds))
    .groupBy(records.issueId);
  const categoryIds = [...new Set(issueRows.map((i) => i.categoryId))];
  const volume = new Map<number, { current: number; previous: number }>();
  for (const categoryId of categoryIds) {
    const [row] = await db
      .select({
        current: sql<number>`count(*) filter (where ${records.occurredAt} >= ${start.toISOString()}::timestamptz)::int`,
        previous: sql<number>`count(*) filter (where ${records.occurredAt} < ${start.toISOString()}::timestamptz)::int`,
      })
      .from(records)
      .innerJoin(categories, eq(categories.id, records.categoryId))
      .where(and(or(eq(records.categoryId, categoryId), eq(categories.parentId, categoryId)), gte(records.occurredAt, previousStart), lt(records.occurredAt, end)));
    volume.set(categoryId, { current: row?.current ?? 0, previous: row?.previous ?? 0 });
  }
  const words = await db
    .select({ issueId: records.issueId, words: records.customerWords })
    .from(records)
    .where(and(inArray(records.issueId, issueIds), sql`length(btrim(${records.customerWords})) > 0`))
    .orderBy(desc(records.occurredAt), desc(records.id))
    .limit(issueIds.length * 40);
  return issueIds.flatMap((issueId) => {
    const issue = issueRows.find((i) => i.id === issueId);
    if (!issue) return [];
    const v = volume.get(issue.categoryId) ?? { current: 0, previous: 0 };
    const quotes: string[] = [];
    for (const w of words) {
      if (w.issueId !== issueId) continue;
      const quote = shortQuote(w.words);
      if (quote && !quotes.includes(quote)) quotes.push(quote);
      if (quotes.length === quoteLimits.count) break;
    }
    const recordCount = linked.find((l) => l.issueId === issueId)?.n ?? 0;
    return [{ issueId, recordCount, current: v.current, previous: v.previous, trendPercent: trendPercent(v.current, v.previous), quotes }];
  });
}

// ---------------------------------------------------------------------------- lists

export interface BulletinFilters {
  status?: BulletinStatus;
  year?: number;
  q?: string;
}

type SearchParams = Record<string, string | string[] | undefined>;

export function parseBulletinFilters(params: SearchParams): BulletinFilters {
  const one = (key: string) => {
    const value = params[key];
    return typeof value === "string" ? value.trim() : undefined;
  };
  const status = one("status");
  const year = Number(one("year"));
  const q = one("q");
  return {
    status: (bulletinStatuses as readonly string[]).includes(status ?? "") ? (status as BulletinStatus) : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    q: q ? q.slice(0, 50) : undefined,
  };
}

/** Which bulletins a viewer may see: the management post every one, everyone else the published and corrected ones. */
function visibleTo(viewer: Viewer): SQL | undefined {
  if (!can(viewer.role, "bulletin.read")) return sql`false`;
  return viewer.role === "manager" ? undefined : inArray(bulletins.status, ["published", "superseded"]);
}

/** The bulletin series, newest first, with each one's figures and, for readers, whether they acknowledged it. */
export async function listBulletinSeries(db: Executor, viewer: Viewer, filters: BulletinFilters = {}, limit = 100) {
  const conditions: (SQL | undefined)[] = [visibleTo(viewer)];
  if (filters.status) conditions.push(eq(bulletins.status, filters.status));
  if (filters.year) conditions.push(sql`extract(year from ${bulletins.periodEnd}) = ${filters.year}`);
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const asNumber = Number.parseInt(filters.q.replace(/\D/g, ""), 10);
    conditions.push(or(ilike(bulletins.title, pattern), ilike(bulletins.summary, pattern), Number.isSafeInteger(asNumber) ? eq(bulletins.number, asNumber) : undefined));
  }
  return db
    .select({
      id: bulletins.id,
      number: bulletins.number,
      revision: bulletins.revision,
      title: bulletins.title,
      status: bulletins.status,
      periodStart: bulletins.periodStart,
      periodEnd: bulletins.periodEnd,
      publishedAt: bulletins.publishedAt,
      updatedAt: bulletins.updatedAt,
      issueCount: sql<number>`(select count(*)::int from bulletin_issues bi where bi.bulletin_id = "bulletins"."id")`,
      recordCount: sql<number>`(select coalesce(sum(bi.record_count), 0)::int from bulletin_issues bi where bi.bulletin_id = "bulletins"."id")`,
      acknowledgements: sql<number>`(select count(*)::int from bulletin_acknowledgements ba where ba.bulletin_id = "bulletins"."id")`,
      acknowledgedByMe: sql<boolean>`exists (select 1 from bulletin_acknowledgements ba where ba.bulletin_id = "bulletins"."id" and ba.user_id = ${viewer.id})`,
    })
    .from(bulletins)
    .where(and(...conditions))
    .orderBy(desc(bulletins.number), desc(bulletins.revision))
    .limit(limit);
}

export type BulletinListRow = Awaited<ReturnType<typeof listBulletinSeries>>[number];

/** Counts by state, for the list's filter tabs. */
export async function countBulletinsByStatus(db: Executor, viewer: Viewer): Promise<Partial<Record<BulletinStatus, number>>> {
  const rows = await db
    .select({ status: bulletins.status, n: sql<number>`count(*)::int` })
    .from(bulletins)
    .where(visibleTo(viewer))
    .groupBy(bulletins.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

// ---------------------------------------------------------------------------- one bulletin

// Subqueries name the outer table explicitly: in a one-table select drizzle leaves columns unqualified.
const compiler = sql<string | null>`(select u.name from users u where u.id = "bulletins"."compiled_by")`;
const publisher = sql<string | null>`(select u.name from users u where u.id = "bulletins"."published_by")`;

/** One bulletin with its issues in order, their figures, quotes and any actions; null if not the viewer's to see. */
export async function getBulletin(db: Executor, viewer: Viewer, id: number) {
  const [row] = await db
    .select({ bulletin: bulletins, compiledByName: compiler, publishedByName: publisher })
    .from(bulletins)
    .where(and(eq(bulletins.id, id), visibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const items = await db
    .select({
      issueId: issues.id,
      position: bulletinIssues.position,
      recordCount: bulletinIssues.recordCount,
      trendPercent: bulletinIssues.trendPercent,
      quotes: bulletinIssues.quotes,
      title: issues.title,
      description: issues.description,
      type: issues.type,
      status: issues.status,
      category: categoryName,
      site: siteName,
    })
    .from(bulletinIssues)
    .innerJoin(issues, eq(issues.id, bulletinIssues.issueId))
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .leftJoin(sites, eq(sites.id, issues.siteId))
    .where(eq(bulletinIssues.bulletinId, id))
    .orderBy(asc(bulletinIssues.position), asc(issues.id));
  const issueIds = items.map((i) => i.issueId);
  const actionRows = issueIds.length
    ? await db
        .select({ issueId: actions.issueId, id: actions.id, disposition: actions.disposition, status: actions.status, dueOn: actions.dueOn, ownerName: actions.ownerName, department: departmentName })
        .from(actions)
        .innerJoin(departments, eq(departments.id, actions.departmentId))
        .where(inArray(actions.issueId, issueIds))
        .orderBy(asc(actions.id))
    : [];
  const [correction] = await db
    .select({ id: bulletins.id })
    .from(bulletins)
    .where(and(eq(bulletins.supersedesId, id), visibleTo(viewer)))
    .orderBy(desc(bulletins.revision))
    .limit(1);
  return {
    ...row,
    issues: items.map((i) => ({ ...i, actions: actionRows.filter((a) => a.issueId === i.issueId) })),
    /** The revision that corrects this one, if any (a draft only the management post sees). */
    correctionId: correction?.id ?? null,
  };
}

export type BulletinDetail = NonNullable<Awaited<ReturnType<typeof getBulletin>>>;

/**
 * Who has read a published bulletin: every active leadership and department user, split into
 * those who acknowledged it (with when) and those who have not yet. For the management post.
 */
export async function listBulletinReaders(db: Executor, viewer: Viewer, bulletinId: number) {
  if (viewer.role !== "manager") return null;
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      role: users.role,
      status: users.status,
      department: departmentName,
      acknowledgedAt: bulletinAcknowledgements.acknowledgedAt,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(bulletinAcknowledgements, and(eq(bulletinAcknowledgements.userId, users.id), eq(bulletinAcknowledgements.bulletinId, bulletinId)))
    .where(or(and(inArray(users.role, ["leadership", "department"]), eq(users.status, "active")), sql`${bulletinAcknowledgements.userId} is not null`))
    .orderBy(asc(users.role), asc(users.name));
  const read = rows.filter((r) => r.acknowledgedAt !== null).sort((a, b) => a.acknowledgedAt!.getTime() - b.acknowledgedAt!.getTime());
  const unread = rows.filter((r) => r.acknowledgedAt === null);
  return { read, unread };
}

export type BulletinReaders = NonNullable<Awaited<ReturnType<typeof listBulletinReaders>>>;

export interface BulletinDiff {
  previous: { id: number; number: number; revision: number; title: string; summary: string; periodStart: string; periodEnd: string; publishedAt: Date | null };
  titleChanged: boolean;
  periodChanged: boolean;
  summaryChanged: boolean;
  added: { id: number; title: string }[];
  removed: { id: number; title: string }[];
}

/** What a correction changed against the revision it supersedes: wording, period, issues added and removed. */
export async function getBulletinDiff(db: Executor, viewer: Viewer, detail: BulletinDetail): Promise<BulletinDiff | null> {
  const previousId = detail.bulletin.supersedesId;
  if (previousId === null) return null;
  const [previous] = await db
    .select({
      id: bulletins.id,
      number: bulletins.number,
      revision: bulletins.revision,
      title: bulletins.title,
      summary: bulletins.summary,
      periodStart: bulletins.periodStart,
      periodEnd: bulletins.periodEnd,
      publishedAt: bulletins.publishedAt,
    })
    .from(bulletins)
    .where(and(eq(bulletins.id, previousId), visibleTo(viewer)))
    .limit(1);
  if (!previous) return null;
  const before = await db
    .select({ id: issues.id, title: issues.title })
    .from(bulletinIssues)
    .innerJoin(issues, eq(issues.id, bulletinIssues.issueId))
    .where(eq(bulletinIssues.bulletinId, previousId))
    .orderBy(asc(bulletinIssues.position));
  const now = detail.issues.map((i) => ({ id: i.issueId, title: i.title }));
  return {
    previous,
    titleChanged: previous.title !== detail.bulletin.title,
    periodChanged: previous.periodStart !== detail.bulletin.periodStart || previous.periodEnd !== detail.bulletin.periodEnd,
    summaryChanged: previous.summary !== detail.bulletin.summary,
    added: now.filter((i) => !before.some((b) => b.id === i.id)),
    removed: before.filter((b) => !now.some((i) => i.id === b.id)),
  };
}

// ---------------------------------------------------------------------------- the editor

/**
 * Issues the management post may put in a bulletin: verified ones (not yet published), and for
 * a correction also those the corrected revision published. Each with the other drafts holding it.
 */
export async function listBulletinCandidates(db: Executor, viewer: Viewer, options: { correctionOf?: number | null; excludeBulletinId?: number } = {}) {
  if (!can(viewer.role, "bulletin.compile")) return [];
  const carried = options.correctionOf
    ? and(inArray(issues.status, ["published", "in_action", "resolved"]), sql`${issues.id} in (select bi.issue_id from bulletin_issues bi where bi.bulletin_id = ${options.correctionOf})`)
    : undefined;
  return db
    .select({
      id: issues.id,
      title: issues.title,
      type: issues.type,
      status: issues.status,
      verifiedAt: issues.verifiedAt,
      category: categoryName,
      site: siteName,
      recordCount: sql<number>`(select count(*)::int from records r where r.issue_id = "issues"."id")`,
      inDrafts: sql<number[]>`coalesce((select array_agg(b.number order by b.number) from bulletin_issues bi join bulletins b on b.id = bi.bulletin_id where bi.issue_id = "issues"."id" and b.status = 'draft' and b.id <> ${options.excludeBulletinId ?? 0}), '{}')`,
    })
    .from(issues)
    .innerJoin(categories, eq(categories.id, issues.categoryId))
    .leftJoin(sites, eq(sites.id, issues.siteId))
    .where(carried ? or(eq(issues.status, "verified"), carried) : eq(issues.status, "verified"))
    .orderBy(desc(issues.verifiedAt), desc(issues.id))
    .limit(300);
}

export type BulletinCandidate = Awaited<ReturnType<typeof listBulletinCandidates>>[number];

/** The number the next new bulletin gets: one past the highest of the series (drafts included). */
export async function getNextBulletinNumber(db: Executor): Promise<number> {
  const [row] = await db.select({ next: sql<number>`(coalesce(max(${bulletins.number}), 0) + 1)::int` }).from(bulletins);
  return row?.next ?? 1;
}

/** Published bulletins the viewer has not acknowledged yet (leadership and departments). */
export async function countUnacknowledgedBulletins(db: Executor, viewer: Viewer): Promise<number> {
  if (!can(viewer.role, "bulletin.acknowledge")) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bulletins)
    .where(
      and(
        eq(bulletins.status, "published"),
        sql`not exists (select 1 from bulletin_acknowledgements ba where ba.bulletin_id = "bulletins"."id" and ba.user_id = ${viewer.id})`,
      ),
    );
  return row?.n ?? 0;
}


/** When the viewer acknowledged the bulletin, or null. */
export async function getOwnAcknowledgement(db: Executor, viewer: Viewer, bulletinId: number): Promise<Date | null> {
  if (!can(viewer.role, "bulletin.acknowledge")) return null;
  const [row] = await db
    .select({ at: bulletinAcknowledgements.acknowledgedAt })
    .from(bulletinAcknowledgements)
    .where(and(eq(bulletinAcknowledgements.bulletinId, bulletinId), eq(bulletinAcknowledgements.userId, viewer.id)));
  return row?.at ?? null;
}
