import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBulletin, getBulletinDiff, listBulletinReaders, listBulletinSeries, periodBounds, trendPercent } from "@/db/queries/bulletins";
import { auditLog, bulletinAcknowledgements, bulletinIssues, bulletins, categories, issues, notifications, records, type IssueStatus, type Role, type User } from "@/db/schema";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "@/lib/errors";
import { acknowledgeBulletin, BulletinImmutable, compileBulletin, CorrectionExists, correctBulletin, NotAcknowledgeable, publishBulletin } from "@/lib/services/bulletins";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
let manager: User;
let manager2: User;
let leader: User;
let leader2: User;
let disabledLeader: User;
let dept: User;
let supervisor: User;
const category: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  for (const c of await t.db.select({ id: categories.id, code: categories.code }).from(categories)) category[c.code] = c.id;
  manager = await createUser(t.db, "manager");
  manager2 = await createUser(t.db, "manager");
  leader = await createUser(t.db, "leadership");
  leader2 = await createUser(t.db, "leadership");
  disabledLeader = await createUser(t.db, "leadership", { status: "disabled" });
  dept = await createUser(t.db, "department");
  supervisor = await createUser(t.db, "supervisor");
  // The series so far: 第1期 and 第2期 published, 第3期 a draft.
  await t.db.insert(bulletins).values([
    { number: 1, title: "第一期", periodStart: "2025-01-01", periodEnd: "2025-01-14", status: "published", publishedAt: new Date("2025-01-20T02:00:00Z") },
    { number: 2, title: "第二期", periodStart: "2025-01-15", periodEnd: "2025-01-31", status: "published", publishedAt: new Date("2025-02-05T02:00:00Z") },
    { number: 3, title: "第三期（编写中）", periodStart: "2025-02-01", periodEnd: "2025-02-14", status: "draft" },
  ]);
});
afterAll(async () => {
  await t?.close();
});

let seq = 0;
/** Linked records sit in 2024, outside every period the tests compute figures for. */
const outside = (day: number) => new Date(Date.UTC(2024, 5, day, 4));

async function makeIssue(options: { status?: IssueStatus; categoryCode?: string; words?: string[] } = {}) {
  seq += 1;
  const [issue] = await t.db
    .insert(issues)
    .values({ type: "problem", title: `通报测试问题 ${seq}`, categoryId: category[options.categoryCode ?? "credit_limit"], status: options.status ?? "verified", createdBy: supervisor.id, verifiedAt: new Date() })
    .returning();
  const words = options.words ?? ["额度到期没有提醒。", "刷卡被拒才知道额度到期了。"];
  await t.db.insert(records).values(
    words.map((w, i) => ({
      kind: "complaint" as const,
      channel: "hotline" as const,
      categoryId: issue.categoryId,
      summary: `记录 ${seq}-${i}`,
      customerWords: w,
      status: "linked" as const,
      issueId: issue.id,
      occurredAt: outside(20 - i),
    })),
  );
  return issue;
}

async function topicRecords(categoryCode: string, instants: string[]) {
  await t.db.insert(records).values(
    instants.map((at, i) => ({ kind: "complaint" as const, channel: "hotline" as const, categoryId: category[categoryCode], summary: `话题记录 ${categoryCode} ${i}`, occurredAt: new Date(at) })),
  );
}

const content = (issueIds: number[], overrides: Partial<{ title: string; periodStart: string; periodEnd: string; summary: string }> = {}) => ({
  title: "分期营销宣传与微信账单提醒",
  periodStart: "2024-09-01",
  periodEnd: "2024-09-14",
  summary: "本期通报两项。",
  issueIds,
  ...overrides,
});

async function audits(entityType: string, id: number, action?: string) {
  const [{ n }] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id)), action ? eq(auditLog.action, action) : undefined));
  return n;
}

async function bulletinRow(id: number) {
  const [row] = await t.db.select().from(bulletins).where(eq(bulletins.id, id));
  return row;
}

