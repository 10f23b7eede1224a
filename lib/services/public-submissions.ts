import { and, eq, gte } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { auditLog, issues, records } from "@/db/schema";
import { ExpectedError, NotFound, RateLimited } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { checkBlocked, registerHit, type RateLimitPolicy } from "@/lib/rate-limit";
import { contactDigest, normalizeTrackingNumber } from "@/lib/tracking";
import type { PublicSubmissionInput } from "@/lib/validation/record";
import type { Viewer } from "@/lib/viewer";
import { createRecord } from "./records";

/** Submissions from one address: a few an hour is plenty for a person, not for a robot. */
export const submissionPolicy: RateLimitPolicy = { limit: 5, windowSeconds: 3600, baseBlockSeconds: 600, maxBlockSeconds: 6 * 3600 };
/** Tracking look-ups from one address: enough to check, too few to guess numbers. */
export const lookupPolicy: RateLimitPolicy = { limit: 20, windowSeconds: 600, baseBlockSeconds: 300, maxBlockSeconds: 3600 };

export class DuplicateSubmission extends ExpectedError {
  override readonly status = 409;
  override readonly code = "duplicate_submission";
  constructor() {
    super("This looks like a submission we received a moment ago.");
  }
}

export class SpamRefused extends ExpectedError {
  override readonly code = "spam";
  constructor() {
    super("The submission was not accepted.");
  }
}

export interface SubmissionReceipt {
  trackingNumber: string;
  masked: number;
}

/**
 * A customer's suggestion, complaint or praise from the public page. Counted per address
 * before anything is written; the same text from the same contact within ten minutes is a
 * duplicate. The record waits for moderation before anything of it is shown publicly.
 */
export async function submitPublicFeedback(db: Database, ip: string, input: PublicSubmissionInput, now = new Date()): Promise<SubmissionReceipt> {
  if (input.website) throw new SpamRefused();
  const key = `public:submit:${ip}`;
  const blocked = await checkBlocked(db, key, now);
  if (blocked.blocked) throw new RateLimited("Too many submissions from this address.", blocked.retryAfterSeconds);
  const hit = await registerHit(db, key, submissionPolicy, now);
  if (hit.blocked) throw new RateLimited("Too many submissions from this address.", hit.retryAfterSeconds);

  if (input.contact) {
    const tenMinutesAgo = new Date(now.getTime() - 10 * 60_000);
    const recent = await db
      .select({ id: records.id, summary: records.summary })
      .from(records)
      .where(and(eq(records.channel, "web"), eq(records.contactDigest, contactDigest(input.contact)), gte(records.createdAt, tenMinutesAgo)))
      .limit(20);
    if (recent.some((r) => r.summary.trim() === input.summary.trim())) throw new DuplicateSubmission();
  }

  const { record, masked } = await createRecord(db, { type: "public", ip }, {
    kind: input.kind,
    channel: "web",
    categoryCode: input.categoryCode,
    region: input.region,
    summary: input.summary,
    customerWords: input.customerWords,
    urgency: "normal",
    valuable: false,
    contact: input.contact,
  });
  return { trackingNumber: record.trackingNumber!, masked };
}

/** What a customer may learn about their submission: a stage and, once resolved, the outcome. */
export type PublicStage = "received" | "under_review" | "being_handled" | "resolved" | "closed";

export interface PublicStatus {
  trackingNumber: string;
  kind: string;
  submittedAt: Date;
  stage: PublicStage;
  outcomeTitle: string | null;
  outcome: string | null;
  resolvedAt: Date | null;
}

/**
 * Looks up a submission by its tracking number and the contact given with it (a submission
 * made without a contact is found by its number alone). Nothing else is revealed: not the text,
 * not the staff's notes. Look-ups are counted per address.
 */
export async function lookupSubmission(db: Database, ip: string, input: { trackingNumber: string; contact?: string }, now = new Date()): Promise<PublicStatus> {
  const key = `public:lookup:${ip}`;
  const blocked = await checkBlocked(db, key, now);
  if (blocked.blocked) throw new RateLimited("Too many look-ups from this address.", blocked.retryAfterSeconds);
  const hit = await registerHit(db, key, lookupPolicy, now);
  if (hit.blocked) throw new RateLimited("Too many look-ups from this address.", hit.retryAfterSeconds);

  const number = normalizeTrackingNumber(input.trackingNumber);
  if (!number) throw new NotFound("submission");
  const [row] = await db
    .select({ record: records, issue: issues })
    .from(records)
    .leftJoin(issues, eq(issues.id, records.issueId))
    .where(and(eq(records.trackingNumber, number), eq(records.channel, "web")))
    .limit(1);
  // A wrong contact is the same answer as a wrong number: nothing to learn by guessing.
  if (!row) throw new NotFound("submission");
  if (row.record.contactDigest && (!input.contact || contactDigest(input.contact) !== row.record.contactDigest)) throw new NotFound("submission");

  const { record, issue } = row;
  let stage: PublicStage = "received";
  if (record.moderationStatus === "rejected" || record.status === "dismissed") stage = "closed";
  else if (issue?.status === "resolved") stage = "resolved";
  else if (issue && issue.status !== "rejected") stage = "being_handled";
  else if (record.moderationStatus === "approved") stage = "under_review";
  if (issue?.status === "rejected") stage = "closed";

  const resolved = stage === "resolved" && issue;
  return {
    trackingNumber: number,
    kind: record.kind,
    submittedAt: record.createdAt,
    stage,
    outcomeTitle: resolved ? issue.publicTitle : null,
    outcome: resolved ? issue.publicOutcome : null,
    resolvedAt: resolved ? issue.resolvedAt : null,
  };
}

/** The moderation queue: public submissions waiting for a specialist or the management post. */
export async function moderateSubmission(
  db: Database,
  viewer: Viewer,
  input: { recordId: number; version: number; decision: "approve" | "reject"; reason?: string },
): Promise<void> {
  assertCan(viewer, "record.moderate");
  await db.transaction(async (tx: Executor) => {
    const [record] = await tx
      .select()
      .from(records)
      .where(and(eq(records.id, input.recordId), eq(records.channel, "web")))
      .limit(1);
    if (!record) throw new NotFound("submission");
    if (record.moderationStatus !== "pending") throw new AlreadyModerated();
    const approved = input.decision === "approve";
    const [updated] = await tx
      .update(records)
      .set({
        moderationStatus: approved ? "approved" : "rejected",
        status: approved ? record.status : "dismissed",
        dismissedReason: approved ? record.dismissedReason : (input.reason ?? null),
        updatedAt: new Date(),
        version: record.version + 1,
      })
      .where(and(eq(records.id, record.id), eq(records.version, input.version)))
      .returning({ id: records.id });
    if (!updated) throw new AlreadyModerated();
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      actorRole: viewer.role,
      action: approved ? "record.approved" : "record.rejected",
      entityType: "record",
      entityId: String(record.id),
      reason: input.reason ?? null,
    });
  });
}

export class AlreadyModerated extends ExpectedError {
  override readonly status = 409;
  override readonly code = "already_moderated";
  constructor() {
    super("Someone else has already decided on this submission.");
  }
}
