import { and, asc, eq, gte, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { actions, categories, departments, issues, records, settings, sites } from "@/db/schema";
import { assertCan } from "@/lib/permissions";
import {
  complaintClockSchema,
  defaultComplaintClock,
  defaultWorkflowTargets,
  emailDeliverySchema,
  workflowTargetsSchema,
  type ComplaintClock,
  type EmailDelivery,
  type WorkflowTargets,
} from "@/lib/validation/time-limits";
import type { Viewer } from "@/lib/viewer";

const departmentName = { nameHans: departments.nameHans, nameHant: departments.nameHant, nameEn: departments.nameEn };
const siteName = { nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn };
const categoryName = { nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn };

export interface TimeLimitSettings {
  targets: WorkflowTargets;
  clock: ComplaintClock;
  emailDelivery: EmailDelivery;
  /** When each was last saved, as the edit forms' concurrency token. */
  updatedAt: Record<"workflow.targets" | "complaints.clock" | "email.delivery", string | null>;
}

/** The admin-editable targets, falling back to the defaults when a row is missing or malformed. */
export async function getTimeLimitSettings(db: Executor): Promise<TimeLimitSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, ["workflow.targets", "complaints.clock", "email.delivery"]));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const targets = workflowTargetsSchema.safeParse(byKey.get("workflow.targets")?.value);
  const clock = complaintClockSchema.safeParse(byKey.get("complaints.clock")?.value);
  const email = emailDeliverySchema.safeParse(byKey.get("email.delivery")?.value);
  return {
    targets: targets.success ? targets.data : defaultWorkflowTargets,
    clock: clock.success ? clock.data : defaultComplaintClock,
    emailDelivery: email.success ? email.data : { enabled: false },
    updatedAt: {
      "workflow.targets": byKey.get("workflow.targets")?.updatedAt.toISOString() ?? null,
      "complaints.clock": byKey.get("complaints.clock")?.updatedAt.toISOString() ?? null,
      "email.delivery": byKey.get("email.delivery")?.updatedAt.toISOString() ?? null,
    },
  };
}

/** Issues on the way from escalation to verification (the specialist's and the management post's stage). */
export async function listIssuesAwaitingVerification(db: Executor, viewer: Viewer) {
  assertCan(viewer, "program.read");
  return db
    .select({ id: issues.id, title: issues.title, status: issues.status, startedAt: issues.escalatedAt, site: siteName })
    .from(issues)
    .leftJoin(sites, eq(sites.id, issues.siteId))
    .where(and(inArray(issues.status, ["escalated", "returned", "reported"]), isNotNull(issues.escalatedAt)))
    .orderBy(asc(issues.escalatedAt))
    .limit(1000);
}

/** Published issues no department has been given yet (published, no action). */
export async function listIssuesAwaitingDisposition(db: Executor, viewer: Viewer) {
  assertCan(viewer, "program.read");
  return db
    .select({ id: issues.id, title: issues.title, status: issues.status, startedAt: issues.publishedAt, site: siteName })
    .from(issues)
    .leftJoin(sites, eq(sites.id, issues.siteId))
    .where(and(eq(issues.status, "published"), isNotNull(issues.publishedAt)))
    .orderBy(asc(issues.publishedAt))
    .limit(1000);
}

/** Actions not done yet, with what their clock needs. */
export async function listOpenActionClocks(db: Executor, viewer: Viewer) {
  assertCan(viewer, "program.read");
  return db
    .select({
      id: actions.id,
      status: actions.status,
      createdAt: actions.createdAt,
      dueOn: actions.dueOn,
      ownerName: actions.ownerName,
      progress: actions.progress,
      issueId: issues.id,
      title: issues.title,
      department: departmentName,
    })
    .from(actions)
    .innerJoin(issues, eq(issues.id, actions.issueId))
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .where(inArray(actions.status, ["assigned", "in_progress", "reopened"]))
    .orderBy(asc(actions.dueOn), asc(actions.id))
    .limit(2000);
}

/** How far back complaints are looked at: the longest clock is 60 days, a year is plenty. */
export const complaintWindowDays = 365;