async function issueRow(id: number) {
  const [row] = await t.db.select().from(issues).where(eq(issues.id, id));
  return row;
}

async function bulletinCount() {
  const [{ n }] = await t.db.select({ n: count() }).from(bulletins);
  return n;
}

const notManagers: Role[] = ["agent", "supervisor", "specialist", "department", "leadership", "admin"];

describe("the figures of a bulletin", () => {
  it("computes the period before as the same number of days, in the center's time zone", () => {
    const b = periodBounds("2026-03-01", "2026-03-10");
    expect(b.days).toBe(10);
    expect(b.start.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(b.end.toISOString()).toBe("2026-03-10T16:00:00.000Z");
    expect(b.previousStart.toISOString()).toBe("2026-02-18T16:00:00.000Z");
    expect(trendPercent(4, 2)).toBe(100);
    expect(trendPercent(1, 3)).toBe(-66.7);
    expect(trendPercent(5, 0)).toBeNull();
  });

  it("counts records on the issue's category (with its subcategories) in the period against the period before, and quotes customers", async () => {
    // 第N期 period: 1–10 March 2026 (10 days); the period before: 19–28 February.
    await topicRecords("pin.letter", ["2026-03-01T00:00:00+08:00", "2026-03-05T12:00:00+08:00", "2026-03-11T00:00:00+08:00", "2026-02-19T00:00:00+08:00", "2026-02-28T23:00:00+08:00", "2026-02-18T23:59:59+08:00"]);
    await topicRecords("pin.reset", ["2026-03-10T23:59:59+08:00"]);
    await topicRecords("pin", ["2026-03-07T09:00:00+08:00"]);
    await topicRecords("fees.annual", ["2026-03-05T09:00:00+08:00", "2026-03-06T09:00:00+08:00", "2026-03-08T09:00:00+08:00"]);
    await topicRecords("instalment", ["2026-03-02T09:00:00+08:00", "2026-02-20T09:00:00+08:00", "2026-02-21T09:00:00+08:00", "2026-02-22T09:00:00+08:00", "2026-02-23T09:00:00+08:00"]);
    const long = "客户说卡号 4111 1111 1111 1111 的卡已经激活一周了，密码函一直没有收到，打了三次电话都说在寄送途中，没法刷卡消费也没法取现，非常着急。";
    const pin = await makeIssue({ categoryCode: "pin", words: [long, "密码函到现在都没收到。", "密码函到现在都没收到。", "  ", "开卡后不能马上用卡，太不方便了。"] });
    const fee = await makeIssue({ categoryCode: "fees.annual", words: ["年费怎么又扣了？", "说好刷六次免年费的。"] });
    const instalment = await makeIssue({ categoryCode: "instalment", words: ["分期说零手续费，结果每期都收。"] });

    const draft = await compileBulletin(t.db, viewerOf(manager), content([fee.id, pin.id, instalment.id], { periodStart: "2026-03-01", periodEnd: "2026-03-10" }));
    const rows = await t.db.select().from(bulletinIssues).where(eq(bulletinIssues.bulletinId, draft.id));
    const byIssue = new Map(rows.map((r) => [r.issueId, r]));

    // pin: in the period 03-01 00:00, 03-05, 03-10 23:59:59 (pin.reset), 03-07 (pin) = 4; before: 02-19 00:00, 02-28 = 2.
    expect(byIssue.get(pin.id)).toMatchObject({ position: 1, recordCount: 5, trendPercent: 100 });
    // fees.annual: 3 now, none before: no trend.
    expect(byIssue.get(fee.id)).toMatchObject({ position: 0, recordCount: 2, trendPercent: null });
    // instalment: 1 now against 4 before = −75 %.
    expect(byIssue.get(instalment.id)).toMatchObject({ position: 2, recordCount: 1, trendPercent: -75 });

    const quotes = byIssue.get(pin.id)!.quotes;
    expect(quotes).toHaveLength(3);
    expect(quotes[0]).toHaveLength(60);
    expect(quotes[0].endsWith("…")).toBe(true);
    expect(quotes[0]).not.toContain("4111 1111");
    expect(quotes[0]).toContain("1111");
    expect(quotes.slice(1)).toEqual(["密码函到现在都没收到。", "开卡后不能马上用卡，太不方便了。"]);
    expect(byIssue.get(instalment.id)!.quotes).toEqual(["分期说零手续费，结果每期都收。"]);
  });
});

describe("compiling a bulletin", () => {
  it("gives a new draft the next number of the series (past the draft 第3期), with one audit row", async () => {
    const a = await makeIssue();
    const before = await bulletinCount();
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    expect(draft).toMatchObject({ status: "draft", revision: 1, compiledBy: manager.id, supersedesId: null });
    expect(draft.number).toBeGreaterThanOrEqual(4);
    const [{ max }] = await t.db.select({ max: count() }).from(bulletins).where(eq(bulletins.number, draft.number));
    expect(max).toBe(1);
    expect(await bulletinCount()).toBe(before + 1);
    expect(await audits("bulletin", draft.id, "bulletin.saved")).toBe(1);
    expect(await audits("bulletin", draft.id)).toBe(1);
    expect((await issueRow(a.id)).status).toBe("verified");
  });

  it("numbers consecutively: two new drafts get N and N+1, even when started at the same moment", async () => {
    const a = await makeIssue();
    const [x, y] = await Promise.all([compileBulletin(t.db, viewerOf(manager), content([a.id])), compileBulletin(t.db, viewerOf(manager2), content([a.id]))]);
    expect(Math.abs(x.number - y.number)).toBe(1);
  });

  it("saves a draft again at the version the person saw; a stale version is a conflict", async () => {
    const [a, b] = [await makeIssue(), await makeIssue()];
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    const saved = await compileBulletin(t.db, viewerOf(manager2), { ...content([b.id, a.id], { title: "改过的标题" }), bulletinId: draft.id, version: draft.version });
    expect(saved).toMatchObject({ id: draft.id, number: draft.number, version: draft.version + 1, title: "改过的标题", compiledBy: manager2.id });
    const rows = await t.db.select().from(bulletinIssues).where(eq(bulletinIssues.bulletinId, draft.id));
    expect(rows.sort((p, q) => p.position - q.position).map((r) => r.issueId)).toEqual([b.id, a.id]);
    await expect(compileBulletin(t.db, viewerOf(manager), { ...content([a.id], { title: "旧版本" }), bulletinId: draft.id, version: draft.version })).rejects.toBeInstanceOf(Conflict);
    expect((await bulletinRow(draft.id)).title).toBe("改过的标题");
    expect(await audits("bulletin", draft.id)).toBe(2);
  });

  it("takes only verified issues, and names the others; nothing is written", async () => {
    const good = await makeIssue();
    const reported = await makeIssue({ status: "reported" });
    const published = await makeIssue({ status: "published" });
    const before = await bulletinCount();
    const error = await compileBulletin(t.db, viewerOf(manager), content([good.id, reported.id, published.id])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    const messages = (error as ValidationFailed).fieldErrors.issueIds;
    expect(messages[0]).toContain(`#${reported.id}`);
    expect(messages[0]).toContain(`#${published.id}`);
    expect(messages[0]).not.toContain(`#${good.id},`);
    expect(await bulletinCount()).toBe(before);
  });

  it("refuses a missing title, a period that ends before it starts, and no issues, by field", async () => {
    const a = await makeIssue();
    const fields = async (input: ReturnType<typeof content>) => Object.keys(((await compileBulletin(t.db, viewerOf(manager), input).catch((e: unknown) => e)) as ValidationFailed).fieldErrors);
    expect(await fields(content([a.id], { title: " " }))).toEqual(["title"]);
    expect(await fields(content([a.id], { periodStart: "2024-09-10", periodEnd: "2024-09-01" }))).toEqual(["periodEnd"]);
    expect(await fields(content([a.id], { periodStart: "2024-02-30" }))).toEqual(["periodStart"]);
    expect(await fields(content([]))).toEqual(["issueIds"]);
  });

  it("is refused to every role but the management post, with nothing written", async () => {
    const a = await makeIssue();
    const before = await bulletinCount();
    for (const role of notManagers) {
      const user = await createUser(t.db, role);
      await expect(compileBulletin(t.db, viewerOf(user), content([a.id]))).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await bulletinCount()).toBe(before);
  });

  it("says not found for a bulletin that does not exist", async () => {
    const a = await makeIssue();
    await expect(compileBulletin(t.db, viewerOf(manager), { ...content([a.id]), bulletinId: 999_999, version: 1 })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("publishing a bulletin", () => {
  it("publishes the draft and its issues, tells every active reader, with the bulletin's and each issue's audit row", async () => {
    const [a, b] = [await makeIssue(), await makeIssue()];
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id, b.id]));
    const note = async (userId: number) => (await t.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.link, `/bulletins/${draft.id}`)))).length;
    const result = await publishBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version });
    expect(result.bulletin).toMatchObject({ status: "published", publishedBy: manager.id, version: draft.version + 1 });
    expect(result.bulletin.publishedAt).toBeInstanceOf(Date);
    for (const id of [a.id, b.id]) {
      const issue = await issueRow(id);
      expect(issue.status).toBe("published");
      expect(issue.publishedAt).toBeInstanceOf(Date);
      expect(await audits("issue", id, "issue.published")).toBe(1);
    }
    expect(await audits("bulletin", draft.id, "bulletin.published")).toBe(1);
    expect(await note(leader.id)).toBe(1);
    expect(await note(leader2.id)).toBe(1);
    expect(await note(dept.id)).toBe(1);
    expect(await note(disabledLeader.id)).toBe(0);
    expect(await note(manager2.id)).toBe(0);
    // The supervisor who raised the issues hears they went out.
    expect(await note(supervisor.id)).toBe(1);
  });

  it("gives the second of two managers publishing the same draft a conflict, and publishes once", async () => {
    const a = await makeIssue();
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    const results = await Promise.allSettled([
      publishBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version }),
      publishBulletin(t.db, viewerOf(manager2), { bulletinId: draft.id, version: draft.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect(await audits("bulletin", draft.id, "bulletin.published")).toBe(1);
    expect(await audits("issue", a.id, "issue.published")).toBe(1);
  });

  it("refuses the whole publication when an issue is no longer verified, naming nothing half-done", async () => {
    const [a, b] = [await makeIssue(), await makeIssue()];
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id, b.id]));
    await t.db.update(issues).set({ status: "merged" }).where(eq(issues.id, b.id));
    await expect(publishBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version })).rejects.toBeInstanceOf(InvalidTransition);
    expect((await bulletinRow(draft.id)).status).toBe("draft");
    expect((await issueRow(a.id)).status).toBe("verified");
    expect(await audits("issue", a.id)).toBe(0);
    expect(await audits("bulletin", draft.id, "bulletin.published")).toBe(0);
  });

  it("is refused to every other role, for a missing bulletin, and for a stale version, with nothing written", async () => {
    const a = await makeIssue();
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    for (const role of notManagers) {
      const user = await createUser(t.db, role);
      await expect(publishBulletin(t.db, viewerOf(user), { bulletinId: draft.id, version: draft.version })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(publishBulletin(t.db, viewerOf(manager), { bulletinId: 999_999, version: 1 })).rejects.toBeInstanceOf(NotFound);
    await expect(publishBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version + 3 })).rejects.toBeInstanceOf(Conflict);
    expect((await bulletinRow(draft.id)).status).toBe("draft");
    expect(await audits("bulletin", draft.id)).toBe(1);
  });
});

