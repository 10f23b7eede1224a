import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listIssuesAwaitingVerification, listMergeCandidates, listReportsForScreening, getReportForScreening } from "@/db/queries/verification";
import { auditLog, categories, issues, notifications, records, siteReportIssues, siteReports, sites, type IssueStatus, type Role, type User } from "@/db/schema";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "@/lib/errors";
import { mergeAcrossSites, rejectIssue, verifyIssue } from "@/lib/services/verification";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
let manager: User;
let manager2: User;
let siteSZ: number;
let siteTJ: number;
let supervisorSZ: User;
let specialistSZ: User;
let specialistSZ2: User;
let specialistTJ: User;
let agentSZ: User;
let agentSZ2: User;
const category: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const siteRows = await t.db.select({ id: sites.id, code: sites.code }).from(sites);
  siteSZ = siteRows.find((s) => s.code === "SZ")!.id;
  siteTJ = siteRows.find((s) => s.code === "TJ")!.id;
  for (const c of await t.db.select({ id: categories.id, code: categories.code }).from(categories)) category[c.code] = c.id;
  manager = await createUser(t.db, "manager");
  manager2 = await createUser(t.db, "manager");
  supervisorSZ = await createUser(t.db, "supervisor", { siteId: siteSZ, teamId: null });
  specialistSZ = await createUser(t.db, "specialist", { siteId: siteSZ });
  specialistSZ2 = await createUser(t.db, "specialist", { siteId: siteSZ });
  specialistTJ = await createUser(t.db, "specialist", { siteId: siteTJ });
  agentSZ = await createUser(t.db, "agent", { siteId: siteSZ, teamId: null });
  agentSZ2 = await createUser(t.db, "agent", { siteId: siteSZ, teamId: null });
});
afterAll(async () => {
  await t?.close();
});

let seq = 0;

/** An issue of a site in a given state, with records by the given agents. */
async function makeIssue(options: { site?: number; status?: IssueStatus; title?: string; categoryCode?: string; agents?: User[] } = {}) {
  seq += 1;
  const [issue] = await t.db
    .insert(issues)
    .values({
      type: "problem",
      title: options.title ?? `临时额度到期前未提醒客户 ${seq}`,
      categoryId: category[options.categoryCode ?? "credit_limit"],
      siteId: options.site ?? siteSZ,
      status: options.status ?? "reported",
      createdBy: supervisorSZ.id,
      reportedAt: new Date(),
    })
    .returning();
  const agents = options.agents ?? [agentSZ, agentSZ2, agentSZ];
  const recordRows = agents.length
    ? await t.db
        .insert(records)
        .values(
          agents.map((a, i) => ({
            kind: "complaint" as const,
            channel: "hotline" as const,
            siteId: issue.siteId,
            categoryId: issue.categoryId,
            summary: `客户反映临时额度到期无提醒 ${seq}-${i}`,
            customerWords: "额度到期了也没人告诉我，在外面刷卡被拒。",
            status: "linked" as const,
            issueId: issue.id,
            authorId: a.id,
          })),
        )
        .returning({ id: records.id })
    : [];
  return { issue, recordIds: recordRows.map((r) => r.id) };
}

/** A submitted report of the site holding the given issues. */
async function makeReport(issueIds: number[], site = siteSZ, status: "submitted" | "reviewed" = "submitted") {
  const [report] = await t.db
    .insert(siteReports)
    .values({ siteId: site, periodStart: "2026-03-01", periodEnd: "2026-03-14", title: `苏州中心客户之声报告 ${++seq}`, status, authorId: specialistSZ.id, submittedAt: new Date(), version: 2 })
    .returning();
  await t.db.insert(siteReportIssues).values(issueIds.map((issueId, position) => ({ reportId: report.id, issueId, position })));
  return report;
}

async function audits(entityType: string, id: number, action?: string) {
  const [{ n }] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id)), action ? eq(auditLog.action, action) : undefined));
  return n;
}

