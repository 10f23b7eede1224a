import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailOutbox, notifications, records, settings, sites, type User } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { listImprovements } from "@/db/queries/improvements";
import { assignAction, completeAction, reopenAction, resolveIssue, verifyAction } from "@/lib/services/actions";
import { countOutbox, deliverPendingEmails, startEmailDelivery, transportFor, transportFromEnv, type EmailMessage, type EmailTransport } from "@/lib/services/email-outbox";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/services/notifications";
import { lookupSubmission, moderateSubmission, submitPublicFeedback } from "@/lib/services/public-submissions";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";
import { categoryId, departmentUser, footprint, makeAction, makeIssue, makeTeam } from "../helpers/loop-fixtures";

// E-mail goes to the outbox only with SMTP_URL set (read once, when lib/env loads) and the setting on.
vi.hoisted(() => {
  process.env.SMTP_URL = "log:";
});

let t: TestDatabase;
let manager: Viewer;
let cardOps: Viewer;
let siteId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  siteId = (await t.db.select().from(sites).orderBy(sites.id))[0].id;
  manager = viewerOf(await createUser(t.db, "manager"));
  cardOps = viewerOf(await departmentUser(t.db, "card_ops"));
});
afterAll(async () => {
  await t?.close();
});

async function record(author: User | null, issueId: number | null, values: Partial<typeof records.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(records)
    .values({
      kind: "complaint",
      channel: "hotline",
      categoryId: await categoryId(t.db),
      siteId,
      teamId: author?.teamId ?? null,
      authorId: author?.id ?? null,
      summary: "密码函迟迟未到",
      status: issueId ? "linked" : "new",
      issueId,
      ...values,
    })
    .returning();
  return row;
}

async function setEmailDelivery(enabled: boolean) {
  await t.db.update(settings).set({ value: { enabled } }).where(eq(settings.key, "email.delivery"));
}

const wording = { publicTitle: "开卡后可在800电话直接设置密码", publicOutcome: "开卡后即可在800电话设置交易密码，当天就能用卡。" };

