import { eq, sql } from "drizzle-orm";
import type { Database, Engine } from "@/db/client";
import { records as recordsTable, settings, type Channel, type RecordKind } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { Calendar } from "./calendar";
import { engineOf, loadRecords, runStatement, timePlainCopy } from "./loader";
import { hasNoUsers, loadOrganisation } from "./organisation";
import { Random } from "./random";
import { RecordFactory } from "./records";
import { forcedIssues, spikes } from "./story";
import { planVolume } from "./volume";
import { planWorkflow } from "./workflow-plan";
import { insertIssues, insertWorkflow } from "./workflow-write";

/**
 * Realistic contact-center data at any size, for demos and for measuring: records over the last
 * `days` days with weekly and daily rhythms, all kinds and channels, skewed categories and
 * regions, flares and the PIN-letter story, and the issues, reports, bulletins, actions and
 * meetings they lead to. Added on top of what the database holds (the demo organisation is
 * seeded first into an empty one). Deterministic: the same seed, size, days and today give the
 * same rows.
 */
export interface GenerateOptions {
  records: number;
  days?: number;
  seed?: number;
  /** YYYY-MM-DD, Shanghai. Without it: today, and the real time of day. */
  today?: string;
  /** Empty the intake and workflow tables first (the audit log is append-only and stays). */
  fresh?: boolean;
  /** Drop and rebuild the records' indexes (the primary key too) around the load; by default when the load is larger than the table. */
  rebuildIndexes?: boolean;
  /** Time a plain COPY of the first rows generated (logged and unlogged), for comparison: 1m by default; 0 turns it off. */
  baselineRows?: number;
  chunkRows?: number;
}

export type GeneratePhase = "prepare" | "records" | "indexes" | "workflow" | "rollups" | "baseline" | "done";

export interface GenerateProgress {
  phase: GeneratePhase;
  done: number;
  total: number;
}

export interface GenerateResult {
  engine: Engine;
  records: number;
  days: number;
  seed: number;
  today: string;
  batch: number;
  byKind: Record<RecordKind, number>;
  byChannel: Record<Channel, number>;
  linked: number;
  issues: number;
  reports: number;
  bulletins: number;
  actions: number;
  meetings: number;
  seconds: { prepare: number; load: number; rows: number; generate: number; indexes: number; workflow: number; rollups: number; baseline: number; total: number };
  /** Records a second from the first row sent to the commit, the index rebuild included. */
  loadRowsPerSecond: number;
  /**
   * Records a second while the rows went in: from the COPY's start to its last row, building
   * included, into the table as the reference's is (no index, no trigger).
   */
  rowsPerSecond: number;
  /** Whether the rows went in by COPY FREEZE (into an empty table), and how many indexes were rebuilt after. */
  copyFreeze: boolean;
  rebuiltIndexes: number;
  /**
   * The reference, in the same run: a plain COPY of the first `copyRows` of the same rows, already
   * built, into a logged table with the records' columns, defaults and check constraints but no
   * index or trigger (created in the COPY's transaction and FREEZE when the load was), timed to
   * its commit; the median of up to three.
   */
  copyRows: number;
  copyRowsPerSecond: number | null;
  /** The same COPY into an unlogged table, which writes no WAL: a second, harder yardstick. */
  copyUnloggedRowsPerSecond: number | null;
  /** rowsPerSecond against the logged COPY: the generator's rate against the database's bulk path for the same rows. */
  ratioToCopy: number | null;
  /** rowsPerSecond against the unlogged COPY. */
  ratioToUnloggedCopy: number | null;
  /** loadRowsPerSecond (the index rebuild counted, which the reference does not do) against the logged COPY. */
  ratioToCopyWithIndexes: number | null;
}

export const GENERATOR_SETTING = "generator.runs";
/**
 * The reference COPYs take the first million rows (memory: about 300 MB), since COPY's rate falls
 * as a load grows (the first 200k rows went in about a third faster a row than a million, one
 * after the other in one session); at least 600k rows are timed, the median of up to three runs.
 */
