import { sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { categories, departments, regions, settings, sites } from "@/db/schema";
import { allRegions } from "@/lib/regions";
import { categoryTree, defaultSettings, departmentSeeds, siteSeeds, type CategorySeed } from "./reference-data";

/**
 * Reference data every installation needs, on either engine: regions, categories, the sites
 * and departments of the organisation, default settings. Idempotent: existing rows (which an
 * admin may have edited) are left as they are.
 */
export async function seedReference(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const regionRows = allRegions().map((r) => ({
      code: r.code,
      parentCode: r.parentCode,
      level: r.level,
      nameHans: r.nameHans,
      nameHant: r.nameHant,
      nameEn: r.nameEn,
      pinyin: r.pinyin,
    }));
    for (let i = 0; i < regionRows.length; i += 200) {
      await tx.insert(regions).values(regionRows.slice(i, i + 200)).onConflictDoNothing();
    }
    await tx
      .insert(sites)
      .values(siteSeeds.map((s) => ({ code: s.code, nameHans: s.hans, nameHant: s.hant, nameEn: s.en, seats: s.seats })))
      .onConflictDoNothing();
    await tx
      .insert(departments)
      .values(departmentSeeds.map((d) => ({ code: d.code, kind: d.kind, nameHans: d.hans, nameHant: d.hant, nameEn: d.en })))
      .onConflictDoNothing();
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(categories);
    if (count === 0) await insertCategories(tx, categoryTree, null);
    await tx
      .insert(settings)
      .values(Object.entries(defaultSettings).map(([key, value]) => ({ key, value })))
      .onConflictDoNothing();
  });
}

async function insertCategories(db: Executor, tree: CategorySeed[], parentId: number | null): Promise<void> {
  for (const [position, node] of tree.entries()) {
    const [row] = await db
      .insert(categories)
      .values({ code: node.code, parentId, nameHans: node.hans, nameHant: node.hant, nameEn: node.en, position })
      .returning({ id: categories.id });
    if (node.children) await insertCategories(db, node.children, row.id);
  }
}
