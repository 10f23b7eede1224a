import { eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { actions, issues, meetingComments, meetingItems, meetings, type ActionStatus, type Meeting } from "@/db/schema";
import { ExpectedError, NotFound, ValidationFailed } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";
import { nextActionStatus, nextMeetingStatus } from "@/lib/workflow";
import { assertDueDate, cleanWording, loadActionForUpdate, verifyWithin, type VerifyOutcome } from "./actions";
import { notifyUsers, StaleVersion, userIdsWithRole, writeAudit } from "./workflow-support";

/**
 * The monthly VoC meeting (客户之声专题会): its agenda is every open action, every overdue one
 * and every one newly done; the management post records a decision per item on the spot (its
 * effect on the action applied in the same transaction), then publishes the minutes, which are
 * final. Leadership reads them and comments.
 */

export const meetingLimits = { title: 200, attendee: 100, attendees: 60, minutes: 20_000, note: 2000, comment: 2000, owner: 64 } as const;

export type AgendaReason = "open" | "overdue" | "done";
export type MeetingDecision = "continue" | "change_owner" | "change_due" | "escalate" | "verified_closed";

const openActionStatuses: readonly ActionStatus[] = ["assigned", "in_progress", "reopened"];

/** Why an action is on a meeting's agenda, or null when it is not (verified ones are not). */
export function agendaReasonFor(action: { status: ActionStatus; dueOn: string | null }, heldOn: string): AgendaReason | null {
  if (action.status === "done") return "done";
  if (!openActionStatuses.includes(action.status)) return null;
  return action.dueOn !== null && action.dueOn < heldOn ? "overdue" : "open";
}

export { MeetingClosed } from "@/lib/workflow";

/** Two people deciding the same item: the second is refused and nothing is done twice. */
export class AlreadyDecided extends ExpectedError {
  override readonly status = 409;
  override readonly code = "already_decided";
  constructor() {
    super("This item was already decided.");
  }
}

function fieldError(field: string, key: string): never {
  throw new ValidationFailed("The form has errors.", { [field]: [key] });
}

function cleanAttendees(list: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of list) {
    const name = raw.trim();
    if (name && !seen.has(name)) seen.add(name);
  }
  const out = [...seen];
  if (out.length > meetingLimits.attendees) fieldError("attendees", `validation.tooMany|${JSON.stringify({ max: meetingLimits.attendees })}`);
  if (out.some((n) => n.length > meetingLimits.attendee)) fieldError("attendees", `validation.tooLong|${JSON.stringify({ max: meetingLimits.attendee })}`);
  return out;
}

async function loadMeetingForUpdate(tx: Executor, id: number, expectedVersion?: number): Promise<Meeting> {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, id)).for("update");
  if (!meeting) throw new NotFound("meeting");
  if (expectedVersion !== undefined && meeting.version !== expectedVersion) throw new StaleVersion();
  return meeting;
}

async function departmentUsersOfMeeting(tx: Executor, meetingId: number): Promise<number[]> {
  const rows = await tx
    .selectDistinct({ departmentId: actions.departmentId })
    .from(meetingItems)
    .innerJoin(actions, eq(actions.id, meetingItems.actionId))
    .where(eq(meetingItems.meetingId, meetingId));
  const ids: number[] = [];
  for (const r of rows) ids.push(...(await userIdsWithRole(tx, "department", { departmentId: r.departmentId })));
  return ids;
}

// ---------------------------------------------------------------- open

export interface OpenMeetingInput {
  title: string;
  heldOn: string;
  attendees: readonly string[];
}

