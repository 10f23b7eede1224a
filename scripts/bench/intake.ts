// Intake: records a second through POST /api/v1/records (bearer token, validation, masking,
// record + audit + idempotency key in one transaction), next to the same row written by a bare
// route (app/api/bench/insert, one drizzle INSERT) and by pgbench (a plain INSERT into a table
// shaped like records, with no index but its key, no trigger), on the same server.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { runLoad, runPgbench, type LoadResult, type PgbenchResult } from "./load";

export const benchToken = "voc_bench_intake_token_0000000001";

const summary = "密码函开卡后两周仍未收到，无法消费";
const customerWords = "卡已经激活两周了，密码函一直没寄到，商场刷卡用不了。";

/** A hotline complaint valid against the reference data; every one has its own external id. */
function apiRecord(run: string, n: number) {
  return {
    kind: "complaint",
    channel: "hotline",
    categoryCode: "pin.letter",
    siteCode: "SZ",
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

export interface BareRow {
  siteId: number;
  categoryId: number;
  regionCode: string;
}

function bareRequest(url: string, row: BareRow, run: string) {
  return (n: number) => ({
    url: `${url}/api/bench/insert`,
    init: {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...apiRecord(run, n), categoryCode: undefined, siteCode: undefined, region: undefined, ...row }),
    },
  });
}

export async function measureBareRoute(url: string, row: BareRow, clients: number, seconds: number, warmupSeconds: number): Promise<LoadResult> {
  const run = randomBytes(4).toString("hex");
  if (warmupSeconds > 0) await runLoad({ clients, seconds: warmupSeconds, okStatus: 201, request: bareRequest(url, row, `${run}w`) });
  return runLoad({ clients, seconds, okStatus: 201, request: bareRequest(url, row, `bare-${run}`) });
}

/** The ids the bare route and pgbench write, read from the database the server seeded. */
export async function bareRow(databaseUrl: string, regionCode: string): Promise<BareRow> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [category] = await sql<{ id: number }[]>`select id from categories where code = 'pin.letter'`;
    const [site] = await sql<{ id: number }[]>`select id from sites where code = 'SZ'`;
    return { categoryId: category.id, siteId: site.id, regionCode };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export const pgbenchTable = "bench_intake_records";

/**
 * The pgbench side: `plain`, a table with the records table's columns, defaults and identity,
 * its primary key and nothing else; `records`, the records table itself (its indexes, foreign
 * keys and the dashboard triggers), to tell the database's share from the app's. Both scripts
 * insert one row like the API's.
 */
export async function preparePgbench(databaseUrl: string, row: BareRow): Promise<{ scripts: { plain: string; records: string }; dir: string }> {
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
        `INSERT INTO ${table} (kind, channel, external_id, site_id, category_id, region_code, call_reference, summary, customer_words, urgency, valuable, status, due_at, occurred_at)`,
        `VALUES ('complaint', 'hotline', 'pgbench-' || nextval('${pgbenchTable}_external_seq'), ${row.siteId}, ${row.categoryId}, '${row.regionCode}', 'CTI-' || :n, '${summary}', '${customerWords}', 'normal', false, 'new', now() + interval '15 days', now());`,
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