async function issueRow(id: number) {
  const [row] = await t.db.select().from(issues).where(eq(issues.id, id));
  return row;
}

async function reportRow(id: number) {
  const [row] = await t.db.select().from(siteReports).where(eq(siteReports.id, id));
  return row;
}

async function notificationsOf(userId: number, kind: string) {
  return t.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

const otherRoles: Role[] = ["agent", "supervisor", "specialist", "department", "leadership", "admin"];

describe("verifying an issue", () => {
  it("moves a reported issue to verified with one audit row; the report stays submitted while another issue waits", async () => {
    const a = await makeIssue();
    const b = await makeIssue();
    const report = await makeReport([a.issue.id, b.issue.id]);
    const { issue, reviewedReportIds } = await verifyIssue(t.db, viewerOf(manager), { issueId: a.issue.id, version: a.issue.version, note: "经调取录音核实" });
    expect(issue.status).toBe("verified");
    expect(issue.version).toBe(a.issue.version + 1);
    expect(issue.verifiedAt).toBeInstanceOf(Date);
    expect(reviewedReportIds).toEqual([]);
    expect(await audits("issue", a.issue.id)).toBe(1);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "issue"), eq(auditLog.entityId, String(a.issue.id))));
    expect(entry).toMatchObject({ action: "issue.verified", actorId: manager.id, reason: "经调取录音核实", data: { from: "reported", to: "verified" } });
    expect((await reportRow(report.id)).status).toBe("submitted");
    expect(await audits("report", report.id)).toBe(0);
  });

  it("marks the report reviewed, in the same step, when its last issue is decided; the specialist is told", async () => {
    const a = await makeIssue();
    const b = await makeIssue();
    const report = await makeReport([a.issue.id, b.issue.id]);
    await verifyIssue(t.db, viewerOf(manager), { issueId: a.issue.id, version: a.issue.version });
    const before = (await notificationsOf(specialistSZ.id, "report.reviewed")).length;
    const { reviewedReportIds } = await verifyIssue(t.db, viewerOf(manager), { issueId: b.issue.id, version: b.issue.version });
    expect(reviewedReportIds).toEqual([report.id]);
    const reviewed = await reportRow(report.id);
    expect(reviewed.status).toBe("reviewed");
    expect(reviewed.reviewedAt).toBeInstanceOf(Date);
    expect(reviewed.version).toBe(report.version + 1);
    expect(await audits("report", report.id, "report.reviewed")).toBe(1);
    expect(await audits("issue", b.issue.id)).toBe(1);
    expect((await notificationsOf(specialistSZ.id, "report.reviewed")).length).toBe(before + 1);
  });

  it("is refused to every other role, with nothing written", async () => {
    const { issue } = await makeIssue();
    for (const role of otherRoles) {
      const user = await createUser(t.db, role, role === "specialist" || role === "supervisor" ? { siteId: siteSZ } : {});
      await expect(verifyIssue(t.db, viewerOf(user), { issueId: issue.id, version: issue.version })).rejects.toBeInstanceOf(Forbidden);
    }
    expect((await issueRow(issue.id)).status).toBe("reported");
    expect(await audits("issue", issue.id)).toBe(0);
  });

  it("is refused for an issue that is not reported, with nothing written", async () => {
    for (const status of ["escalated", "verified", "rejected", "published"] as const) {
      const { issue } = await makeIssue({ status });
      await expect(verifyIssue(t.db, viewerOf(manager), { issueId: issue.id, version: issue.version })).rejects.toBeInstanceOf(InvalidTransition);
      expect((await issueRow(issue.id)).version).toBe(issue.version);
      expect(await audits("issue", issue.id)).toBe(0);
    }
  });

  it("says not found for an issue that does not exist", async () => {
    await expect(verifyIssue(t.db, viewerOf(manager), { issueId: 999_999, version: 1 })).rejects.toBeInstanceOf(NotFound);
  });

  it("gives the second of two managers verifying the same issue a conflict, and verifies once", async () => {
    const { issue } = await makeIssue();
    const results = await Promise.allSettled([
      verifyIssue(t.db, viewerOf(manager), { issueId: issue.id, version: issue.version }),
      verifyIssue(t.db, viewerOf(manager2), { issueId: issue.id, version: issue.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(Conflict);
    expect((await issueRow(issue.id)).version).toBe(issue.version + 1);
    expect(await audits("issue", issue.id, "issue.verified")).toBe(1);
  });

  it("refuses a stale version as a conflict", async () => {
    const { issue } = await makeIssue();
    await expect(verifyIssue(t.db, viewerOf(manager), { issueId: issue.id, version: issue.version - 1 })).rejects.toBeInstanceOf(Conflict);
    expect(await audits("issue", issue.id)).toBe(0);
  });
});

describe("rejecting an issue", () => {
  it("needs a reason: without one nothing is written and the reason field says why", async () => {
    const { issue } = await makeIssue();
    const error = await rejectIssue(t.db, viewerOf(manager), { issueId: issue.id, version: issue.version, reason: "   " }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((error as ValidationFailed).fieldErrors)).toEqual(["reason"]);
    expect((await issueRow(issue.id)).status).toBe("reported");
    expect(await audits("issue", issue.id)).toBe(0);
  });

  it("rejects with the reason, sends it back down the chain to the supervisor, the site's specialists and each agent, with one audit row", async () => {
    const { issue, recordIds } = await makeIssue();
    const report = await makeReport([issue.id]);
    const reason = "经核实，临时额度到期前已有短信提醒，个案为客户更换手机号未更新。";
    const counts = async () => ({
      supervisor: (await notificationsOf(supervisorSZ.id, "issue.rejected")).length,
      specialist: (await notificationsOf(specialistSZ.id, "issue.rejected")).length,
      specialist2: (await notificationsOf(specialistSZ2.id, "issue.rejected")).length,
      specialistTJ: (await notificationsOf(specialistTJ.id, "issue.rejected")).length,
      agent: await notificationsOf(agentSZ.id, "issue.rejected"),
      agent2: (await notificationsOf(agentSZ2.id, "issue.rejected")).length,
    });
    const before = await counts();
    const { issue: rejected, reviewedReportIds } = await rejectIssue(t.db, viewerOf(manager), { issueId: issue.id, version: issue.version, reason });
    expect(rejected.status).toBe("rejected");
    expect(rejected.statusReason).toBe(reason);
    expect(reviewedReportIds).toEqual([report.id]);
    const after = await counts();
    expect(after.supervisor).toBe(before.supervisor + 1);
    expect(after.specialist).toBe(before.specialist + 1);
    expect(after.specialist2).toBe(before.specialist2 + 1);
    expect(after.specialistTJ).toBe(before.specialistTJ);
    // agentSZ wrote two of the records: told once, pointed at their own first record.
    expect(after.agent.length).toBe(before.agent.length + 1);
    const newest = after.agent.sort((x, y) => y.id - x.id)[0];
    expect(newest.link).toBe(`/agent/records/${recordIds[0]}`);
    expect(newest.body).toContain(reason);
    expect(after.agent2).toBe(before.agent2 + 1);
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "issue"), eq(auditLog.entityId, String(issue.id))));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "issue.rejected", reason, data: { from: "reported", to: "rejected" } });
    expect((await reportRow(report.id)).status).toBe("reviewed");
  });

  it("is refused to every other role and for an issue that is not reported, with nothing written", async () => {
    const { issue } = await makeIssue();
    for (const role of otherRoles) {
      const user = await createUser(t.db, role, role === "specialist" || role === "supervisor" ? { siteId: siteSZ } : {});
      await expect(rejectIssue(t.db, viewerOf(user), { issueId: issue.id, version: issue.version, reason: "不成立" })).rejects.toBeInstanceOf(Forbidden);
    }
    const { issue: verified } = await makeIssue({ status: "verified" });
    await expect(rejectIssue(t.db, viewerOf(manager), { issueId: verified.id, version: verified.version, reason: "不成立" })).rejects.toBeInstanceOf(InvalidTransition);
    expect(await audits("issue", issue.id)).toBe(0);
    expect(await audits("issue", verified.id)).toBe(0);
  });

  it("says not found for a missing issue and conflict for a stale version", async () => {
    await expect(rejectIssue(t.db, viewerOf(manager), { issueId: 999_998, version: 1, reason: "不成立" })).rejects.toBeInstanceOf(NotFound);
    const { issue } = await makeIssue();
    await verifyIssue(t.db, viewerOf(manager2), { issueId: issue.id, version: issue.version });
    await expect(rejectIssue(t.db, viewerOf(manager), { issueId: issue.id, version: issue.version, reason: "不成立" })).rejects.toBeInstanceOf(Conflict);
    expect(await audits("issue", issue.id, "issue.rejected")).toBe(0);
    expect((await issueRow(issue.id)).status).toBe("verified");
  });
});

