import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { records, sites, type IssueRow } from "@/db/schema";
import { countComplaintClocks } from "@/db/queries/time-limits";
import { listSpecialistInbox, listTriageQueue, parseQueueFilters } from "@/db/queries/triage";
import { Forbidden } from "@/lib/errors";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";
import { categoryId, makeIssue, makeTeam } from "../helpers/loop-fixtures";

/**
 * The time-limit flags of the supervisor's queue (the regulator's clock on each complaint) and
 * of the specialist's inbox (the escalation → verification target, and the clocks of the
 * complaints linked to each issue), with the default settings: complaints 15 days, near from
 * 80% of the time (day 12); escalation to verification 7 days, near from day 5.6.
 */

const DAY = 86_400_000;
/** Noon in Shanghai: a fixed "now" so every limit below is counted by hand. */
const now = new Date("2026-06-15T04:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let t: TestDatabase;
let siteId: number;
let otherSiteId: number;
let supervisor: Viewer;
let otherTeamSupervisor: Viewer;
let specialist: Viewer;
let agentId: number;
let teamId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  const siteRows = await t.db.select().from(sites).orderBy(sites.id);
  siteId = siteRows[0].id;
  otherSiteId = siteRows[1].id;
  teamId = await makeTeam(t.db, siteId, "时限一组");
  const otherTeam = await makeTeam(t.db, siteId, "时限二组");
  supervisor = viewerOf(await createUser(t.db, "supervisor", { teamId }));
  otherTeamSupervisor = viewerOf(await createUser(t.db, "supervisor", { teamId: otherTeam }));
  specialist = viewerOf(await createUser(t.db, "specialist", { siteId }));
  agentId = (await createUser(t.db, "agent", { teamId })).id;
});
afterAll(async () => {
  await t?.close();
});

/** A record the team's agent reported, on the 15-day clock when it is a complaint. */
async function record(summary: string, occurredDaysAgo: number, values: Partial<typeof records.$inferInsert> = {}) {
  const occurredAt = ago(occurredDaysAgo);
  const kind = values.kind ?? "complaint";
  const [row] = await t.db
    .insert(records)
    .values({
      kind,
      channel: "hotline",
      categoryId: await categoryId(t.db),
      siteId,
      teamId,
      authorId: agentId,
      summary,
      valuable: true,
      status: "reported",
      occurredAt,
      createdAt: occurredAt,
      dueAt: kind === "complaint" ? new Date(occurredAt.getTime() + 15 * DAY) : null,
      ...values,
    })
    .returning();
  return row;
}

