import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOwnRecords } from "@/db/queries/records";
import { listEvidenceCandidates, listSupervisorIssues, listTriageConcentrations, listTriageQueue, parseQueueFilters } from "@/db/queries/triage";
import { auditLog, categories, issues, notifications, records, sites, teams, type IssueStatus, type NewRecord, type Role, type User } from "@/db/schema";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "@/lib/errors";
import {
  addRecordsToIssue,
  classifyIssue,
  createIssue,
  dismissRecord,
  escalateIssue,
  linkEvidence,
  mergeIssues,
  RecordHandled,
  RecordsUnavailable,
  returnIssue,
} from "@/lib/services/issues";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
let site1: number;
let site2: number;
let team2: number;
let agent: User;
let otherAgent: User;
let supervisor: Viewer;
let supervisorB: Viewer;
let foreignSupervisor: Viewer;
let specialist: Viewer;
let specialist1b: Viewer;
let foreignSpecialist: Viewer;
let manager: Viewer;
const everyone = new Map<Role, Viewer>();
const categoryIds = new Map<string, number>();

beforeAll(async () => {
  t = await createTestDatabase();
  const siteRows = await t.db.select().from(sites).orderBy(asc(sites.id));
  site1 = siteRows[0].id;
  site2 = siteRows[1].id;
  team2 = (await t.db.insert(teams).values({ siteId: site2, name: "外站一组" }).returning())[0].id;
  agent = await createUser(t.db, "agent");
  supervisor = viewerOf(await createUser(t.db, "supervisor"));
  supervisorB = viewerOf(await createUser(t.db, "supervisor"));
  specialist = viewerOf(await createUser(t.db, "specialist"));
  specialist1b = viewerOf(await createUser(t.db, "specialist"));
  manager = viewerOf(await createUser(t.db, "manager"));
  otherAgent = await createUser(t.db, "agent", { siteId: site2, teamId: team2 });
  foreignSupervisor = viewerOf(await createUser(t.db, "supervisor", { siteId: site2, teamId: team2 }));
  foreignSpecialist = viewerOf(await createUser(t.db, "specialist", { siteId: site2 }));
  everyone.set("agent", viewerOf(agent));
  everyone.set("supervisor", supervisor);
  everyone.set("specialist", specialist);
  everyone.set("manager", manager);
  for (const role of ["department", "leadership", "admin"] as const) everyone.set(role, viewerOf(await createUser(t.db, role)));
  for (const c of await t.db.select({ id: categories.id, code: categories.code }).from(categories)) categoryIds.set(c.code, c.id);
});

afterAll(async () => {
  await t?.close();
});

function others(...allowed: Role[]): Viewer[] {
  return [...everyone.entries()].filter(([role]) => !allowed.includes(role)).map(([, viewer]) => viewer);
}

let serial = 0;
/** A record of the supervisor's team, reported by the agent, unless told otherwise. */
async function makeRecord(overrides: Partial<NewRecord> = {}) {
  serial += 1;
  const [row] = await t.db
    .insert(records)
    .values({
      kind: "complaint",
      channel: "hotline",
      siteId: site1,
      teamId: agent.teamId,
      categoryId: categoryIds.get("instalment")!,
      summary: `账单分期手续费说明不清 ${serial}`,
      customerWords: "客户说分期手续费办理时没讲清楚",
      valuable: true,
      status: "reported",
      authorId: agent.id,
      ...overrides,
    })
    .returning();
  return row;
}

async function makeIssue(status: IssueStatus = "draft", by: Viewer = supervisor) {
  const team = { siteId: by.siteId, teamId: by.teamId };
  const recs = [await makeRecord(team), await makeRecord(team)];
  const issue = await createIssue(t.db, by, { title: `分期手续费说明不清 ${serial}`, description: "多位客户反映", type: "problem", categoryCode: "instalment", recordIds: recs.map((r) => r.id) });
  if (status === "draft") return issue;
  const [row] = await t.db.update(issues).set({ status, version: issue.version + 1 }).where(eq(issues.id, issue.id)).returning();
  return row;
}