/** Opens a meeting with its agenda generated from the actions as they stand. */
export async function openMeeting(db: Database, viewer: Viewer, input: OpenMeetingInput): Promise<{ meeting: Meeting; agenda: Record<AgendaReason, number> }> {
  assertCan(viewer, "meeting.run");
  const title = input.title.trim();
  if (!title) fieldError("title", "validation.required");
  if (title.length > meetingLimits.title) fieldError("title", `validation.tooLong|${JSON.stringify({ max: meetingLimits.title })}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.heldOn) || Number.isNaN(Date.parse(`${input.heldOn}T00:00:00Z`))) fieldError("heldOn", "validation.invalidDate");
  const attendees = cleanAttendees(input.attendees);
  return db.transaction(async (tx) => {
    const [meeting] = await tx.insert(meetings).values({ title, heldOn: input.heldOn, attendees, createdBy: viewer.id }).returning();
    const candidates = await tx
      .select({ id: actions.id, status: actions.status, dueOn: actions.dueOn })
      .from(actions)
      .where(inArray(actions.status, [...openActionStatuses, "done"]))
      .orderBy(actions.dueOn, actions.id);
    const agenda: Record<AgendaReason, number> = { open: 0, overdue: 0, done: 0 };
    const items = candidates.flatMap((a) => {
      const reason = agendaReasonFor(a, input.heldOn);
      if (!reason) return [];
      agenda[reason] += 1;
      return [{ meetingId: meeting.id, actionId: a.id, agendaReason: reason }];
    });
    if (items.length > 0) await tx.insert(meetingItems).values(items);
    await writeAudit(tx, viewer, "meeting.opened", { type: "meeting", id: meeting.id }, { data: { heldOn: input.heldOn, items: items.length, ...agenda } });
    const told = [...(await userIdsWithRole(tx, "leadership")), ...(await departmentUsersOfMeeting(tx, meeting.id))];
    await notifyUsers(tx, told, {
      kind: "meeting.agenda",
      title: `${title}议程已发布`.slice(0, 200),
      body: `议程 ${items.length} 项：在办 ${agenda.open} 项，逾期 ${agenda.overdue} 项，待核实 ${agenda.done} 项。`,
      link: `/meetings/${meeting.id}`,
    });
    return { meeting, agenda };
  });
}

// ---------------------------------------------------------------- decide

export interface DecideItemInput {
  itemId: number;
  decision: MeetingDecision;
  note?: string;
  newOwner?: string;
  newDueOn?: string;
  /** The action's version as the meeting saw it; checked when the decision changes the action. */
  actionVersion?: number;
  /** For "verified, closed" on an issue's last action: the approved public wording, to resolve it. */
  publicTitle?: string;
  publicOutcome?: string;
}

export interface DecideOutcome {
  decision: MeetingDecision;
  verification: VerifyOutcome | null;
}

/** Records the meeting's decision on one agenda item and applies it, in one transaction. */
export async function decideItem(db: Database, viewer: Viewer, input: DecideItemInput, now = new Date()): Promise<DecideOutcome> {
  assertCan(viewer, "meeting.run");
  const note = input.note?.trim() || null;
  if (note && note.length > meetingLimits.note) fieldError("note", `validation.tooLong|${JSON.stringify({ max: meetingLimits.note })}`);
  const newOwner = input.newOwner?.trim() ?? "";
  if (input.decision === "change_owner" && !newOwner) fieldError("newOwner", "validation.required");
  if (newOwner.length > meetingLimits.owner) fieldError("newOwner", `validation.tooLong|${JSON.stringify({ max: meetingLimits.owner })}`);
  const newDueOn = input.decision === "change_due" ? assertDueDate(input.newDueOn, "newDueOn", now) : null;
  if (input.decision === "change_due" && !newDueOn) fieldError("newDueOn", "validation.required");
  const wording = cleanWording(input);

  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(meetingItems).where(eq(meetingItems.id, input.itemId)).limit(1);
    if (!found) throw new NotFound("meeting item");
    // The meeting first, then the item: publishing the minutes takes the same lock.
    const meeting = await loadMeetingForUpdate(tx, found.meetingId);
    nextMeetingStatus(meeting.status, "decide", viewer.role);
    const [item] = await tx.select().from(meetingItems).where(eq(meetingItems.id, input.itemId)).for("update");
    if (item.decision !== null) throw new AlreadyDecided();

    const changesAction = input.decision === "change_owner" || input.decision === "change_due" || input.decision === "verified_closed";
    const action = await loadActionForUpdate(tx, viewer, item.actionId, changesAction ? input.actionVersion : undefined);
    const [issue] = await tx.select({ id: issues.id, title: issues.title }).from(issues).where(eq(issues.id, action.issueId));
    const detail: Record<string, unknown> = { itemId: item.id, actionId: action.id, issueId: action.issueId, decision: input.decision };
    let verification: VerifyOutcome | null = null;

    if (input.decision === "change_owner" || input.decision === "change_due") {
      nextActionStatus(action.status, "reschedule", viewer.role);
      const change = input.decision === "change_owner" ? { ownerName: newOwner } : { dueOn: newDueOn };
      const before = input.decision === "change_owner" ? { previousOwnerName: action.ownerName } : { previousDueOn: action.dueOn };
      await tx.update(actions).set({ ...change, version: action.version + 1, updatedAt: new Date() }).where(eq(actions.id, action.id));
      Object.assign(detail, change, before);
      await writeAudit(tx, viewer, "action.rescheduled", { type: "action", id: action.id }, { reason: note, data: { issueId: action.issueId, meetingId: meeting.id, ...change, ...before } });
      await notifyUsers(tx, await userIdsWithRole(tx, "department", { departmentId: action.departmentId }), {
        kind: "meeting.decided",
        title: (input.decision === "change_owner" ? `专题会调整了负责人：${issue.title}` : `专题会调整了截止日期：${issue.title}`).slice(0, 200),
        body: input.decision === "change_owner" ? `新负责人：${newOwner}` : `新截止日期：${newDueOn}`,
        link: `/department/actions/${action.id}`,
      });
    } else if (input.decision === "verified_closed") {
      verification = await verifyWithin(tx, viewer, action.id, undefined, wording, { meetingId: meeting.id });
      Object.assign(detail, { issueResolved: verification.issueResolved });
    } else if (input.decision === "escalate") {
      await notifyUsers(tx, await userIdsWithRole(tx, "leadership"), {
        kind: "meeting.escalated",
        title: `专题会提请中心领导协调：${issue.title}`.slice(0, 200),
        body: note ?? "",
        link: `/meetings/${meeting.id}#item-${item.id}`,
      });
    }

    await tx
      .update(meetingItems)
      .set({ decision: input.decision, decisionNote: note, decidedBy: viewer.id, decidedAt: new Date() })
      .where(eq(meetingItems.id, item.id));
    await tx.update(meetings).set({ version: meeting.version + 1, updatedAt: new Date() }).where(eq(meetings.id, meeting.id));
    await writeAudit(tx, viewer, "meeting.decided", { type: "meeting", id: meeting.id }, { reason: note, data: detail });
    return { decision: input.decision, verification };
  });
}

