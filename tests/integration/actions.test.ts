import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, actionUpdates, issues, meetingItems, meetings, type Role, type User } from "@/db/schema";
import { getActionDetail, listActionsForReview, listDepartmentActions, listIssuesReadyToResolve } from "@/db/queries/actions";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "@/lib/errors";
import { ActionsStillOpen, assignAction, completeAction, DueDateFixed, reopenAction, resolveIssue, updateAction, verifyAction } from "@/lib/services/actions";
import { decideItem } from "@/lib/services/meetings";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";
import { auditRows, dayFromToday, departmentId, departmentUser, footprint, makeAction, makeIssue, notificationsOf } from "../helpers/loop-fixtures";

let t: TestDatabase;
let manager: Viewer;
let cardOps: Viewer;
let cardOps2: User;
let itDept: Viewer;
const others: Partial<Record<Role, Viewer>> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  manager = viewerOf(await createUser(t.db, "manager"));
  cardOps = viewerOf(await departmentUser(t.db, "card_ops"));
  cardOps2 = await departmentUser(t.db, "card_ops");
  itDept = viewerOf(await departmentUser(t.db, "it"));
  for (const role of ["agent", "supervisor", "specialist", "leadership", "admin"] as const) others[role] = viewerOf(await createUser(t.db, role));
});
afterAll(async () => {
  await t?.close();
});

const allRolesBut = (...allowed: Role[]): Viewer[] =>
  [manager, cardOps, ...Object.values(others)].filter((v): v is Viewer => v !== undefined && !allowed.includes(v.role));

async function action(id: number) {
  const [row] = await t.db.select().from(actions).where(eq(actions.id, id));
  return row;
}
async function issue(id: number) {
  const [row] = await t.db.select().from(issues).where(eq(issues.id, id));
  return row;
}