async function auditCount(action: string, entityId?: number | string) {
  const [{ n }] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId === undefined ? undefined : eq(auditLog.entityId, String(entityId))));
  return n;
}

/** Everything a refused step must leave as it was. */
async function snapshot(): Promise<string> {
  const [issueRows, recordRows, [audits], [notes]] = await Promise.all([
    t.db.select({ id: issues.id, v: issues.version, s: issues.status, d: issues.description, m: issues.mergedIntoId, tags: issues.tags, c: issues.categoryId }).from(issues).orderBy(asc(issues.id)),
    t.db.select({ id: records.id, v: records.version, s: records.status, i: records.issueId, r: records.dismissedReason }).from(records).orderBy(asc(records.id)),
    t.db.select({ n: count() }).from(auditLog),
    t.db.select({ n: count() }).from(notifications),
  ]);
  return JSON.stringify({ issueRows, recordRows, audits, notes });
}

async function expectRefused(run: () => Promise<unknown>, error: new (...args: never[]) => Error) {
  const before = await snapshot();
  await expect(run()).rejects.toBeInstanceOf(error);
  expect(await snapshot()).toBe(before);
}

async function reload(issueId: number) {
  const [row] = await t.db.select().from(issues).where(eq(issues.id, issueId));
  return row;
}

