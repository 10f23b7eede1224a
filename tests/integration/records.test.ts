import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, categories, issues, records } from "@/db/schema";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { correctOwnRecord, createRecord, RecordLocked, type NewRecordInput } from "@/lib/services/records";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const base: NewRecordInput = {
  kind: "complaint",
  channel: "hotline",
  categoryCode: "pin.letter",
  region: "蘇州",
  summary: "开卡后密码函迟迟未到",
  customerWords: "客户说卡号 4111 1111 1111 1111 的卡已激活一周，密码函还没收到。",
  urgency: "normal",
  valuable: true,
};

async function auditRows(entityId: number, action = "record.created") {
  const [{ n }] = await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityType, "record"), eq(auditLog.entityId, String(entityId)), eq(auditLog.action, action)));
  return n;
}

async function recordCount() {
  const [{ n }] = await t.db.select({ n: count() }).from(records);
  return n;
}

describe("an agent's quick record", () => {
  it("is saved with the agent's site and team, masked, reported to the supervisor, with one audit row", async () => {
    const agent = await createUser(t.db, "agent");
    const { record, created, masked } = await createRecord(t.db, { type: "staff", viewer: viewerOf(agent) }, base);
    expect(created).toBe(true);
    expect(masked).toBe(1);
    expect(record.siteId).toBe(agent.siteId);
    expect(record.teamId).toBe(agent.teamId);
    expect(record.authorId).toBe(agent.id);
    expect(record.status).toBe("reported");
    expect(record.regionCode).toBe("320500");
    expect(record.customerWords).toContain("************1111");
    expect(record.customerWords).not.toContain("4111 1111");
    expect(record.dueAt!.getTime() - record.occurredAt.getTime()).toBe(15 * 86_400_000);
    expect(await auditRows(record.id)).toBe(1);
  });

  it("never makes a second record from a double submit", async () => {
    const agent = await createUser(t.db, "agent");
    const before = await recordCount();
    const first = await createRecord(t.db, { type: "staff", viewer: viewerOf(agent) }, { ...base, externalId: "form:abc12345" });
    const second = await createRecord(t.db, { type: "staff", viewer: viewerOf(agent) }, { ...base, externalId: "form:abc12345" });
    expect(second.created).toBe(false);
    expect(second.record.id).toBe(first.record.id);
    expect(await recordCount()).toBe(before + 1);
    expect(await auditRows(first.record.id)).toBe(1);
  });

  it("refuses an unknown category or region, naming the field, and saves nothing", async () => {
    const agent = await createUser(t.db, "agent");
    const before = await recordCount();
    const badCategory = await createRecord(t.db, { type: "staff", viewer: viewerOf(agent) }, { ...base, categoryCode: "no.such" }).catch((e: unknown) => e);
    expect(badCategory).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((badCategory as ValidationFailed).fieldErrors)).toEqual(["categoryCode"]);
    const badRegion = await createRecord(t.db, { type: "staff", viewer: viewerOf(agent) }, { ...base, region: "亚特兰蒂斯" }).catch((e: unknown) => e);
    expect(Object.keys((badRegion as ValidationFailed).fieldErrors)).toEqual(["region"]);
    expect(await recordCount()).toBe(before);
  });

  it("is refused to roles that do not record, with nothing written", async () => {
    const before = await recordCount();
    for (const role of ["supervisor", "manager", "department", "leadership", "admin"] as const) {
      const user = await createUser(t.db, role);
      await expect(createRecord(t.db, { type: "staff", viewer: viewerOf(user) }, base)).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await recordCount()).toBe(before);
  });

  it("can join an open issue, and not a closed one", async () => {
    const agent = await createUser(t.db, "agent");
    const [category] = await t.db.select().from(categories).where(eq(categories.code, "pin.letter"));
    const [open] = await t.db.insert(issues).values({ type: "problem", title: "密码函寄送滞后", categoryId: category.id, status: "escalated" }).returning();
    const [closed] = await t.db.insert(issues).values({ type: "problem", title: "已解决的问题", categoryId: category.id, status: "resolved" }).returning();
    const { record } = await createRecord(t.db, { type: "staff", viewer: viewerOf(agent) }, { ...base, joinIssueId: open.id });
    expect(record.issueId).toBe(open.id);
    expect(record.status).toBe("linked");
    const refused = await createRecord(t.db, { type: "staff", viewer: viewerOf(agent) }, { ...base, joinIssueId: closed.id }).catch((e: unknown) => e);
    expect(Object.keys((refused as ValidationFailed).fieldErrors)).toEqual(["joinIssueId"]);
  });
});

describe("correcting one's own record", () => {
  it("changes the record, raises its version and records what changed", async () => {
    const agent = await createUser(t.db, "agent");
    const { record } = await createRecord(t.db, { type: "staff", viewer: viewerOf(agent) }, base);
    const updated = await correctOwnRecord(t.db, viewerOf(agent), {
      id: record.id,
      version: record.version,
      kind: "suggestion",
      categoryCode: "pin.reset",
      region: "320500",
      summary: "建议开卡时直接设置密码",
      customerWords: "",
      urgency: "normal",
      valuable: false,
    });
    expect(updated.version).toBe(record.version + 1);
    expect(updated.kind).toBe("suggestion");
    expect(updated.status).toBe("new");
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "record.corrected"), eq(auditLog.entityId, String(record.id))));
    expect(audit.data).toMatchObject({ changed: expect.arrayContaining(["kind", "categoryId", "summary", "valuable", "status"]) });
  });

  it("says someone else changed it first (stale version), and nothing changes", async () => {
    const agent = await createUser(t.db, "agent");
    const { record } = await createRecord(t.db, { type: "staff", viewer: viewerOf(agent) }, base);
    const correction = { id: record.id, version: record.version, kind: "complaint" as const, categoryCode: "pin.letter", summary: "第一次更正", customerWords: "", urgency: "normal" as const, valuable: true };
    await correctOwnRecord(t.db, viewerOf(agent), correction);
    await expect(correctOwnRecord(t.db, viewerOf(agent), { ...correction, summary: "第二次更正" })).rejects.toBeInstanceOf(Conflict);
    const [row] = await t.db.select().from(records).where(eq(records.id, record.id));
    expect(row.summary).toBe("第一次更正");
  });

  it("does not find another agent's record, and refuses a record already acted on", async () => {
    const owner = await createUser(t.db, "agent");
    const other = await createUser(t.db, "agent");
    const { record } = await createRecord(t.db, { type: "staff", viewer: viewerOf(owner) }, base);
    const correction = { id: record.id, version: record.version, kind: "complaint" as const, categoryCode: "pin.letter", summary: "改写", customerWords: "", urgency: "normal" as const, valuable: false };
    await expect(correctOwnRecord(t.db, viewerOf(other), correction)).rejects.toBeInstanceOf(NotFound);
    await t.db.update(records).set({ status: "dismissed", dismissedReason: "重复" }).where(eq(records.id, record.id));
    await expect(correctOwnRecord(t.db, viewerOf(owner), correction)).rejects.toBeInstanceOf(RecordLocked);
    expect(await auditRows(record.id, "record.corrected")).toBe(0);
  });
});