describe("the supervisor's queue", () => {
  it("flags each complaint by its clock: days left, near the limit, overdue; other records and unreported complaints carry none", async () => {
    const fine = await record("投诉：两天前", 2);
    const near = await record("投诉：十三天前", 13);
    const overdue = await record("投诉：十七天前", 17);
    const extended = await record("投诉：十七天前，已延期", 17, { dueAt: new Date(ago(17).getTime() + 30 * DAY), dueExtensions: 1 });
    const suggestion = await record("建议：十七天前", 17, { kind: "suggestion" });
    const settled = await record("投诉：座席已当场解决", 17, { valuable: false, status: "new" });

    const queue = await listTriageQueue(t.db, supervisor, parseQueueFilters({ scope: "all" }), now);
    const clockOf = (id: number) => queue.rows.find((r) => r.id === id)?.clock;
    expect(queue.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([fine, near, overdue, extended, suggestion, settled].map((r) => r.id).sort((a, b) => a - b));

    expect(clockOf(fine.id)).toMatchObject({ state: "ok", dueAt: fine.dueAt });
    expect(clockOf(near.id)).toMatchObject({ state: "near", dueAt: near.dueAt, startedAt: near.occurredAt });
    expect(clockOf(overdue.id)).toMatchObject({ state: "overdue", dueAt: overdue.dueAt });
    expect(clockOf(extended.id)?.state).toBe("ok");
    expect(clockOf(suggestion.id)).toBeNull();
    expect(clockOf(settled.id)).toBeNull();
  });

  it("counts the team's open complaints near and past the limit, also those already in an open issue, but not another team's or a resolved issue's", async () => {
    const before = await countComplaintClocks(t.db, supervisor, 0.8, now);
    const open = await makeIssue(t.db, "escalated", { siteId, escalatedAt: ago(1) });
    const resolved = await makeIssue(t.db, "resolved", { siteId });
    await record("投诉：已并入问题，逾期", 20, { issueId: open.id, status: "linked" });
    await record("投诉：问题已解决", 20, { issueId: resolved.id, status: "linked" });
    await record("投诉：另一组的", 20, { teamId: otherTeamSupervisor.teamId });

    const after = await countComplaintClocks(t.db, supervisor, 0.8, now);
    expect(after).toEqual({ open: before.open + 1, near: before.near, overdue: before.overdue + 1 });
    // Of the first test's records: near 1 (13 days), overdue 1 (17 days); two fine ones.
    expect(before).toEqual({ open: 4, near: 1, overdue: 1 });
    expect(await countComplaintClocks(t.db, otherTeamSupervisor, 0.8, now)).toEqual({ open: 1, near: 0, overdue: 1 });
  });

  it("is the supervisor's and the specialist's count only: an agent is refused", async () => {
    const agent = viewerOf(await createUser(t.db, "agent", { teamId }));
    await expect(countComplaintClocks(t.db, agent, 0.8, now)).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("the specialist's inbox", () => {
  let fresh: IssueRow;
  let nearTarget: IssueRow;
  let pastTarget: IssueRow;

  beforeAll(async () => {
    fresh = await makeIssue(t.db, "escalated", { siteId, escalatedAt: ago(1), title: "刚上报" });
    nearTarget = await makeIssue(t.db, "escalated", { siteId, escalatedAt: ago(6), title: "上报六天" });
    pastTarget = await makeIssue(t.db, "returned", { siteId, escalatedAt: ago(8), title: "上报八天，已退回" });
    await record("关联投诉：临近", 13, { issueId: fresh.id, status: "linked" });
    await record("关联投诉：逾期", 16, { issueId: fresh.id, status: "linked" });
    await record("关联投诉：逾期二", 18, { issueId: fresh.id, status: "linked" });
    await record("关联投诉：正常", 3, { issueId: fresh.id, status: "linked" });
    await record("关联建议", 18, { issueId: fresh.id, status: "linked", kind: "suggestion" });
    await record("关联投诉：已驳回", 18, { issueId: nearTarget.id, status: "dismissed" });
  });

  it("flags issues near or past the escalation → verification target, and counts their complaints near or past the regulator's clock", async () => {
    const inbox = await listSpecialistInbox(t.db, specialist, { now });
    const row = (issue: IssueRow) => inbox.find((i) => i.id === issue.id);

    expect(row(fresh)).toMatchObject({ clock: { state: "ok" }, complaints: { near: 1, overdue: 2 } });
    expect(row(nearTarget)).toMatchObject({ clock: { state: "near", startedAt: nearTarget.escalatedAt, dueAt: new Date(ago(6).getTime() + 7 * DAY) }, complaints: { near: 0, overdue: 0 } });
    expect(row(pastTarget)).toMatchObject({ clock: { state: "overdue" }, complaints: { near: 0, overdue: 0 } });
  });

  it("shows only the specialist's site", async () => {
    const elsewhere = await makeIssue(t.db, "escalated", { siteId: otherSiteId, escalatedAt: ago(9) });
    const inbox = await listSpecialistInbox(t.db, specialist, { now });
    expect(inbox.some((i) => i.id === elsewhere.id)).toBe(false);
    const farSpecialist = viewerOf(await createUser(t.db, "specialist", { siteId: otherSiteId }));
    expect((await listSpecialistInbox(t.db, farSpecialist, { now })).map((i) => i.id)).toEqual([elsewhere.id]);
  });
});
