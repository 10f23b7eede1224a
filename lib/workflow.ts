import type { ActionStatus, IssueStatus, Meeting, Role, SiteReport } from "@/db/schema";
import { ExpectedError, InvalidTransition } from "@/lib/errors";

/**
 * The life of an issue and of the actions taken on it, as the seed describes it: the supervisor
 * escalates, the site's specialist reports, the management post verifies and publishes, the
 * departments act, and the monthly meeting checks it is done. Pure: no database, no clock.
 */
export type IssueEvent =
  | "escalate"
  | "return"
  | "report"
  | "verify"
  | "reject"
  | "merge"
  | "publish"
  | "assign_action"
  | "resolve"
  | "reopen";

interface Rule<S extends string> {
  from: readonly S[];
  /** The state after the event; absent when the event changes details, not the state. */
  to?: S;
  roles: readonly Role[];
}

export const issueTransitions: Record<IssueEvent, Rule<IssueStatus>> = {
  escalate: { from: ["draft", "returned"], to: "escalated", roles: ["supervisor"] },
  return: { from: ["escalated"], to: "returned", roles: ["specialist"] },
  report: { from: ["escalated"], to: "reported", roles: ["specialist"] },
  verify: { from: ["reported"], to: "verified", roles: ["manager"] },
  reject: { from: ["reported"], to: "rejected", roles: ["manager"] },
  merge: { from: ["draft", "escalated", "returned", "reported", "verified"], to: "merged", roles: ["specialist", "manager"] },
  publish: { from: ["verified"], to: "published", roles: ["manager"] },
  assign_action: { from: ["published", "in_action"], to: "in_action", roles: ["manager"] },
  resolve: { from: ["in_action"], to: "resolved", roles: ["manager"] },
  reopen: { from: ["resolved"], to: "in_action", roles: ["manager"] },
};

export type ActionEvent = "start" | "update" | "complete" | "verify" | "reopen" | "reschedule";

export const actionTransitions: Record<ActionEvent, Rule<ActionStatus>> = {
  start: { from: ["assigned", "reopened"], to: "in_progress", roles: ["department"] },
  update: { from: ["assigned", "in_progress", "reopened"], to: "in_progress", roles: ["department"] },
  complete: { from: ["assigned", "in_progress", "reopened"], to: "done", roles: ["department"] },
  verify: { from: ["done"], to: "verified", roles: ["manager"] },
  reopen: { from: ["done", "verified"], to: "reopened", roles: ["manager"] },
  // The monthly meeting may change an open action's owner or due date without changing its state.
  reschedule: { from: ["assigned", "in_progress", "reopened"], roles: ["manager"] },
};

export type ReportStatus = SiteReport["status"];
export type ReportEvent = "save" | "submit" | "review";

/** The site's VoC report: the specialist edits a draft and submits it; the management post's screening of its last issue marks it reviewed. */
export const reportTransitions: Record<ReportEvent, Rule<ReportStatus>> = {
  save: { from: ["draft"], roles: ["specialist"] },
  submit: { from: ["draft"], to: "submitted", roles: ["specialist"] },
  review: { from: ["submitted"], to: "reviewed", roles: ["manager"] },
};

export type MeetingStatus = Meeting["status"];
export type MeetingEvent = "decide" | "publish_minutes";

/** The monthly meeting: items are decided while it is open; its published minutes are final. */
export const meetingTransitions: Record<MeetingEvent, Rule<MeetingStatus>> = {
  decide: { from: ["open"], roles: ["manager"] },
  publish_minutes: { from: ["open"], to: "minutes_published", roles: ["manager"] },
};

/** A meeting whose minutes are published refuses every change (the meeting page says so in the viewer's language, by its code). */
export class MeetingClosed extends ExpectedError {
  override readonly status = 409;
  override readonly code = "meeting_closed";
  constructor() {
    super("The minutes of this meeting are published; it can no longer be changed.");
  }
}

