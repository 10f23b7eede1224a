import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { categories, issues, records, type IssueRow, type IssueStatus, type IssueType, type RecordRow } from "@/db/schema";
import { ExpectedError, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { maskSensitive } from "@/lib/pii";
import { messageKey } from "@/lib/validation/errors";
import type { Viewer } from "@/lib/viewer";
import { nextIssueStatus, openIssueStatuses } from "@/lib/workflow";
import { loadIssueForUpdate, notifyUsers, StaleVersion, userIdsWithRole, writeAudit } from "./workflow-support";

/**
 * The supervisor's and the site specialist's steps on an issue (MISSION, "The flow of one
 * item", steps 3 and 4): group the team's records into an issue, escalate it, dismiss what is
 * not worth it; the specialist sends back, classifies, adds other-channel evidence and merges.
 * Every step: assertCan first, then one transaction with the change and exactly one audit row.
 */

/** Issue states a supervisor may still add queue records to: not yet in the site's report. */
export const supervisorOpenStatuses: readonly IssueStatus[] = ["draft", "escalated", "returned"];

/** Issue states the specialist works on: classifying and adding evidence before the report. */
export const specialistWorkingStatuses: readonly IssueStatus[] = ["escalated", "returned"];

export const issueLimits = { title: 200, description: 4000, reason: 500, tags: 10, tag: 24, records: 200 } as const;

/** Some chosen records are not (or no longer) the viewer's to use. */
export class RecordsUnavailable extends ExpectedError {
  override readonly status = 409;
  override readonly code = "records_unavailable";
  constructor(readonly recordIds: number[]) {
    super(`Records ${recordIds.map((id) => `#${id}`).join(", ")} cannot be used: they belong to another team, are already part of an issue, or were dismissed.`);
  }
}

/** The record was already linked to an issue or dismissed by someone. */
export class RecordHandled extends ExpectedError {
  override readonly status = 409;
  override readonly code = "record_handled";
  constructor() {
    super("This record was already put into an issue or dismissed.");
  }
}

function fieldError(field: string, key: string, values?: Record<string, string | number>): never {
  throw new ValidationFailed("The form has errors.", { [field]: [key.includes(".") ? (values ? `${key}|${JSON.stringify(values)}` : key) : messageKey(key, values)] });
}

function uniqueIds(ids: readonly number[]): number[] {
  const out = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (out.length === 0) fieldError("recordIds", "tooFew", { min: 1 });
  if (out.length > issueLimits.records) fieldError("recordIds", "tooMany", { max: issueLimits.records });
  return out;
}

function requiredText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text) fieldError(field, "required");
  if (text.length > max) fieldError(field, "tooLong", { max });
  return maskSensitive(text).text;
}

async function categoryIdOf(tx: Executor, code: string): Promise<number> {
  const [category] = await tx.select({ id: categories.id, active: categories.active }).from(categories).where(eq(categories.code, code)).limit(1);
  if (!category || !category.active) fieldError("categoryCode", "unknownCategory");
  return category.id;
}

function requireTeam(viewer: Viewer): { teamId: number; siteId: number } {
  if (viewer.teamId === null || viewer.siteId === null) throw new Forbidden();
  return { teamId: viewer.teamId, siteId: viewer.siteId };
}

/** The team's queue records, locked; refuses with the ids of any that are not usable. */
async function lockQueueRecords(tx: Executor, viewer: Viewer, ids: number[]): Promise<RecordRow[]> {
  const { teamId } = requireTeam(viewer);
  const rows = await tx.select().from(records).where(inArray(records.id, ids)).orderBy(asc(records.id)).for("update");
  const usable = new Set(rows.filter((r) => r.teamId === teamId && (r.status === "new" || r.status === "reported") && r.issueId === null).map((r) => r.id));
  const refused = ids.filter((id) => !usable.has(id));
  if (refused.length > 0) throw new RecordsUnavailable(refused.sort((a, b) => a - b));
  return rows;
}

async function linkRecords(tx: Executor, issueId: number, ids: number[]): Promise<void> {
  await tx
    .update(records)
    .set({ status: "linked", issueId, updatedAt: new Date(), version: sql`${records.version} + 1` })
    .where(inArray(records.id, ids));
}

