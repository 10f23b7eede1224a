import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { categories, sites } from "@/db/schema";

/**
 * The codes an integration sends, as this installation has them (administrators edit the
 * categories): public, since the developers page lists them for whoever writes a client.
 */
export async function listReferenceCodes(db: Executor) {
  const parent = alias(categories, "parent");
  const [categoryRows, siteRows] = await Promise.all([
    db
      .select({ code: categories.code, nameHans: categories.nameHans, nameEn: categories.nameEn, parentCode: parent.code })
      .from(categories)
      .leftJoin(parent, eq(parent.id, categories.parentId))
      .where(eq(categories.active, true))
      .orderBy(asc(categories.code)),
    db.select({ code: sites.code, nameHans: sites.nameHans, nameEn: sites.nameEn }).from(sites).orderBy(asc(sites.code)),
  ]);
  return { categories: categoryRows, sites: siteRows };
}