describe("a published bulletin", () => {
  it("is immutable: saving or publishing it again is refused with a clear message, and nothing changes", async () => {
    const a = await makeIssue();
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    const { bulletin } = await publishBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version });
    const b = await makeIssue();
    const error = await compileBulletin(t.db, viewerOf(manager), { ...content([a.id, b.id], { title: "偷偷改标题" }), bulletinId: bulletin.id, version: bulletin.version }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulletinImmutable);
    expect((error as BulletinImmutable).message).toMatch(/published bulletin cannot be changed.*correct/i);
    await expect(publishBulletin(t.db, viewerOf(manager), { bulletinId: bulletin.id, version: bulletin.version })).rejects.toBeInstanceOf(BulletinImmutable);
    const after = await bulletinRow(bulletin.id);
    expect(after).toMatchObject({ title: bulletin.title, version: bulletin.version, status: "published" });
    const rows = await t.db.select().from(bulletinIssues).where(eq(bulletinIssues.bulletinId, bulletin.id));
    expect(rows.map((r) => r.issueId)).toEqual([a.id]);
    expect(await audits("bulletin", bulletin.id)).toBe(2);
  });

  it("is corrected by a new revision of the same number that supersedes it on publication; the change is shown", async () => {
    const [a, b] = [await makeIssue(), await makeIssue()];
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id, b.id], { summary: "本期通报两项。" }));
    const { bulletin: first } = await publishBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version });
    const added = await makeIssue();

    const correction = await correctBulletin(t.db, viewerOf(manager), {
      bulletinId: first.id,
      version: first.version,
      summary: "本期通报两项（更正：第二项换为新核实问题）。",
      changeNote: "第二项经复核与第7期重复，换为新核实的问题。",
      issueIds: [a.id, added.id],
    });
    expect(correction).toMatchObject({ number: first.number, revision: 2, supersedesId: first.id, status: "draft", changeNote: "第二项经复核与第7期重复，换为新核实的问题。" });
    expect(await audits("bulletin", correction.id, "bulletin.saved")).toBe(1);
    expect((await bulletinRow(first.id)).status).toBe("published");

    // A second correction of the same revision is refused: continue the first.
    await expect(correctBulletin(t.db, viewerOf(manager2), { bulletinId: first.id, version: first.version, summary: "x", changeNote: "y" })).rejects.toBeInstanceOf(CorrectionExists);
    // A correction's draft needs its change note when saved.
    const noNote = await compileBulletin(t.db, viewerOf(manager), { ...content([a.id, added.id]), bulletinId: correction.id, version: correction.version }).catch((e: unknown) => e);
    expect(Object.keys((noNote as ValidationFailed).fieldErrors)).toEqual(["changeNote"]);

    const detail = (await getBulletin(t.db, viewerOf(manager), correction.id))!;
    const diff = (await getBulletinDiff(t.db, viewerOf(manager), detail))!;
    expect(diff.previous.id).toBe(first.id);
    expect(diff.summaryChanged).toBe(true);
    expect(diff.titleChanged).toBe(false);
    expect(diff.added.map((i) => i.id)).toEqual([added.id]);
    expect(diff.removed.map((i) => i.id)).toEqual([b.id]);

    const published = await publishBulletin(t.db, viewerOf(manager), { bulletinId: correction.id, version: correction.version });
    expect(published.bulletin).toMatchObject({ status: "published", number: first.number, revision: 2 });
    expect(published.superseded?.id).toBe(first.id);
    expect((await bulletinRow(first.id)).status).toBe("superseded");
    // Only the newly added issue is published by the correction; the carried one was already.
    expect(published.published.map((i) => i.id)).toEqual([added.id]);
    expect(await audits("issue", a.id, "issue.published")).toBe(1);
    expect(await audits("issue", added.id, "issue.published")).toBe(1);
    expect(await audits("bulletin", correction.id, "bulletin.corrected")).toBe(1);

    // The series goes on past the corrected number.
    const next = await compileBulletin(t.db, viewerOf(manager), content([await makeIssue().then((i) => i.id)]));
    const [{ n: sameNumber }] = await t.db.select({ n: count() }).from(bulletins).where(eq(bulletins.number, first.number));
    expect(sameNumber).toBe(2);
    expect(next.number).toBeGreaterThan(first.number);

    // A superseded revision cannot be corrected again, nor saved.
    const superseded = await bulletinRow(first.id);
    await expect(correctBulletin(t.db, viewerOf(manager), { bulletinId: first.id, version: superseded.version, summary: "x", changeNote: "y" })).rejects.toBeInstanceOf(CorrectionExists);
    await expect(compileBulletin(t.db, viewerOf(manager), { ...content([a.id]), bulletinId: first.id, version: superseded.version })).rejects.toBeInstanceOf(BulletinImmutable);
  });

  it("carries only its own published issues into a correction, not those another bulletin published", async () => {
    const [a, other] = [await makeIssue(), await makeIssue()];
    const first = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    const { bulletin } = await publishBulletin(t.db, viewerOf(manager), { bulletinId: first.id, version: first.version });
    const second = await compileBulletin(t.db, viewerOf(manager), content([other.id]));
    await publishBulletin(t.db, viewerOf(manager), { bulletinId: second.id, version: second.version });
    const error = await correctBulletin(t.db, viewerOf(manager), { bulletinId: bulletin.id, version: bulletin.version, summary: "x", changeNote: "加入另一期的问题", issueIds: [a.id, other.id] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).fieldErrors.issueIds[0]).toContain(`#${other.id}`);
    expect((error as ValidationFailed).fieldErrors.issueIds[0]).not.toContain(`#${a.id}`);
    const [{ n }] = await t.db.select({ n: count() }).from(bulletins).where(eq(bulletins.supersedesId, bulletin.id));
    expect(n).toBe(0);
  });

  it("can be corrected only by the management post, and only when published", async () => {
    const a = await makeIssue();
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    await expect(correctBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version, summary: "x", changeNote: "y" })).rejects.toBeInstanceOf(InvalidTransition);
    const { bulletin } = await publishBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version });
    for (const role of notManagers) {
      const user = await createUser(t.db, role);
      await expect(correctBulletin(t.db, viewerOf(user), { bulletinId: bulletin.id, version: bulletin.version, summary: "x", changeNote: "y" })).rejects.toBeInstanceOf(Forbidden);
    }
    const noNote = await correctBulletin(t.db, viewerOf(manager), { bulletinId: bulletin.id, version: bulletin.version, summary: "x", changeNote: " " }).catch((e: unknown) => e);
    expect(Object.keys((noNote as ValidationFailed).fieldErrors)).toEqual(["changeNote"]);
    await expect(correctBulletin(t.db, viewerOf(manager), { bulletinId: bulletin.id, version: bulletin.version - 1, summary: "x", changeNote: "y" })).rejects.toBeInstanceOf(Conflict);
    const [{ n }] = await t.db.select({ n: count() }).from(bulletins).where(eq(bulletins.supersedesId, bulletin.id));
    expect(n).toBe(0);
  });
});

