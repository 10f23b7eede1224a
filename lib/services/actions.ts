import { and, desc, eq, inArray, max, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { actions, actionUpdates, bulletinIssues, bulletins, departments, issues, records, users, type ActionRow, type Disposition, type IssueRow } from "@/db/schema";
import { todayInCenter } from "@/lib/dates";
import { ExpectedError, NotFound, ValidationFailed } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";
import { nextActionStatus, nextIssueStatus } from "@/lib/workflow";
import { loadIssueForUpdate, notifyUsers, StaleVersion, userIdsWithRole, writeAudit } from "./workflow-support";

/**
 * What the departments do with a published issue, and how the management post checks it:
 * assign (one action per department, one of the five dispositions) → progress → done →
 * verified, or reopened. When every action of an issue is verified the issue can be resolved,
 * but only with wording for the public page that the management post has approved:
 * `verifyAction` resolves at once when it is given that wording, otherwise the issue stays
 * in action and `resolveIssue` does it later. Resolving tells everyone who raised the issue.
 */

export const wordingLimits = { publicTitle: 200, publicOutcome: 2000 } as const;
export const actionLimits = { ownerName: 64, note: 4000, evidenceUrl: 2000, reason: 1000 } as const;

export interface PublicWording {
  publicTitle: string;
  publicOutcome: string;
}

/** Every action of the issue is verified, but nobody has approved what customers will read. */
export class WordingRequired extends ExpectedError {
  override readonly status = 409;
  override readonly code = "wording_required";
  constructor() {
    super("Every action is verified. Approve the public wording (title and outcome) to resolve the issue.");
  }
}

/** The issue still has actions that are not verified. */
export class ActionsStillOpen extends ExpectedError {
  override readonly status = 409;
  override readonly code = "actions_open";
  constructor(open: number) {
    super(`The issue still has ${open} action(s) that are not verified.`);
  }
}

/** A department may set a due date the management post left open, not move one it set. */
export class DueDateFixed extends ExpectedError {
  override readonly status = 409;
  override readonly code = "due_date_fixed";
  constructor() {
    super("The due date was set by the management post; it can be changed at the monthly meeting.");
  }
}

function fieldError(field: string, key: string): never {
  throw new ValidationFailed("The form has errors.", { [field]: [key] });
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar due date: well formed, and not before today in the center's time zone. */
export function assertDueDate(value: string | undefined | null, field = "dueOn", now = new Date()): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (!isoDate.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) fieldError(field, "validation.invalidDate");
  if (value < todayInCenter(now)) fieldError(field, "actions.validation.dueInPast");
  return value;
}

/** The approved public wording, both parts or neither; null when none was given. */
export function cleanWording(wording: Partial<PublicWording> | undefined): PublicWording | null {
  const publicTitle = wording?.publicTitle?.trim() ?? "";
  const publicOutcome = wording?.publicOutcome?.trim() ?? "";
  if (!publicTitle && !publicOutcome) return null;
  const errors: Record<string, string[]> = {};
  if (!publicTitle) errors.publicTitle = ["validation.required"];
  if (!publicOutcome) errors.publicOutcome = ["validation.required"];
  if (publicTitle.length > wordingLimits.publicTitle) errors.publicTitle = [`validation.tooLong|${JSON.stringify({ max: wordingLimits.publicTitle })}`];
  if (publicOutcome.length > wordingLimits.publicOutcome) errors.publicOutcome = [`validation.tooLong|${JSON.stringify({ max: wordingLimits.publicOutcome })}`];
  if (Object.keys(errors).length > 0) throw new ValidationFailed("The wording has errors.", errors);
  return { publicTitle, publicOutcome };
}

/**
 * An action locked for a change, as the viewer may see it: a department only its own
 * (another department's is "not found"), the management post every one.
 */
export async function loadActionForUpdate(tx: Executor, viewer: Viewer, id: number, expectedVersion?: number): Promise<ActionRow> {
  const [action] = await tx.select().from(actions).where(eq(actions.id, id)).for("update");
  const visible = action && (viewer.role === "manager" || (viewer.role === "department" && viewer.departmentId !== null && action.departmentId === viewer.departmentId));
  if (!action || !visible) throw new NotFound("action");
  if (expectedVersion !== undefined && action.version !== expectedVersion) throw new StaleVersion();
  return action;
}

async function issueTitle(tx: Executor, issueId: number): Promise<string> {
  const [row] = await tx.select({ title: issues.title }).from(issues).where(eq(issues.id, issueId)).limit(1);
  return row?.title ?? `#${issueId}`;
}

// ---------------------------------------------------------------- assign

export interface AssignActionInput {
  issueId: number;
  issueVersion: number;
  departmentCode: string;
  disposition: Disposition;
  dueOn?: string;
  ownerName?: string;
}

/** The management post gives a published issue to a department, with one of the five dispositions. */
export async function assignAction(db: Database, viewer: Viewer, input: AssignActionInput, now = new Date()): Promise<ActionRow> {
  assertCan(viewer, "action.assign");
  const dueOn = assertDueDate(input.dueOn, "dueOn", now);
  const ownerName = input.ownerName?.trim() || null;
  return db.transaction(async (tx) => {
    const issue = await loadIssueForUpdate(tx, viewer, input.issueId, input.issueVersion);
    const status = nextIssueStatus(issue.status, "assign_action", viewer.role);
    const [department] = await tx.select().from(departments).where(eq(departments.code, input.departmentCode)).limit(1);
    if (!department || !department.active) fieldError("departmentCode", "validation.invalidOption");

    const [action] = await tx
      .insert(actions)
      .values({
        issueId: issue.id,
        bulletinId: await latestBulletinOf(tx, issue.id),
        departmentId: department.id,
        disposition: input.disposition,
        ownerName,
        dueOn,
        createdBy: viewer.id,
      })
      .returning();
    await tx.update(issues).set({ status, version: issue.version + 1, updatedAt: new Date() }).where(eq(issues.id, issue.id));
    await writeAudit(tx, viewer, "action.assigned", { type: "action", id: action.id }, {
      data: { issueId: issue.id, department: department.code, disposition: input.disposition, dueOn, ownerName, issueStatus: { from: issue.status, to: status } },
    });
    await notifyUsers(tx, await userIdsWithRole(tx, "department", { departmentId: department.id }), {
      kind: "action.assigned",
      title: `新分派改进事项：${issue.title}`.slice(0, 200),
      body: dueOn ? `截止日期 ${dueOn}。请确认负责人并更新进度。` : "请确认负责人和截止日期，并更新进度。",
      link: `/department/actions/${action.id}`,
    });
    return action;
  });
}

async function latestBulletinOf(tx: Executor, issueId: number): Promise<number | null> {
  const [row] = await tx
    .select({ id: bulletins.id })
    .from(bulletinIssues)
    .innerJoin(bulletins, eq(bulletins.id, bulletinIssues.bulletinId))
    .where(and(eq(bulletinIssues.issueId, issueId), eq(bulletins.status, "published")))
    .orderBy(sql`${bulletins.publishedAt} desc nulls last`)
    .limit(1);
  return row?.id ?? null;
}

// ---------------------------------------------------------------- department

export interface UpdateActionInput {
  actionId: number;
  version: number;
  ownerName?: string;
  dueOn?: string;
  progress?: number;
  note: string;
  evidenceUrl?: string;
}

/** A department posts progress on its own action: owner, due date (if still open), progress, a note, evidence. */
export async function updateAction(db: Database, viewer: Viewer, input: UpdateActionInput, now = new Date()): Promise<ActionRow> {
  assertCan(viewer, "action.update");
  const note = input.note.trim();
  if (!note) fieldError("note", "validation.required");
  if (input.progress !== undefined && (!Number.isInteger(input.progress) || input.progress < 0 || input.progress > 100)) fieldError("progress", "validation.invalid");
  const dueOn = assertDueDate(input.dueOn, "dueOn", now);
  return db.transaction(async (tx) => {
    const action = await loadActionForUpdate(tx, viewer, input.actionId, input.version);
    const status = nextActionStatus(action.status, "update", viewer.role);
    if (dueOn && action.dueOn && dueOn !== action.dueOn) throw new DueDateFixed();
    const ownerName = input.ownerName?.trim() || action.ownerName;
    const progress = input.progress ?? action.progress;
    const [updated] = await tx
      .update(actions)
      .set({ status, ownerName, dueOn: action.dueOn ?? dueOn, progress, version: action.version + 1, updatedAt: new Date() })
      .where(eq(actions.id, action.id))
      .returning();
    await tx.insert(actionUpdates).values({ actionId: action.id, authorId: viewer.id, note, evidenceUrl: input.evidenceUrl?.trim() || null, progress });
    const changed = [
      ownerName !== action.ownerName ? "ownerName" : null,
      updated.dueOn !== action.dueOn ? "dueOn" : null,
      progress !== action.progress ? "progress" : null,
    ].filter(Boolean);
    await writeAudit(tx, viewer, "action.updated", { type: "action", id: action.id }, {
      data: { issueId: action.issueId, progress, changed, ...(updated.dueOn !== action.dueOn ? { dueOn: updated.dueOn } : {}), ...(input.evidenceUrl ? { evidence: true } : {}) },
    });
    return updated;
  });
}

/** A department reports its action done, with a note and evidence; the management post is told. */
export async function completeAction(db: Database, viewer: Viewer, input: { actionId: number; version: number; note: string; evidenceUrl?: string }): Promise<ActionRow> {
  assertCan(viewer, "action.complete");
  const note = input.note.trim();
  if (!note) fieldError("note", "validation.required");
  return db.transaction(async (tx) => {
    const action = await loadActionForUpdate(tx, viewer, input.actionId, input.version);
    const status = nextActionStatus(action.status, "complete", viewer.role);
    const doneAt = new Date();
    const [updated] = await tx
      .update(actions)
      .set({ status, progress: 100, doneAt, version: action.version + 1, updatedAt: doneAt })
      .where(eq(actions.id, action.id))
      .returning();
    await tx.insert(actionUpdates).values({ actionId: action.id, authorId: viewer.id, note, evidenceUrl: input.evidenceUrl?.trim() || null, progress: 100 });
    await writeAudit(tx, viewer, "action.completed", { type: "action", id: action.id }, { data: { issueId: action.issueId, to: status, ...(input.evidenceUrl ? { evidence: true } : {}) } });
    await notifyUsers(tx, await userIdsWithRole(tx, "manager"), {
      kind: "action.done",
      title: `改进事项已完成待核实：${await issueTitle(tx, action.issueId)}`.slice(0, 200),
      body: note.slice(0, 500),
      link: `/manager/actions/${action.id}`,
    });
    return updated;
  });
}

// ---------------------------------------------------------------- management post

export interface VerifyOutcome {
  action: ActionRow;
  /** Every action of the issue is now verified. */
  allVerified: boolean;
  /** The issue was resolved by this step (all verified and wording given). */
  issueResolved: boolean;
  /** All verified, but no wording was given: the issue waits in action for `resolveIssue`. */
  wordingNeeded: boolean;
}

/**
 * The management post checks a done action. With the public wording, and when it was the last
 * open action of its issue, the issue is resolved in the same transaction.
 */
export async function verifyAction(db: Database, viewer: Viewer, input: { actionId: number; version: number } & Partial<PublicWording>): Promise<VerifyOutcome> {
  assertCan(viewer, "action.verify");
  const wording = cleanWording(input);
  return db.transaction((tx) => verifyWithin(tx, viewer, input.actionId, input.version, wording));
}

/** Verification inside a caller's transaction (the monthly meeting's "verified, closed" uses it too). */
export async function verifyWithin(tx: Executor, viewer: Viewer, actionId: number, version: number | undefined, wording: PublicWording | null, source?: { meetingId: number }): Promise<VerifyOutcome> {
  const action = await loadActionForUpdate(tx, viewer, actionId, version);
  const status = nextActionStatus(action.status, "verify", viewer.role);
  const at = new Date();
  const [updated] = await tx
    .update(actions)
    .set({ status, verifiedAt: at, verifiedBy: viewer.id, version: action.version + 1, updatedAt: at })
    .where(eq(actions.id, action.id))
    .returning();
  await writeAudit(tx, viewer, "action.verified", { type: "action", id: action.id }, { data: { issueId: action.issueId, to: status, ...(source ?? {}) } });

  const [{ open }] = await tx
    .select({ open: sql<number>`count(*)::int` })
    .from(actions)
    .where(and(eq(actions.issueId, action.issueId), ne(actions.status, "verified")));
  const allVerified = open === 0;
  let issueResolved = false;
  if (allVerified && wording) {
    const issue = await loadIssueForUpdate(tx, viewer, action.issueId);
    if (issue.status === "in_action") {
      await resolveWithin(tx, viewer, issue, wording);
      issueResolved = true;
    }
  }
  return { action: updated, allVerified, issueResolved, wordingNeeded: allVerified && !issueResolved };
}

/**
 * Resolves an issue whose actions are all verified, with the approved public wording. For when
 * the last action was verified without it (at the meeting, or before the wording was agreed).
 */
export async function resolveIssue(db: Database, viewer: Viewer, input: { issueId: number; version: number } & PublicWording): Promise<IssueRow> {
  assertCan(viewer, "action.verify");
  const wording = cleanWording(input);
  if (!wording) throw new ValidationFailed("The wording has errors.", { publicTitle: ["validation.required"], publicOutcome: ["validation.required"] });
  return db.transaction(async (tx) => {
    const issue = await loadIssueForUpdate(tx, viewer, input.issueId, input.version);
    nextIssueStatus(issue.status, "resolve", viewer.role);
    const [{ total, open }] = await tx
      .select({ total: sql<number>`count(*)::int`, open: sql<number>`(count(*) filter (where ${actions.status} <> 'verified'))::int` })
      .from(actions)
      .where(eq(actions.issueId, issue.id));
    if (total === 0 || open > 0) throw new ActionsStillOpen(open);
    return resolveWithin(tx, viewer, issue, wording);
  });
}

async function resolveWithin(tx: Executor, viewer: Viewer, issue: IssueRow, wording: PublicWording): Promise<IssueRow> {
  const status = nextIssueStatus(issue.status, "resolve", viewer.role);
  const resolvedAt = new Date();
  const [resolved] = await tx
    .update(issues)
    .set({ status, resolvedAt, publicTitle: wording.publicTitle, publicOutcome: wording.publicOutcome, statusReason: null, version: issue.version + 1, updatedAt: resolvedAt })
    .where(eq(issues.id, issue.id))
    .returning();
  const told = await closeTheLoop(tx, resolved);
  await writeAudit(tx, viewer, "issue.resolved", { type: "issue", id: issue.id }, {
    data: { from: issue.status, to: status, publicTitle: wording.publicTitle, notifiedAgents: told.agents, notifiedSupervisors: told.supervisors },
  });
  return resolved;
}

/**
 * Closing the loop: everyone who brought a record of the issue (and of issues merged into it)
 * hears the outcome, and so do the supervisors of those records' teams. Customers who wrote in
 * see it on the tracking page, which reads the issue's status and approved wording.
 */
export async function closeTheLoop(tx: Executor, issue: IssueRow): Promise<{ agents: number; supervisors: number }> {
  const issueIds = [issue.id, ...(await tx.select({ id: issues.id }).from(issues).where(eq(issues.mergedIntoId, issue.id))).map((r) => r.id)];
  const authors = await tx
    .select({ authorId: records.authorId, recordId: max(records.id) })
    .from(records)
    .innerJoin(users, eq(users.id, records.authorId))
    .where(and(inArray(records.issueId, issueIds), eq(users.role, "agent"), eq(users.status, "active")))
    .groupBy(records.authorId);
  const teamRows = await tx
    .selectDistinct({ teamId: records.teamId })
    .from(records)
    .where(and(inArray(records.issueId, issueIds), sql`${records.teamId} is not null`));
  const teamIds = teamRows.map((r) => r.teamId).filter((id): id is number => id !== null);
  const supervisors = teamIds.length
    ? (await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "supervisor"), eq(users.status, "active"), inArray(users.teamId, teamIds)))
        .orderBy(desc(users.id))).map((r) => r.id)
    : [];

  const title = `您记录的客户之声已有结果：${issue.publicTitle ?? issue.title}`.slice(0, 200);
  for (const a of authors) {
    await notifyUsers(tx, [a.authorId], { kind: "issue.resolved", title, body: issue.publicOutcome ?? "", link: a.recordId ? `/agent/records/${a.recordId}` : undefined });
  }
  await notifyUsers(tx, supervisors, {
    kind: "issue.resolved",
    title: `本组上报的问题已解决：${issue.title}`.slice(0, 200),
    body: issue.publicOutcome ?? "",
    link: `/issues/${issue.id}`,
  });
  return { agents: authors.length, supervisors: supervisors.length };
}

