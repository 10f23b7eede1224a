import { and, asc, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSiteReport, listReportableIssues } from "@/db/queries/triage";
import { auditLog, categories, issues, notifications, records, siteReportIssues, siteReports, sites, type IssueStatus, type Role, type SiteReport } from "@/db/schema";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "@/lib/errors";
import { IssuesNotReportable, ReportEmpty, saveSiteReport, submitSiteReport, type SaveSiteReportInput } from "@/lib/services/site-reports";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
let site1: number;
let site2: number;
let supervisor: Viewer;
let specialist: Viewer;
let specialistB: Viewer;
let foreignSpecialist: Viewer;
let managers: Viewer[];
const everyone = new Map<Role, Viewer>();
let categoryId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  const siteRows = await t.db.select().from(sites).orderBy(asc(sites.id));
  site1 = siteRows[0].id;
  site2 = siteRows[1].id;
  supervisor = viewerOf(await createUser(t.db, "supervisor"));
  specialist = viewerOf(await createUser(t.db, "specialist"));
  specialistB = viewerOf(await createUser(t.db, "specialist"));
  foreignSpecialist = viewerOf(await createUser(t.db, "specialist", { siteId: site2 }));
  managers = [viewerOf(await createUser(t.db, "manager")), viewerOf(await createUser(t.db, "manager"))];
  everyone.set("supervisor", supervisor);
  everyone.set("specialist", specialist);
  everyone.set("manager", managers[0]);
  for (const role of ["agent", "department", "leadership", "admin"] as const) everyone.set(role, viewerOf(await createUser(t.db, role)));
  categoryId = (await t.db.select({ id: categories.id }).from(categories).where(eq(categories.code, "instalment")))[0].id;
});

afterAll(async () => {
  await t?.close();
});

function others(...allowed: Role[]): Viewer[] {
  return [...everyone.entries()].filter(([role]) => !allowed.includes(role)).map(([, viewer]) => viewer);
}

let serial = 0;
/** An issue of a site with records of several kinds and channels. */
async function makeIssue(status: IssueStatus = "escalated", siteId = site1) {
  serial += 1;
  const [issue] = await t.db
    .insert(issues)
    .values({ type: "problem", title: `分期手续费说明不清 ${serial}`, categoryId, siteId, status, createdBy: supervisor.id, escalatedAt: new Date() })
    .returning();
  await t.db.insert(records).values([
    { kind: "complaint", channel: "hotline", siteId, categoryId, summary: "分期手续费说明不清", status: "linked", issueId: issue.id },
    { kind: "complaint", channel: "hotline", siteId, categoryId, summary: "分期手续费与告知不一致", status: "linked", issueId: issue.id },
    { kind: "suggestion", channel: "forum", siteId, categoryId, summary: "建议分期页面列明年化费率", status: "linked", issueId: issue.id },
  ]);
  return issue;
}

const period = { periodStart: "2026-03-01", periodEnd: "2026-03-14" };

function draft(issueIds: number[], extra: Partial<SaveSiteReportInput> = {}): SaveSiteReportInput {
  return { ...period, title: "上海中心客户之声报告", analysis: "本期分期类投诉集中。", issueIds, ...extra };
}

async function snapshot(): Promise<string> {
  const [issueRows, reportRows, links, [audits], [notes]] = await Promise.all([
    t.db.select({ id: issues.id, v: issues.version, s: issues.status, r: issues.reportedAt }).from(issues).orderBy(asc(issues.id)),
    t.db.select({ id: siteReports.id, v: siteReports.version, s: siteReports.status, title: siteReports.title }).from(siteReports).orderBy(asc(siteReports.id)),
    t.db.select().from(siteReportIssues).orderBy(asc(siteReportIssues.reportId), asc(siteReportIssues.issueId)),
    t.db.select({ n: count() }).from(auditLog),
    t.db.select({ n: count() }).from(notifications),
  ]);
  return JSON.stringify({ issueRows, reportRows, links, audits, notes });
}

async function expectRefused(run: () => Promise<unknown>, error: new (...args: never[]) => Error) {
  const before = await snapshot();
  await expect(run()).rejects.toBeInstanceOf(error);
  expect(await snapshot()).toBe(before);
}

async function reportAudits(reportId: number) {
  return t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "report"), eq(auditLog.entityId, String(reportId)))).orderBy(asc(auditLog.id));
}

