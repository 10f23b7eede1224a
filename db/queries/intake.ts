import { and, asc, count, desc, eq, gte, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, issues, records, type RecordKind, type RecordStatus } from "@/db/schema";
import { localName, type Locale } from "@/lib/i18n/config";
import { assertCan, can } from "@/lib/permissions";
import { maskContact } from "@/lib/pii";
import { allRegions, getRegion } from "@/lib/regions";
import { joinableIssueStatuses } from "@/lib/services/records";
import type { Viewer } from "@/lib/viewer";

export interface CategoryOption {
  code: string;
  label: string;
  /** Every name of it and of its parent, for type-ahead in any script. */
  search: string;
  depth: number;
}

/** Active categories as a flat list in tree order, children under their parent. */
export async function listCategoryOptions(db: Executor, locale: Locale): Promise<CategoryOption[]> {
  const rows = await db.select().from(categories).where(eq(categories.active, true)).orderBy(asc(categories.position), asc(categories.id));
  const byParent = new Map<number | null, typeof rows>();
  for (const row of rows) {
    const list = byParent.get(row.parentId) ?? [];
    list.push(row);
    byParent.set(row.parentId, list);
  }
  const out: CategoryOption[] = [];
  const walk = (parentId: number | null, depth: number, trail: string[], trailSearch: string) => {
    for (const row of byParent.get(parentId) ?? []) {
      const name = localName(row, locale);
      const search = `${trailSearch} ${row.nameHans} ${row.nameHant} ${row.nameEn} ${row.code}`.toLowerCase();
      out.push({ code: row.code, label: [...trail, name].join(" › "), search, depth });
      walk(row.id, depth + 1, [...trail, name], search);
    }
  };
  walk(null, 0, [], "");
  return out;
}

export interface RegionOption {
  code: string;
  label: string;
  search: string;
}

/** Cities (and each province as a whole), labelled "province · city", searchable by characters and pinyin. */
export function listRegionOptions(locale: Locale): RegionOption[] {
  return allRegions().map((r) => {
    const province = r.parentCode ? getRegion(r.parentCode) : null;
    const name = localName(r, locale);
    const label = province && !r.sameAsProvince ? `${localName(province, locale)} · ${name}` : name;
    const search = [r.nameHans, r.nameHant, r.shortHans, r.shortHant, r.pinyin.replace(/ /g, ""), r.initials, r.nameEn, province?.shortHans ?? ""]
      .join(" ")
      .toLowerCase();
    return { code: r.code, label, search };
  });
}

/** What a new record could turn out to be the same as: open issues, and the site's recent records. */
export async function listSimilarityCandidates(db: Executor, viewer: Viewer, now = new Date()) {
  assertCan(viewer, "record.create");
  const since = new Date(now.getTime() - 14 * 86_400_000);
  const [openIssues, recent] = await Promise.all([
    db
      .select({
        id: issues.id,
        title: issues.title,
        description: issues.description,
        status: issues.status,
        categoryCode: categories.code,
        recordCount: sql<number>`(select count(*)::int from ${records} where ${records.issueId} = ${issues.id})`,
      })
      .from(issues)
      .innerJoin(categories, eq(categories.id, issues.categoryId))
      .where(inArray(issues.status, [...joinableIssueStatuses]))
      .orderBy(desc(issues.updatedAt))
      .limit(300),
    db
      .select({ id: records.id, summary: records.summary, createdAt: records.createdAt, categoryCode: categories.code, issueId: records.issueId })
      .from(records)
      .innerJoin(categories, eq(categories.id, records.categoryId))
      .where(and(viewer.siteId === null ? undefined : eq(records.siteId, viewer.siteId), gte(records.createdAt, since)))
      .orderBy(desc(records.createdAt))
      .limit(500),
  ]);
  return { openIssues, recent };
}

export interface OwnRecordFilter {
  q?: string;
  kind?: RecordKind;
  status?: RecordStatus;
  page?: number;
}

export const ownRecordsPageSize = 25;

/** An agent's own records, searchable by words in the summary, customer words or call reference. */
export async function searchOwnRecords(db: Executor, viewer: Viewer, filter: OwnRecordFilter) {
  assertCan(viewer, "record.read.own");
  const conditions: SQL[] = [eq(records.authorId, viewer.id)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(records.summary, pattern), ilike(records.customerWords, pattern), ilike(records.callReference, pattern));
    if (match) conditions.push(match);
  }
  if (filter.kind) conditions.push(eq(records.kind, filter.kind));
  if (filter.status) conditions.push(eq(records.status, filter.status));
  const where = and(...conditions);
  const page = Math.max(1, filter.page ?? 1);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: records.id,
        kind: records.kind,
        status: records.status,
        summary: records.summary,
        callReference: records.callReference,
        urgency: records.urgency,
        createdAt: records.createdAt,
        dismissedReason: records.dismissedReason,
        issueTitle: issues.title,
        category: { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn },
      })
      .from(records)
      .innerJoin(categories, eq(categories.id, records.categoryId))
      .leftJoin(issues, eq(issues.id, records.issueId))
      .where(where)
      .orderBy(desc(records.createdAt), desc(records.id))
      .limit(ownRecordsPageSize)
      .offset((page - 1) * ownRecordsPageSize),
    db.select({ total: count() }).from(records).where(where),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / ownRecordsPageSize)) };
}

/** One of the agent's own records; someone else's is not found, the same as a missing one. */
export async function getOwnRecord(db: Executor, viewer: Viewer, id: number) {
  assertCan(viewer, "record.read.own");
  const [row] = await db
    .select({ record: records, categoryCode: categories.code })
    .from(records)
    .innerJoin(categories, eq(categories.id, records.categoryId))
    .where(and(eq(records.id, id), eq(records.authorId, viewer.id)))
    .limit(1);
  return row ?? null;
}

/** Public submissions waiting for moderation, oldest first. Contacts shown as the role may see them. */
export async function listPendingSubmissions(db: Executor, viewer: Viewer, limit = 50) {
  assertCan(viewer, "record.moderate");
  const rows = await db
    .select({
      id: records.id,
      version: records.version,
      kind: records.kind,
      summary: records.summary,
      customerWords: records.customerWords,
      regionCode: records.regionCode,
      contact: records.contact,
      createdAt: records.createdAt,
      trackingNumber: records.trackingNumber,
      category: { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn },
    })
    .from(records)
    .innerJoin(categories, eq(categories.id, records.categoryId))
    .where(and(eq(records.channel, "web"), eq(records.moderationStatus, "pending")))
    .orderBy(asc(records.createdAt))
    .limit(limit);
  const seeContact = can(viewer.role, "record.contact.view");
  return rows.map((r) => ({ ...r, contact: seeContact ? r.contact : maskContact(r.contact), region: r.regionCode ? getRegion(r.regionCode) : null }));
}