describe("creating an issue from the queue", () => {
  it("makes a draft of the supervisor's site with the records linked, and one audit row naming them", async () => {
    const a = await makeRecord();
    const b = await makeRecord({ status: "new", valuable: false });
    const notesBefore = (await t.db.select({ n: count() }).from(notifications).where(eq(notifications.userId, agent.id)))[0].n;
    const issue = await createIssue(t.db, supervisor, { title: "  分期手续费说明不清  ", description: "多位客户反映", type: "problem", categoryCode: "instalment", recordIds: [a.id, b.id, a.id] });
    expect(issue).toMatchObject({ status: "draft", siteId: site1, createdBy: supervisor.id, title: "分期手续费说明不清", categoryId: categoryIds.get("instalment"), version: 1 });
    const linked = await t.db.select().from(records).where(eq(records.issueId, issue.id)).orderBy(asc(records.id));
    expect(linked.map((r) => [r.id, r.status, r.version])).toEqual([
      [a.id, "linked", a.version + 1],
      [b.id, "linked", b.version + 1],
    ]);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "issue"), eq(auditLog.entityId, String(issue.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "issue.created", actorId: supervisor.id, actorRole: "supervisor" });
    expect(audits[0].data).toMatchObject({ recordIds: [a.id, b.id] });
    const notesAfter = (await t.db.select({ n: count() }).from(notifications).where(eq(notifications.userId, agent.id)))[0].n;
    expect(notesAfter).toBe(notesBefore + 1);
  });

  it("is refused to every other role, with nothing written", async () => {
    const r = await makeRecord();
    for (const viewer of others("supervisor")) {
      await expectRefused(() => createIssue(t.db, viewer, { title: "x", description: "", type: "problem", categoryCode: "instalment", recordIds: [r.id] }), Forbidden);
    }
  });

  it("refuses another team's records, and records already linked or dismissed, naming them", async () => {
    const mine = await makeRecord();
    const foreign = await makeRecord({ siteId: site2, teamId: team2, authorId: otherAgent.id });
    const dismissed = await makeRecord({ status: "dismissed", dismissedReason: "重复" });
    const linkedIssue = await makeIssue();
    const [linked] = await t.db.select().from(records).where(eq(records.issueId, linkedIssue.id)).limit(1);
    const before = await snapshot();
    const error = await createIssue(t.db, supervisor, { title: "x", description: "", type: "problem", categoryCode: "instalment", recordIds: [mine.id, foreign.id, dismissed.id, linked.id] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordsUnavailable);
    expect((error as RecordsUnavailable).recordIds).toEqual([foreign.id, dismissed.id, linked.id].sort((x, y) => x - y));
    expect(await snapshot()).toBe(before);
  });

  it("refuses an unknown category, a blank title and an empty selection, naming the field", async () => {
    const r = await makeRecord();
    const cases: [Partial<Parameters<typeof createIssue>[2]>, string][] = [
      [{ categoryCode: "no.such" }, "categoryCode"],
      [{ title: "   " }, "title"],
      [{ recordIds: [] }, "recordIds"],
    ];
    for (const [change, field] of cases) {
      const before = await snapshot();
      const error = await createIssue(t.db, supervisor, { title: "x", description: "", type: "problem", categoryCode: "instalment", recordIds: [r.id], ...change }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(Object.keys((error as ValidationFailed).fieldErrors)).toEqual([field]);
      expect(await snapshot()).toBe(before);
    }
  });
});

describe("adding queue records to an issue", () => {
  it("links them, raises the issue's version and writes one audit row", async () => {
    const issue = await makeIssue("escalated");
    const extra = await makeRecord();
    const updated = await addRecordsToIssue(t.db, supervisor, { issueId: issue.id, version: issue.version, recordIds: [extra.id] });
    expect(updated.version).toBe(issue.version + 1);
    expect(updated.status).toBe("escalated");
    const [row] = await t.db.select().from(records).where(eq(records.id, extra.id));
    expect(row).toMatchObject({ issueId: issue.id, status: "linked" });
    expect(await auditCount("issue.records_added", issue.id)).toBe(1);
  });

  it("is refused to every other role (the specialist adds evidence instead)", async () => {
    const issue = await makeIssue();
    const extra = await makeRecord();
    for (const viewer of others("supervisor")) {
      await expectRefused(() => addRecordsToIssue(t.db, viewer, { issueId: issue.id, version: issue.version, recordIds: [extra.id] }), Forbidden);
    }
  });

  it("refuses an issue already in a report, another site's issue, a stale version and another team's records", async () => {
    const reported = await makeIssue("reported");
    const extra = await makeRecord();
    await expectRefused(() => addRecordsToIssue(t.db, supervisor, { issueId: reported.id, version: reported.version, recordIds: [extra.id] }), InvalidTransition);
    const issue = await makeIssue();
    await expectRefused(() => addRecordsToIssue(t.db, foreignSupervisor, { issueId: issue.id, version: issue.version, recordIds: [extra.id] }), NotFound);
    await expectRefused(() => addRecordsToIssue(t.db, supervisor, { issueId: issue.id, version: issue.version + 1, recordIds: [extra.id] }), Conflict);
    const foreign = await makeRecord({ siteId: site2, teamId: team2, authorId: otherAgent.id });
    await expectRefused(() => addRecordsToIssue(t.db, supervisor, { issueId: issue.id, version: issue.version, recordIds: [foreign.id] }), RecordsUnavailable);
  });
});

describe("escalating an issue", () => {
  it("moves a draft to escalated, tells the site's specialists (not another site's) and writes one audit row", async () => {
    const issue = await makeIssue();
    const updated = await escalateIssue(t.db, supervisor, { issueId: issue.id, version: issue.version });
    expect(updated).toMatchObject({ status: "escalated", version: issue.version + 1 });
    expect(updated.escalatedAt).toBeInstanceOf(Date);
    const told = await t.db.select({ userId: notifications.userId }).from(notifications).where(and(eq(notifications.kind, "issue.escalated"), eq(notifications.link, `/issues/${issue.id}`)));
    expect(told.map((n) => n.userId).sort()).toEqual([specialist.id, specialist1b.id].sort());
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, String(issue.id)), eq(auditLog.action, "issue.escalated")));
    expect(audits).toHaveLength(1);
    expect(audits[0].data).toMatchObject({ from: "draft", to: "escalated" });
  });

  it("is refused to every other role", async () => {
    const issue = await makeIssue();
    for (const viewer of others("supervisor")) {
      await expectRefused(() => escalateIssue(t.db, viewer, { issueId: issue.id, version: issue.version }), Forbidden);
    }
  });

  it("refuses a wrong state, another site's issue and a stale version", async () => {
    const escalated = await makeIssue("escalated");
    await expectRefused(() => escalateIssue(t.db, supervisor, { issueId: escalated.id, version: escalated.version }), InvalidTransition);
    const issue = await makeIssue();
    await expectRefused(() => escalateIssue(t.db, foreignSupervisor, { issueId: issue.id, version: issue.version }), NotFound);
    await expectRefused(() => escalateIssue(t.db, supervisor, { issueId: 2_000_000, version: 1 }), NotFound);
    await expectRefused(() => escalateIssue(t.db, supervisor, { issueId: issue.id, version: issue.version - 1 }), Conflict);
  });

  it("done by two supervisors at once: one escalates, the other gets a conflict, nothing happens twice", async () => {
    const issue = await makeIssue();
    const results = await Promise.allSettled([
      escalateIssue(t.db, supervisor, { issueId: issue.id, version: issue.version }),
      escalateIssue(t.db, supervisorB, { issueId: issue.id, version: issue.version }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(Conflict);
    expect((await reload(issue.id)).version).toBe(issue.version + 1);
    expect(await auditCount("issue.escalated", issue.id)).toBe(1);
    const [{ n }] = await t.db.select({ n: count() }).from(notifications).where(and(eq(notifications.kind, "issue.escalated"), eq(notifications.link, `/issues/${issue.id}`)));
    expect(n).toBe(2);
  });

  it("escalates a returned issue again with the supervisor's answer in the description", async () => {
    const issue = await makeIssue();
    const escalated = await escalateIssue(t.db, supervisor, { issueId: issue.id, version: issue.version });
    const returned = await returnIssue(t.db, specialist, { issueId: issue.id, version: escalated.version, question: "涉及多少客户？" });
    const again = await escalateIssue(t.db, supervisor, { issueId: issue.id, version: returned.version, description: "本周 12 位客户反映，均为账单分期。" });
    expect(again).toMatchObject({ status: "escalated", description: "本周 12 位客户反映，均为账单分期。", statusReason: null, version: returned.version + 1 });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, String(issue.id))).orderBy(asc(auditLog.id)).offset(3);
    expect(audit).toMatchObject({ action: "issue.escalated", data: { from: "returned", to: "escalated", descriptionChanged: true } });
  });
});

