import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, categories, issues, records } from "@/db/schema";
import { Forbidden, NotFound, RateLimited } from "@/lib/errors";
import { AlreadyModerated, DuplicateSubmission, lookupSubmission, moderateSubmission, SpamRefused, submitPublicFeedback } from "@/lib/services/public-submissions";
import type { PublicSubmissionInput } from "@/lib/validation/record";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
const submission = (overrides: Partial<PublicSubmissionInput> = {}): PublicSubmissionInput => ({
  kind: "suggestion",
  categoryCode: "statement.autopay",
  region: "320500",
  summary: `建议自动还款失败时短信提醒 ${++n}`,
  customerWords: "上个月自动还款没扣成功也没有提醒，卡号 4111111111111111，结果产生了滞纳金。",
  contact: "13800138000",
  ...overrides,
});

describe("a customer's submission", () => {
  it("gets a tracking number and waits for moderation, masked, without a site", async () => {
    const receipt = await submitPublicFeedback(t.db, "203.0.113.1", submission());
    expect(receipt.trackingNumber).toMatch(/^VC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(receipt.masked).toBe(1);
    const [row] = await t.db.select().from(records).where(eq(records.trackingNumber, receipt.trackingNumber));
    expect(row.channel).toBe("web");
    expect(row.moderationStatus).toBe("pending");
    expect(row.siteId).toBeNull();
    expect(row.customerWords).not.toContain("4111111111111111");
    const [{ n: audits }] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, String(row.id)));
    expect(audits).toBe(1);
  });

  it("refuses the same text from the same contact twice within ten minutes", async () => {
    const once = submission();
    await submitPublicFeedback(t.db, "203.0.113.2", once);
    await expect(submitPublicFeedback(t.db, "203.0.113.2", once)).rejects.toBeInstanceOf(DuplicateSubmission);
  });

  it("refuses what a robot fills in the hidden field, and writes nothing", async () => {
    const [{ n: before }] = await t.db.select({ n: count() }).from(records);
    await expect(submitPublicFeedback(t.db, "203.0.113.3", submission({ website: "http://spam.example" }))).rejects.toBeInstanceOf(SpamRefused);
    const [{ n: after }] = await t.db.select({ n: count() }).from(records);
    expect(after).toBe(before);
  });

  it("limits submissions per address", async () => {
    const now = new Date("2026-11-29T08:00:00Z");
    for (let i = 0; i < 5; i++) await submitPublicFeedback(t.db, "198.51.100.9", submission({ contact: undefined }), now);
    await expect(submitPublicFeedback(t.db, "198.51.100.9", submission({ contact: undefined }), now)).rejects.toBeInstanceOf(RateLimited);
    // Another address is not affected.
    await expect(submitPublicFeedback(t.db, "198.51.100.10", submission({ contact: undefined }), now)).resolves.toHaveProperty("trackingNumber");
  });
});

describe("looking up a submission", () => {
  it("needs the tracking number and the contact given, and reveals only the stage", async () => {
    const { trackingNumber } = await submitPublicFeedback(t.db, "203.0.113.20", submission());
    const status = await lookupSubmission(t.db, "203.0.113.21", { trackingNumber: trackingNumber.toLowerCase(), contact: "+86 138 0013 8000" });
    expect(status.stage).toBe("received");
    expect(Object.keys(status).sort()).toEqual(["kind", "outcome", "outcomeTitle", "resolvedAt", "stage", "submittedAt", "trackingNumber"]);
    await expect(lookupSubmission(t.db, "203.0.113.21", { trackingNumber, contact: "13900000000" })).rejects.toBeInstanceOf(NotFound);
    await expect(lookupSubmission(t.db, "203.0.113.21", { trackingNumber })).rejects.toBeInstanceOf(NotFound);
    await expect(lookupSubmission(t.db, "203.0.113.21", { trackingNumber: "VC-0000-0000", contact: "13800138000" })).rejects.toBeInstanceOf(NotFound);
  });

  it("shows the outcome once the linked issue is resolved", async () => {
    const { trackingNumber } = await submitPublicFeedback(t.db, "203.0.113.22", submission());
    const [category] = await t.db.select().from(categories).where(eq(categories.code, "statement.autopay"));
    const [issue] = await t.db
      .insert(issues)
      .values({ type: "suggestion", title: "自动还款失败提醒", categoryId: category.id, status: "resolved", publicTitle: "自动还款失败当天短信提醒", publicOutcome: "扣款失败当天会收到短信。", resolvedAt: new Date() })
      .returning();
    await t.db.update(records).set({ issueId: issue.id, status: "linked", moderationStatus: "approved" }).where(eq(records.trackingNumber, trackingNumber));
    const status = await lookupSubmission(t.db, "203.0.113.23", { trackingNumber, contact: "13800138000" });
    expect(status.stage).toBe("resolved");
    expect(status.outcome).toBe("扣款失败当天会收到短信。");
  });
});

describe("moderation", () => {
  it("approves or declines once, with an audit row, and refuses other roles", async () => {
    const specialist = await createUser(t.db, "specialist");
    const agent = await createUser(t.db, "agent");
    const { trackingNumber } = await submitPublicFeedback(t.db, "203.0.113.30", submission());
    const [row] = await t.db.select().from(records).where(eq(records.trackingNumber, trackingNumber));

    await expect(moderateSubmission(t.db, viewerOf(agent), { recordId: row.id, version: row.version, decision: "approve" })).rejects.toBeInstanceOf(Forbidden);
    await moderateSubmission(t.db, viewerOf(specialist), { recordId: row.id, version: row.version, decision: "reject", reason: "与信用卡业务无关" });
    const [after] = await t.db.select().from(records).where(eq(records.id, row.id));
    expect(after.moderationStatus).toBe("rejected");
    expect(after.status).toBe("dismissed");
    await expect(moderateSubmission(t.db, viewerOf(specialist), { recordId: row.id, version: after.version, decision: "approve" })).rejects.toBeInstanceOf(AlreadyModerated);
    const [{ n: audits }] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "record.rejected"));
    expect(audits).toBe(1);
    const status = await lookupSubmission(t.db, "203.0.113.31", { trackingNumber, contact: "13800138000" });
    expect(status.stage).toBe("closed");
  });
});
