// Intake: records a second through POST /api/v1/records (bearer token, validation, masking,
// record + audit + idempotency key in one transaction), next to the same row written by a bare
// route (app/api/bench/insert, one drizzle INSERT) and by pgbench (a plain INSERT into a table
// shaped like records, with no index but its key, no trigger), on the same server.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { categoryRanking, zipfExponent } from "../../lib/generator/profile";
import { runLoad, runPgbench, type LoadResult, type PgbenchResult } from "./load";

export const benchToken = "voc_bench_intake_token_0000000001";

const summary = "密码函开卡后两周仍未收到，无法消费";
const customerWords = "卡已经激活两周了，密码函一直没寄到，商场刷卡用不了。";

/**
 * Where the bench's records fall, as real traffic does: the seed's site weights (db/seed/demo.ts:
 * SH 5, SZ 4, TJ 3) times the generator's category ranking (lib/generator/profile.ts, weights
 * 1/rank^0.95). Every record updates its (day, site, category) dashboard cells in the same
 * transaction, so sending all of them to one category and site, as the bench first did, queued
 * every concurrent insert on one cell row's lock, which real traffic does not.
 */
export interface MixEntry {
  siteCode: string;
  categoryCode: string;
}

const siteWeights: [string, number][] = [
  ["SH", 5],
  ["SZ", 4],
  ["TJ", 3],
];