/** Agents hear that what they reported became part of an issue. */
async function tellAuthorsLinked(tx: Executor, rows: RecordRow[], issue: Pick<IssueRow, "id" | "title">): Promise<void> {
  await notifyUsers(
    tx,
    rows.map((r) => r.authorId),
    { kind: "record.linked", title: `您上报的记录已归入问题：${issue.title}`.slice(0, 200), body: "督导已将该记录归入问题，将上报客户之声专员。", link: "/agent/records" },
  );
}

/** The change of an issue row, guarded by the version that was read under the lock. */
async function updateIssue(tx: Executor, issue: IssueRow, values: Partial<typeof issues.$inferInsert>): Promise<IssueRow> {
  const [updated] = await tx
    .update(issues)
    .set({ ...values, updatedAt: new Date(), version: issue.version + 1 })
    .where(and(eq(issues.id, issue.id), eq(issues.version, issue.version)))
    .returning();
  if (!updated) throw new StaleVersion();
  return updated;
}

// ---------------------------------------------------------------------------- supervisor

export interface CreateIssueInput {
  title: string;
  description: string;
  type: IssueType;
  categoryCode: string;
  recordIds: number[];
}

/** A supervisor groups records of the team that say the same thing into a new draft issue. */
export async function createIssue(db: Database, viewer: Viewer, input: CreateIssueInput): Promise<IssueRow> {
  assertCan(viewer, "issue.create");
  const { siteId } = requireTeam(viewer);
  const title = requiredText("title", input.title, issueLimits.title);
  const description = maskSensitive(input.description.trim().slice(0, issueLimits.description)).text;
  const ids = uniqueIds(input.recordIds);
  return db.transaction(async (tx) => {
    const categoryId = await categoryIdOf(tx, input.categoryCode);
    const rows = await lockQueueRecords(tx, viewer, ids);
    const [issue] = await tx
      .insert(issues)
      .values({ type: input.type, title, description, categoryId, siteId, status: "draft", createdBy: viewer.id })
      .returning();
    await linkRecords(tx, issue.id, ids);
    await tellAuthorsLinked(tx, rows, issue);
    await writeAudit(tx, viewer, "issue.created", { type: "issue", id: issue.id }, { data: { recordIds: ids, title, type: input.type, status: "draft" } });
    return issue;
  });
}

/** A supervisor adds more queue records to an issue of the site that is not yet in a report. */
export async function addRecordsToIssue(db: Database, viewer: Viewer, input: { issueId: number; version: number; recordIds: number[] }): Promise<IssueRow> {
  assertCan(viewer, "issue.link_records");
  if (viewer.role !== "supervisor") throw new Forbidden();
  requireTeam(viewer);
  const ids = uniqueIds(input.recordIds);
  return db.transaction(async (tx) => {
    const issue = await loadIssueForUpdate(tx, viewer, input.issueId, input.version);
    if (!supervisorOpenStatuses.includes(issue.status)) {
      throw new InvalidTransition(`An issue that is ${issue.status.replace("_", " ")} can no longer take records from the queue.`);
    }
    const rows = await lockQueueRecords(tx, viewer, ids);
    await linkRecords(tx, issue.id, ids);
    const updated = await updateIssue(tx, issue, {});
    await tellAuthorsLinked(tx, rows, issue);
    await writeAudit(tx, viewer, "issue.records_added", { type: "issue", id: issue.id }, { data: { recordIds: ids } });
    return updated;
  });
}

/**
 * A supervisor escalates a draft, or escalates again an issue the specialist sent back, after
 * answering the question in the description. Two supervisors at once: the second gets a conflict.
 */
export async function escalateIssue(db: Database, viewer: Viewer, input: { issueId: number; version: number; description?: string }): Promise<IssueRow> {
  assertCan(viewer, "issue.escalate");
  const description = input.description === undefined ? undefined : maskSensitive(input.description.trim().slice(0, issueLimits.description)).text;
  return db.transaction(async (tx) => {
    const issue = await loadIssueForUpdate(tx, viewer, input.issueId, input.version);
    const status = nextIssueStatus(issue.status, "escalate", viewer.role);
    const descriptionChanged = description !== undefined && description !== issue.description;
    const updated = await updateIssue(tx, issue, {
      status,
      escalatedAt: new Date(),
      statusReason: null,
      ...(descriptionChanged ? { description } : {}),
    });
    const specialists = await userIdsWithRole(tx, "specialist", { siteId: issue.siteId });
    await notifyUsers(tx, specialists, {
      kind: "issue.escalated",
      title: `${issue.status === "returned" ? "问题已补充后重新上报" : "新上报问题"}：${issue.title}`.slice(0, 200),
      body: `${viewer.name} 上报。`,
      link: `/issues/${issue.id}`,
    });
    await writeAudit(tx, viewer, "issue.escalated", { type: "issue", id: issue.id }, {
      data: { from: issue.status, to: status, ...(descriptionChanged ? { descriptionChanged: true } : {}) },
    });
    return updated;
  });
}

