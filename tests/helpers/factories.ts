import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { departments, sites, teams, users, type Role, type User } from "@/db/schema";
import { hashPassword } from "@/lib/passwords";
import type { Viewer } from "@/lib/viewer";

let counter = 0;
let sharedHash: Promise<string> | undefined;

export const testPassword = "correct horse battery";

/** A user of the given role in the first site/team/department, with a known password. */
export async function createUser(db: Database, role: Role, overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  // Taken before the first await: callers create several users at once (Promise.all).
  const n = (counter += 1);
  sharedHash ??= hashPassword(testPassword);
  const [site] = await db.select().from(sites).orderBy(sites.id).limit(1);
  let teamId: number | null = null;
  if (role === "agent" || role === "supervisor") {
    const [team] = await db.select().from(teams).where(eq(teams.siteId, site.id)).limit(1);
    teamId = team?.id ?? (await db.insert(teams).values({ siteId: site.id, name: `测试组${n}` }).returning())[0].id;
  }
  const [department] = role === "department" ? await db.select().from(departments).orderBy(departments.id).limit(1) : [];
  const [user] = await db
    .insert(users)
    .values({
      email: `${role}.${n}.${Date.now()}@test.local`,
      name: `测试${n}`,
      role,
      passwordHash: await sharedHash,
      siteId: ["agent", "supervisor", "specialist"].includes(role) ? site.id : null,
      teamId,
      departmentId: department?.id ?? null,
      ...overrides,
    })
    .returning();
  return user;
}

export function viewerOf(user: User): Viewer {
  return { id: user.id, name: user.name, email: user.email, role: user.role, siteId: user.siteId, teamId: user.teamId, departmentId: user.departmentId };
}