describe("assigning an action (manager)", () => {
  it("gives a published issue to a department: one action, the issue in action, one audit row, the department told", async () => {
    const published = await makeIssue(t.db, "published", { publishedAt: new Date() });
    const before = await footprint(t.db);
    const created = await assignAction(t.db, manager, {
      issueId: published.id,
      issueVersion: published.version,
      departmentCode: "card_ops",
      disposition: "immediate_practice",
      dueOn: dayFromToday(30),
      ownerName: "王经理",
    });
    expect(created).toMatchObject({ status: "assigned", disposition: "immediate_practice", ownerName: "王经理", dueOn: dayFromToday(30), progress: 0, createdBy: manager.id });
    expect(created.departmentId).toBe(await departmentId(t.db, "card_ops"));
    const after = await issue(published.id);
    expect(after.status).toBe("in_action");
    expect(after.version).toBe(published.version + 1);
    const audits = await auditRows(t.db, "action.assigned", "action", created.id);
    expect(audits).toHaveLength(1);
    expect(audits[0].data).toMatchObject({ issueId: published.id, department: "card_ops", disposition: "immediate_practice" });
    const delta = await footprint(t.db);
    expect(delta.actions - before.actions).toBe(1);
    expect(delta.audit - before.audit).toBe(1);
    // Both card operations users, nobody else.
    expect(delta.notifications - before.notifications).toBe(2);
    expect((await notificationsOf(t.db, cardOps.id)).some((n) => n.link === `/department/actions/${created.id}`)).toBe(true);
    expect(await notificationsOf(t.db, cardOps2.id)).toHaveLength(1);
    expect(await notificationsOf(t.db, itDept.id)).toHaveLength(0);
  });

  it("gives one issue several actions for several departments; the issue stays in action", async () => {
    const published = await makeIssue(t.db, "published", { publishedAt: new Date() });
    await assignAction(t.db, manager, { issueId: published.id, issueVersion: 1, departmentCode: "card_ops", disposition: "work_plan" });
    const second = await assignAction(t.db, manager, { issueId: published.id, issueVersion: 2, departmentCode: "it", disposition: "improvement_project" });
    expect(second.dueOn).toBeNull();
    expect((await issue(published.id)).status).toBe("in_action");
    expect(await t.db.select().from(actions).where(eq(actions.issueId, published.id))).toHaveLength(2);
  });

  it("is refused to every other role, and nothing is written", async () => {
    const published = await makeIssue(t.db, "published");
    const before = await footprint(t.db);
    for (const viewer of allRolesBut("manager")) {
      await expect(assignAction(t.db, viewer, { issueId: published.id, issueVersion: 1, departmentCode: "it", disposition: "work_plan" })).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await footprint(t.db)).toEqual(before);
  });

  it("is refused for an issue not published yet or already resolved, and nothing is written", async () => {
    for (const status of ["draft", "escalated", "reported", "verified", "rejected", "merged", "resolved"] as const) {
      const other = await makeIssue(t.db, status);
      const before = await footprint(t.db);
      await expect(assignAction(t.db, manager, { issueId: other.id, issueVersion: 1, departmentCode: "it", disposition: "work_plan" })).rejects.toBeInstanceOf(InvalidTransition);
      expect(await footprint(t.db)).toEqual(before);
    }
  });

  it("finds no missing issue, refuses a stale version, an unknown department and a past due date", async () => {
    const published = await makeIssue(t.db, "published");
    const before = await footprint(t.db);
    await expect(assignAction(t.db, manager, { issueId: 999_999, issueVersion: 1, departmentCode: "it", disposition: "work_plan" })).rejects.toBeInstanceOf(NotFound);
    await expect(assignAction(t.db, manager, { issueId: published.id, issueVersion: 7, departmentCode: "it", disposition: "work_plan" })).rejects.toBeInstanceOf(Conflict);
    const unknown = await assignAction(t.db, manager, { issueId: published.id, issueVersion: 1, departmentCode: "nobody", disposition: "work_plan" }).catch((e: unknown) => e);
    expect((unknown as ValidationFailed).fieldErrors).toHaveProperty("departmentCode");
    const past = await assignAction(t.db, manager, { issueId: published.id, issueVersion: 1, departmentCode: "it", disposition: "work_plan", dueOn: dayFromToday(-1) }).catch((e: unknown) => e);
    expect((past as ValidationFailed).fieldErrors).toHaveProperty("dueOn");
    expect(await footprint(t.db)).toEqual(before);
  });

  it("lets only one of two managers assigning from the same version through", async () => {
    const published = await makeIssue(t.db, "published");
    const results = await Promise.allSettled([
      assignAction(t.db, manager, { issueId: published.id, issueVersion: 1, departmentCode: "it", disposition: "work_plan" }),
      assignAction(t.db, manager, { issueId: published.id, issueVersion: 1, departmentCode: "it", disposition: "work_plan" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect(await t.db.select().from(actions).where(eq(actions.issueId, published.id))).toHaveLength(1);
  });
});

describe("a department posting progress", () => {
  it("moves its own action in progress, records the update and one audit row", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "assigned");
    const before = await footprint(t.db);
    const updated = await updateAction(t.db, cardOps, { actionId: a.id, version: a.version, ownerName: "李主管", dueOn: dayFromToday(20), progress: 40, note: "已完成方案评审", evidenceUrl: "https://intranet.example.com/plan" });
    expect(updated).toMatchObject({ status: "in_progress", ownerName: "李主管", dueOn: dayFromToday(20), progress: 40, version: a.version + 1 });
    const [row] = await t.db.select().from(actionUpdates).where(eq(actionUpdates.actionId, a.id));
    expect(row).toMatchObject({ note: "已完成方案评审", evidenceUrl: "https://intranet.example.com/plan", progress: 40, authorId: cardOps.id });
    const after = await footprint(t.db);
    expect(after.actionUpdates - before.actionUpdates).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    expect(await auditRows(t.db, "action.updated", "action", a.id)).toHaveLength(1);
  });

  it("cannot touch another department's action (not found), nor move a due date the management post set", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress", { dueOn: dayFromToday(10) });
    const before = await footprint(t.db);
    await expect(updateAction(t.db, itDept, { actionId: a.id, version: a.version, note: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(updateAction(t.db, cardOps, { actionId: a.id, version: a.version, note: "推迟", dueOn: dayFromToday(40) })).rejects.toBeInstanceOf(DueDateFixed);
    expect(await footprint(t.db)).toEqual(before);
  });

  it("is refused to other roles, for a done or verified action, with a stale version or an empty note", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const open = await makeAction(t.db, parent.id, "card_ops", "in_progress");
    const done = await makeAction(t.db, parent.id, "card_ops", "done");
    const verified = await makeAction(t.db, parent.id, "card_ops", "verified");
    const before = await footprint(t.db);
    for (const viewer of allRolesBut("department")) {
      await expect(updateAction(t.db, viewer, { actionId: open.id, version: open.version, note: "x" })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(updateAction(t.db, cardOps, { actionId: done.id, version: done.version, note: "x" })).rejects.toBeInstanceOf(InvalidTransition);
    await expect(updateAction(t.db, cardOps, { actionId: verified.id, version: verified.version, note: "x" })).rejects.toBeInstanceOf(InvalidTransition);
    await expect(updateAction(t.db, cardOps, { actionId: open.id, version: open.version + 3, note: "x" })).rejects.toBeInstanceOf(Conflict);
    await expect(updateAction(t.db, cardOps, { actionId: open.id, version: open.version, note: "   " })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(updateAction(t.db, cardOps, { actionId: 999_999, version: 1, note: "x" })).rejects.toBeInstanceOf(NotFound);
    expect(await footprint(t.db)).toEqual(before);
  });
});

describe("a department marking its action done", () => {
  it("sets done, the moment and 100%, records the note, one audit row, and tells every manager", async () => {
    const second = await createUser(t.db, "manager");
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress", { progress: 60 });
    const before = await footprint(t.db);
    const done = await completeAction(t.db, cardOps, { actionId: a.id, version: a.version, note: "功能已上线", evidenceUrl: "https://intranet.example.com/release" });
    expect(done).toMatchObject({ status: "done", progress: 100, version: a.version + 1 });
    expect(done.doneAt).toBeInstanceOf(Date);
    const after = await footprint(t.db);
    expect(after.actionUpdates - before.actionUpdates).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    expect(await auditRows(t.db, "action.completed", "action", a.id)).toHaveLength(1);
    const managers = [manager.id, second.id];
    expect(after.notifications - before.notifications).toBe(managers.length);
    for (const id of managers) expect((await notificationsOf(t.db, id)).some((n) => n.link === `/manager/actions/${a.id}`)).toBe(true);
  });

  it("is refused to other roles, another department, a wrong state and a stale version", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const open = await makeAction(t.db, parent.id, "card_ops", "assigned");
    const verified = await makeAction(t.db, parent.id, "card_ops", "verified");
    const before = await footprint(t.db);
    for (const viewer of allRolesBut("department")) {
      await expect(completeAction(t.db, viewer, { actionId: open.id, version: open.version, note: "x" })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(completeAction(t.db, itDept, { actionId: open.id, version: open.version, note: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(completeAction(t.db, cardOps, { actionId: verified.id, version: verified.version, note: "x" })).rejects.toBeInstanceOf(InvalidTransition);
    await expect(completeAction(t.db, cardOps, { actionId: open.id, version: open.version + 1, note: "x" })).rejects.toBeInstanceOf(Conflict);
    expect(await footprint(t.db)).toEqual(before);
  });
});

describe("the management post verifying and resolving", () => {
  it("verifies a done action while others are open: the issue stays in action", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const done = await makeAction(t.db, parent.id, "card_ops", "done");
    await makeAction(t.db, parent.id, "it", "in_progress");
    const before = await footprint(t.db);
    const outcome = await verifyAction(t.db, manager, { actionId: done.id, version: done.version });
    expect(outcome).toMatchObject({ allVerified: false, issueResolved: false, wordingNeeded: false });
    expect(outcome.action).toMatchObject({ status: "verified", verifiedBy: manager.id, version: done.version + 1 });
    expect((await issue(parent.id)).status).toBe("in_action");
    const after = await footprint(t.db);
    expect(after.audit - before.audit).toBe(1);
    expect(await auditRows(t.db, "action.verified", "action", done.id)).toHaveLength(1);
  });

  it("verifies the last action without wording: the issue waits in action until resolveIssue gets the approved wording", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const done = await makeAction(t.db, parent.id, "card_ops", "done");
    const outcome = await verifyAction(t.db, manager, { actionId: done.id, version: done.version });
    expect(outcome).toMatchObject({ allVerified: true, issueResolved: false, wordingNeeded: true });
    const waiting = await issue(parent.id);
    expect(waiting.status).toBe("in_action");
    expect(waiting.resolvedAt).toBeNull();

    const before = await footprint(t.db);
    const resolved = await resolveIssue(t.db, manager, { issueId: parent.id, version: waiting.version, publicTitle: "开卡即可设密码", publicOutcome: "开卡后可在800电话直接设置密码。" });
    expect(resolved).toMatchObject({ status: "resolved", publicTitle: "开卡即可设密码", version: waiting.version + 1 });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect((await footprint(t.db)).audit - before.audit).toBe(1);
    expect(await auditRows(t.db, "issue.resolved", "issue", parent.id)).toHaveLength(1);
  });

  it("verifies the last action with wording and resolves the issue in the same step", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const first = await makeAction(t.db, parent.id, "card_ops", "verified");
    const last = await makeAction(t.db, parent.id, "it", "done");
    const outcome = await verifyAction(t.db, manager, { actionId: last.id, version: last.version, publicTitle: "短信验证码更快到达", publicOutcome: "开卡验证码改走优先通道。" });
    expect(outcome).toMatchObject({ allVerified: true, issueResolved: true, wordingNeeded: false });
    const after = await issue(parent.id);
    expect(after).toMatchObject({ status: "resolved", publicTitle: "短信验证码更快到达", publicOutcome: "开卡验证码改走优先通道。" });
    expect(await auditRows(t.db, "action.verified", "action", last.id)).toHaveLength(1);
    expect(await auditRows(t.db, "issue.resolved", "issue", parent.id)).toHaveLength(1);
    expect((await action(first.id)).status).toBe("verified");
  });

  it("refuses verifying for other roles, a wrong state, a stale version, half a wording; nothing is written", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const done = await makeAction(t.db, parent.id, "card_ops", "done");
    const open = await makeAction(t.db, parent.id, "it", "in_progress");
    const before = await footprint(t.db);
    for (const viewer of allRolesBut("manager")) {
      await expect(verifyAction(t.db, viewer, { actionId: done.id, version: done.version })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(verifyAction(t.db, manager, { actionId: open.id, version: open.version })).rejects.toBeInstanceOf(InvalidTransition);
    await expect(verifyAction(t.db, manager, { actionId: done.id, version: done.version - 1 })).rejects.toBeInstanceOf(Conflict);
    await expect(verifyAction(t.db, manager, { actionId: 999_999, version: 1 })).rejects.toBeInstanceOf(NotFound);
    const half = await verifyAction(t.db, manager, { actionId: done.id, version: done.version, publicTitle: "只有标题" }).catch((e: unknown) => e);
    expect((half as ValidationFailed).fieldErrors).toHaveProperty("publicOutcome");
    expect(await footprint(t.db)).toEqual(before);
  });

  it("refuses resolving while an action is open, when not in action, with a stale version or to other roles", async () => {
    const parent = await makeIssue(t.db, "in_action");
    await makeAction(t.db, parent.id, "card_ops", "verified");
    await makeAction(t.db, parent.id, "it", "done");
    const noActions = await makeIssue(t.db, "in_action");
    const published = await makeIssue(t.db, "published");
    const wording = { publicTitle: "标题", publicOutcome: "结果" };
    const before = await footprint(t.db);
    await expect(resolveIssue(t.db, manager, { issueId: parent.id, version: parent.version, ...wording })).rejects.toBeInstanceOf(ActionsStillOpen);
    await expect(resolveIssue(t.db, manager, { issueId: noActions.id, version: noActions.version, ...wording })).rejects.toBeInstanceOf(ActionsStillOpen);
    await expect(resolveIssue(t.db, manager, { issueId: published.id, version: published.version, ...wording })).rejects.toBeInstanceOf(InvalidTransition);
    await expect(resolveIssue(t.db, manager, { issueId: parent.id, version: parent.version + 1, ...wording })).rejects.toBeInstanceOf(Conflict);
    await expect(resolveIssue(t.db, manager, { issueId: parent.id, version: parent.version, publicTitle: " ", publicOutcome: "" })).rejects.toBeInstanceOf(ValidationFailed);
    for (const viewer of allRolesBut("manager")) {
      await expect(resolveIssue(t.db, viewer, { issueId: parent.id, version: parent.version, ...wording })).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await footprint(t.db)).toEqual(before);
  });
});

describe("reopening an action (manager)", () => {
  it("sends a done action back with a reason; the department is told", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const done = await makeAction(t.db, parent.id, "card_ops", "done");
    const before = await footprint(t.db);
    const reopened = await reopenAction(t.db, manager, { actionId: done.id, version: done.version, reason: "佐证不足" });
    expect(reopened).toMatchObject({ status: "reopened", doneAt: null, version: done.version + 1 });
    const after = await footprint(t.db);
    expect(after.audit - before.audit).toBe(1);
    const [audit] = await auditRows(t.db, "action.reopened", "action", done.id);
    expect(audit.reason).toBe("佐证不足");
    expect(after.notifications - before.notifications).toBe(2);
    expect((await issue(parent.id)).status).toBe("in_action");
  });

  it("reopens a verified action of a resolved issue: the issue is back in action", async () => {
    const parent = await makeIssue(t.db, "resolved", { resolvedAt: new Date(), publicTitle: "t", publicOutcome: "o" });
    const verified = await makeAction(t.db, parent.id, "card_ops", "verified");
    const before = await footprint(t.db);
    await reopenAction(t.db, manager, { actionId: verified.id, version: verified.version, reason: "来电又增多" });
    const after = await issue(parent.id);
    expect(after).toMatchObject({ status: "in_action", resolvedAt: null, version: parent.version + 1 });
    expect(await auditRows(t.db, "issue.reopened", "issue", parent.id)).toHaveLength(1);
    expect((await footprint(t.db)).audit - before.audit).toBe(2);
  });

  it("is refused to other roles, for an open action, without a reason and with a stale version", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const open = await makeAction(t.db, parent.id, "card_ops", "in_progress");
    const done = await makeAction(t.db, parent.id, "card_ops", "done");
    const before = await footprint(t.db);
    for (const viewer of allRolesBut("manager")) {
      await expect(reopenAction(t.db, viewer, { actionId: done.id, version: done.version, reason: "x" })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(reopenAction(t.db, manager, { actionId: open.id, version: open.version, reason: "x" })).rejects.toBeInstanceOf(InvalidTransition);
    await expect(reopenAction(t.db, manager, { actionId: done.id, version: done.version, reason: "" })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(reopenAction(t.db, manager, { actionId: done.id, version: 99, reason: "x" })).rejects.toBeInstanceOf(Conflict);
    expect(await footprint(t.db)).toEqual(before);
  });
});

describe("two people on one action at once", () => {
  it("a department updating while the manager verifies the version it saw: the second gets a conflict, nothing is lost", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress", { progress: 50 });
    // The department reports it done; the manager's page still shows the earlier version.
    const done = await completeAction(t.db, cardOps, { actionId: a.id, version: a.version, note: "已完成" });
    await expect(verifyAction(t.db, manager, { actionId: a.id, version: a.version })).rejects.toBeInstanceOf(Conflict);
    expect(await action(a.id)).toMatchObject({ status: "done", progress: 100, version: done.version });
    // After a reload the manager verifies; the department's form from before is now the stale one.
    await verifyAction(t.db, manager, { actionId: a.id, version: done.version });
    await expect(updateAction(t.db, cardOps, { actionId: a.id, version: done.version, note: "补充说明" })).rejects.toBeInstanceOf(Conflict);
    expect(await action(a.id)).toMatchObject({ status: "verified", version: done.version + 1 });
    expect(await t.db.select().from(actionUpdates).where(eq(actionUpdates.actionId, a.id))).toHaveLength(1);
  });

  it("a department posting progress while the meeting moves the due date, at the same moment: one wins, the other is a conflict", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const a = await makeAction(t.db, parent.id, "card_ops", "in_progress", { dueOn: dayFromToday(3) });
    const [meeting] = await t.db.insert(meetings).values({ title: "并发测试会", heldOn: dayFromToday(0) }).returning();
    const [item] = await t.db.insert(meetingItems).values({ meetingId: meeting.id, actionId: a.id, agendaReason: "open" }).returning();
    const before = await footprint(t.db);
    const results = await Promise.allSettled([
      updateAction(t.db, cardOps, { actionId: a.id, version: a.version, progress: 80, note: "联调完成" }),
      decideItem(t.db, manager, { itemId: item.id, decision: "change_due", newDueOn: dayFromToday(30), actionVersion: a.version }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(Conflict);
    const after = await action(a.id);
    expect(after.version).toBe(a.version + 1);
    // Exactly one of the two changes is in, whole.
    const departmentWon = results[0].status === "fulfilled";
    if (departmentWon) expect(after).toMatchObject({ progress: 80, dueOn: dayFromToday(3) });
    else expect(after).toMatchObject({ progress: 0, dueOn: dayFromToday(30) });
    const delta = await footprint(t.db);
    expect(delta.actionUpdates - before.actionUpdates).toBe(departmentWon ? 1 : 0);
    expect(delta.decided - before.decided).toBe(departmentWon ? 0 : 1);
  });
});

describe("the action pages' queries", () => {
  it("show a department its own actions only, and the management post every open one and the issues waiting for wording", async () => {
    const parent = await makeIssue(t.db, "in_action");
    const mine = await makeAction(t.db, parent.id, "card_ops", "in_progress");
    const theirs = await makeAction(t.db, parent.id, "it", "assigned");
    await updateAction(t.db, cardOps, { actionId: mine.id, version: mine.version, note: "进展", progress: 10 });
    const listed = await listDepartmentActions(t.db, cardOps);
    expect(listed.some((a) => a.id === mine.id)).toBe(true);
    expect(listed.some((a) => a.id === theirs.id)).toBe(false);
    expect(listed.find((a) => a.id === mine.id)?.lastUpdateAt).toBeInstanceOf(Date);
    expect(await getActionDetail(t.db, itDept, mine.id)).toBeNull();
    const detail = await getActionDetail(t.db, cardOps, mine.id);
    expect(detail).toMatchObject({ isLastOpen: false, siblings: [{ id: theirs.id }] });
    expect(detail?.updates.map((u) => u.note)).toEqual(["进展"]);
    expect((await listActionsForReview(t.db, manager)).map((a) => a.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));

    const waiting = await makeIssue(t.db, "in_action");
    await makeAction(t.db, waiting.id, "card_ops", "verified");
    const ready = await listIssuesReadyToResolve(t.db, manager);
    expect(ready.find((i) => i.id === waiting.id)).toMatchObject({ actionCount: 1 });
    expect(ready.some((i) => i.id === parent.id)).toBe(false);
    await expect(listActionsForReview(t.db, cardOps)).rejects.toBeInstanceOf(Forbidden);
  });
});
