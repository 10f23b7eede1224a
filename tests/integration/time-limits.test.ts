import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { records, settings, sites, type Role } from "@/db/schema";
import { countComplaintClocks, getTimeLimitSettings } from "@/db/queries/time-limits";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { updateSetting } from "@/lib/services/settings";
import {
  actionClock,
  ComplaintClosed,
  endOfDueDate,
  ExtensionNeedsApproval,
  extendComplaintDeadline,
  getTimeLimitOverview,
  NoMoreExtensions,
} from "@/lib/services/time-limits";
import { defaultWorkflowTargets } from "@/lib/validation/time-limits";
import type { Viewer } from "@/lib/viewer";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";
import { auditRows, categoryId, dayFromToday, footprint, makeAction, makeIssue } from "../helpers/loop-fixtures";

const DAY = 86_400_000;
/** Noon in Shanghai: a fixed "now" so every limit below is counted by hand. */
const now = new Date("2026-06-15T04:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let t: TestDatabase;
let manager: Viewer;
let admin: Viewer;
let specialist: Viewer;
let farSpecialist: Viewer;
let siteId: number;
const others: Partial<Record<Role, Viewer>> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const siteRows = await t.db.select().from(sites).orderBy(sites.id);
  siteId = siteRows[0].id;
  manager = viewerOf(await createUser(t.db, "manager"));
  admin = viewerOf(await createUser(t.db, "admin"));
  specialist = viewerOf(await createUser(t.db, "specialist"));
  farSpecialist = viewerOf(await createUser(t.db, "specialist", { siteId: siteRows[1].id }));
  for (const role of ["agent", "supervisor", "department", "leadership"] as const) others[role] = viewerOf(await createUser(t.db, role));
});
afterAll(async () => {
  await t?.close();
});

async function complaint(values: Partial<typeof records.$inferInsert> & { occurredAt: Date }) {
  const [row] = await t.db
    .insert(records)
    .values({
      kind: "complaint",
      channel: "hotline",
      categoryId: await categoryId(t.db),
      siteId,
      summary: "投诉",
      valuable: true,
      status: "reported",
      dueAt: new Date(values.occurredAt.getTime() + 15 * DAY),
      createdAt: values.occurredAt,
      ...values,
    })
    .returning();
  return row;
}