describe("acknowledging a bulletin", () => {
  it("records each reader once: a second acknowledgement keeps one row and writes no second audit row", async () => {
    const a = await makeIssue();
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    const { bulletin } = await publishBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version });
    const first = await acknowledgeBulletin(t.db, viewerOf(leader), { bulletinId: bulletin.id });
    const again = await acknowledgeBulletin(t.db, viewerOf(leader), { bulletinId: bulletin.id });
    expect(first.acknowledged).toBe(true);
    expect(again.acknowledged).toBe(false);
    expect(again.acknowledgedAt.getTime()).toBe(first.acknowledgedAt.getTime());
    await acknowledgeBulletin(t.db, viewerOf(dept), { bulletinId: bulletin.id });
    const rows = await t.db.select().from(bulletinAcknowledgements).where(eq(bulletinAcknowledgements.bulletinId, bulletin.id));
    expect(rows.map((r) => r.userId).sort()).toEqual([leader.id, dept.id].sort());
    expect(await audits("bulletin", bulletin.id, "bulletin.acknowledged")).toBe(2);

    const readers = (await listBulletinReaders(t.db, viewerOf(manager), bulletin.id))!;
    expect(readers.read.map((r) => r.userId)).toEqual([leader.id, dept.id]);
    expect(readers.unread.map((r) => r.userId)).toContain(leader2.id);
    expect(readers.unread.map((r) => r.userId)).not.toContain(disabledLeader.id);
    expect(await listBulletinReaders(t.db, viewerOf(leader), bulletin.id)).toBeNull();

    const seen = await listBulletinSeries(t.db, viewerOf(leader));
    expect(seen.find((s) => s.id === bulletin.id)?.acknowledgedByMe).toBe(true);
  });

  it("is for leadership and departments only; a draft is not found; a superseded revision points to the current one", async () => {
    const a = await makeIssue();
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    await expect(acknowledgeBulletin(t.db, viewerOf(leader), { bulletinId: draft.id })).rejects.toBeInstanceOf(NotFound);
    await expect(acknowledgeBulletin(t.db, viewerOf(leader), { bulletinId: 999_999 })).rejects.toBeInstanceOf(NotFound);
    const { bulletin } = await publishBulletin(t.db, viewerOf(manager), { bulletinId: draft.id, version: draft.version });
    for (const role of ["agent", "supervisor", "specialist", "manager", "admin"] as const) {
      const user = await createUser(t.db, role);
      await expect(acknowledgeBulletin(t.db, viewerOf(user), { bulletinId: bulletin.id })).rejects.toBeInstanceOf(Forbidden);
    }
    const correction = await correctBulletin(t.db, viewerOf(manager), { bulletinId: bulletin.id, version: bulletin.version, summary: "更正", changeNote: "更正错字" });
    await publishBulletin(t.db, viewerOf(manager), { bulletinId: correction.id, version: correction.version });
    await expect(acknowledgeBulletin(t.db, viewerOf(leader2), { bulletinId: bulletin.id })).rejects.toBeInstanceOf(NotAcknowledgeable);
    const [{ n }] = await t.db.select({ n: count() }).from(bulletinAcknowledgements).where(inArray(bulletinAcknowledgements.bulletinId, [draft.id, bulletin.id]));
    expect(n).toBe(0);
    expect(await audits("bulletin", bulletin.id, "bulletin.acknowledged")).toBe(0);
  });
});

describe("who sees which bulletin", () => {
  it("shows drafts to the management post only; readers see published and corrected ones", async () => {
    const a = await makeIssue();
    const draft = await compileBulletin(t.db, viewerOf(manager), content([a.id]));
    expect((await listBulletinSeries(t.db, viewerOf(manager))).some((b) => b.id === draft.id)).toBe(true);
    for (const role of ["leadership", "department", "specialist", "admin"] as const) {
      const user = await createUser(t.db, role);
      const list = await listBulletinSeries(t.db, viewerOf(user));
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((b) => b.status !== "draft")).toBe(true);
      expect(await getBulletin(t.db, viewerOf(user), draft.id)).toBeNull();
    }
    for (const role of ["agent", "supervisor"] as const) {
      const user = await createUser(t.db, role);
      expect(await listBulletinSeries(t.db, viewerOf(user))).toEqual([]);
    }
    const filtered = await listBulletinSeries(t.db, viewerOf(manager), { status: "draft" });
    expect(filtered.every((b) => b.status === "draft")).toBe(true);
    expect((await listBulletinSeries(t.db, viewerOf(manager), { q: "第3期" })).map((b) => b.number)).toEqual([3]);
  });
});