describe("dismissing a record", () => {
  it("keeps the reason for the agent to read, tells the agent and writes one audit row", async () => {
    const r = await makeRecord();
    const updated = await dismissRecord(t.db, supervisor, { recordId: r.id, version: r.version, reason: "个案诉求，已在通话中解决" });
    expect(updated).toMatchObject({ status: "dismissed", dismissedReason: "个案诉求，已在通话中解决", version: r.version + 1 });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "record"), eq(auditLog.entityId, String(r.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "record.dismissed", reason: "个案诉求，已在通话中解决" });
    const [note] = await t.db.select().from(notifications).where(and(eq(notifications.userId, agent.id), eq(notifications.kind, "record.dismissed"))).orderBy(asc(notifications.id)).limit(1);
    expect(note.body).toContain("个案诉求，已在通话中解决");
    const own = await listOwnRecords(t.db, viewerOf(agent), 500);
    expect(own.find((row) => row.id === r.id)).toMatchObject({ status: "dismissed", dismissedReason: "个案诉求，已在通话中解决" });
  });

  it("is refused to every other role", async () => {
    const r = await makeRecord();
    for (const viewer of others("supervisor")) {
      await expectRefused(() => dismissRecord(t.db, viewer, { recordId: r.id, version: r.version, reason: "不采纳" }), Forbidden);
    }
  });

  it("needs a reason, does not find another team's record, and refuses a stale or handled record", async () => {
    const r = await makeRecord();
    await expectRefused(() => dismissRecord(t.db, supervisor, { recordId: r.id, version: r.version, reason: "  " }), ValidationFailed);
    const foreign = await makeRecord({ siteId: site2, teamId: team2, authorId: otherAgent.id });
    await expectRefused(() => dismissRecord(t.db, supervisor, { recordId: foreign.id, version: foreign.version, reason: "不采纳" }), NotFound);
    await expectRefused(() => dismissRecord(t.db, supervisor, { recordId: r.id, version: r.version + 1, reason: "不采纳" }), Conflict);
    const issue = await makeIssue();
    const [linked] = await t.db.select().from(records).where(eq(records.issueId, issue.id)).limit(1);
    await expectRefused(() => dismissRecord(t.db, supervisor, { recordId: linked.id, version: linked.version, reason: "不采纳" }), RecordHandled);
  });
});