const BASELINE_ROWS = 1_000_000;
const REFERENCE_ROWS_TIMED = 600_000;

const TABLES_GENERATED = [
  "meeting_comments", "meeting_items", "meetings", "action_updates", "actions", "bulletin_acknowledgements", "bulletin_issues",
  "bulletins", "site_report_issues", "site_reports", "notifications", "records", "issues", "record_day_cells", "region_day_cells",
  "team_day_cells",
];

export async function generateData(db: Database, options: GenerateOptions, onProgress: (p: GenerateProgress) => void = () => {}): Promise<GenerateResult> {
  const started = performance.now();
  const records = Math.floor(options.records);
  if (!Number.isFinite(records) || records < 1) throw new Error("records must be a positive number");
  const days = Math.floor(options.days ?? 365);
  if (days < 7 || days > 3660) throw new Error("days must be between 7 and 3660");
  const seed = Math.floor(options.seed ?? 1) >>> 0;
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error("today must be YYYY-MM-DD");
  const realNow = Date.now();
  const calendar = options.today ? new Calendar(options.today) : new Calendar(Calendar.todayInShanghai(realNow), realNow);
  const engine = engineOf(db);
  onProgress({ phase: "prepare", done: 0, total: records });

  if (options.fresh) {
    await runStatement(db, `TRUNCATE ${TABLES_GENERATED.join(", ")}`);
    await db.delete(settings).where(eq(settings.key, GENERATOR_SETTING));
  }
  await seedReference(db);
  if (await hasNoUsers(db)) {
    const { seedDemo } = await import("@/db/seed/demo");
    await seedDemo(db, { now: new Date(calendar.nowMs) });
  }
  const org = await loadOrganisation(db);
  if (org.sites.length === 0 || org.categories.size === 0) throw new Error("The database has no sites or categories: run the reference seed first.");
  const [previous] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, GENERATOR_SETTING));
  const runs = Array.isArray(previous?.value) ? (previous.value as unknown[]) : [];
  const batch = runs.length + 1;
  const [{ existing }] = await db.select({ existing: sql<number>`count(*)::int` }).from(recordsTable);

  const root = new Random(seed);
  const categoryCodes = new Set(org.categories.keys());
  const plan = planWorkflow({ calendar, days, records, org, random: root.fork(1), forced: forcedIssues(days, records, categoryCodes) });
  const flares = spikes(days, plan, categoryCodes);
  const volume = planVolume(calendar, days, records, flares);
  await insertIssues(db, plan, org);
  const prepareSeconds = (performance.now() - started) / 1000;

  const factory = new RecordFactory(calendar, days, org, volume, flares, plan.issues, root.fork(2), batch);
  const chunkRows = options.chunkRows ?? 5_000;
  const baselineRows = Math.min(records, options.baselineRows ?? BASELINE_ROWS);
  const sample: Buffer<ArrayBuffer>[] = [];
  let sampled = 0;
  let produced = 0;
  let generating = 0;
  const chunks = async function* (): AsyncGenerator<Buffer<ArrayBuffer>> {
    const built = factory.chunks(chunkRows);
    for (;;) {
      const t = performance.now();
      const next = built.next();
      generating += performance.now() - t;
      if (next.done) return;
      const chunk = next.value;
      produced += chunk.rows;
      const keep = Math.min(chunk.rows, baselineRows - sampled);
      if (keep > 0) {
        // The chunk is never written again (COPY copies what it sends): kept as it is.
        sample.push(chunk.bytes.subarray(0, chunk.rowStart(keep)));
        sampled += keep;
      }
      onProgress({ phase: "records", done: produced, total: records });
      yield chunk.bytes;
    }
  };

  const loadStarted = performance.now();
  let rowsStartedAt = 0;
  let rowsLoadedAt = 0;
  const loaded = await loadRecords(db, chunks(), { rows: records, rebuildIndexes: options.rebuildIndexes ?? records > existing }, {
    onIdsReserved: (first) => {
      factory.nextId = first;
      rowsStartedAt = performance.now();
    },
    onRowsLoaded: () => (rowsLoadedAt = performance.now()),
    onIndex: (done, total) => onProgress({ phase: "indexes", done, total }),
  });
  const loadEnded = performance.now();
  if (produced !== records) throw new Error(`generated ${produced} records instead of ${records}`);

  onProgress({ phase: "workflow", done: 0, total: plan.issues.length });
  const workflowStarted = performance.now();
  const written = await insertWorkflow(db, plan, org, calendar, factory.linkedByIssue);
  const value = [...runs, { batch, records, days, seed, today: calendar.today, at: new Date(realNow).toISOString() }];
  await db.insert(settings).values({ key: GENERATOR_SETTING, value }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  const workflowEnded = performance.now();

  onProgress({ phase: "rollups", done: 0, total: 1 });
  await runStatement(db, "SELECT voc_rebuild_dashboard_cells()");
  // The rebuild deleted the deltas the workflow's links left; cut off their pages, as the app's
  // folding loop would (db/queries/stats/fold.ts), so that the first figures do not scan them.
  await db.execute(sql`VACUUM record_cell_deltas`);
  await runStatement(db, `ANALYZE ${TABLES_GENERATED.join(", ")}`);
  const rollupsEnded = performance.now();

  // Logged and unlogged in turn, a median of several when the sample is short, so that a
  // moment's noise on a shared machine does not decide the ratio.
  let copySeconds: number | null = null;
  let unloggedSeconds: number | null = null;
  if (sample.length > 0) {
    onProgress({ phase: "baseline", done: 0, total: sampled });
    const logged: number[] = [];
    const unlogged: number[] = [];
    const runs = Math.min(3, Math.ceil(REFERENCE_ROWS_TIMED / sampled));
    for (let i = 0; i < runs; i++) {
      logged.push(await timePlainCopy(db, sample, { logged: true, freeze: loaded.freeze, constraints: true }));
      unlogged.push(await timePlainCopy(db, sample, { logged: false, freeze: loaded.freeze, constraints: true }));
    }
    copySeconds = median(logged);
    unloggedSeconds = median(unlogged);
  }
  const baselineEnded = performance.now();
  const total = (performance.now() - started) / 1000;
  onProgress({ phase: "done", done: records, total: records });

  const loadSeconds = (loadEnded - loadStarted) / 1000;
  const rowsSeconds = (rowsLoadedAt - rowsStartedAt) / 1000;
  const loadRowsPerSecond = records / loadSeconds;
  const rowsPerSecond = records / rowsSeconds;
  const copyRowsPerSecond = copySeconds ? sampled / copySeconds : null;
  const copyUnloggedRowsPerSecond = unloggedSeconds ? sampled / unloggedSeconds : null;
  return {
    engine,
    records,
    days,
    seed,
    today: calendar.today,
    batch,
    byKind: factory.tally.byKind,
    byChannel: factory.tally.byChannel,
    linked: factory.tally.linked,
    issues: plan.issues.length,
    reports: written.reports,
    bulletins: written.bulletins,
    actions: written.actions,
    meetings: written.meetings,
    seconds: {
      prepare: prepareSeconds,
      load: loadSeconds,
      rows: rowsSeconds,
      generate: generating / 1000,
      indexes: (loadEnded - rowsLoadedAt) / 1000,
      workflow: (workflowEnded - workflowStarted) / 1000,
      rollups: (rollupsEnded - workflowEnded) / 1000,
      baseline: (baselineEnded - rollupsEnded) / 1000,
      total,
    },
    loadRowsPerSecond,
    rowsPerSecond,
    copyFreeze: loaded.freeze,
    rebuiltIndexes: loaded.indexes,
    copyRows: sampled,
    copyRowsPerSecond,
    copyUnloggedRowsPerSecond,
    ratioToCopy: copyRowsPerSecond ? rowsPerSecond / copyRowsPerSecond : null,
    ratioToUnloggedCopy: copyUnloggedRowsPerSecond ? rowsPerSecond / copyUnloggedRowsPerSecond : null,
    ratioToCopyWithIndexes: copyRowsPerSecond ? loadRowsPerSecond / copyRowsPerSecond : null,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