/** `slots` entries, each (site, category) pair as often as its weight says, spread out by a stride. */
export function trafficMix(slots = 240): MixEntry[] {
  const pairs: [MixEntry, number][] = siteWeights.flatMap(([siteCode, w]) =>
    categoryRanking.map((categoryCode, rank) => [{ siteCode, categoryCode }, w / (rank + 1) ** zipfExponent] as [MixEntry, number]),
  );
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  const ordered: MixEntry[] = [];
  let cumulative = 0;
  let pair = 0;
  for (let i = 0; i < slots; i++) {
    const at = ((i + 0.5) / slots) * total;
    while (cumulative + pairs[pair][1] < at) cumulative += pairs[pair++][1];
    ordered.push(pairs[pair][0]);
  }
  // A stride coprime with the length visits every slot once, so neighbours are far apart in the mix.
  let stride = 97;
  while (gcd(stride, slots) !== 1) stride++;
  return ordered.map((_, i) => ordered[(i * stride) % slots]);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const mix = trafficMix();

/** A hotline complaint valid against the reference data; every one has its own external id. */
function apiRecord(run: string, n: number) {
  const { siteCode, categoryCode } = mix[n % mix.length];
  return {
    kind: "complaint",
    channel: "hotline",
    categoryCode,
    siteCode,
    region: "苏州",
    callReference: `CTI-${n}`,
    summary,
    customerWords,
    urgency: "normal",
    externalId: `bench-${run}-${n}`,
  };
}

export interface IntakeTarget {
  url: string;
  token: string;
}

function intakeRequest(target: IntakeTarget, run: string) {
  return (n: number) => ({
    url: `${target.url}/api/v1/records`,
    init: {
      method: "POST",
      headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json", "idempotency-key": `${run}-${n}` },
      body: JSON.stringify(apiRecord(run, n)),
    },
  });
}

/** Intake at `clients` after a short warm-up that is not counted. */
export async function measureIntake(target: IntakeTarget, clients: number, seconds: number, warmupSeconds: number): Promise<LoadResult> {
  const run = randomBytes(4).toString("hex");
  if (warmupSeconds > 0) await runLoad({ clients, seconds: warmupSeconds, okStatus: 201, request: intakeRequest(target, `${run}w`) });
  return runLoad({ clients, seconds, okStatus: 201, request: intakeRequest(target, run) });
}

/** One intake POST, checked: the token, the reference data and the route must all work. */
export async function preflightIntake(target: IntakeTarget): Promise<{ regionCode: string }> {
  const response = await fetch(`${target.url}/api/v1/records`, intakeRequest(target, `pre${randomBytes(3).toString("hex")}`)(0).init);
  const body = (await response.json()) as { regionCode?: string };
  if (response.status !== 201 || !body.regionCode) throw new Error(`the first intake POST answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { regionCode: body.regionCode };
}

/** The ids behind the mix, for the bare route, the bench action and pgbench. */
export interface BareRows {
  regionCode: string;
  /** siteId and categoryId of each mix entry, in the mix's order. */
  rows: { siteId: number; categoryId: number }[];
}

function bareRecord(rows: BareRows, run: string, n: number) {
  return { ...apiRecord(run, n), categoryCode: undefined, siteCode: undefined, region: undefined, regionCode: rows.regionCode, ...rows.rows[n % rows.rows.length] };
}

function bareRequest(url: string, rows: BareRows, run: string, route = "/api/bench/insert") {
  return (n: number) => ({
    url: `${url}${route}`,
    init: {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(bareRecord(rows, run, n)),
    },
  });
}

export async function measureBareRoute(url: string, rows: BareRows, clients: number, seconds: number, warmupSeconds: number): Promise<LoadResult> {
  const run = randomBytes(4).toString("hex");
  if (warmupSeconds > 0) await runLoad({ clients, seconds: warmupSeconds, okStatus: 201, request: bareRequest(url, rows, `${run}w`) });
  return runLoad({ clients, seconds, okStatus: 201, request: bareRequest(url, rows, `bare-${run}`) });
}

/** The framework's floor: the same request to a route that reads it and answers without the database. */
export async function measureFrameworkFloor(url: string, rows: BareRows, clients: number, seconds: number, warmupSeconds: number): Promise<LoadResult> {
  const run = randomBytes(4).toString("hex");
  if (warmupSeconds > 0) await runLoad({ clients, seconds: warmupSeconds, okStatus: 201, request: bareRequest(url, rows, `${run}w`, "/api/bench/noop") });
  return runLoad({ clients, seconds, okStatus: 201, request: bareRequest(url, rows, `noop-${run}`, "/api/bench/noop") });
}

// ---------------------------------------------------------------------------- server action

export const benchActionPage = "/bench/action";
const benchActionWorker = "app/bench/action/page";
const benchActionExport = "benchInsertAction";

/**
 * The id under which the build serves the bench server action (app/bench/action/actions.ts), from
 * `.next/server/server-reference-manifest.json`: the entry whose worker is the bench page and,
 * where the build records it, whose export is benchInsertAction.
 */
export function readActionId(manifest: unknown): string {
  const node = (manifest as { node?: Record<string, { workers?: Record<string, unknown>; exportedName?: string }> } | null)?.node;
  if (!node || typeof node !== "object") throw new Error("the server-reference manifest has no node actions; is this a Next build?");
  const ids = Object.entries(node)
    .filter(([, entry]) => entry.workers && benchActionWorker in entry.workers && (entry.exportedName === undefined || entry.exportedName === benchActionExport))
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one ${benchActionExport} action for ${benchActionWorker} in the manifest, found ${ids.length}; was the app built with app/bench/action?`);
  return ids[0];
}

export function readBuiltActionId(root = process.cwd()): string {
  return readActionId(JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")));
}

/** The action's answer, in React's flight format, carries its return value: `{"created":true,"id":…}`. */
export function actionCreated(body: string): boolean {
  return /"created":true,"id":\d+/.test(body);
}

/** A POST as React's client sends a server action call: the action id, and the arguments as a JSON array. */
function actionRequest(url: string, actionId: string, rows: BareRows, run: string, encoding: string) {
  return (n: number) => ({
    url: `${url}${benchActionPage}`,
    init: {
      method: "POST",
      headers: { "next-action": actionId, origin: url, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", "accept-encoding": encoding },
      body: JSON.stringify([bareRecord(rows, run, n)]),
    },
  });
}

/**
 * The bench action as a browser calls it, asking for gzip (`encoding` "identity": as a client that
 * does not). Next streams every action answer without a length; Next's own compression gzipped
 * each one however small, the server's compresses by size (lib/http/compress-by-size.ts).
 */
export async function measureAction(url: string, actionId: string, rows: BareRows, clients: number, seconds: number, warmupSeconds: number, encoding = "gzip, deflate"): Promise<LoadResult> {
  const run = randomBytes(4).toString("hex");
  const spec = { clients, okStatus: 200, accept: actionCreated };
  if (warmupSeconds > 0) await runLoad({ ...spec, seconds: warmupSeconds, request: actionRequest(url, actionId, rows, `${run}w`, encoding) });
  return runLoad({ ...spec, seconds, request: actionRequest(url, actionId, rows, `action-${run}`, encoding) });
}

/** The ids the bare route, the action and pgbench write, read from the database the server seeded. */
export async function bareRows(databaseUrl: string, regionCode: string): Promise<BareRows> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const categories = new Map((await sql<{ id: number; code: string }[]>`select id, code from categories where active`).map((c) => [c.code, c.id]));
    const sites = new Map((await sql<{ id: number; code: string }[]>`select id, code from sites`).map((c) => [c.code, c.id]));
    const rows = mix.map(({ siteCode, categoryCode }) => {
      const siteId = sites.get(siteCode);
      const categoryId = categories.get(categoryCode);
      if (siteId === undefined || categoryId === undefined) throw new Error(`the seeded reference data has no site ${siteCode} or active category ${categoryCode}`);
      return { siteId, categoryId };
    });
    return { regionCode, rows };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// ---------------------------------------------------------------------------- waits

export interface WaitSample {
  samples: number;
  /** Backends of the bench database running a statement, summed over the samples. */
  active: number;
  /** Of those, how many waited, by `wait_event_type:wait_event` ("cpu" when not waiting). */
  byEvent: Record<string, number>;
  /** The share of active backend samples waiting on a lock (a cell row, an index tuple). */
  lockShare: number | null;
}

/** Samples pg_stat_activity of the bench database every `intervalMs` until stopped. */
export function sampleWaits(adminUrl: string, database: string, intervalMs = 20): { stop(): Promise<WaitSample> } {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const result: WaitSample = { samples: 0, active: 0, byEvent: {}, lockShare: null };
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await sql<{ event: string; n: number }[]>`
        select coalesce(wait_event_type || ':' || wait_event, 'cpu') as event, count(*)::int as n
        from pg_stat_activity where datname = ${database} and state = 'active' and pid <> pg_backend_pid() group by 1`.catch(() => []);
      result.samples++;
      for (const { event, n } of rows) {
        result.active += n;
        result.byEvent[event] = (result.byEvent[event] ?? 0) + n;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await sql.end({ timeout: 5 });
      const locks = Object.entries(result.byEvent).filter(([e]) => e.startsWith("Lock:")).reduce((sum, [, n]) => sum + n, 0);
      result.lockShare = result.active ? Math.round((locks / result.active) * 1000) / 1000 : null;
      return result;
    },
  };
}

export const pgbenchTable = "bench_intake_records";

/**
 * The pgbench side: `plain`, a table with the records table's columns, defaults and identity,
 * its primary key and nothing else; `records`, the records table itself (its indexes, foreign
 * keys and the dashboard triggers), to tell the database's share from the app's. Both scripts
 * insert one row like the API's.
 */
export async function preparePgbench(databaseUrl: string, rows: BareRows): Promise<{ scripts: { plain: string; records: string }; dir: string }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop table if exists ${pgbenchTable}`);
    await sql.unsafe(`create table ${pgbenchTable} (like records including defaults including identity, primary key (id))`);
    // External ids are unique per channel in records: a sequence, not a random number, numbers them.
    await sql.unsafe(`create sequence if not exists ${pgbenchTable}_external_seq`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "voc-bench-pgbench-"));
  const script = (table: string) => {
    const file = path.join(dir, `${table}.sql`);
    writeFileSync(
      file,
      [
        "\\set n random(1, 2000000000)",
        `\\set m random(1, ${rows.rows.length})`,
        `INSERT INTO ${table} (kind, channel, external_id, site_id, category_id, region_code, call_reference, summary, customer_words, urgency, valuable, status, due_at, occurred_at)`,
        `VALUES ('complaint', 'hotline', 'pgbench-' || nextval('${pgbenchTable}_external_seq'), (ARRAY[${rows.rows.map((r) => r.siteId).join(",")}])[:m], (ARRAY[${rows.rows.map((r) => r.categoryId).join(",")}])[:m], '${rows.regionCode}', 'CTI-' || :n, '${summary}', '${customerWords}', 'normal', false, 'new', now() + interval '15 days', now());`,
        "",
      ].join("\n"),
    );
    return file;
  };
  return { scripts: { plain: script(pgbenchTable), records: script("records") }, dir };
}

export function measurePgbench(pgbench: string, databaseUrl: string, script: string, clients: number, seconds: number): Promise<PgbenchResult> {
  return runPgbench(pgbench, databaseUrl, script, clients, seconds);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