describe("returning an issue to the supervisor", () => {
  it("moves it to returned with the question, tells the supervisor who raised it, one audit row with the reason", async () => {
    const issue = await makeIssue("escalated");
    const updated = await returnIssue(t.db, specialist, { issueId: issue.id, version: issue.version, question: "请补充涉及的客户数量" });
    expect(updated).toMatchObject({ status: "returned", statusReason: "请补充涉及的客户数量", version: issue.version + 1 });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, String(issue.id)), eq(auditLog.action, "issue.returned")));
    expect(audits).toHaveLength(1);
    expect(audits[0].reason).toBe("请补充涉及的客户数量");
    const told = await t.db.select().from(notifications).where(and(eq(notifications.kind, "issue.returned"), eq(notifications.link, `/issues/${issue.id}`)));
    expect(told.map((n) => n.userId)).toEqual([supervisor.id]);
  });

  it("is refused to every other role", async () => {
    const issue = await makeIssue("escalated");
    for (const viewer of others("specialist")) {
      await expectRefused(() => returnIssue(t.db, viewer, { issueId: issue.id, version: issue.version, question: "?" }), Forbidden);
    }
  });

  it("refuses a wrong state, another site's issue, a stale version and an empty question", async () => {
    const draft = await makeIssue();
    await expectRefused(() => returnIssue(t.db, specialist, { issueId: draft.id, version: draft.version, question: "?" }), InvalidTransition);
    const issue = await makeIssue("escalated");
    await expectRefused(() => returnIssue(t.db, foreignSpecialist, { issueId: issue.id, version: issue.version, question: "?" }), NotFound);
    await expectRefused(() => returnIssue(t.db, specialist, { issueId: issue.id, version: issue.version - 1, question: "?" }), Conflict);
    await expectRefused(() => returnIssue(t.db, specialist, { issueId: issue.id, version: issue.version, question: " " }), ValidationFailed);
  });
});

