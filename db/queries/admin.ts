import { asc, count, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiTokens, categories, departments, regions, sites, teams, users } from "@/db/schema";
import { assertCan } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";

export async function listUsers(db: Executor, viewer: Viewer) {
  assertCan(viewer, "admin.users");
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      lastSignInAt: users.lastSignInAt,
      site: { nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn },
      teamName: teams.name,
      department: { nameHans: departments.nameHans, nameHant: departments.nameHant, nameEn: departments.nameEn },
    })
    .from(users)
    .leftJoin(sites, eq(sites.id, users.siteId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .orderBy(asc(users.role), asc(users.email));
}

export async function getReferenceCounts(db: Executor, viewer: Viewer) {
  assertCan(viewer, "admin.reference");
  const [[s], [t], [d], [c], [r], [k]] = await Promise.all([
    db.select({ n: count() }).from(sites),
    db.select({ n: count() }).from(teams),
    db.select({ n: count() }).from(departments),
    db.select({ n: count() }).from(categories),
    db.select({ n: count() }).from(regions),
    db.select({ n: sql<number>`count(*) filter (where ${apiTokens.revokedAt} is null)::int` }).from(apiTokens),
  ]);
  return { sites: s.n, teams: t.n, departments: d.n, categories: c.n, regions: r.n, activeTokens: k.n };
}