/**
 * Complaints on the regulator's clock: those that entered the VoC flow (reported to a
 * supervisor, linked to an issue, or sent in on the public page), not dismissed or declined,
 * whose issue is not resolved or rejected yet. A complaint an agent settled on the call and
 * did not report up is not on this clock. For any reader's query over `records`; the viewer's
 * scope is added by the caller.
 */
export function complaintOnClockConditions(now: Date): SQL[] {
  return [
    eq(records.kind, "complaint"),
    isNotNull(records.dueAt),
    gte(records.createdAt, new Date(now.getTime() - complaintWindowDays * 86_400_000)),
    sql`${records.status} <> 'dismissed'`,
    sql`${records.moderationStatus} is distinct from 'rejected'`,
    sql`(${records.valuable} or ${records.issueId} is not null or ${records.channel} = 'web')`,
    // Qualified by hand: a query without joins renders its columns unqualified, which a subquery would misread.
    sql`("records"."issue_id" is null or not exists (select 1 from ${issues} i where i.id = "records"."issue_id" and i.status in ('resolved', 'rejected')))`,
  ];
}

/** A complaint's clock state at `now` in SQL, by the rule of `deadlineState`: near from `warnAtShare` of its time, overdue once past it. */
export function complaintClockStates(now: Date, warnAtShare: number): { overdue: SQL; near: SQL } {
  const at = sql`${now.toISOString()}::timestamptz`;
  return {
    overdue: sql`${records.dueAt} < ${at}`,
    near: sql`(${records.dueAt} >= ${at} and ${at} >= ${records.occurredAt} + (${records.dueAt} - ${records.occurredAt}) * ${warnAtShare}::float8)`,
  };
}

/** Open complaints the viewer may see: the management post all, a specialist the site's, a supervisor the team's. */
function openComplaintConditions(viewer: Viewer, now: Date): SQL[] {
  const conditions = complaintOnClockConditions(now);
  if (viewer.role === "specialist") conditions.push(viewer.siteId === null ? sql`false` : eq(records.siteId, viewer.siteId));
  if (viewer.role === "supervisor") conditions.push(viewer.teamId === null ? sql`false` : eq(records.teamId, viewer.teamId));
  return conditions;
}

function assertComplaintReader(viewer: Viewer): void {
  if (viewer.role === "specialist") return assertCan(viewer, "record.read.site");
  if (viewer.role === "supervisor") return assertCan(viewer, "record.read.team");
  assertCan(viewer, "program.read");
}

/** Counts of open complaints by clock state, in SQL (complaints are many). */
export async function countComplaintClocks(db: Executor, viewer: Viewer, warnAtShare: number, now = new Date()) {
  assertComplaintReader(viewer);
  const state = complaintClockStates(now, warnAtShare);
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${state.overdue}))::int`,
      near: sql<number>`(count(*) filter (where ${state.near}))::int`,
    })
    .from(records)
    .where(and(...openComplaintConditions(viewer, now)));
  return row ?? { open: 0, overdue: 0, near: 0 };
}

/** The open complaints nearest their limit (or past it), the most urgent first. */
export async function listComplaintClocks(db: Executor, viewer: Viewer, warnAtShare: number, now = new Date(), limit = 50) {
  assertComplaintReader(viewer);
  const state = complaintClockStates(now, warnAtShare);
  return db
    .select({
      id: records.id,
      version: records.version,
      summary: records.summary,
      channel: records.channel,
      trackingNumber: records.trackingNumber,
      occurredAt: records.occurredAt,
      dueAt: records.dueAt,
      dueExtensions: records.dueExtensions,
      issueId: records.issueId,
      siteId: records.siteId,
      site: siteName,
      category: categoryName,
    })
    .from(records)
    .innerJoin(categories, eq(categories.id, records.categoryId))
    .leftJoin(sites, eq(sites.id, records.siteId))
    .where(and(...openComplaintConditions(viewer, now), or(state.overdue, state.near)))
    .orderBy(asc(records.dueAt), asc(records.id))
    .limit(limit);
}