const pastTense: Record<string, string> = {
  escalate: "escalated",
  return: "returned",
  report: "reported",
  verify: "verified",
  reject: "rejected",
  merge: "merged",
  publish: "published",
  assign_action: "given an action",
  resolve: "resolved",
  reopen: "reopened",
  start: "started",
  update: "updated",
  complete: "completed",
  reschedule: "rescheduled",
};

function apply<S extends string, E extends string>(
  rules: Record<E, Rule<S>>,
  kind: string,
  from: S,
  event: E,
  role: Role,
  refuse: (from: S) => ExpectedError = (from) => new InvalidTransition(`An ${kind} that is ${from.replace("_", " ")} cannot be ${pastTense[event] ?? event}.`),
): S {
  const rule = rules[event];
  if (!rule) throw new InvalidTransition(`Unknown ${kind} event "${event}".`);
  if (!rule.roles.includes(role)) throw new InvalidTransition(`A ${role} cannot ${event} an ${kind}.`);
  if (!rule.from.includes(from)) throw refuse(from);
  return rule.to ?? from;
}

function allows<S extends string, E extends string>(rules: Record<E, Rule<S>>, from: S, event: E, role: Role): boolean {
  const rule = rules[event];
  return rule.roles.includes(role) && rule.from.includes(from);
}

/** The next state of an issue, or InvalidTransition saying why not. */
export function nextIssueStatus(from: IssueStatus, event: IssueEvent, role: Role): IssueStatus {
  return apply(issueTransitions, "issue", from, event, role);
}

export function nextActionStatus(from: ActionStatus, event: ActionEvent, role: Role): ActionStatus {
  return apply(actionTransitions, "action", from, event, role);
}

/** Only a draft report changes; anything later is refused with the same sentence, whatever the step. */
export function nextReportStatus(from: ReportStatus, event: ReportEvent, role: Role): ReportStatus {
  return apply(reportTransitions, "report", from, event, role, (from) =>
    event === "review" ? new InvalidTransition(`A report that is ${from} cannot be reviewed.`) : new InvalidTransition(`A report that is ${from} can no longer be changed.`),
  );
}

export function nextMeetingStatus(from: MeetingStatus, event: MeetingEvent, role: Role): MeetingStatus {
  return apply(meetingTransitions, "meeting", from, event, role, () => new MeetingClosed());
}

export function canIssue(from: IssueStatus, event: IssueEvent, role: Role): boolean {
  return allows(issueTransitions, from, event, role);
}

export function canAction(from: ActionStatus, event: ActionEvent, role: Role): boolean {
  return allows(actionTransitions, from, event, role);
}

export function canReport(from: ReportStatus, event: ReportEvent, role: Role): boolean {
  return allows(reportTransitions, from, event, role);
}

/** Issue states a record can still be added to. */
export const openIssueStatuses: readonly IssueStatus[] = ["draft", "escalated", "returned", "reported", "verified", "published", "in_action"];

/** How near an item is to its time limit: fine, close (past the warning share), or past it. */
export type Deadline = "ok" | "near" | "overdue";

export function deadlineState(startedAt: Date, limitDays: number, now: Date, warnAtShare = 0.8): Deadline {
  const elapsed = (now.getTime() - startedAt.getTime()) / 86_400_000;
  if (elapsed > limitDays) return "overdue";
  if (elapsed >= limitDays * warnAtShare) return "near";
  return "ok";
}

/**
 * The regulator's clock on a complaint: 15 days to answer, extendable once to 30, then by
 * 30 more with approval. `extensions` counts the extensions granted (0, 1 or 2).
 */
export function complaintLimitDays(extensions: number, clock = { baseDays: 15, firstExtensionDays: 15, secondExtensionDays: 30 }): number {
  return clock.baseDays + (extensions >= 1 ? clock.firstExtensionDays : 0) + (extensions >= 2 ? clock.secondExtensionDays : 0);
}