/** A supervisor dismisses one of the team's reported records; the agent sees why. */
export async function dismissRecord(db: Database, viewer: Viewer, input: { recordId: number; version: number; reason: string }): Promise<RecordRow> {
  assertCan(viewer, "record.dismiss");
  const { teamId } = requireTeam(viewer);
  const reason = requiredText("reason", input.reason, issueLimits.reason);
  return db.transaction(async (tx) => {
    const [record] = await tx
      .select()
      .from(records)
      .where(and(eq(records.id, input.recordId), eq(records.teamId, teamId)))
      .for("update");
    if (!record) throw new NotFound("record");
    if (record.version !== input.version) throw new StaleVersion();
    if ((record.status !== "new" && record.status !== "reported") || record.issueId !== null) throw new RecordHandled();
    const [updated] = await tx
      .update(records)
      .set({ status: "dismissed", dismissedReason: reason, updatedAt: new Date(), version: record.version + 1 })
      .where(and(eq(records.id, record.id), eq(records.version, record.version)))
      .returning();
    if (!updated) throw new StaleVersion();
    await notifyUsers(tx, [record.authorId], {
      kind: "record.dismissed",
      title: "督导未采纳您上报的一条记录",
      body: `${record.summary}\n督导意见：${reason}`,
      link: "/agent/records?status=dismissed",
    });
    await writeAudit(tx, viewer, "record.dismissed", { type: "record", id: record.id }, { reason, data: { from: record.status, to: "dismissed" } });
    return updated;
  });
}

// ---------------------------------------------------------------------------- specialist

/** The specialist sends an escalated issue back to the supervisor with a question. */
export async function returnIssue(db: Database, viewer: Viewer, input: { issueId: number; version: number; question: string }): Promise<IssueRow> {
  assertCan(viewer, "issue.return");
  const question = requiredText("question", input.question, issueLimits.reason);
  return db.transaction(async (tx) => {
    const issue = await loadIssueForUpdate(tx, viewer, input.issueId, input.version);
    const status = nextIssueStatus(issue.status, "return", viewer.role);
    const updated = await updateIssue(tx, issue, { status, statusReason: question });
    await notifyUsers(tx, [issue.createdBy], {
      kind: "issue.returned",
      title: `问题被退回：${issue.title}`.slice(0, 200),
      body: question,
      link: `/issues/${issue.id}`,
    });
    await writeAudit(tx, viewer, "issue.returned", { type: "issue", id: issue.id }, { reason: question, data: { from: issue.status, to: status } });
    return updated;
  });
}

/**
 * Where evidence may come from: other-channel records (approved public submissions included)
 * of the specialist's site or of no site, not yet part of any issue and not dismissed.
 */
export function evidenceScope(siteId: number) {
  return and(
    isNull(records.issueId),
    inArray(records.status, ["new", "reported"]),
    or(eq(records.siteId, siteId), isNull(records.siteId)),
    or(inArray(records.channel, ["forum", "internet", "mailbox", "survey"]), and(eq(records.channel, "web"), eq(records.moderationStatus, "approved"))),
  );
}

/** The specialist attaches other-channel records to an issue being worked on. */
export async function linkEvidence(db: Database, viewer: Viewer, input: { issueId: number; version: number; recordIds: number[] }): Promise<IssueRow> {
  assertCan(viewer, "issue.link_records");
  if (viewer.role !== "specialist" || viewer.siteId === null) throw new Forbidden();
  const siteId = viewer.siteId;
  const ids = uniqueIds(input.recordIds);
  return db.transaction(async (tx) => {
    const issue = await loadIssueForUpdate(tx, viewer, input.issueId, input.version);
    if (!specialistWorkingStatuses.includes(issue.status)) {
      throw new InvalidTransition(`An issue that is ${issue.status.replace("_", " ")} cannot take more evidence.`);
    }
    const rows = await tx
      .select({ id: records.id })
      .from(records)
      .where(and(inArray(records.id, ids), evidenceScope(siteId)))
      .for("update");
    const usable = new Set(rows.map((r) => r.id));
    const refused = ids.filter((id) => !usable.has(id));
    if (refused.length > 0) throw new RecordsUnavailable(refused.sort((a, b) => a - b));
    await linkRecords(tx, issue.id, ids);
    const updated = await updateIssue(tx, issue, {});
    await writeAudit(tx, viewer, "issue.evidence_linked", { type: "issue", id: issue.id }, { data: { recordIds: ids } });
    return updated;
  });
}

