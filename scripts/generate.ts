// `npm run generate -- --records 1m [--days 365] [--seed 1] [--today YYYY-MM-DD] [--fresh] [--json]`
// Realistic contact-center data, added to DATABASE_URL's server or to the embedded database.
// The last lines compare the load rate with a plain COPY of the same rows, in the same run, into a
// logged table (as records is) and into an unlogged one.
import path from "node:path";
import { parseArgs } from "node:util";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/client";
import { generateData, type GenerateProgress, type GenerateResult } from "@/lib/generator";
import { env, pgliteDataDir } from "@/lib/env";

const usage = `usage: npm run generate -- --records N [options]

  --records N          how many records (10k, 1m, 10_000_000 …)
  --days D             spread over the last D days ending today (default 365)
  --seed S             the PRNG seed (default 1); same seed, size, days and today: same rows
  --today YYYY-MM-DD   the last day (default: today in Asia/Shanghai, at the real time of day)
  --fresh              empty records, issues, reports, bulletins, actions and meetings first
  --database-url URL   a PostgreSQL database (default: DATABASE_URL)
  --pglite-dir DIR     the embedded database's folder (default: PGLITE_DIR or ./data/pglite)
  --keep-indexes       load with the records' indexes in place (default: rebuild them when
                       the load is larger than the table)
  --baseline-rows N    rows of the plain-COPY comparison, logged and unlogged (default 1m; 0: none)
  --json               print the result as JSON on stdout`;

const { values: args } = parseArgs({
  options: {
    records: { type: "string" },
    days: { type: "string" },
    seed: { type: "string" },
    today: { type: "string" },
    fresh: { type: "boolean" },
    "database-url": { type: "string" },
    "pglite-dir": { type: "string" },
    "keep-indexes": { type: "boolean" },
    "baseline-rows": { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});

if (args.help || !args.records) {
  console.log(usage);
  process.exit(args.help ? 0 : 2);
}

function count(text: string, name: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.replace(/[_,]/g, ""));
  if (!m) {
    console.error(`${name}: not a number: ${text}`);
    process.exit(2);
  }
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === "m" ? 1e6 : m[2].toLowerCase() === "k" ? 1e3 : 1));
}

const records = count(args.records, "--records");
const url = args["database-url"] ?? env.DATABASE_URL;
const handle: DatabaseHandle = url
  ? await openPostgres(url, { max: 4 })
  : await openPglite(args["pglite-dir"] ? path.resolve(args["pglite-dir"]) : pgliteDataDir());

const bar = progressBar(records);
let result: GenerateResult;
try {
  await handle.migrate();
  result = await generateData(
    handle.db,
    {
      records,
      days: args.days ? count(args.days, "--days") : undefined,
      seed: args.seed ? count(args.seed, "--seed") : undefined,
      today: args.today,
      fresh: args.fresh,
      rebuildIndexes: args["keep-indexes"] ? false : undefined,
      baselineRows: args["baseline-rows"] !== undefined ? count(args["baseline-rows"], "--baseline-rows") : undefined,
    },
    bar,
  );
} finally {
  await handle.close();
}

const rate = (n: number | null) => (n === null ? "n/a" : `${Math.round(n).toLocaleString("en-US")} rows/s`);
if (args.json) console.log(JSON.stringify(result, null, 2));
else {
  const share = (n: number) => `${((100 * n) / result.records).toFixed(1)}%`;
  console.log(`${result.records.toLocaleString("en-US")} records over ${result.days} days to ${result.today} (seed ${result.seed}, run ${result.batch}) on ${result.engine}`);
  console.log(`  kinds:    ${Object.entries(result.byKind).map(([k, n]) => `${k} ${share(n)}`).join(", ")}`);
  console.log(`  channels: ${Object.entries(result.byChannel).map(([k, n]) => `${k} ${share(n)}`).join(", ")}`);
  console.log(`  ${result.linked} records linked to ${result.issues} issues; ${result.reports} site reports, ${result.bulletins} bulletins, ${result.actions} actions, ${result.meetings} meetings`);
  const s = result.seconds;
  console.log(
    `  seconds: prepare ${s.prepare.toFixed(1)}, load ${s.load.toFixed(1)} (rows ${s.rows.toFixed(1)}, building ${s.generate.toFixed(1)} of it; indexes ${s.indexes.toFixed(1)}), workflow ${s.workflow.toFixed(1)}, rollups+analyze ${s.rollups.toFixed(1)}, reference COPYs ${s.baseline.toFixed(1)}, total ${s.total.toFixed(1)}`,
  );
}
const percent = (n: number | null) => (n === null ? "n/a" : `${(100 * n).toFixed(0)}%`);
const how = `${result.copyFreeze ? "COPY FREEZE" : "COPY"}, no index or trigger`;
console.error(`generated ${result.records.toLocaleString("en-US")} records in ${result.seconds.total.toFixed(1)} s`);
console.error(`  rows in:      ${rate(result.rowsPerSecond)} (building and ${how})`);
console.error(`  with indexes: ${rate(result.loadRowsPerSecond)} (${result.rebuiltIndexes} indexes rebuilt after the rows, to the commit)`);
if (result.copyRows > 0) {
  console.error(`  reference, in this run: plain ${how} of the first ${result.copyRows.toLocaleString("en-US")} rows, already built, into`);
  console.error(`    a logged table (as records): ${rate(result.copyRowsPerSecond)}; rows in = ${percent(result.ratioToCopy)} of it (ratio), with indexes ${percent(result.ratioToCopyWithIndexes)}`);
  console.error(`    an unlogged table (no WAL):  ${rate(result.copyUnloggedRowsPerSecond)}; rows in = ${percent(result.ratioToUnloggedCopy)} of it (ratio vs unlogged)`);
}

/** A one-line progress bar on stderr: rows, rows/s and time left while loading, then the phase. */
function progressBar(total: number): (p: GenerateProgress) => void {
  let started = 0;
  const tty = process.stderr.isTTY;
  let last = 0;
  let lastPhase = "";
  return (p) => {
    const now = performance.now();
    if (p.phase === lastPhase && p.phase === "records" && now - last < (tty ? 200 : 5000) && p.done < p.total) return;
    last = now;
    if (p.phase !== "records") {
      if (p.phase !== lastPhase) process.stderr.write(`${tty && lastPhase === "records" ? "\n" : ""}[generate] ${p.phase}…\n`);
      lastPhase = p.phase;
      return;
    }
    if (lastPhase !== "records") started = now;
    lastPhase = p.phase;
    const seconds = (now - started) / 1000;
    const perSecond = p.done / Math.max(seconds, 0.001);
    const eta = perSecond > 0 ? (total - p.done) / perSecond : 0;
    const width = 30;
    const filled = Math.round((width * p.done) / total);
    const line = `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${((100 * p.done) / total).toFixed(0).padStart(3)}% ${p.done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} rows · ${Math.round(perSecond).toLocaleString("en-US")} rows/s · ETA ${eta.toFixed(0)} s`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  };
}
