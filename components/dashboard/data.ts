import "server-only";
import { cache } from "react";
import { asc } from "drizzle-orm";
import { getReadDb } from "@/db";
import { getOwnContribution } from "@/db/queries/stats/people";
import { categories, departments, sites, teams } from "@/db/schema";
import type { StatsFilters } from "@/lib/stats/filters";
import { runStatsFigure, type StatsFigure } from "@/lib/stats/registry";
import type { StatsScope } from "@/lib/stats/scope";
import type { FigureResult } from "@/lib/stats/tables";

/**
 * The dashboard's reads, cached per request: the freshness line, a section and a figure's
 * table can ask for the same figure and it is computed once.
 */
const cachedFigure = cache(async (figure: StatsFigure, filtersKey: string, scopeKey: string): Promise<unknown> => {
  const db = await getReadDb();
  return runStatsFigure(db, figure, JSON.parse(filtersKey) as StatsFilters, JSON.parse(scopeKey) as StatsScope);
});

export function loadFigure<F extends StatsFigure>(figure: F, filters: StatsFilters, scope: StatsScope): Promise<FigureResult<F>> {
  return cachedFigure(figure, JSON.stringify(filters), JSON.stringify(scope)) as Promise<FigureResult<F>>;
}

const cachedOwn = cache(async (filtersKey: string, authorId: number) => getOwnContribution(await getReadDb(), JSON.parse(filtersKey) as StatsFilters, authorId));

export function loadOwnContribution(filters: StatsFilters, authorId: number) {
  return cachedOwn(JSON.stringify(filters), authorId);
}

/**
 * Reference rows for the filters form and the scope's labels (sites, the category tree,
 * departments, teams): a few dozen rows, read directly.
 */
export const loadDashboardOptions = cache(async () => {
  const db = await getReadDb();
  const [siteRows, categoryRows, departmentRows, teamRows] = await Promise.all([
    db.select({ id: sites.id, nameHans: sites.nameHans, nameHant: sites.nameHant, nameEn: sites.nameEn }).from(sites).orderBy(asc(sites.id)),
    db
      .select({ id: categories.id, parentId: categories.parentId, nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn })
      .from(categories)
      .orderBy(asc(categories.position), asc(categories.id)),
    db.select({ id: departments.id, nameHans: departments.nameHans, nameHant: departments.nameHant, nameEn: departments.nameEn }).from(departments).orderBy(asc(departments.id)),
    db.select({ id: teams.id, siteId: teams.siteId, name: teams.name }).from(teams).orderBy(asc(teams.id)),
  ]);
  return { sites: siteRows, categories: categoryRows, departments: departmentRows, teams: teamRows };
});

export type DashboardOptions = Awaited<ReturnType<typeof loadDashboardOptions>>;