describe("saving a site report draft", () => {
  it("creates a draft of the specialist's site with its issues in order, and one audit row", async () => {
    const a = await makeIssue();
    const b = await makeIssue();
    const report = await saveSiteReport(t.db, specialist, draft([b.id, a.id]));
    expect(report).toMatchObject({ siteId: site1, status: "draft", authorId: specialist.id, version: 1, ...period });
    const links = await t.db.select().from(siteReportIssues).where(eq(siteReportIssues.reportId, report.id)).orderBy(asc(siteReportIssues.position));
    expect(links.map((l) => l.issueId)).toEqual([b.id, a.id]);
    const audits = await reportAudits(report.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "report.saved", data: { created: true, issueIds: [b.id, a.id] } });
    expect((await t.db.select().from(issues).where(eq(issues.id, a.id)))[0].status).toBe("escalated");
  });

  it("saves the next version of a draft, replacing its issues", async () => {
    const a = await makeIssue();
    const b = await makeIssue();
    const report = await saveSiteReport(t.db, specialist, draft([a.id]));
    const next = await saveSiteReport(t.db, specialist, draft([b.id], { reportId: report.id, version: report.version, title: "第二稿", periodEnd: "2026-03-15" }));
    expect(next).toMatchObject({ id: report.id, version: report.version + 1, title: "第二稿", periodEnd: "2026-03-15" });
    const links = await t.db.select().from(siteReportIssues).where(eq(siteReportIssues.reportId, report.id));
    expect(links.map((l) => l.issueId)).toEqual([b.id]);
    expect(await reportAudits(report.id)).toHaveLength(2);
  });

  it("is refused to every other role", async () => {
    const a = await makeIssue();
    for (const viewer of others("specialist")) await expectRefused(() => saveSiteReport(t.db, viewer, draft([a.id])), Forbidden);
  });

  it("refuses a period that ends before it starts, and issues that are not the site's escalated ones", async () => {
    const a = await makeIssue();
    const before = await snapshot();
    const backwards = await saveSiteReport(t.db, specialist, draft([a.id], { periodStart: "2026-03-14", periodEnd: "2026-03-01" })).catch((e: unknown) => e);
    expect(backwards).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((backwards as ValidationFailed).fieldErrors)).toEqual(["periodEnd"]);
    for (const other of [await makeIssue("draft"), await makeIssue("returned"), await makeIssue("escalated", site2)]) {
      const error = await saveSiteReport(t.db, specialist, draft([a.id, other.id])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fieldErrors.issueIds[0]).toContain(`#${other.id}`);
    }
    const after = JSON.parse(await snapshot()) as { reportRows: unknown[]; audits: number };
    const was = JSON.parse(before) as { reportRows: unknown[]; audits: number };
    expect(after.reportRows).toEqual(was.reportRows);
    expect(after.audits).toEqual(was.audits);
  });

  it("does not find another site's report, and refuses a stale version or a submitted report", async () => {
    const a = await makeIssue();
    const report = await saveSiteReport(t.db, specialist, draft([a.id]));
    await expectRefused(() => saveSiteReport(t.db, foreignSpecialist, draft([], { reportId: report.id, version: report.version })), NotFound);
    await expectRefused(() => saveSiteReport(t.db, specialist, draft([a.id], { reportId: report.id, version: report.version + 1 })), Conflict);
    const submitted = await submitSiteReport(t.db, specialist, { reportId: report.id, version: report.version });
    await expectRefused(() => saveSiteReport(t.db, specialist, draft([], { reportId: report.id, version: submitted.report.version })), InvalidTransition);
  });
});

