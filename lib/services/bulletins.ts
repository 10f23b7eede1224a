import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { computeBulletinFigures } from "@/db/queries/bulletins";
import { bulletinAcknowledgements, bulletinIssues, bulletins, issues, type Bulletin, type IssueRow, type IssueStatus } from "@/db/schema";
import { ExpectedError, InvalidTransition, NotFound, ValidationFailed } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { maskSensitive } from "@/lib/pii";
import { messageKey } from "@/lib/validation/errors";
import type { Viewer } from "@/lib/viewer";
import { nextIssueStatus } from "@/lib/workflow";
import { notifyUsers, StaleVersion, userIdsWithRole, writeAudit } from "./workflow-support";

/**
 * Topical bulletins (专题通报, 第N期, MISSION step 6): the management post compiles verified
 * issues into a numbered draft, publishes it to leadership and every department, and corrects
 * a published one only by a new revision of the same number. A published bulletin is never
 * changed again: it is what its readers acknowledged.
 *
 * Audit: `bulletin.saved` for each save of a draft (a correction's first draft included);
 * `bulletin.published` (or `bulletin.corrected` for a revision) plus one `issue.published` per
 * issue it publishes; `bulletin.acknowledged` once per reader.
 */

export const bulletinLimits = { title: 200, summary: 20_000, changeNote: 2000, issues: 50 } as const;

/** States of the issues a correction carries over from the revision it corrects (published by it, or acted on since). */
const alreadyPublished: readonly IssueStatus[] = ["published", "in_action", "resolved"];

/** Anything that would change a published (or superseded) bulletin. */
export class BulletinImmutable extends ExpectedError {
  override readonly status = 409;
  override readonly code = "bulletin_immutable";
  constructor() {
    super("A published bulletin cannot be changed. To correct it, publish a corrected revision.");
  }
}

/** A bulletin needs at least one issue before it is published. */
export class BulletinEmpty extends ExpectedError {
  override readonly status = 409;
  override readonly code = "bulletin_empty";
  constructor() {
    super("A bulletin needs at least one issue before it is published.");
  }
}

/** A correction of this bulletin is already being drafted, or it was corrected already. */
export class CorrectionExists extends ExpectedError {
  override readonly status = 409;
  override readonly code = "correction_exists";
  constructor(readonly correctionId: number) {
    super("This bulletin already has a correction: continue that one.");
  }
}

/** Only a published, current bulletin may be acknowledged. */
export class NotAcknowledgeable extends ExpectedError {
  override readonly status = 409;
  override readonly code = "bulletin_not_current";
  constructor() {
    super("This revision of the bulletin was corrected: read and acknowledge the current one.");
  }
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function fieldError(field: string, key: string, values?: Record<string, string | number>): never {
  const message = key.includes(".") ? (values ? `${key}|${JSON.stringify(values)}` : key) : messageKey(key, values);
  throw new ValidationFailed("The bulletin has errors.", { [field]: [message] });
}

function validDate(field: string, value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!isoDate.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) fieldError(field, "invalidDate");
  return value;
}

export interface BulletinContent {
  title: string;
  periodStart: string;
  periodEnd: string;
  summary: string;
  issueIds: number[];
}