/**
 * Folds a duplicate (the source) into the issue that stays (the target): the source becomes
 * merged and points at the target, and its records move there. A specialist merges within the
 * site (a foreign issue is not found), the management post across sites. One audit row, on
 * the source, naming the target; the target's version is raised too, since it changed.
 */
export async function mergeIssues(db: Database, viewer: Viewer, input: { sourceId: number; sourceVersion: number; targetId: number }): Promise<{ source: IssueRow; target: IssueRow; movedRecords: number }> {
  assertCan(viewer, "issue.merge");
  if (input.sourceId === input.targetId) fieldError("targetId", "triage.validation.mergeSelf");
  return db.transaction(async (tx) => {
    // Locks in id order, so two merges of the same pair cannot wait on each other forever.
    const [first, second] = input.sourceId < input.targetId ? [input.sourceId, input.targetId] : [input.targetId, input.sourceId];
    const firstRow = await loadIssueForUpdate(tx, viewer, first, first === input.sourceId ? input.sourceVersion : undefined);
    const secondRow = await loadIssueForUpdate(tx, viewer, second, second === input.sourceId ? input.sourceVersion : undefined);
    const source = first === input.sourceId ? firstRow : secondRow;
    const target = first === input.sourceId ? secondRow : firstRow;
    const status = nextIssueStatus(source.status, "merge", viewer.role);
    if (!openIssueStatuses.includes(target.status)) {
      throw new InvalidTransition(`An issue cannot be merged into one that is ${target.status.replace("_", " ")}.`);
    }
    const moved = await tx
      .update(records)
      .set({ issueId: target.id, updatedAt: new Date() })
      .where(eq(records.issueId, source.id))
      .returning({ id: records.id });
    const updatedSource = await updateIssue(tx, source, { status, mergedIntoId: target.id });
    const updatedTarget = await updateIssue(tx, target, {});
    await writeAudit(tx, viewer, "issue.merged", { type: "issue", id: source.id }, {
      data: { from: source.status, to: status, targetId: target.id, movedRecords: moved.length },
    });
    return { source: updatedSource, target: updatedTarget, movedRecords: moved.length };
  });
}

export interface ClassifyIssueInput {
  issueId: number;
  version: number;
  categoryCode: string;
  type: IssueType;
  tags: string[];
}

/** Tags as the specialist typed them, cleaned: trimmed, no duplicates, within the limits. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, " ");
    if (!tag) continue;
    if (tag.length > issueLimits.tag) fieldError("tags", "tooLong", { max: issueLimits.tag });
    if (!out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  if (out.length > issueLimits.tags) fieldError("tags", "tooMany", { max: issueLimits.tags });
  return out;
}

/** The specialist sorts an issue: its category, whether a problem or a suggestion, its tags. */
export async function classifyIssue(db: Database, viewer: Viewer, input: ClassifyIssueInput): Promise<IssueRow> {
  assertCan(viewer, "issue.classify");
  const tags = normalizeTags(input.tags);
  return db.transaction(async (tx) => {
    const issue = await loadIssueForUpdate(tx, viewer, input.issueId, input.version);
    if (!specialistWorkingStatuses.includes(issue.status)) {
      throw new InvalidTransition(`An issue that is ${issue.status.replace("_", " ")} can no longer be classified by the site.`);
    }
    const categoryId = await categoryIdOf(tx, input.categoryCode);
    const changed: string[] = [];
    if (categoryId !== issue.categoryId) changed.push("category");
    if (input.type !== issue.type) changed.push("type");
    if (tags.join("\u0000") !== issue.tags.join("\u0000")) changed.push("tags");
    const updated = await updateIssue(tx, issue, { categoryId, type: input.type, tags });
    await writeAudit(tx, viewer, "issue.classified", { type: "issue", id: issue.id }, {
      data: { changed, categoryCode: input.categoryCode, type: input.type, tags },
    });
    return updated;
  });
}