describe("linking other-channel evidence", () => {
  it("attaches the site's forum post and an approved public submission, one audit row", async () => {
    const issue = await makeIssue("escalated");
    const forum = await makeRecord({ channel: "forum", teamId: null, authorId: specialist.id, valuable: false, status: "new", source: "内部论坛" });
    const web = await makeRecord({ channel: "web", siteId: null, teamId: null, authorId: null, valuable: false, status: "new", moderationStatus: "approved" });
    const candidates = await listEvidenceCandidates(t.db, specialist, issue);
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining([forum.id, web.id]));
    const updated = await linkEvidence(t.db, specialist, { issueId: issue.id, version: issue.version, recordIds: [forum.id, web.id] });
    expect(updated.version).toBe(issue.version + 1);
    const rows = await t.db.select().from(records).where(eq(records.issueId, issue.id));
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([forum.id, web.id]));
    expect(await auditCount("issue.evidence_linked", issue.id)).toBe(1);
    const after = await listEvidenceCandidates(t.db, specialist, issue);
    expect(after.map((c) => c.id)).not.toContain(forum.id);
  });

  it("is refused to every other role (the supervisor adds from the queue instead)", async () => {
    const issue = await makeIssue("escalated");
    const forum = await makeRecord({ channel: "forum", teamId: null, authorId: specialist.id, status: "new" });
    for (const viewer of others("specialist")) {
      await expectRefused(() => linkEvidence(t.db, viewer, { issueId: issue.id, version: issue.version, recordIds: [forum.id] }), Forbidden);
    }
  });

  it("refuses hotline records, pending submissions, another site's posts, a draft issue, a foreign issue and a stale version", async () => {
    const issue = await makeIssue("escalated");
    const hotline = await makeRecord();
    const pending = await makeRecord({ channel: "web", siteId: null, teamId: null, authorId: null, status: "new", moderationStatus: "pending" });
    const foreignPost = await makeRecord({ channel: "forum", siteId: site2, teamId: null, authorId: foreignSpecialist.id, status: "new" });
    for (const r of [hotline, pending, foreignPost]) {
      await expectRefused(() => linkEvidence(t.db, specialist, { issueId: issue.id, version: issue.version, recordIds: [r.id] }), RecordsUnavailable);
    }
    const forum = await makeRecord({ channel: "forum", teamId: null, authorId: specialist.id, status: "new" });
    const draft = await makeIssue();
    await expectRefused(() => linkEvidence(t.db, specialist, { issueId: draft.id, version: draft.version, recordIds: [forum.id] }), InvalidTransition);
    await expectRefused(() => linkEvidence(t.db, foreignSpecialist, { issueId: issue.id, version: issue.version, recordIds: [forum.id] }), NotFound);
    await expectRefused(() => linkEvidence(t.db, specialist, { issueId: issue.id, version: issue.version + 3, recordIds: [forum.id] }), Conflict);
  });
});

describe("merging issues", () => {
  it("within the site: the source is merged into the target, its records move, one audit row on the source", async () => {
    const source = await makeIssue("escalated");
    const target = await makeIssue("escalated");
    const sourceRecords = await t.db.select({ id: records.id }).from(records).where(eq(records.issueId, source.id));
    const result = await mergeIssues(t.db, specialist, { sourceId: source.id, sourceVersion: source.version, targetId: target.id });
    expect(result.source).toMatchObject({ status: "merged", mergedIntoId: target.id, version: source.version + 1 });
    expect(result.target.version).toBe(target.version + 1);
    expect(result.movedRecords).toBe(sourceRecords.length);
    const moved = await t.db.select({ id: records.id }).from(records).where(eq(records.issueId, target.id));
    expect(moved.map((r) => r.id)).toEqual(expect.arrayContaining(sourceRecords.map((r) => r.id)));
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "issue.merged"));
    const mine = audits.filter((a) => a.entityId === String(source.id) || a.entityId === String(target.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ entityId: String(source.id), data: { targetId: target.id } });
  });

  it("across sites only for the management post; a specialist does not find the other site's issue", async () => {
    const source = await makeIssue("reported");
    const foreignTarget = await makeIssue("reported", foreignSupervisor);
    await expectRefused(() => mergeIssues(t.db, specialist, { sourceId: source.id, sourceVersion: source.version, targetId: foreignTarget.id }), NotFound);
    const result = await mergeIssues(t.db, manager, { sourceId: source.id, sourceVersion: source.version, targetId: foreignTarget.id });
    expect(result.source).toMatchObject({ status: "merged", mergedIntoId: foreignTarget.id });
    expect(await auditCount("issue.merged", source.id)).toBe(1);
  });

  it("is refused to every other role", async () => {
    const source = await makeIssue("escalated");
    const target = await makeIssue("escalated");
    for (const viewer of others("specialist", "manager")) {
      await expectRefused(() => mergeIssues(t.db, viewer, { sourceId: source.id, sourceVersion: source.version, targetId: target.id }), Forbidden);
    }
  });

  it("refuses a closed source or target, the issue itself, and a stale version", async () => {
    const open = await makeIssue("escalated");
    const resolved = await makeIssue("resolved");
    await expectRefused(() => mergeIssues(t.db, specialist, { sourceId: resolved.id, sourceVersion: resolved.version, targetId: open.id }), InvalidTransition);
    await expectRefused(() => mergeIssues(t.db, specialist, { sourceId: open.id, sourceVersion: open.version, targetId: resolved.id }), InvalidTransition);
    await expectRefused(() => mergeIssues(t.db, specialist, { sourceId: open.id, sourceVersion: open.version, targetId: open.id }), ValidationFailed);
    const target = await makeIssue("escalated");
    await expectRefused(() => mergeIssues(t.db, specialist, { sourceId: open.id, sourceVersion: open.version - 1, targetId: target.id }), Conflict);
  });
});