describe("closing the loop when an issue is resolved", () => {
  it("tells exactly the agents who brought its records (also of issues merged into it) and their teams' supervisors", async () => {
    const teamA = await makeTeam(t.db, siteId, "闭环A组");
    const teamB = await makeTeam(t.db, siteId, "闭环B组");
    const teamC = await makeTeam(t.db, siteId, "闭环C组");
    const [a1, a2, a3, b1, m1, c1] = await Promise.all([
      createUser(t.db, "agent", { teamId: teamA }),
      createUser(t.db, "agent", { teamId: teamA }),
      createUser(t.db, "agent", { teamId: teamA }),
      createUser(t.db, "agent", { teamId: teamB }),
      createUser(t.db, "agent", { teamId: teamB }),
      createUser(t.db, "agent", { teamId: teamC }),
    ]);
    const gone = await createUser(t.db, "agent", { teamId: teamA, status: "disabled" });
    const [supA, supB, supC] = await Promise.all([
      createUser(t.db, "supervisor", { teamId: teamA }),
      createUser(t.db, "supervisor", { teamId: teamB }),
      createUser(t.db, "supervisor", { teamId: teamC }),
    ]);
    const specialist = await createUser(t.db, "specialist");

    const issue = await makeIssue(t.db, "in_action");
    const mergedAway = await makeIssue(t.db, "merged", { mergedIntoId: issue.id });
    const elsewhere = await makeIssue(t.db, "escalated");
    await record(a1, issue.id);
    const a1Latest = await record(a1, issue.id);
    await record(a2, issue.id);
    await record(b1, issue.id);
    await record(m1, mergedAway.id);
    await record(gone, issue.id);
    await record(specialist, issue.id, { channel: "forum", teamId: null });
    await record(null, issue.id, { channel: "web", teamId: null, trackingNumber: "VOC-LOOP-0001" });
    await record(a3, elsewhere.id);
    await record(c1, null);
    const done = await makeAction(t.db, issue.id, "card_ops", "done");

    const before = await footprint(t.db);
    const outcome = await verifyAction(t.db, manager, { actionId: done.id, version: done.version, ...wording });
    expect(outcome.issueResolved).toBe(true);

    const told = await t.db.select().from(notifications).where(eq(notifications.kind, "issue.resolved"));
    expect(told.map((n) => n.userId).sort((x, y) => x - y)).toEqual([a1.id, a2.id, b1.id, m1.id, supA.id, supB.id].sort((x, y) => x - y));
    for (const n of told) expect(n.body).toBe(wording.publicOutcome);
    expect(told.find((n) => n.userId === a1.id)?.link).toBe(`/agent/records/${a1Latest.id}`);
    expect(told.find((n) => n.userId === supA.id)?.link).toBe(`/issues/${issue.id}`);
    for (const quiet of [a3, c1, gone, supC, specialist]) expect(told.some((n) => n.userId === quiet.id)).toBe(false);
    const after = await footprint(t.db);
    expect(after.notifications - before.notifications).toBe(6);
    // E-mail delivery is off (the setting), so nothing waits in the outbox.
    expect(after.outbox - before.outbox).toBe(0);
  });

  it("puts an e-mail per person in the outbox when delivery is on, and delivers it through the transport", async () => {
    await setEmailDelivery(true);
    try {
      const team = await makeTeam(t.db, siteId, "闭环邮件组");
      const agent = await createUser(t.db, "agent", { teamId: team });
      const supervisor = await createUser(t.db, "supervisor", { teamId: team });
      const issue = await makeIssue(t.db, "in_action");
      await record(agent, issue.id);
      const done = await makeAction(t.db, issue.id, "card_ops", "done");
      await verifyAction(t.db, manager, { actionId: done.id, version: done.version, ...wording });

      const queued = await t.db.select().from(emailOutbox).where(inArray(emailOutbox.toAddress, [agent.email, supervisor.email]));
      expect(queued).toHaveLength(2);
      expect(queued.every((m) => m.status === "pending" && m.attempts === 0)).toBe(true);

      const sent: EmailMessage[] = [];
      const fake: EmailTransport = { name: "fake", send: async (m) => void sent.push(m) };
      const first = await deliverPendingEmails(t.db, fake);
      expect(first.sent).toBeGreaterThanOrEqual(2);
      expect(sent.map((m) => m.to)).toEqual(expect.arrayContaining([agent.email, supervisor.email]));
      expect(sent.find((m) => m.to === agent.email)?.text).toContain(wording.publicOutcome);
      const rows = await t.db.select().from(emailOutbox).where(inArray(emailOutbox.id, queued.map((q) => q.id)));
      expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.sentAt instanceof Date && r.lastError === null)).toBe(true);
      // Sent once: nothing left to send.
      expect(await deliverPendingEmails(t.db, fake)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      await setEmailDelivery(false);
    }
  });

  it("keeps a failure's error and retries it until the last attempt, then marks it failed", async () => {
    const [row] = await t.db.insert(emailOutbox).values({ toAddress: "unreachable@test.local", subject: "测试", body: "正文" }).returning();
    const broken: EmailTransport = {
      name: "broken",
      send: async (m) => {
        if (m.to === "unreachable@test.local") throw new Error("550 mailbox unavailable");
      },
    };
    expect(await deliverPendingEmails(t.db, broken, { maxAttempts: 2 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [state] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
    expect(state).toMatchObject({ status: "pending", attempts: 1, lastError: "550 mailbox unavailable" });
    expect(await deliverPendingEmails(t.db, broken, { maxAttempts: 2 })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    [state] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
    expect(state).toMatchObject({ status: "failed", attempts: 2, sentAt: null });
    expect(await deliverPendingEmails(t.db, broken, { maxAttempts: 2 })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await countOutbox(t.db)).failed).toBe(1);
  });

  it("has no transport unless SMTP_URL is set; `log:` logs, `smtp://` sends (tests/integration/email-delivery.test.ts)", () => {
    expect(transportFor(undefined)).toBeNull();
    expect(transportFor("")).toBeNull();
    expect(transportFor("log:")?.name).toBe("log");
    expect(transportFor("smtp://mail.example.com:25")?.name).toBe("smtp");
    // This file runs with SMTP_URL=log: (see the top).
    expect(transportFromEnv()?.name).toBe("log");
  });

  it("sends the outbox in the background while SMTP_URL names a transport", async () => {
    const [row] = await t.db.insert(emailOutbox).values({ toAddress: "background@test.local", subject: "后台发送", body: "正文" }).returning();
    const stop = startEmailDelivery(async () => t.db, 20);
    expect(stop).not.toBeNull();
    try {
      await vi.waitFor(async () => {
        const [state] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
        expect(state.status).toBe("sent");
      }, { timeout: 5000, interval: 50 });
    } finally {
      stop?.();
    }
  });
});

describe("a customer who wrote in", () => {
  it("follows the submission by tracking number and sees the approved outcome once the issue is resolved, and not after it is reopened", async () => {
    const specialist = viewerOf(await createUser(t.db, "specialist"));
    const contact = "13812345678";
    const { trackingNumber } = await submitPublicFeedback(t.db, "198.51.100.7", {
      kind: "complaint",
      categoryCode: "pin.letter",
      summary: "开卡后一直收不到密码函",
      customerWords: "卡已经激活两周了，密码函还没到，没法刷卡消费。",
      contact,
    });
    const [submitted] = await t.db.select().from(records).where(eq(records.trackingNumber, trackingNumber));
    await moderateSubmission(t.db, specialist, { recordId: submitted.id, version: submitted.version, decision: "approve" });

    // The supervisor and specialist steps are another part's; here the record simply joins a published issue.
    const issue = await makeIssue(t.db, "published", { publishedAt: new Date() });
    await t.db.update(records).set({ issueId: issue.id, status: "linked" }).where(eq(records.id, submitted.id));
    const look = () => lookupSubmission(t.db, "198.51.100.8", { trackingNumber, contact });
    expect(await look()).toMatchObject({ stage: "being_handled", outcome: null, outcomeTitle: null });

    const action = await assignAction(t.db, manager, { issueId: issue.id, issueVersion: issue.version, departmentCode: "card_ops", disposition: "immediate_practice" });
    expect((await look()).stage).toBe("being_handled");
    const done = await completeAction(t.db, cardOps, { actionId: action.id, version: action.version, note: "800电话开卡设密功能上线" });
    const verified = await verifyAction(t.db, manager, { actionId: done.id, version: done.version });
    expect(verified.wordingNeeded).toBe(true);
    expect((await look()).stage).toBe("being_handled");

    const [current] = await t.db.select().from(records).where(eq(records.id, submitted.id));
    expect(current.issueId).toBe(issue.id);
    const resolved = await resolveIssue(t.db, manager, { issueId: issue.id, version: issue.version + 1, ...wording });
    const status = await look();
    expect(status).toMatchObject({ trackingNumber, stage: "resolved", outcomeTitle: wording.publicTitle, outcome: wording.publicOutcome });
    expect(status.resolvedAt?.getTime()).toBe(resolved.resolvedAt?.getTime());
    // Nothing else of the staff's work shows: the wrong contact finds nothing.
    await expect(lookupSubmission(t.db, "198.51.100.9", { trackingNumber, contact: "13900000000" })).rejects.toBeInstanceOf(NotFound);

    await reopenAction(t.db, manager, { actionId: done.id, version: verified.action.version, reason: "来电回升" });
    expect(await look()).toMatchObject({ stage: "being_handled", outcome: null });
  });
});

describe("the public “you said, we did” list", () => {
  it("lists only resolved issues with approved wording, newest first, one page at a time", async () => {
    const { total: before } = await listImprovements(t.db);
    const day = 86_400_000;
    const older = await makeIssue(t.db, "resolved", { resolvedAt: new Date(Date.now() - 3 * day), publicTitle: "较早的改进", publicOutcome: "已完成" });
    const newer = await makeIssue(t.db, "resolved", { resolvedAt: new Date(Date.now() - day), publicTitle: "最新的改进", publicOutcome: "已上线" });
    const noWording = await makeIssue(t.db, "resolved", { resolvedAt: new Date() });
    const blankWording = await makeIssue(t.db, "resolved", { resolvedAt: new Date(), publicTitle: " ", publicOutcome: "x" });
    const notResolved = await makeIssue(t.db, "in_action", { publicTitle: "还在改进", publicOutcome: "进行中" });

    const all = await listImprovements(t.db, { pageSize: 50 });
    const ids = all.items.map((i) => i.id);
    expect(all.total).toBe(before + 2);
    expect(ids).toEqual(expect.arrayContaining([older.id, newer.id]));
    for (const hidden of [noWording, blankWording, notResolved]) expect(ids).not.toContain(hidden.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    const item = all.items.find((i) => i.id === newer.id)!;
    expect(item).toMatchObject({ title: "最新的改进", outcome: "已上线" });
    expect(Object.keys(item).sort()).toEqual(["category", "id", "outcome", "resolvedAt", "title", "type"]);
    expect(item.category.nameHans).toBe("密码函寄送");

    const first = await listImprovements(t.db, { pageSize: 1, page: 1 });
    const second = await listImprovements(t.db, { pageSize: 1, page: 2 });
    expect(first.pageCount).toBe(all.total);
    expect(first.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    // A page past the end shows the last page, not an error.
    expect((await listImprovements(t.db, { pageSize: 1, page: 999 })).page).toBe(all.total);
  });
});

describe("the notifications of one person", () => {
  it("are marked read one by one or all at once, and never someone else's", async () => {
    const me = await createUser(t.db, "agent");
    const other = await createUser(t.db, "agent");
    const [n1, n2] = await t.db
      .insert(notifications)
      .values([
        { userId: me.id, kind: "x", title: "一" },
        { userId: me.id, kind: "x", title: "二" },
      ])
      .returning();
    const [theirs] = await t.db.insert(notifications).values({ userId: other.id, kind: "x", title: "他人的" }).returning();
    await markNotificationRead(t.db, viewerOf(me), { id: n1.id });
    await expect(markNotificationRead(t.db, viewerOf(me), { id: theirs.id })).rejects.toBeInstanceOf(NotFound);
    const unread = async (u: User) => (await t.db.select().from(notifications).where(eq(notifications.userId, u.id))).filter((n) => n.readAt === null).map((n) => n.id);
    expect(await unread(me)).toEqual([n2.id]);
    expect(await markAllNotificationsRead(t.db, viewerOf(me))).toBe(1);
    expect(await unread(me)).toEqual([]);
    expect(await unread(other)).toEqual([theirs.id]);
  });
});
