import { sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { listFixEffects } from "@/db/queries/stats/effects";
import { foldCellDeltas } from "@/db/queries/stats/fold";
import { listTeamContributions } from "@/db/queries/stats/people";
import {
  countRecordsByCategory,
  countRecordsByChannel,
  countRecordsByProvince,
  countRecordsBySite,
  getRecordTrend,
  getShifts,
  listRisingCategories,
} from "@/db/queries/stats/records";
import {
  countOpenIssuesByAge,
  getActionsOnTime,
  getCycleTimes,
  getResolution,
  listBulletinVolumes,
} from "@/db/queries/stats/workflow";
import { defaultStatsFilters, type StatsFilters } from "./filters";
import type { StatsScope } from "./scope";

export { defaultStatsFilters };
export type { StatsFilters };

/**
 * Every dashboard figure by the name the API serves it under (`GET /api/v1/stats/<name>`) and
 * the benchmark times it by. One query module behind pages, API and benchmark.
 */
export const statsFigures = {
  trend: getRecordTrend,
  categories: countRecordsByCategory,
  channels: countRecordsByChannel,
  sites: countRecordsBySite,
  provinces: countRecordsByProvince,
  shifts: getShifts,
  rising: (db: Executor, filters: StatsFilters, scope: StatsScope) => listRisingCategories(db, filters, scope),
  resolution: getResolution,
  "open-issues": (db: Executor, filters: StatsFilters, scope: StatsScope) => countOpenIssuesByAge(db, filters, scope),
  "actions-on-time": (db: Executor, filters: StatsFilters, scope: StatsScope) => getActionsOnTime(db, filters, scope),
  "cycle-times": getCycleTimes,
  bulletins: listBulletinVolumes,
  "fix-effects": (db: Executor, filters: StatsFilters, scope: StatsScope) => listFixEffects(db, filters, scope),
  teams: listTeamContributions,
} as const satisfies Record<string, (db: Executor, filters: StatsFilters, scope: StatsScope) => Promise<unknown>>;

export type StatsFigure = keyof typeof statsFigures;
export const statsFigureNames = Object.keys(statsFigures) as StatsFigure[];

export function isStatsFigure(name: string): name is StatsFigure {
  return Object.hasOwn(statsFigures, name);
}

export type StatsFigureResult<F extends StatsFigure> = Awaited<ReturnType<(typeof statsFigures)[F]>>;

/**
 * Computes a figure in one transaction without parallel workers: a figure reads a few thousand
 * cells, and starting workers for that costs more than it saves (four times the time on two
 * cores at ten million records). Pages, API and benchmark all come through here.
 */
export async function runStatsFigure<F extends StatsFigure>(db: Database, figure: F, filters: StatsFilters, scope: StatsScope): Promise<StatsFigureResult<F>> {
  const run = statsFigures[figure] as (db: Executor, filters: StatsFilters, scope: StatsScope) => Promise<StatsFigureResult<F>>;
  return db.transaction(async (tx): Promise<StatsFigureResult<F>> => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    // Records written until now are in the figure: the waiting deltas go into the cells first.
    await foldCellDeltas(tx);
    return run(tx, filters, scope);
  });
}

/** For the benchmark: every figure as the management post sees it (the widest scope). */
export const dashboardQueries: ReadonlyArray<{ name: string; run(db: Database, filters: StatsFilters): Promise<unknown> }> = statsFigureNames.map(
  (name) => ({ name, run: (db: Database, filters: StatsFilters) => runStatsFigure(db, name, filters, { level: "all" }) }),
);
