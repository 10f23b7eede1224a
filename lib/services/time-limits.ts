import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { records, type ActionStatus, type RecordRow } from "@/db/schema";
import {
  countComplaintClocks,
  getTimeLimitSettings,
  listComplaintClocks,
  listIssuesAwaitingDisposition,
  listIssuesAwaitingVerification,
  listOpenActionClocks,
  type TimeLimitSettings,
} from "@/db/queries/time-limits";
import { ExpectedError, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import type { LocalizedNames } from "@/lib/i18n/config";
import type { WorkflowTargets } from "@/lib/validation/time-limits";
import type { Viewer } from "@/lib/viewer";
import { complaintLimitDays, deadlineState, type Deadline } from "@/lib/workflow";
import { StaleVersion, writeAudit } from "./workflow-support";

/**
 * Time limits per stage of the flow, from the admin-editable targets: escalation to
 * verification, bulletin to disposition, disposition to done (against the action's own due
 * date when it has one), and the regulator's clock on complaints (15 days, extendable).
 */

const DAY = 86_400_000;

export const stages = ["escalation_to_verification", "bulletin_to_disposition", "disposition_to_done", "complaints"] as const;
export type Stage = (typeof stages)[number];

export interface Clock {
  startedAt: Date;
  dueAt: Date;
  state: Deadline;
}

/** A clock that started at `startedAt` with `limitDays` to run (a stage's target, e.g. escalation to verification). */
export function clockOf(startedAt: Date, limitDays: number, now: Date, warnAtShare: number): Clock {
  return { startedAt, dueAt: new Date(startedAt.getTime() + limitDays * DAY), state: deadlineState(startedAt, limitDays, now, warnAtShare) };
}

/** The end of a calendar due date in the center's time zone (UTC+8, no daylight saving). */
export function endOfDueDate(dueOn: string): Date {
  return new Date(new Date(`${dueOn}T00:00:00+08:00`).getTime() + DAY);
}

const openActionStatuses: readonly ActionStatus[] = ["assigned", "in_progress", "reopened"];

/**
 * An action's clock: from its assignment to its due date, or to the target for the stage when
 * it has none. Done and verified actions have stopped their clock.
 */
export function actionClock(action: { status: ActionStatus; createdAt: Date; dueOn: string | null }, targets: WorkflowTargets, now = new Date()): Clock | null {
  if (!openActionStatuses.includes(action.status)) return null;
  const limitDays = action.dueOn ? (endOfDueDate(action.dueOn).getTime() - action.createdAt.getTime()) / DAY : targets.dispositionToDoneDays;
  return clockOf(action.createdAt, limitDays, now, targets.warnAtShare);
}

/** A complaint's clock: from when it happened to its due moment, which extensions move. */
export function complaintClock(record: { occurredAt: Date; dueAt: Date }, warnAtShare: number, now = new Date()): Clock {
  const limitDays = (record.dueAt.getTime() - record.occurredAt.getTime()) / DAY;
  return clockOf(record.occurredAt, limitDays, now, warnAtShare);
}

export interface DeadlineItem {
  stage: Stage;
  kind: "issue" | "action" | "record";
  id: number;
  title: string;
  /** The issue the item belongs to, for links. */
  issueId: number | null;
  clock: Clock;
  department?: LocalizedNames;
  site?: LocalizedNames | null;
  /** Complaints only: for the extension form. */
  version?: number;
  dueExtensions?: number;
}

export interface StageCounts {
  open: number;
  near: number;
  overdue: number;
}

export interface TimeLimitOverview {
  settings: TimeLimitSettings;
  stages: Record<Stage, StageCounts>;
  /** Items past the warning share or past their limit, the most urgent first. */
  items: DeadlineItem[];
}

/** Everything the time-limits panel shows, for the management post and leadership. */
export async function getTimeLimitOverview(db: Executor, viewer: Viewer, now = new Date()): Promise<TimeLimitOverview> {
  const settings = await getTimeLimitSettings(db);
  const { targets } = settings;
  const [toVerify, toDispose, openActions, complaintCounts, complaintRows] = await Promise.all([
    listIssuesAwaitingVerification(db, viewer),
    listIssuesAwaitingDisposition(db, viewer),
    listOpenActionClocks(db, viewer),
    countComplaintClocks(db, viewer, targets.warnAtShare, now),
    listComplaintClocks(db, viewer, targets.warnAtShare, now, 100),
  ]);

  const items: DeadlineItem[] = [];
  const count = (list: DeadlineItem[]): StageCounts => ({
    open: list.length,
    near: list.filter((i) => i.clock.state === "near").length,
    overdue: list.filter((i) => i.clock.state === "overdue").length,
  });

  const verification = toVerify.flatMap((i) =>
    i.startedAt ? [{ stage: "escalation_to_verification" as const, kind: "issue" as const, id: i.id, title: i.title, issueId: i.id, site: i.site, clock: clockOf(i.startedAt, targets.escalationToVerificationDays, now, targets.warnAtShare) }] : [],
  );
  const disposition = toDispose.flatMap((i) =>
    i.startedAt ? [{ stage: "bulletin_to_disposition" as const, kind: "issue" as const, id: i.id, title: i.title, issueId: i.id, site: i.site, clock: clockOf(i.startedAt, targets.bulletinToDispositionDays, now, targets.warnAtShare) }] : [],
  );
  const actionItems = openActions.flatMap((a) => {
    const clock = actionClock(a, targets, now);
    return clock ? [{ stage: "disposition_to_done" as const, kind: "action" as const, id: a.id, title: a.title, issueId: a.issueId, department: a.department, clock }] : [];
  });
  const complaintItems = complaintRows.flatMap((r) =>
    r.dueAt
      ? [{
          stage: "complaints" as const,
          kind: "record" as const,
          id: r.id,
          title: r.summary,
          issueId: r.issueId,
          site: r.site,
          version: r.version,
          dueExtensions: r.dueExtensions,
          clock: complaintClock({ occurredAt: r.occurredAt, dueAt: r.dueAt }, targets.warnAtShare, now),
        }]
      : [],
  );
  for (const list of [verification, disposition, actionItems, complaintItems]) items.push(...list.filter((i) => i.clock.state !== "ok"));
  items.sort((a, b) => a.clock.dueAt.getTime() - b.clock.dueAt.getTime());

  return {
    settings,
    stages: {
      escalation_to_verification: count(verification),
      bulletin_to_disposition: count(disposition),
      disposition_to_done: count(actionItems),
      complaints: complaintCounts,
    },
    items,
  };
}

// ---------------------------------------------------------------- complaint extensions

export class NoMoreExtensions extends ExpectedError {
  override readonly status = 409;
  override readonly code = "no_more_extensions";
  constructor() {
    super("This complaint's deadline has already been extended twice.");
  }
}

export class ExtensionNeedsApproval extends Forbidden {
  constructor() {
    super("The second extension needs the management post's approval.");
  }
}

export class ComplaintClosed extends ExpectedError {
  override readonly status = 409;
  override readonly code = "complaint_closed";
  constructor() {
    super("This complaint is closed; its deadline cannot be extended.");
  }
}

/**
 * Extends a complaint's deadline: the first time (to 30 days) by the site's specialist or the
 * management post, the second time (30 more) only by the management post, which is the
 * approval the rule asks for. A specialist may only extend their own site's complaints.
 */
export async function extendComplaintDeadline(db: Database, viewer: Viewer, input: { recordId: number; version: number; reason: string }): Promise<RecordRow> {
  // Until the permission table has its own entry ("complaint.extend"), the rule is here, closed by default.
  if (viewer.role !== "specialist" && viewer.role !== "manager") throw new Forbidden();
  const reason = input.reason.trim();
  if (!reason) throw new ValidationFailed("The form has errors.", { reason: ["validation.required"] });
  if (reason.length > 1000) throw new ValidationFailed("The form has errors.", { reason: [`validation.tooLong|${JSON.stringify({ max: 1000 })}`] });
  return db.transaction(async (tx) => {
    const [record] = await tx.select().from(records).where(eq(records.id, input.recordId)).for("update");
    const visible = record && record.kind === "complaint" && (viewer.role === "manager" || (viewer.siteId !== null && record.siteId === viewer.siteId));
    if (!record || !visible) throw new NotFound("complaint");
    if (record.version !== input.version) throw new StaleVersion();
    if (!record.dueAt || record.status === "dismissed" || record.moderationStatus === "rejected") throw new ComplaintClosed();
    if (record.dueExtensions >= 2) throw new NoMoreExtensions();
    if (record.dueExtensions === 1 && viewer.role !== "manager") throw new ExtensionNeedsApproval();

    const { clock } = await getTimeLimitSettings(tx);
    const extensions = record.dueExtensions + 1;
    const addDays = complaintLimitDays(extensions, clock) - complaintLimitDays(record.dueExtensions, clock);
    const dueAt = new Date(record.dueAt.getTime() + addDays * DAY);
    const [updated] = await tx
      .update(records)
      .set({ dueAt, dueExtensions: extensions, version: record.version + 1, updatedAt: new Date() })
      .where(eq(records.id, record.id))
      .returning();
    await writeAudit(tx, viewer, "record.deadline_extended", { type: "record", id: record.id }, {
      reason,
      data: { extensions, addedDays: addDays, from: record.dueAt.toISOString(), to: dueAt.toISOString(), limitDays: complaintLimitDays(extensions, clock), ...(extensions === 2 ? { approvedBy: viewer.id } : {}) },
    });
    return updated;
  });
}
