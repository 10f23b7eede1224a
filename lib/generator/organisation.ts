import { asc, eq, max, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bulletins, categories, departments, meetings, regions, sites, teams, users } from "@/db/schema";

/** The organisation the generated data lands in: what already exists, read once, in id order. */
export interface Organisation {
  sites: { id: number; code: string; seats: number; specialistId: number | null }[];
  teams: { id: number; siteId: number; name: string; supervisorId: number | null; agentIds: number[] }[];
  /** Leaf categories by code (pin.letter included), with their top-level code. */
  categories: Map<string, { id: number; nameHans: string; root: string }>;
  departments: Map<string, { id: number; nameHans: string; ownerId: number | null; ownerName: string | null }>;
  managers: number[];
  /** City codes by province prefix (two digits). */
  cities: Map<string, string[]>;
  maxBulletinNumber: number;
  /** Meetings already held or planned, by month (YYYY-MM). */
  meetingsByMonth: Map<string, number>;
}

export async function loadOrganisation(db: Database): Promise<Organisation> {
  const siteRows = await db.select({ id: sites.id, code: sites.code, seats: sites.seats }).from(sites).orderBy(asc(sites.id));
  const staff = await db
    .select({ id: users.id, name: users.name, role: users.role, siteId: users.siteId, teamId: users.teamId, departmentId: users.departmentId })
    .from(users)
    .where(eq(users.status, "active"))
    .orderBy(asc(users.id));
  const teamRows = await db.select({ id: teams.id, siteId: teams.siteId, name: teams.name }).from(teams).orderBy(asc(teams.id));
  const categoryRows = await db
    .select({ id: categories.id, code: categories.code, nameHans: categories.nameHans, parentId: categories.parentId })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.id));
  const departmentRows = await db
    .select({ id: departments.id, code: departments.code, nameHans: departments.nameHans })
    .from(departments)
    .where(eq(departments.active, true))
    .orderBy(asc(departments.id));
  const cityRows = await db
    .select({ code: regions.code, parentCode: regions.parentCode })
    .from(regions)
    .where(eq(regions.level, "city"))
    .orderBy(asc(regions.code));
  const [{ number }] = await db.select({ number: max(bulletins.number) }).from(bulletins);
  const meetingRows = await db.select({ id: meetings.id, heldOn: meetings.heldOn }).from(meetings).orderBy(asc(meetings.id));

  const byId = new Map(categoryRows.map((c) => [c.id, c]));
  const parents = new Set(categoryRows.map((c) => c.parentId).filter((id): id is number => id !== null));
  const leafCategories = new Map<string, { id: number; nameHans: string; root: string }>();
  for (const c of categoryRows) {
    if (parents.has(c.id)) continue;
    let top = c;
    while (top.parentId !== null && byId.has(top.parentId)) top = byId.get(top.parentId)!;
    leafCategories.set(c.code, { id: c.id, nameHans: c.nameHans, root: top.code });
  }

  const cities = new Map<string, string[]>();
  for (const c of cityRows) {
    const province = (c.parentCode ?? c.code).slice(0, 2);
    const list = cities.get(province) ?? [];
    list.push(c.code);
    cities.set(province, list);
  }

  const departmentOwners = new Map<number, { id: number; name: string }>();
  for (const u of staff) if (u.role === "department" && u.departmentId && !departmentOwners.has(u.departmentId)) departmentOwners.set(u.departmentId, u);

  const meetingsByMonth = new Map<string, number>();
  for (const m of meetingRows) if (!meetingsByMonth.has(m.heldOn.slice(0, 7))) meetingsByMonth.set(m.heldOn.slice(0, 7), m.id);

  return {
    sites: siteRows.map((s) => ({
      ...s,
      seats: s.seats > 0 ? s.seats : 100,
      specialistId: staff.find((u) => u.role === "specialist" && u.siteId === s.id)?.id ?? null,
    })),
    teams: teamRows
      .map((t) => ({
        ...t,
        supervisorId: staff.find((u) => u.role === "supervisor" && u.teamId === t.id)?.id ?? null,
        agentIds: staff.filter((u) => u.role === "agent" && u.teamId === t.id).map((u) => u.id),
      }))
      .filter((t) => t.agentIds.length > 0),
    categories: leafCategories,
    departments: new Map(
      departmentRows.map((d) => {
        const owner = departmentOwners.get(d.id);
        return [d.code, { id: d.id, nameHans: d.nameHans, ownerId: owner?.id ?? null, ownerName: owner?.name ?? null }];
      }),
    ),
    managers: staff.filter((u) => u.role === "manager").map((u) => u.id),
    cities,
    maxBulletinNumber: number ?? 0,
    meetingsByMonth,
  };
}

/** True when the database has no users: the demo organisation must be seeded first. */
export async function hasNoUsers(db: Database): Promise<boolean> {
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return count === 0;
}