describe("classifying an issue", () => {
  it("changes category, type and tags, with one audit row saying what changed", async () => {
    const issue = await makeIssue("escalated");
    const updated = await classifyIssue(t.db, specialist, { issueId: issue.id, version: issue.version, categoryCode: "fees.interest", type: "suggestion", tags: [" 分期 ", "手续费", "分期", ""] });
    expect(updated).toMatchObject({ categoryId: categoryIds.get("fees.interest"), type: "suggestion", tags: ["分期", "手续费"], version: issue.version + 1 });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, String(issue.id)), eq(auditLog.action, "issue.classified")));
    expect(audit.data).toMatchObject({ changed: ["category", "type", "tags"] });
    expect(await auditCount("issue.classified", issue.id)).toBe(1);
  });

  it("is refused to every other role", async () => {
    const issue = await makeIssue("escalated");
    for (const viewer of others("specialist")) {
      await expectRefused(() => classifyIssue(t.db, viewer, { issueId: issue.id, version: issue.version, categoryCode: "instalment", type: "problem", tags: [] }), Forbidden);
    }
  });

  it("refuses a draft or reported issue, a foreign issue, a stale version, an unknown category and too many tags", async () => {
    for (const status of ["draft", "reported"] as const) {
      const issue = await makeIssue(status);
      await expectRefused(() => classifyIssue(t.db, specialist, { issueId: issue.id, version: issue.version, categoryCode: "instalment", type: "problem", tags: [] }), InvalidTransition);
    }
    const issue = await makeIssue("escalated");
    const input = { issueId: issue.id, version: issue.version, categoryCode: "instalment", type: "problem" as const, tags: [] };
    await expectRefused(() => classifyIssue(t.db, foreignSpecialist, input), NotFound);
    await expectRefused(() => classifyIssue(t.db, specialist, { ...input, version: issue.version + 1 }), Conflict);
    await expectRefused(() => classifyIssue(t.db, specialist, { ...input, categoryCode: "no.such" }), ValidationFailed);
    await expectRefused(() => classifyIssue(t.db, specialist, { ...input, tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) }), ValidationFailed);
  });
});

