import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, issues, meetingComments, meetingItems, meetings, type Role } from "@/db/schema";
import { getMeetingDetail, listMeetings } from "@/db/queries/meetings";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "@/lib/errors";
import { agendaReasonFor, AlreadyDecided, commentOnMeeting, decideItem, MeetingClosed, openMeeting, publishMinutes } from "@/lib/services/meetings";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";
import { auditRows, dayFromToday, departmentUser, footprint, makeAction, makeIssue, notificationsOf } from "../helpers/loop-fixtures";

let t: TestDatabase;
let manager: Viewer;
let leaders: Viewer[];
let cardOps: Viewer;
let itDept: Viewer;
let riskDept: Viewer;
const others: Partial<Record<Role, Viewer>> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  manager = viewerOf(await createUser(t.db, "manager"));
  leaders = [viewerOf(await createUser(t.db, "leadership")), viewerOf(await createUser(t.db, "leadership"))];
  cardOps = viewerOf(await departmentUser(t.db, "card_ops"));
  itDept = viewerOf(await departmentUser(t.db, "it"));
  riskDept = viewerOf(await departmentUser(t.db, "risk"));
  for (const role of ["agent", "supervisor", "specialist", "admin"] as const) others[role] = viewerOf(await createUser(t.db, role));
});
afterAll(async () => {
  await t?.close();
});

const everyoneBut = (...allowed: Role[]): Viewer[] =>
  [manager, leaders[0], cardOps, ...Object.values(others)].filter((v): v is Viewer => v !== undefined && !allowed.includes(v.role));

async function meetingWith(actionIds: number[], reason = "open") {
  const [meeting] = await t.db.insert(meetings).values({ title: "测试专题会", heldOn: dayFromToday(0), createdBy: manager.id }).returning();
  const items = actionIds.length ? await t.db.insert(meetingItems).values(actionIds.map((actionId) => ({ meetingId: meeting.id, actionId, agendaReason: reason }))).returning() : [];
  return { meeting, items };
}

async function actionRow(id: number) {
  return (await t.db.select().from(actions).where(eq(actions.id, id)))[0];
}