describe("submitting a site report", () => {
  it("submits the report, reports every issue in it, tells the managers; one report audit row and one per issue", async () => {
    const a = await makeIssue();
    const b = await makeIssue();
    const report = await saveSiteReport(t.db, specialist, draft([a.id, b.id]));
    const result = await submitSiteReport(t.db, specialist, { reportId: report.id, version: report.version });
    expect(result.report).toMatchObject({ status: "submitted", version: report.version + 1 });
    expect(result.report.submittedAt).toBeInstanceOf(Date);
    const rows = await t.db.select().from(issues).where(inArray(issues.id, [a.id, b.id])).orderBy(asc(issues.id));
    for (const [row, before] of [
      [rows[0], a],
      [rows[1], b],
    ] as const) {
      expect(row).toMatchObject({ status: "reported", version: before.version + 1 });
      expect(row.reportedAt).toBeInstanceOf(Date);
    }
    const audits = await reportAudits(report.id);
    expect(audits.map((x) => x.action)).toEqual(["report.saved", "report.submitted"]);
    for (const issue of [a, b]) {
      const issueAudits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "issue"), eq(auditLog.entityId, String(issue.id))));
      expect(issueAudits).toHaveLength(1);
      expect(issueAudits[0]).toMatchObject({ action: "issue.reported", data: { from: "escalated", to: "reported", reportId: report.id } });
    }
    const told = await t.db.select({ userId: notifications.userId }).from(notifications).where(and(eq(notifications.kind, "report.submitted"), eq(notifications.link, `/manager/reports/${report.id}`)));
    expect(told.map((n) => n.userId).sort()).toEqual(managers.map((m) => m.id).sort());
  });

  it("is refused to every other role", async () => {
    const report = await saveSiteReport(t.db, specialist, draft([(await makeIssue()).id]));
    for (const viewer of others("specialist")) await expectRefused(() => submitSiteReport(t.db, viewer, { reportId: report.id, version: report.version }), Forbidden);
  });

  it("refuses a report with no issue", async () => {
    const report = await saveSiteReport(t.db, specialist, draft([]));
    await expectRefused(() => submitSiteReport(t.db, specialist, { reportId: report.id, version: report.version }), ReportEmpty);
  });

  it("refuses the whole report, naming the issue, when one of its issues was sent back meanwhile", async () => {
    const a = await makeIssue();
    const b = await makeIssue();
    const report = await saveSiteReport(t.db, specialist, draft([a.id, b.id]));
    await t.db.update(issues).set({ status: "returned", version: b.version + 1 }).where(eq(issues.id, b.id));
    const before = await snapshot();
    const error = await submitSiteReport(t.db, specialist, { reportId: report.id, version: report.version }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IssuesNotReportable);
    expect((error as IssuesNotReportable).issueIds).toEqual([b.id]);
    expect(await snapshot()).toBe(before);
  });

  it("does not find another site's report, refuses a stale version, and a report already submitted", async () => {
    const report = await saveSiteReport(t.db, specialist, draft([(await makeIssue()).id]));
    await expectRefused(() => submitSiteReport(t.db, foreignSpecialist, { reportId: report.id, version: report.version }), NotFound);
    await expectRefused(() => submitSiteReport(t.db, specialist, { reportId: report.id, version: report.version + 1 }), Conflict);
    const { report: submitted } = await submitSiteReport(t.db, specialist, { reportId: report.id, version: report.version });
    await expectRefused(() => submitSiteReport(t.db, specialist, { reportId: report.id, version: submitted.version }), InvalidTransition);
  });

  it("submitted by two specialists at once: one submits, the other gets a conflict, nothing happens twice", async () => {
    const a = await makeIssue();
    const report = await saveSiteReport(t.db, specialist, draft([a.id]));
    const results = await Promise.allSettled([
      submitSiteReport(t.db, specialist, { reportId: report.id, version: report.version }),
      submitSiteReport(t.db, specialistB, { reportId: report.id, version: report.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(Conflict);
    expect((await reportAudits(report.id)).map((x) => x.action)).toEqual(["report.saved", "report.submitted"]);
    const [{ n }] = await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "issue.reported"), eq(auditLog.entityId, String(a.id))));
    expect(n).toBe(1);
    expect((await t.db.select().from(issues).where(eq(issues.id, a.id)))[0].version).toBe(a.version + 1);
  });
});

describe("reading a site report", () => {
  let report: SiteReport;
  let issueIds: number[];

  beforeAll(async () => {
    const a = await makeIssue();
    const b = await makeIssue();
    issueIds = [a.id, b.id];
    report = await saveSiteReport(t.db, specialist, draft(issueIds));
  });

  it("counts each issue's records by kind and by channel, with the totals", async () => {
    const detail = await getSiteReport(t.db, specialist, report.id);
    expect(detail?.issues.map((i) => i.id)).toEqual(issueIds);
    expect(detail?.issues[0].counts).toEqual({ total: 3, byKind: { complaint: 2, suggestion: 1 }, byChannel: { hotline: 2, forum: 1 } });
    expect(detail?.totals).toEqual({ total: 6, byKind: { complaint: 4, suggestion: 2 }, byChannel: { hotline: 4, forum: 2 } });
  });

  it("is the site's: another site's specialist and roles without reports do not see it; the management post does", async () => {
    expect(await getSiteReport(t.db, foreignSpecialist, report.id)).toBeNull();
    expect(await getSiteReport(t.db, supervisor, report.id)).toBeNull();
    expect((await getSiteReport(t.db, managers[0], report.id))?.report.id).toBe(report.id);
  });

  it("offers only the site's escalated issues to report", async () => {
    const foreign = await makeIssue("escalated", site2);
    const returned = await makeIssue("returned");
    const ids = (await listReportableIssues(t.db, specialist)).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(issueIds));
    expect(ids).not.toContain(foreign.id);
    expect(ids).not.toContain(returned.id);
  });
});