describe("the supervisor's queue and concentrations", () => {
  it("shows only the team's waiting records, filtered by category (with its children), kind, region, dates and words", async () => {
    const tag = `筛选${Date.now()}`;
    const pinLetter = await makeRecord({ categoryId: categoryIds.get("pin.letter")!, kind: "complaint", regionCode: "320500", summary: `${tag} 密码函未到` });
    const pinReset = await makeRecord({ categoryId: categoryIds.get("pin.reset")!, kind: "suggestion", regionCode: "310100", summary: `${tag} 建议在线重置密码` });
    const old = await makeRecord({ categoryId: categoryIds.get("pin.letter")!, summary: `${tag} 去年的记录`, createdAt: new Date("2020-01-10T04:00:00Z") });
    const fresh = await makeRecord({ status: "new", valuable: false, summary: `${tag} 未上报的记录` });
    await makeRecord({ siteId: site2, teamId: team2, authorId: otherAgent.id, summary: `${tag} 外站记录` });

    const ids = async (params: Record<string, string>) => (await listTriageQueue(t.db, supervisor, parseQueueFilters({ q: tag, ...params }))).rows.map((r) => r.id).sort((a, b) => a - b);
    expect(await ids({})).toEqual([pinLetter.id, pinReset.id, old.id].sort((a, b) => a - b));
    expect(await ids({ scope: "all" })).toEqual([pinLetter.id, pinReset.id, old.id, fresh.id].sort((a, b) => a - b));
    expect(await ids({ category: "pin" })).toEqual([pinLetter.id, pinReset.id, old.id].sort((a, b) => a - b));
    expect(await ids({ category: "pin.reset" })).toEqual([pinReset.id]);
    expect(await ids({ kind: "suggestion" })).toEqual([pinReset.id]);
    expect(await ids({ region: "320000" })).toEqual([pinLetter.id]);
    expect(await ids({ region: "310100" })).toEqual([pinReset.id]);
    expect(await ids({ from: "2020-01-10", to: "2020-01-10" })).toEqual([old.id]);
    expect(await ids({ from: "2021-01-01" })).toEqual([pinLetter.id, pinReset.id].sort((a, b) => a - b));
    expect((await listTriageQueue(t.db, foreignSupervisor, parseQueueFilters({ q: tag }))).rows).toHaveLength(1);
    await expect(listTriageQueue(t.db, specialist, parseQueueFilters({}))).rejects.toBeInstanceOf(Forbidden);
  });

  it("ignores malformed filters instead of failing", () => {
    expect(parseQueueFilters({ kind: "nonsense", region: "99", from: "yesterday", category: "DROP TABLE", page: "-3" })).toEqual({ scope: "reported", page: 1 });
  });

  it("groups this week's alike records into a topic with a keyword the queue can filter by", async () => {
    const team = await t.db.insert(teams).values({ siteId: site1, name: "话题组" }).returning();
    const topicAgent = await createUser(t.db, "agent", { teamId: team[0].id });
    const topicSupervisor = viewerOf(await createUser(t.db, "supervisor", { teamId: team[0].id }));
    const summaries = ["账单分期手续费说明不清", "客户不清楚分期手续费按月还是一次性收取", "分期手续费总额与办理时告知不一致", "客户质疑分期手续费计算方式不透明"];
    for (const summary of summaries) await makeRecord({ teamId: team[0].id, authorId: topicAgent.id, summary });
    await makeRecord({ teamId: team[0].id, authorId: topicAgent.id, summary: "境外交易短信提醒延迟", customerWords: "出国刷卡后很久才收到短信", categoryId: categoryIds.get("transactions")! });
    const { topics, categories: byCategory } = await listTriageConcentrations(t.db, topicSupervisor);
    expect(topics).toHaveLength(1);
    expect(topics[0].recent).toBe(4);
    expect(topics[0].ratio).toBeNull();
    expect(summaries.every((s) => s.includes(topics[0].keyword))).toBe(true);
    expect(byCategory.find((c) => c.code === "instalment")?.recent).toBe(4);
    const filtered = await listTriageQueue(t.db, topicSupervisor, parseQueueFilters({ q: topics[0].keyword }));
    expect(filtered.total).toBe(4);
  });

  it("lists the supervisor's own open issues only", async () => {
    const mine = await makeIssue();
    const theirs = await makeIssue("draft", supervisorB);
    const list = await listSupervisorIssues(t.db, supervisor);
    expect(list.map((i) => i.id)).toContain(mine.id);
    expect(list.map((i) => i.id)).not.toContain(theirs.id);
    expect(list.find((i) => i.id === mine.id)?.recordCount).toBe(2);
  });
});