describe("opening a meeting (manager)", () => {
  it("puts every open, overdue and newly done action on the agenda, as counted by hand", async () => {
    const heldOn = dayFromToday(0);
    const parent = await makeIssue(t.db, "in_action");
    const a1 = await makeAction(t.db, parent.id, "card_ops", "assigned", { dueOn: dayFromToday(10) });
    const a2 = await makeAction(t.db, parent.id, "it", "in_progress", { dueOn: dayFromToday(-1) });
    const a3 = await makeAction(t.db, parent.id, "product", "reopened");
    const a4 = await makeAction(t.db, parent.id, "card_ops", "done", { dueOn: dayFromToday(-5) });
    const a5 = await makeAction(t.db, parent.id, "risk", "verified", { dueOn: dayFromToday(-30) });
    const a6 = await makeAction(t.db, parent.id, "it", "in_progress", { dueOn: heldOn });
    const before = await footprint(t.db);

    const { meeting, agenda } = await openMeeting(t.db, manager, { title: "2026年11月客户之声专题会", heldOn, attendees: ["张总（中心领导）", " 王经理 ", "王经理", ""] });
    expect(meeting).toMatchObject({ status: "open", heldOn, attendees: ["张总（中心领导）", "王经理"], createdBy: manager.id });
    expect(agenda).toEqual({ open: 3, overdue: 1, done: 1 });
    const items = await t.db.select().from(meetingItems).where(eq(meetingItems.meetingId, meeting.id));
    const byAction = Object.fromEntries(items.map((i) => [i.actionId, i.agendaReason]));
    expect(byAction).toEqual({ [a1.id]: "open", [a2.id]: "overdue", [a3.id]: "open", [a4.id]: "done", [a6.id]: "open" });
    expect(byAction[a5.id]).toBeUndefined();
    expect(items.every((i) => i.decision === null)).toBe(true);

    const after = await footprint(t.db);
    expect(after.meetings - before.meetings).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    expect(await auditRows(t.db, "meeting.opened", "meeting", meeting.id)).toHaveLength(1);
    // Both leaders, and the departments on the agenda (card operations, IT); not risk, whose action is verified.
    expect(after.notifications - before.notifications).toBe(4);
    expect(await notificationsOf(t.db, riskDept.id)).toHaveLength(0);
    expect((await notificationsOf(t.db, itDept.id))[0].link).toBe(`/meetings/${meeting.id}`);
  });

  it("knows why an action is on the agenda", () => {
    expect(agendaReasonFor({ status: "assigned", dueOn: "2026-11-01" }, "2026-11-30")).toBe("overdue");
    expect(agendaReasonFor({ status: "reopened", dueOn: "2026-11-30" }, "2026-11-30")).toBe("open");
    expect(agendaReasonFor({ status: "in_progress", dueOn: null }, "2026-11-30")).toBe("open");
    expect(agendaReasonFor({ status: "done", dueOn: "2026-01-01" }, "2026-11-30")).toBe("done");
    expect(agendaReasonFor({ status: "verified", dueOn: "2026-01-01" }, "2026-11-30")).toBeNull();
  });

  it("is refused to every other role and without a title or a valid date; nothing is written", async () => {
    const before = await footprint(t.db);
    for (const viewer of everyoneBut("manager")) {
      await expect(openMeeting(t.db, viewer, { title: "会", heldOn: dayFromToday(0), attendees: [] })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(openMeeting(t.db, manager, { title: " ", heldOn: dayFromToday(0), attendees: [] })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(openMeeting(t.db, manager, { title: "会", heldOn: "2026-13-45", attendees: [] })).rejects.toBeInstanceOf(ValidationFailed);
    expect(await footprint(t.db)).toEqual(before);
  });
});

describe("deciding an agenda item (manager)", () => {
  it("continue: records the decision and its note, the action is unchanged", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress");
    const { meeting, items } = await meetingWith([a.id]);
    const before = await footprint(t.db);
    await decideItem(t.db, manager, { itemId: items[0].id, decision: "continue", note: "按计划推进" });
    const [item] = await t.db.select().from(meetingItems).where(eq(meetingItems.id, items[0].id));
    expect(item).toMatchObject({ decision: "continue", decisionNote: "按计划推进", decidedBy: manager.id });
    expect((await actionRow(a.id)).version).toBe(a.version);
    const after = await footprint(t.db);
    expect(after.audit - before.audit).toBe(1);
    const [audit] = await auditRows(t.db, "meeting.decided", "meeting", meeting.id);
    expect(audit.data).toMatchObject({ decision: "continue", actionId: a.id, itemId: items[0].id });
  });

  it("change_owner and change_due: change the action in the same transaction, and tell its department", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress", { ownerName: "甲", dueOn: dayFromToday(-2) });
    const b = await makeAction(t.db, parent.id, "card_ops", "assigned", { dueOn: dayFromToday(1) });
    const { items } = await meetingWith([a.id, b.id]);
    const before = await footprint(t.db);
    await decideItem(t.db, manager, { itemId: items[0].id, decision: "change_owner", newOwner: "乙", actionVersion: a.version });
    await decideItem(t.db, manager, { itemId: items[1].id, decision: "change_due", newDueOn: dayFromToday(45), note: "服务商接口变更", actionVersion: b.version });
    expect(await actionRow(a.id)).toMatchObject({ ownerName: "乙", status: "in_progress", version: a.version + 1 });
    expect(await actionRow(b.id)).toMatchObject({ dueOn: dayFromToday(45), status: "assigned", version: b.version + 1 });
    const after = await footprint(t.db);
    // Per decision: meeting.decided on the meeting and action.rescheduled on the action (so the issue's history shows it).
    expect(after.audit - before.audit).toBe(4);
    const [moved] = await auditRows(t.db, "action.rescheduled", "action", b.id);
    expect(moved.data).toMatchObject({ dueOn: dayFromToday(45), previousDueOn: dayFromToday(1) });
    expect(after.notifications - before.notifications).toBe(2);
  });

  it("refuses change_owner without an owner, change_due without a date or with a past one, a stale action and a closed action", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress");
    const verified = await makeAction(t.db, parent.id, "card_ops", "verified");
    const { items } = await meetingWith([a.id, verified.id]);
    const before = await footprint(t.db);
    await expect(decideItem(t.db, manager, { itemId: items[0].id, decision: "change_owner", newOwner: " " })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(decideItem(t.db, manager, { itemId: items[0].id, decision: "change_due" })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(decideItem(t.db, manager, { itemId: items[0].id, decision: "change_due", newDueOn: dayFromToday(-3) })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(decideItem(t.db, manager, { itemId: items[0].id, decision: "change_due", newDueOn: dayFromToday(3), actionVersion: a.version + 1 })).rejects.toBeInstanceOf(Conflict);
    await expect(decideItem(t.db, manager, { itemId: items[1].id, decision: "change_due", newDueOn: dayFromToday(3) })).rejects.toBeInstanceOf(InvalidTransition);
    expect(await footprint(t.db)).toEqual(before);
  });

  it("escalate: marks the item and tells every leader", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "risk", "assigned");
    const { items } = await meetingWith([a.id]);
    const before = await footprint(t.db);
    await decideItem(t.db, manager, { itemId: items[0].id, decision: "escalate", note: "涉及卡组织规则，请领导牵头协调" });
    const after = await footprint(t.db);
    expect(after.notifications - before.notifications).toBe(leaders.length);
    for (const leader of leaders) expect((await notificationsOf(t.db, leader.id)).some((n) => n.kind === "meeting.escalated" && n.body.includes("卡组织"))).toBe(true);
    expect(after.audit - before.audit).toBe(1);
    expect((await actionRow(a.id)).version).toBe(a.version);
  });

  it("verified_closed: verifies a done action; with the wording on the issue's last action it resolves the issue", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const first = await makeAction(t.db, parent.id, "card_ops", "done");
    const last = await makeAction(t.db, parent.id, "it", "done");
    const { items } = await meetingWith([first.id, last.id], "done");
    const one = await decideItem(t.db, manager, { itemId: items[0].id, decision: "verified_closed" });
    expect(one.verification).toMatchObject({ allVerified: false, issueResolved: false });
    const before = await footprint(t.db);
    const two = await decideItem(t.db, manager, { itemId: items[1].id, decision: "verified_closed", note: "验证关闭", publicTitle: "验证码更快", publicOutcome: "改走优先通道" });
    expect(two.verification).toMatchObject({ allVerified: true, issueResolved: true });
    expect(await actionRow(last.id)).toMatchObject({ status: "verified", verifiedBy: manager.id });
    const [resolved] = await t.db.select().from(issues).where(eq(issues.id, parent.id));
    expect(resolved).toMatchObject({ status: "resolved", publicTitle: "验证码更快" });
    // meeting.decided + action.verified + issue.resolved
    expect((await footprint(t.db)).audit - before.audit).toBe(3);
  });

  it("verified_closed on the last action without wording leaves the issue in action, saying the wording is needed", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "done");
    const { items } = await meetingWith([a.id], "done");
    const outcome = await decideItem(t.db, manager, { itemId: items[0].id, decision: "verified_closed" });
    expect(outcome.verification).toMatchObject({ allVerified: true, issueResolved: false, wordingNeeded: true });
    expect((await t.db.select().from(issues).where(eq(issues.id, parent.id)))[0].status).toBe("in_action");
  });

  it("verified_closed on an action not done is refused, and nothing is written", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress");
    const { items } = await meetingWith([a.id]);
    const before = await footprint(t.db);
    await expect(decideItem(t.db, manager, { itemId: items[0].id, decision: "verified_closed" })).rejects.toBeInstanceOf(InvalidTransition);
    expect(await footprint(t.db)).toEqual(before);
  });

  it("an item is decided once: the second decision, even at the same moment, is refused and changes nothing", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress");
    const { items } = await meetingWith([a.id]);
    const results = await Promise.allSettled([
      decideItem(t.db, manager, { itemId: items[0].id, decision: "change_owner", newOwner: "丙" }),
      decideItem(t.db, manager, { itemId: items[0].id, decision: "change_owner", newOwner: "丁" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(AlreadyDecided);
    expect((await actionRow(a.id)).version).toBe(a.version + 1);
    const before = await footprint(t.db);
    await expect(decideItem(t.db, manager, { itemId: items[0].id, decision: "continue" })).rejects.toBeInstanceOf(AlreadyDecided);
    expect(await footprint(t.db)).toEqual(before);
  });

  it("is refused to every other role, for a missing item, and once the minutes are published", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress");
    const { meeting, items } = await meetingWith([a.id]);
    const before = await footprint(t.db);
    for (const viewer of everyoneBut("manager")) {
      await expect(decideItem(t.db, viewer, { itemId: items[0].id, decision: "continue" })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(decideItem(t.db, manager, { itemId: 999_999, decision: "continue" })).rejects.toBeInstanceOf(NotFound);
    expect(await footprint(t.db)).toEqual(before);
    await publishMinutes(t.db, manager, { meetingId: meeting.id, version: meeting.version, minutes: "纪要", attendees: ["王经理"] });
    const published = await footprint(t.db);
    await expect(decideItem(t.db, manager, { itemId: items[0].id, decision: "continue" })).rejects.toBeInstanceOf(MeetingClosed);
    expect(await footprint(t.db)).toEqual(published);
  });
});

describe("publishing the minutes (manager)", () => {
  it("publishes once, with the attendees; leadership and the departments on the agenda are told", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "it", "in_progress");
    const { meeting } = await meetingWith([a.id]);
    const before = await footprint(t.db);
    const published = await publishMinutes(t.db, manager, { meetingId: meeting.id, version: meeting.version, minutes: "一、逐项检查在办事项。", attendees: ["张总", "王经理"] });
    expect(published).toMatchObject({ status: "minutes_published", minutes: "一、逐项检查在办事项。", attendees: ["张总", "王经理"], version: meeting.version + 1 });
    expect(published.publishedAt).toBeInstanceOf(Date);
    const after = await footprint(t.db);
    expect(after.audit - before.audit).toBe(1);
    expect(await auditRows(t.db, "meeting.published", "meeting", meeting.id)).toHaveLength(1);
    expect(after.notifications - before.notifications).toBe(leaders.length + 1);
    expect((await notificationsOf(t.db, itDept.id)).some((n) => n.kind === "meeting.published")).toBe(true);

    // Final: a second publish is refused, whatever version it carries.
    await expect(publishMinutes(t.db, manager, { meetingId: meeting.id, version: published.version, minutes: "改", attendees: ["x"] })).rejects.toBeInstanceOf(MeetingClosed);
    await expect(publishMinutes(t.db, manager, { meetingId: meeting.id, version: meeting.version, minutes: "改", attendees: ["x"] })).rejects.toBeInstanceOf(Conflict);
    expect((await t.db.select().from(meetings).where(eq(meetings.id, meeting.id)))[0].minutes).toBe("一、逐项检查在办事项。");
  });

  it("is refused to other roles, without minutes or attendees, for a missing meeting and a stale version", async () => {
    const { meeting } = await meetingWith([]);
    const before = await footprint(t.db);
    for (const viewer of everyoneBut("manager")) {
      await expect(publishMinutes(t.db, viewer, { meetingId: meeting.id, version: 1, minutes: "m", attendees: ["a"] })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(publishMinutes(t.db, manager, { meetingId: meeting.id, version: 1, minutes: " ", attendees: ["a"] })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(publishMinutes(t.db, manager, { meetingId: meeting.id, version: 1, minutes: "m", attendees: [" "] })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(publishMinutes(t.db, manager, { meetingId: 999_999, version: 1, minutes: "m", attendees: ["a"] })).rejects.toBeInstanceOf(NotFound);
    await expect(publishMinutes(t.db, manager, { meetingId: meeting.id, version: 2, minutes: "m", attendees: ["a"] })).rejects.toBeInstanceOf(Conflict);
    expect(await footprint(t.db)).toEqual(before);
  });
});

describe("commenting on a meeting (leadership, manager)", () => {
  it("adds a comment with one audit row; the meeting's creator is told when someone else comments", async () => {
    const { meeting } = await meetingWith([]);
    const before = await footprint(t.db);
    await commentOnMeeting(t.db, leaders[0], { meetingId: meeting.id, body: "请各部门会前更新进度。" });
    await commentOnMeeting(t.db, manager, { meetingId: meeting.id, body: "已通知各部门。" });
    const comments = await t.db.select().from(meetingComments).where(eq(meetingComments.meetingId, meeting.id));
    expect(comments.map((c) => c.authorId)).toEqual([leaders[0].id, manager.id]);
    const after = await footprint(t.db);
    expect(after.audit - before.audit).toBe(2);
    expect(after.notifications - before.notifications).toBe(1);
  });

  it("is refused to other roles, for a missing meeting, and when empty", async () => {
    const { meeting } = await meetingWith([]);
    const before = await footprint(t.db);
    for (const viewer of everyoneBut("manager", "leadership")) {
      await expect(commentOnMeeting(t.db, viewer, { meetingId: meeting.id, body: "x" })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(commentOnMeeting(t.db, leaders[0], { meetingId: 999_999, body: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(commentOnMeeting(t.db, leaders[0], { meetingId: meeting.id, body: "  " })).rejects.toBeInstanceOf(ValidationFailed);
    expect(await footprint(t.db)).toEqual(before);
  });
});

describe("the meeting pages' queries", () => {
  it("count each meeting's items, decisions, overdue items and comments, and give the agenda with its actions", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress");
    const b = await makeAction(t.db, parent.id, "it", "done");
    const { meeting, items } = await meetingWith([a.id, b.id], "overdue");
    await decideItem(t.db, manager, { itemId: items[0].id, decision: "continue" });
    await commentOnMeeting(t.db, leaders[0], { meetingId: meeting.id, body: "请加快" });
    const row = (await listMeetings(t.db, cardOps)).find((m) => m.id === meeting.id);
    expect(row).toMatchObject({ itemCount: 2, decidedCount: 1, overdueCount: 2, commentCount: 1 });
    const detail = await getMeetingDetail(t.db, leaders[0], meeting.id);
    expect(detail?.items.map((i) => i.action.id).sort()).toEqual([a.id, b.id].sort());
    expect(detail?.items.find((i) => i.action.id === a.id)).toMatchObject({ decision: "continue", unverifiedSiblings: 1 });
    expect(detail?.comments.map((c) => c.body)).toEqual(["请加快"]);
    await expect(listMeetings(t.db, viewerOf(await createUser(t.db, "agent")))).rejects.toBeInstanceOf(Forbidden);
  });
});