function cleanContent(input: BulletinContent): BulletinContent {
  const title = input.title.trim();
  if (!title) fieldError("title", "required");
  if (title.length > bulletinLimits.title) fieldError("title", "tooLong", { max: bulletinLimits.title });
  const periodStart = validDate("periodStart", input.periodStart);
  const periodEnd = validDate("periodEnd", input.periodEnd);
  if (periodEnd < periodStart) fieldError("periodEnd", "bulletins.validation.periodOrder");
  if (input.summary.length > bulletinLimits.summary) fieldError("summary", "tooLong", { max: bulletinLimits.summary });
  const issueIds = [...new Set(input.issueIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (issueIds.length === 0) fieldError("issueIds", "bulletins.validation.noIssues");
  if (issueIds.length > bulletinLimits.issues) fieldError("issueIds", "tooMany", { max: bulletinLimits.issues });
  return { title: maskSensitive(title).text, periodStart, periodEnd, summary: maskSensitive(input.summary.trim()).text, issueIds };
}

function cleanChangeNote(value: string | undefined): string {
  const note = value?.trim() ?? "";
  if (!note) fieldError("changeNote", "required");
  if (note.length > bulletinLimits.changeNote) fieldError("changeNote", "tooLong", { max: bulletinLimits.changeNote });
  return maskSensitive(note).text;
}

/**
 * Checks every chosen issue may go into this bulletin, naming the ones that may not: verified
 * issues, and for a correction also the already published issues of the revision it corrects.
 */
async function assertIssuesEligible(tx: Executor, issueIds: number[], carried: readonly number[] = []): Promise<void> {
  const rows = await tx.select({ id: issues.id, status: issues.status }).from(issues).where(inArray(issues.id, issueIds));
  const eligible = (r: { id: number; status: IssueStatus }) => r.status === "verified" || (carried.includes(r.id) && alreadyPublished.includes(r.status));
  const refused = issueIds.filter((id) => !rows.some((r) => r.id === id && eligible(r))).sort((a, b) => a - b);
  if (refused.length > 0) fieldError("issueIds", "bulletins.validation.issuesNotVerified", { ids: refused.map((id) => `#${id}`).join(", ") });
}

async function issueIdsOf(tx: Executor, bulletinId: number): Promise<number[]> {
  const rows = await tx.select({ issueId: bulletinIssues.issueId }).from(bulletinIssues).where(eq(bulletinIssues.bulletinId, bulletinId)).orderBy(asc(bulletinIssues.position));
  return rows.map((r) => r.issueId);
}

/** Writes the bulletin's issue list with the figures of its period, replacing the previous list. */
async function writeBulletinIssues(tx: Executor, bulletinId: number, content: BulletinContent): Promise<void> {
  await tx.delete(bulletinIssues).where(eq(bulletinIssues.bulletinId, bulletinId));
  const figures = await computeBulletinFigures(tx, content.issueIds, content.periodStart, content.periodEnd);
  await tx.insert(bulletinIssues).values(
    figures.map((f) => ({
      bulletinId,
      issueId: f.issueId,
      position: content.issueIds.indexOf(f.issueId),
      recordCount: f.recordCount,
      trendPercent: f.trendPercent,
      quotes: f.quotes,
    })),
  );
}

async function loadBulletinForUpdate(tx: Executor, id: number, version: number | undefined): Promise<Bulletin> {
  const [bulletin] = await tx.select().from(bulletins).where(eq(bulletins.id, id)).for("update");
  if (!bulletin) throw new NotFound("bulletin");
  if (version !== undefined && bulletin.version !== version) throw new StaleVersion();
  return bulletin;
}

// Numbers are given out one at a time: two managers starting a bulletin at once get 10 and 11.
const numberingLock = 727_0002;

export interface CompileBulletinInput extends BulletinContent {
  bulletinId?: number;
  version?: number;
  /** A correction's note on what changed and why (required for a correction, ignored otherwise). */
  changeNote?: string;
}

/**
 * Saves a draft bulletin: a new one takes the next number of the series (one past the highest,
 * drafts included); an existing draft is saved at the version the person saw. Published ones
 * are refused. The figures of each issue are computed for the bulletin's period on every save.
 */
export async function compileBulletin(db: Database, viewer: Viewer, input: CompileBulletinInput): Promise<Bulletin> {
  assertCan(viewer, "bulletin.compile");
  const content = cleanContent(input);
  if (input.bulletinId !== undefined && input.version === undefined) throw new StaleVersion();
  return db.transaction(async (tx) => {
    let bulletin: Bulletin;
    const created = input.bulletinId === undefined;
    if (input.bulletinId === undefined) {
      await assertIssuesEligible(tx, content.issueIds);
      await tx.execute(sql`select pg_advisory_xact_lock(${numberingLock})`);
      const [{ next }] = await tx.select({ next: sql<number>`(coalesce(max(${bulletins.number}), 0) + 1)::int` }).from(bulletins);
      [bulletin] = await tx
        .insert(bulletins)
        .values({ number: next, revision: 1, ...pick(content), status: "draft", compiledBy: viewer.id })
        .returning();
    } else {
      const current = await loadBulletinForUpdate(tx, input.bulletinId, input.version);
      if (current.status !== "draft") throw new BulletinImmutable();
      const changeNote = current.supersedesId !== null ? cleanChangeNote(input.changeNote) : null;
      await assertIssuesEligible(tx, content.issueIds, current.supersedesId !== null ? await issueIdsOf(tx, current.supersedesId) : []);
      const [updated] = await tx
        .update(bulletins)
        .set({ ...pick(content), changeNote, compiledBy: viewer.id, updatedAt: new Date(), version: current.version + 1 })
        .where(and(eq(bulletins.id, current.id), eq(bulletins.version, current.version)))
        .returning();
      if (!updated) throw new StaleVersion();
      bulletin = updated;
    }
    await writeBulletinIssues(tx, bulletin.id, content);
    await writeAudit(tx, viewer, "bulletin.saved", { type: "bulletin", id: bulletin.id }, {
      data: { number: bulletin.number, revision: bulletin.revision, created, issueIds: content.issueIds },
    });
    return bulletin;
  });
}

function pick(content: BulletinContent) {
  return { title: content.title, periodStart: content.periodStart, periodEnd: content.periodEnd, summary: content.summary };
}

export interface PublishResult {
  bulletin: Bulletin;
  /** Issues this publication moved from verified to published. */
  published: IssueRow[];
  /** The revision a correction replaced. */
  superseded: Bulletin | null;
  notified: number;
}

/**
 * Publishes a draft: each of its verified issues becomes published, leadership and every
 * department are told, and a correction marks the revision it corrects superseded. All or
 * nothing: an issue that is no longer verified refuses the whole publication.
 */
export async function publishBulletin(db: Database, viewer: Viewer, input: { bulletinId: number; version: number }): Promise<PublishResult> {
  assertCan(viewer, "bulletin.publish");
  return db.transaction(async (tx) => {
    const bulletin = await loadBulletinForUpdate(tx, input.bulletinId, input.version);
    if (bulletin.status !== "draft") throw new BulletinImmutable();
    const links = await tx.select({ issueId: bulletinIssues.issueId }).from(bulletinIssues).where(eq(bulletinIssues.bulletinId, bulletin.id));
    if (links.length === 0) throw new BulletinEmpty();
    const correction = bulletin.supersedesId !== null;

    let superseded: Bulletin | null = null;
    if (bulletin.supersedesId !== null) {
      const previous = await loadBulletinForUpdate(tx, bulletin.supersedesId, undefined);
      if (previous.status !== "published") throw new InvalidTransition("The revision this corrects is no longer the current one.");
      const [marked] = await tx
        .update(bulletins)
        .set({ status: "superseded", updatedAt: new Date(), version: previous.version + 1 })
        .where(eq(bulletins.id, previous.id))
        .returning();
      superseded = marked;
    }

    const now = new Date();
    const rows = await tx
      .select()
      .from(issues)
      .where(inArray(issues.id, links.map((l) => l.issueId)))
      .orderBy(asc(issues.id))
      .for("update");
    const published: IssueRow[] = [];
    for (const issue of rows) {
      // A correction carries issues its first revision already published: they stay as they are.
      if (correction && alreadyPublished.includes(issue.status)) continue;
      const status = nextIssueStatus(issue.status, "publish", viewer.role);
      const [updated] = await tx
        .update(issues)
        .set({ status, publishedAt: now, updatedAt: now, version: issue.version + 1 })
        .where(and(eq(issues.id, issue.id), eq(issues.version, issue.version)))
        .returning();
      if (!updated) throw new StaleVersion();
      published.push(updated);
      await writeAudit(tx, viewer, "issue.published", { type: "issue", id: issue.id }, {
        data: { from: issue.status, to: status, bulletinId: bulletin.id, number: bulletin.number, revision: bulletin.revision },
      });
    }

    const [done] = await tx
      .update(bulletins)
      .set({ status: "published", publishedAt: now, publishedBy: viewer.id, updatedAt: now, version: bulletin.version + 1 })
      .where(and(eq(bulletins.id, bulletin.id), eq(bulletins.version, bulletin.version)))
      .returning();
    if (!done) throw new StaleVersion();

    const readers = [...(await userIdsWithRole(tx, "leadership")), ...(await userIdsWithRole(tx, "department"))];
    const heading = `第${bulletin.number}期客户之声专题通报${correction ? `（更正版 第${bulletin.revision}版）` : ""}已发布`;
    const notified = await notifyUsers(tx, readers, {
      kind: "bulletin.published",
      title: `${heading}：${bulletin.title}`.slice(0, 200),
      body: correction ? `更正说明：${bulletin.changeNote ?? ""}\n请阅知并确认。` : `本期通报 ${rows.length} 项问题与建议，请阅知并确认。`,
      link: `/bulletins/${bulletin.id}`,
    });
    const creators = [...new Set(published.map((i) => i.createdBy).filter((id): id is number => id !== null))];
    for (const creator of creators) {
      const titles = published.filter((i) => i.createdBy === creator).map((i) => `“${i.title}”`);
      await notifyUsers(tx, [creator], {
        kind: "issue.published",
        title: `您上报的${titles.join("、")}已纳入第${bulletin.number}期专题通报`.slice(0, 200),
        body: bulletin.title,
        link: `/bulletins/${bulletin.id}`,
      });
    }

    await writeAudit(tx, viewer, correction ? "bulletin.corrected" : "bulletin.published", { type: "bulletin", id: bulletin.id }, {
      reason: correction ? bulletin.changeNote : null,
      data: {
        number: bulletin.number,
        revision: bulletin.revision,
        issueIds: rows.map((i) => i.id),
        publishedIssueIds: published.map((i) => i.id),
        ...(superseded ? { supersededId: superseded.id } : {}),
        notified,
      },
    });
    return { bulletin: done, published, superseded, notified };
  });
}

export interface CorrectBulletinInput {
  bulletinId: number;
  version: number;
  summary: string;
  changeNote: string;
  title?: string;
  periodStart?: string;
  periodEnd?: string;
  issueIds?: number[];
}

/**
 * Starts the correction of a published bulletin: a new draft with the same number, the next
 * revision, pointing at the one it corrects, with the note saying what changed and why. The
 * published one is untouched until the correction is published (then it is superseded).
 */
export async function correctBulletin(db: Database, viewer: Viewer, input: CorrectBulletinInput): Promise<Bulletin> {
  assertCan(viewer, "bulletin.compile");
  const changeNote = cleanChangeNote(input.changeNote);
  return db.transaction(async (tx) => {
    const original = await loadBulletinForUpdate(tx, input.bulletinId, input.version);
    const [existing] = await tx.select({ id: bulletins.id }).from(bulletins).where(eq(bulletins.supersedesId, original.id)).limit(1);
    if (existing) throw new CorrectionExists(existing.id);
    if (original.status !== "published") throw new InvalidTransition("Only a published bulletin can be corrected.");
    const originalIssues = await issueIdsOf(tx, original.id);
    const content = cleanContent({
      title: input.title ?? original.title,
      periodStart: input.periodStart ?? original.periodStart,
      periodEnd: input.periodEnd ?? original.periodEnd,
      summary: input.summary,
      issueIds: input.issueIds ?? originalIssues,
    });
    await assertIssuesEligible(tx, content.issueIds, originalIssues);
    const [{ revision }] = await tx
      .select({ revision: sql<number>`(max(${bulletins.revision}) + 1)::int` })
      .from(bulletins)
      .where(eq(bulletins.number, original.number));
    const [draft] = await tx
      .insert(bulletins)
      .values({ number: original.number, revision, ...pick(content), status: "draft", supersedesId: original.id, changeNote, compiledBy: viewer.id })
      .returning();
    await writeBulletinIssues(tx, draft.id, content);
    await writeAudit(tx, viewer, "bulletin.saved", { type: "bulletin", id: draft.id }, {
      reason: changeNote,
      data: { number: draft.number, revision: draft.revision, created: true, correctionOf: original.id, issueIds: content.issueIds },
    });
    return draft;
  });
}

/**
 * A reader (leadership or a department) confirms they have read a published bulletin. Doing it
 * again changes nothing: still one row, and no second audit entry.
 */
export async function acknowledgeBulletin(db: Database, viewer: Viewer, input: { bulletinId: number }): Promise<{ acknowledged: boolean; acknowledgedAt: Date }> {
  assertCan(viewer, "bulletin.acknowledge");
  return db.transaction(async (tx) => {
    const [bulletin] = await tx.select({ id: bulletins.id, number: bulletins.number, status: bulletins.status }).from(bulletins).where(eq(bulletins.id, input.bulletinId)).limit(1);
    if (!bulletin || bulletin.status === "draft") throw new NotFound("bulletin");
    const already = async () => {
      const [row] = await tx
        .select({ at: bulletinAcknowledgements.acknowledgedAt })
        .from(bulletinAcknowledgements)
        .where(and(eq(bulletinAcknowledgements.bulletinId, bulletin.id), eq(bulletinAcknowledgements.userId, viewer.id)));
      return row;
    };
    const earlier = await already();
    if (earlier) return { acknowledged: false, acknowledgedAt: earlier.at };
    if (bulletin.status !== "published") throw new NotAcknowledgeable();
    const [inserted] = await tx.insert(bulletinAcknowledgements).values({ bulletinId: bulletin.id, userId: viewer.id }).onConflictDoNothing().returning();
    // Two clicks racing: the other one wrote the row (and the audit entry).
    if (!inserted) return { acknowledged: false, acknowledgedAt: (await already())?.at ?? new Date() };
    await writeAudit(tx, viewer, "bulletin.acknowledged", { type: "bulletin", id: bulletin.id }, { data: { number: bulletin.number } });
    return { acknowledged: true, acknowledgedAt: inserted.acknowledgedAt };
  });
}