describe("merging across sites", () => {
  it("folds a reported issue into another site's, moving its records, with one audit row; the report is reviewed", async () => {
    const target = await makeIssue({ site: siteTJ, status: "verified", title: "境外交易短信提醒延迟", categoryCode: "transactions", agents: [agentSZ] });
    const source = await makeIssue({ title: "境外消费短信通知不及时", categoryCode: "transactions" });
    const report = await makeReport([source.issue.id]);
    const result = await mergeAcrossSites(t.db, viewerOf(manager), { sourceId: source.issue.id, sourceVersion: source.issue.version, targetId: target.issue.id });
    expect(result.issue).toMatchObject({ status: "merged", mergedIntoId: target.issue.id, version: source.issue.version + 1 });
    expect(result.movedRecords).toBe(3);
    expect(result.target.version).toBe(target.issue.version + 1);
    const moved = await t.db.select({ issueId: records.issueId }).from(records).where(inArray(records.id, source.recordIds));
    expect(moved.every((r) => r.issueId === target.issue.id)).toBe(true);
    expect(await audits("issue", source.issue.id, "issue.merged")).toBe(1);
    expect(await audits("issue", source.issue.id)).toBe(1);
    expect(await audits("issue", target.issue.id)).toBe(0);
    expect(result.reviewedReportIds).toEqual([report.id]);
    expect((await reportRow(report.id)).status).toBe("reviewed");
  });

  it("is the management post's: specialists and every other role are refused, with nothing written", async () => {
    const target = await makeIssue({ site: siteTJ, status: "verified" });
    const source = await makeIssue();
    for (const role of otherRoles) {
      const user = await createUser(t.db, role, role === "specialist" || role === "supervisor" ? { siteId: siteSZ } : {});
      await expect(mergeAcrossSites(t.db, viewerOf(user), { sourceId: source.issue.id, sourceVersion: source.issue.version, targetId: target.issue.id })).rejects.toBeInstanceOf(Forbidden);
    }
    expect((await issueRow(source.issue.id)).status).toBe("reported");
    expect(await audits("issue", source.issue.id)).toBe(0);
  });

  it("refuses a source that is not reported or verified, a closed or missing target, and the issue itself", async () => {
    const target = await makeIssue({ site: siteTJ, status: "verified" });
    const escalated = await makeIssue({ status: "escalated" });
    await expect(mergeAcrossSites(t.db, viewerOf(manager), { sourceId: escalated.issue.id, sourceVersion: escalated.issue.version, targetId: target.issue.id })).rejects.toBeInstanceOf(InvalidTransition);
    const source = await makeIssue();
    const rejected = await makeIssue({ site: siteTJ, status: "rejected" });
    const closed = await mergeAcrossSites(t.db, viewerOf(manager), { sourceId: source.issue.id, sourceVersion: source.issue.version, targetId: rejected.issue.id }).catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((closed as ValidationFailed).fieldErrors)).toEqual(["targetId"]);
    await expect(mergeAcrossSites(t.db, viewerOf(manager), { sourceId: source.issue.id, sourceVersion: source.issue.version, targetId: 999_997 })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(mergeAcrossSites(t.db, viewerOf(manager), { sourceId: source.issue.id, sourceVersion: source.issue.version, targetId: source.issue.id })).rejects.toBeInstanceOf(ValidationFailed);
    for (const id of [escalated.issue.id, source.issue.id, target.issue.id, rejected.issue.id]) expect(await audits("issue", id)).toBe(0);
    const recordsStill = await t.db.select({ n: count() }).from(records).where(eq(records.issueId, source.issue.id));
    expect(recordsStill[0].n).toBe(3);
  });

  it("says not found for a missing source and conflict for a stale version", async () => {
    const target = await makeIssue({ site: siteTJ, status: "verified" });
    await expect(mergeAcrossSites(t.db, viewerOf(manager), { sourceId: 999_996, sourceVersion: 1, targetId: target.issue.id })).rejects.toBeInstanceOf(NotFound);
    const source = await makeIssue();
    await expect(mergeAcrossSites(t.db, viewerOf(manager), { sourceId: source.issue.id, sourceVersion: source.issue.version + 1, targetId: target.issue.id })).rejects.toBeInstanceOf(Conflict);
    expect((await issueRow(source.issue.id)).status).toBe("reported");
  });
});