/** The management post sends a done or verified action back; a resolved issue is back in action. */
export async function reopenAction(db: Database, viewer: Viewer, input: { actionId: number; version: number; reason: string }): Promise<ActionRow> {
  assertCan(viewer, "action.verify");
  const reason = input.reason.trim();
  if (!reason) fieldError("reason", "validation.required");
  return db.transaction(async (tx) => {
    const action = await loadActionForUpdate(tx, viewer, input.actionId, input.version);
    const status = nextActionStatus(action.status, "reopen", viewer.role);
    const [updated] = await tx
      .update(actions)
      .set({ status, doneAt: null, verifiedAt: null, verifiedBy: null, version: action.version + 1, updatedAt: new Date() })
      .where(eq(actions.id, action.id))
      .returning();
    await writeAudit(tx, viewer, "action.reopened", { type: "action", id: action.id }, { reason, data: { issueId: action.issueId, from: action.status, to: status } });

    const issue = await loadIssueForUpdate(tx, viewer, action.issueId);
    if (issue.status === "resolved") {
      const issueStatus = nextIssueStatus(issue.status, "reopen", viewer.role);
      await tx.update(issues).set({ status: issueStatus, resolvedAt: null, version: issue.version + 1, updatedAt: new Date() }).where(eq(issues.id, issue.id));
      await writeAudit(tx, viewer, "issue.reopened", { type: "issue", id: issue.id }, { reason, data: { from: issue.status, to: issueStatus, actionId: action.id } });
    }
    await notifyUsers(tx, await userIdsWithRole(tx, "department", { departmentId: action.departmentId }), {
      kind: "action.reopened",
      title: `改进事项被重新打开：${issue.title}`.slice(0, 200),
      body: reason.slice(0, 500),
      link: `/department/actions/${action.id}`,
    });
    return updated;
  });
}
