import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres } from "@/db/client";
import { auditLog, categories, departments, records, regions, settings, sites } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { categoryTree } from "@/db/seed/reference-data";
import { allRegions } from "@/lib/regions";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

function countTree(nodes: typeof categoryTree): number {
  return nodes.reduce((n, c) => n + 1 + countTree(c.children ?? []), 0);
}

describe("schema and reference data", () => {
  it("migrates and seeds the three sites, departments, categories, regions and settings", async () => {
    const siteRows = await t.db.select().from(sites).orderBy(sites.code);
    expect(siteRows.map((s) => s.nameHant).sort()).toEqual(["上海", "天津", "蘇州"].sort());
    const [{ n: deptCount }] = await t.db.select({ n: count() }).from(departments);
    expect(deptCount).toBe(7);
    const [{ n: categoryCount }] = await t.db.select({ n: count() }).from(categories);
    expect(categoryCount).toBe(countTree(categoryTree));
    const [{ n: regionCount }] = await t.db.select({ n: count() }).from(regions);
    expect(regionCount).toBe(allRegions().length);
    const [{ n: provinceCount }] = await t.db.select({ n: count() }).from(regions).where(eq(regions.level, "province"));
    expect(provinceCount).toBe(34);
    const [targets] = await t.db.select().from(settings).where(eq(settings.key, "workflow.targets"));
    expect(targets.value).toMatchObject({ escalationToVerificationDays: 7 });
  });

  it("keeps categories as a tree with children under their parent", async () => {
    const [pin] = await t.db.select().from(categories).where(eq(categories.code, "pin"));
    const children = await t.db.select().from(categories).where(eq(categories.parentId, pin.id));
    expect(children.map((c) => c.code)).toContain("pin.letter");
  });

  it("seeds reference data idempotently", async () => {
    await seedReference(t.db);
    const [{ n }] = await t.db.select({ n: count() }).from(sites);
    expect(n).toBe(3);
    const [{ n: categoryCount }] = await t.db.select({ n: count() }).from(categories);
    expect(categoryCount).toBe(countTree(categoryTree));
  });

  it("refuses to change or delete audit rows", async () => {
    const [row] = await t.db
      .insert(auditLog)
      .values({ action: "test.written", entityType: "test", entityId: "1" })
      .returning();
    await expect(t.db.update(auditLog).set({ action: "test.rewritten" }).where(eq(auditLog.id, row.id))).rejects.toThrow();
    await expect(t.db.delete(auditLog).where(eq(auditLog.id, row.id))).rejects.toThrow();
    const [still] = await t.db.select().from(auditLog).where(eq(auditLog.id, row.id));
    expect(still.action).toBe("test.written");
  });

  it("refuses a record with a blank summary or an unknown region", async () => {
    const [category] = await t.db.select().from(categories).limit(1);
    await expect(
      t.db.insert(records).values({ kind: "complaint", channel: "hotline", categoryId: category.id, summary: "   " }),
    ).rejects.toThrow();
    await expect(
      t.db.insert(records).values({ kind: "complaint", channel: "hotline", categoryId: category.id, summary: "测试", regionCode: "999999" }),
    ).rejects.toThrow();
  });

  it("stores timestamps with their time zone", async () => {
    const rows = await t.db.execute(sql`select data_type from information_schema.columns where table_name = 'records' and column_name = 'created_at'`);
    const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
    expect(list).toEqual([{ data_type: "timestamp with time zone" }]);
  });
});

describe("stopping and restarting keeps every record", () => {
  it("on the embedded engine, across close and reopen of its folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "voc-pglite-"));
    const dataDir = path.join(dir, "pglite");
    try {
      const first = await openPglite(dataDir);
      await first.migrate();
      await seedReference(first.db);
      const [category] = await first.db.select().from(categories).limit(1);
      await first.db.insert(records).values({ kind: "suggestion", channel: "hotline", categoryId: category.id, summary: "重启后仍在" });
      await first.close();

      const second = await openPglite(dataDir);
      await second.migrate();
      const kept = await second.db.select().from(records).where(eq(records.summary, "重启后仍在"));
      expect(kept).toHaveLength(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses to open an embedded folder another live process holds, and takes over a dead one's lock", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "voc-lock-"));
    const dataDir = path.join(dir, "pglite");
    try {
      writeFileSync(`${dataDir}.lock`, String(process.ppid));
      await expect(openPglite(dataDir)).rejects.toThrow(/in use by process/);
      writeFileSync(`${dataDir}.lock`, "2147483646");
      const handle = await openPglite(dataDir);
      await handle.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("on the engine this suite runs on, across a new connection", async () => {
    const [category] = await t.db.select().from(categories).limit(1);
    await t.db.insert(records).values({ kind: "praise", channel: "hotline", categoryId: category.id, summary: "重新连接后仍在" });
    if (!t.url) {
      // The embedded engine's reconnect is a reopen of its folder, proven above.
      const kept = await t.db.select().from(records).where(eq(records.summary, "重新连接后仍在"));
      expect(kept).toHaveLength(1);
      return;
    }
    const again = await openPostgres(t.url, { max: 1 });
    try {
      const kept = await again.db.select().from(records).where(eq(records.summary, "重新连接后仍在"));
      expect(kept).toHaveLength(1);
    } finally {
      await again.close();
    }
  });
});