describe("the workbench's reads", () => {
  it("lists submitted reports of every site with their issues, and issues awaiting verification, to the management post only", async () => {
    const a = await makeIssue({ title: "积分有效期规则调整未提前告知" });
    const report = await makeReport([a.issue.id]);
    const list = await listReportsForScreening(t.db, viewerOf(manager));
    const mine = list.find((r) => r.id === report.id);
    expect(mine?.issues.map((i) => i.id)).toEqual([a.issue.id]);
    expect(mine?.issues[0]).toMatchObject({ status: "reported", version: a.issue.version, recordCount: 3 });
    expect(list.every((r) => r.status === "submitted")).toBe(true);
    const one = await getReportForScreening(t.db, viewerOf(manager), report.id);
    expect(one?.issues).toHaveLength(1);
    const waiting = await listIssuesAwaitingVerification(t.db, viewerOf(manager));
    expect(waiting.find((w) => w.id === a.issue.id)?.reportId).toBe(report.id);
    const leader = await createUser(t.db, "leadership");
    expect(await listReportsForScreening(t.db, viewerOf(leader))).toEqual([]);
    expect(await getReportForScreening(t.db, viewerOf(leader), report.id)).toBeNull();
  });

  it("offers as merge candidates other sites' open issues of the same category, the most alike first", async () => {
    const source = await makeIssue({ title: "建议简化热线语音导航层级", categoryCode: "service.waiting" });
    const close = await makeIssue({ site: siteTJ, status: "in_action", title: "热线语音导航层级太多", categoryCode: "service.waiting" });
    const far = await makeIssue({ site: siteTJ, status: "verified", title: "晚间高峰等候时间过长", categoryCode: "service.waiting" });
    const sameSite = await makeIssue({ status: "verified", title: "热线语音导航层级复杂", categoryCode: "service.waiting" });
    const closed = await makeIssue({ site: siteTJ, status: "resolved", title: "热线语音导航层级多", categoryCode: "service.waiting" });
    const otherCategory = await makeIssue({ site: siteTJ, status: "verified", title: "积分兑换失败", categoryCode: "rewards" });
    const map = await listMergeCandidates(t.db, viewerOf(manager), [{ id: source.issue.id, title: source.issue.title, siteId: siteSZ, categoryId: source.issue.categoryId }]);
    const ids = map.get(source.issue.id)!.map((c) => c.id);
    expect(ids.indexOf(close.issue.id)).toBe(0);
    expect(ids).toContain(far.issue.id);
    expect(ids).not.toContain(sameSite.issue.id);
    expect(ids).not.toContain(closed.issue.id);
    expect(ids).not.toContain(otherCategory.issue.id);
  });
});