// ---------------------------------------------------------------- minutes and comments

/** Publishes the minutes: final from then on; leadership and the departments on the agenda are told. */
export async function publishMinutes(db: Database, viewer: Viewer, input: { meetingId: number; version: number; minutes: string; attendees: readonly string[] }): Promise<Meeting> {
  assertCan(viewer, "meeting.run");
  const minutes = input.minutes.trim();
  if (!minutes) fieldError("minutes", "validation.required");
  if (minutes.length > meetingLimits.minutes) fieldError("minutes", `validation.tooLong|${JSON.stringify({ max: meetingLimits.minutes })}`);
  const attendees = cleanAttendees(input.attendees);
  if (attendees.length === 0) fieldError("attendees", "validation.required");
  return db.transaction(async (tx) => {
    const meeting = await loadMeetingForUpdate(tx, input.meetingId, input.version);
    const status = nextMeetingStatus(meeting.status, "publish_minutes", viewer.role);
    const publishedAt = new Date();
    const [published] = await tx
      .update(meetings)
      .set({ status, minutes, attendees, publishedAt, version: meeting.version + 1, updatedAt: publishedAt })
      .where(eq(meetings.id, meeting.id))
      .returning();
    const items = await tx.select({ decision: meetingItems.decision }).from(meetingItems).where(eq(meetingItems.meetingId, meeting.id));
    const decided = items.filter((i) => i.decision !== null).length;
    await writeAudit(tx, viewer, "meeting.published", { type: "meeting", id: meeting.id }, { data: { items: items.length, decided, attendees: attendees.length } });
    const told = [...(await userIdsWithRole(tx, "leadership")), ...(await departmentUsersOfMeeting(tx, meeting.id))];
    await notifyUsers(tx, told, {
      kind: "meeting.published",
      title: `${meeting.title}纪要已发布`.slice(0, 200),
      body: `议程 ${items.length} 项，已决定 ${decided} 项。`,
      link: `/meetings/${meeting.id}`,
    });
    return published;
  });
}

/** Leadership (and the management post) comment on a meeting, before or after its minutes. */
export async function commentOnMeeting(db: Database, viewer: Viewer, input: { meetingId: number; body: string }): Promise<{ id: number }> {
  assertCan(viewer, "meeting.comment");
  const body = input.body.trim();
  if (!body) fieldError("body", "validation.required");
  if (body.length > meetingLimits.comment) fieldError("body", `validation.tooLong|${JSON.stringify({ max: meetingLimits.comment })}`);
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select({ id: meetings.id, title: meetings.title, createdBy: meetings.createdBy }).from(meetings).where(eq(meetings.id, input.meetingId)).limit(1);
    if (!meeting) throw new NotFound("meeting");
    const [comment] = await tx.insert(meetingComments).values({ meetingId: meeting.id, authorId: viewer.id, body }).returning({ id: meetingComments.id });
    await writeAudit(tx, viewer, "meeting.commented", { type: "meeting", id: meeting.id }, { data: { commentId: comment.id } });
    if (meeting.createdBy !== null && meeting.createdBy !== viewer.id) {
      await notifyUsers(tx, [meeting.createdBy], {
        kind: "meeting.commented",
        title: `${viewer.name}评论了${meeting.title}`.slice(0, 200),
        body: body.slice(0, 500),
        link: `/meetings/${meeting.id}#comments`,
      });
    }
    return comment;
  });
}