describe("the time-limits panel", () => {
  it("counts, per stage, what is open, near its limit and past it, and lists the near and overdue, as counted by hand", async () => {
    // Escalation → verification: 7 days, near from 5.6.
    const i1 = await makeIssue(t.db, "escalated", { escalatedAt: ago(2) });
    const i2 = await makeIssue(t.db, "reported", { escalatedAt: ago(6) });
    const i3 = await makeIssue(t.db, "returned", { escalatedAt: ago(8) });
    await makeIssue(t.db, "verified", { escalatedAt: ago(30), verifiedAt: ago(20) });
    // Bulletin → disposition: 5 days, near from 4.
    await makeIssue(t.db, "published", { publishedAt: ago(1) });
    const p2 = await makeIssue(t.db, "published", { publishedAt: ago(4.5) });
    const p3 = await makeIssue(t.db, "published", { publishedAt: ago(6) });
    const parent = await makeIssue(t.db, "in_action", { publishedAt: ago(60) });
    // Disposition → done: to the due date, or 30 days without one; near from 80% of it.
    await makeAction(t.db, parent.id, "card_ops", "assigned", { createdAt: ago(10), dueOn: dayFromToday(20, now) });
    const ac2 = await makeAction(t.db, parent.id, "it", "in_progress", { createdAt: ago(20), dueOn: dayFromToday(2, now) });
    const ac3 = await makeAction(t.db, parent.id, "risk", "reopened", { createdAt: ago(40), dueOn: dayFromToday(-1, now) });
    const ac4 = await makeAction(t.db, parent.id, "product", "assigned", { createdAt: ago(25) });
    await makeAction(t.db, parent.id, "card_ops", "done", { createdAt: ago(60), dueOn: dayFromToday(-30, now) });
    // Complaints: 15 days, near from 12.
    await complaint({ occurredAt: ago(3) });
    const c2 = await complaint({ occurredAt: ago(13) });
    const c3 = await complaint({ occurredAt: ago(20), status: "linked", valuable: false, issueId: parent.id });
    const c4 = await complaint({ occurredAt: ago(16), channel: "web", status: "new", valuable: false, siteId: null, moderationStatus: "pending", trackingNumber: "VOC-TL-0001" });
    await complaint({ occurredAt: ago(20), status: "new", valuable: false });
    await complaint({ occurredAt: ago(20), status: "dismissed" });
    const resolvedIssue = await makeIssue(t.db, "resolved");
    await complaint({ occurredAt: ago(20), status: "linked", issueId: resolvedIssue.id });
    await complaint({ occurredAt: ago(20), kind: "suggestion" });
    await complaint({ occurredAt: ago(20), dueAt: new Date(ago(20).getTime() + 30 * DAY), dueExtensions: 1 });

    const overview = await getTimeLimitOverview(t.db, manager, now);
    expect(overview.stages).toEqual({
      escalation_to_verification: { open: 3, near: 1, overdue: 1 },
      bulletin_to_disposition: { open: 3, near: 1, overdue: 1 },
      disposition_to_done: { open: 4, near: 2, overdue: 1 },
      complaints: { open: 5, near: 1, overdue: 2 },
    });
    const flagged = overview.items.map((i) => `${i.kind}:${i.id}:${i.clock.state}`).sort();
    expect(flagged).toEqual(
      [
        `issue:${i2.id}:near`,
        `issue:${i3.id}:overdue`,
        `issue:${p2.id}:near`,
        `issue:${p3.id}:overdue`,
        `action:${ac2.id}:near`,
        `action:${ac3.id}:overdue`,
        `action:${ac4.id}:near`,
        `record:${c2.id}:near`,
        `record:${c3.id}:overdue`,
        `record:${c4.id}:overdue`,
      ].sort(),
    );
    expect(overview.items.some((i) => i.id === i1.id && i.kind === "issue")).toBe(false);
    // The most urgent first.
    const dues = overview.items.map((i) => i.clock.dueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    // A specialist sees their own site's complaints only (the public one has no site yet).
    expect(await countComplaintClocks(t.db, specialist, 0.8, now)).toEqual({ open: 4, near: 1, overdue: 1 });
    expect(await countComplaintClocks(t.db, farSpecialist, 0.8, now)).toEqual({ open: 0, near: 0, overdue: 0 });
  });

  it("counts an action against the end of its due day in the center's time zone", () => {
    const createdAt = new Date("2026-06-01T02:00:00Z");
    expect(endOfDueDate("2026-06-10").toISOString()).toBe("2026-06-10T16:00:00.000Z");
    expect(actionClock({ status: "assigned", createdAt, dueOn: "2026-06-10" }, defaultWorkflowTargets, new Date("2026-06-10T15:59:00Z"))?.state).toBe("near");
    expect(actionClock({ status: "assigned", createdAt, dueOn: "2026-06-10" }, defaultWorkflowTargets, new Date("2026-06-10T16:01:00Z"))?.state).toBe("overdue");
    expect(actionClock({ status: "done", createdAt, dueOn: "2026-06-10" }, defaultWorkflowTargets, new Date("2026-07-10T00:00:00Z"))).toBeNull();
  });

  it("is for the management post and leadership", async () => {
    for (const viewer of [others.agent!, others.department!, others.supervisor!]) {
      await expect(getTimeLimitOverview(t.db, viewer, now)).rejects.toBeInstanceOf(Forbidden);
    }
  });
});

describe("extending a complaint's deadline", () => {
  it("first by the site's specialist (to 30 days), the second only by the management post (30 more), then no more", async () => {
    const c = await complaint({ occurredAt: ago(10) });
    const due = c.dueAt!.getTime();
    const before = await footprint(t.db);
    const once = await extendComplaintDeadline(t.db, specialist, { recordId: c.id, version: c.version, reason: "需要调取录音核实" });
    expect(once).toMatchObject({ dueExtensions: 1, version: c.version + 1 });
    expect(once.dueAt!.getTime()).toBe(due + 15 * DAY);
    expect((await footprint(t.db)).audit - before.audit).toBe(1);
    const [audit] = await auditRows(t.db, "record.deadline_extended", "record", c.id);
    expect(audit).toMatchObject({ reason: "需要调取录音核实", actorRole: "specialist" });
    expect(audit.data).toMatchObject({ extensions: 1, addedDays: 15, limitDays: 30 });

    const mid = await footprint(t.db);
    await expect(extendComplaintDeadline(t.db, specialist, { recordId: c.id, version: once.version, reason: "再延" })).rejects.toBeInstanceOf(ExtensionNeedsApproval);
    expect(await footprint(t.db)).toEqual(mid);

    const twice = await extendComplaintDeadline(t.db, manager, { recordId: c.id, version: once.version, reason: "涉及多部门，批准再延期" });
    expect(twice.dueExtensions).toBe(2);
    expect(twice.dueAt!.getTime()).toBe(due + 45 * DAY);
    expect(await auditRows(t.db, "record.deadline_extended", "record", c.id)).toHaveLength(2);

    const end = await footprint(t.db);
    await expect(extendComplaintDeadline(t.db, manager, { recordId: c.id, version: twice.version, reason: "x" })).rejects.toBeInstanceOf(NoMoreExtensions);
    expect(await footprint(t.db)).toEqual(end);
  });

  it("lets the management post give the first extension too", async () => {
    const c = await complaint({ occurredAt: ago(5) });
    const once = await extendComplaintDeadline(t.db, manager, { recordId: c.id, version: c.version, reason: "待部门回复" });
    expect(once.dueExtensions).toBe(1);
  });

  it("is refused to other roles, another site's specialist, a non-complaint, a closed one, a stale version and no reason", async () => {
    const c = await complaint({ occurredAt: ago(5) });
    const suggestion = await complaint({ occurredAt: ago(5), kind: "suggestion" });
    const dismissed = await complaint({ occurredAt: ago(5), status: "dismissed" });
    const before = await footprint(t.db);
    for (const viewer of [others.agent!, others.supervisor!, others.department!, others.leadership!, admin]) {
      await expect(extendComplaintDeadline(t.db, viewer, { recordId: c.id, version: c.version, reason: "x" })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(extendComplaintDeadline(t.db, farSpecialist, { recordId: c.id, version: c.version, reason: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(extendComplaintDeadline(t.db, specialist, { recordId: suggestion.id, version: suggestion.version, reason: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(extendComplaintDeadline(t.db, specialist, { recordId: 999_999, version: 1, reason: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(extendComplaintDeadline(t.db, specialist, { recordId: dismissed.id, version: dismissed.version, reason: "x" })).rejects.toBeInstanceOf(ComplaintClosed);
    await expect(extendComplaintDeadline(t.db, specialist, { recordId: c.id, version: c.version + 1, reason: "x" })).rejects.toBeInstanceOf(Conflict);
    await expect(extendComplaintDeadline(t.db, specialist, { recordId: c.id, version: c.version, reason: "  " })).rejects.toBeInstanceOf(ValidationFailed);
    expect(await footprint(t.db)).toEqual(before);
  });
});

describe("the admin editing the targets", () => {
  it("reads the seeded defaults", async () => {
    const current = await getTimeLimitSettings(t.db);
    expect(current.targets).toEqual({ escalationToVerificationDays: 7, bulletinToDispositionDays: 5, dispositionToDoneDays: 30, warnAtShare: 0.8 });
    expect(current.clock).toEqual({ baseDays: 15, firstExtensionDays: 15, secondExtensionDays: 30 });
    expect(current.emailDelivery).toEqual({ enabled: false });
  });

  it("saves valid targets with the before and after in one audit row, and the panel follows them", async () => {
    const current = await getTimeLimitSettings(t.db);
    const value = { escalationToVerificationDays: 10, bulletinToDispositionDays: 3, dispositionToDoneDays: 45, warnAtShare: 0.75 };
    const before = await footprint(t.db);
    await updateSetting(t.db, admin, { key: "workflow.targets", value, updatedAt: current.updatedAt["workflow.targets"] ?? undefined });
    expect((await getTimeLimitSettings(t.db)).targets).toEqual(value);
    const [audit] = await auditRows(t.db, "settings.updated", "setting", "workflow.targets");
    expect(audit.data).toMatchObject({ before: current.targets, after: value });
    expect((await footprint(t.db)).audit - before.audit).toBe(1);
    const [row] = await t.db.select().from(settings).where(eq(settings.key, "workflow.targets"));
    expect(row.updatedBy).toBe(admin.id);
  });

  it("applies a changed complaint clock to the next extension", async () => {
    const current = await getTimeLimitSettings(t.db);
    await updateSetting(t.db, admin, { key: "complaints.clock", value: { baseDays: 15, firstExtensionDays: 10, secondExtensionDays: 30 }, updatedAt: current.updatedAt["complaints.clock"] ?? undefined });
    const c = await complaint({ occurredAt: ago(1) });
    const once = await extendComplaintDeadline(t.db, manager, { recordId: c.id, version: c.version, reason: "x" });
    expect(once.dueAt!.getTime() - c.dueAt!.getTime()).toBe(10 * DAY);
  });

  it("refuses other roles, values out of range naming the field, and a form loaded before someone else saved", async () => {
    const current = await getTimeLimitSettings(t.db);
    const before = await footprint(t.db);
    const valid = { ...current.targets };
    for (const viewer of [manager, specialist, others.agent!, others.leadership!]) {
      await expect(updateSetting(t.db, viewer, { key: "workflow.targets", value: valid })).rejects.toBeInstanceOf(Forbidden);
    }
    const invalid = await updateSetting(t.db, admin, { key: "workflow.targets", value: { ...valid, warnAtShare: 1.5, dispositionToDoneDays: 0 } }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((invalid as ValidationFailed).fieldErrors).sort()).toEqual(["dispositionToDoneDays", "warnAtShare"]);
    await expect(updateSetting(t.db, admin, { key: "workflow.targets", value: valid, updatedAt: "2020-01-01T00:00:00.000Z" })).rejects.toBeInstanceOf(Conflict);
    expect(await footprint(t.db)).toEqual(before);
  });
});
