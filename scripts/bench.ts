// `npm run bench -- [--sections dashboards,intake,pages,memory,import] [--sizes 100k,1m] [--engine postgres|pglite] [--runs 1000] [--import-rows 20000]`
// dashboards: times every dashboard query on generated databases of each size, on the local
// PostgreSQL server by default. A database made for a size is kept (voc_bench_<size>) and reused
// while its size and seed match.
// intake, pages, memory: the built app started as `npm start` starts it, on a fresh database
// (voc_bench_intake_<time>, dropped after): records a second through the API next to a bare route
// and pgbench, and on the embedded engine; each role's page time and JavaScript; the server's
// peak memory (see scripts/bench/).
// import: CSV rows a second through previewImport + commitImport on a fresh database
// (voc_bench_import_<time>, dropped after; --engine pglite: a temporary embedded one) next to a
// plain COPY of as many rows (scripts/bench/import.ts).
// Prints a table per section and merges its figures into bench/results/latest.json, keeping the
// figures of sections not run this time.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openPglite, openPostgres, queryRows, type Database, type DatabaseHandle } from "@/db/client";
import { settings } from "@/db/schema";
import { foldCellDeltas, vacuumCellDeltas } from "@/db/queries/stats/fold";
import { GENERATOR_SETTING, generateData, type GenerateResult } from "@/lib/generator";

const allSections = ["dashboards", "intake", "pages", "memory", "import"] as const;
type Section = (typeof allSections)[number];

const { values: args } = parseArgs({
  options: {
    sections: { type: "string", default: allSections.join(",") },
    sizes: { type: "string", default: "100k,1m" },
    engine: { type: "string", default: "postgres" },
    runs: { type: "string", default: "1000" },
    warmup: { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
    days: { type: "string", default: "365" },
    server: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    port: { type: "string", default: "3400" },
    duration: { type: "string", default: "10" },
    "page-runs": { type: "string", default: "10" },
    "import-rows": { type: "string", default: "20000" },
    "memory-size": { type: "string", default: "10m" },
    "memory-seconds": { type: "string", default: "60" },
    pgbench: { type: "string", default: "/usr/bin/pgbench" },
    out: { type: "string", default: "bench/results/latest.json" },
    help: { type: "boolean", short: "h" },
  },
});

if (args.help) {
  console.log(
    "usage: npm run bench -- [--sections dashboards,intake,pages,memory,import] [--sizes 100k,1m,10m] [--engine postgres|pglite] [--runs 1000] [--warmup 3] [--seed 1]\n" +
      "                        [--server postgres://…/postgres] [--port 3400] [--duration 10] [--page-runs 10] [--pgbench /usr/bin/pgbench] [--import-rows 20000] [--memory-size 10m] [--memory-seconds 60]",
  );
  process.exit(0);
}

const sections = new Set<Section>();
for (const name of args.sections.split(",").map((s) => s.trim()).filter(Boolean)) {
  if (!(allSections as readonly string[]).includes(name)) {
    console.error(`--sections: unknown section ${name} (known: ${allSections.join(", ")})`);
    process.exit(2);
  }
  sections.add(name as Section);
}
const engine = args.engine === "pglite" ? "pglite" : "postgres";
const runs = Math.max(1, Number(args.runs));
const warmup = Math.max(0, Number(args.warmup));
const seed = Number(args.seed);
const days = Number(args.days);
const sizes = args.sizes.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
const errors: string[] = [];

function recordsOf(size: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(size);
  if (!m) throw new Error(`--sizes: not a size: ${size}`);
  return Math.round(Number(m[1]) * (m[2] === "m" ? 1e6 : m[2] === "k" ? 1e3 : 1));
}

interface Marker {
  records: number;
  seed: number;
  days: number;
  today: string;
}

/** The generator's record of its runs: a database made by one run of this size and seed is reused. */
async function marker(db: Database): Promise<Marker | null> {
  try {
    const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, GENERATOR_SETTING));
    const runsMade = Array.isArray(row?.value) ? (row.value as Marker[]) : [];
    return runsMade.length === 1 ? runsMade[0] : null;
  } catch {
    return null;
  }
}

async function openSized(size: string): Promise<{ handle: DatabaseHandle; made: GenerateResult | null; marker: Marker }> {
  const records = recordsOf(size);
  const name = `voc_bench_${size}`;
  const open = async () => (engine === "pglite" ? openPglite(path.resolve("data", "bench", name)) : openPostgres(serverUrl(name), { max: 4 }));
  if (engine === "postgres") {
    const admin = postgres(args.server, { max: 1, onnotice: () => {} });
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end({ timeout: 5 });
  }
  let handle = await open();
  await handle.migrate();
  const found = await marker(handle.db);
  if (found && found.records === records && found.seed === seed && found.days === days) {
    // Kept as a running app keeps it: the deltas an earlier server's writes left, folded and vacuumed.
    await foldCellDeltas(handle.db, { wait: true });
    await vacuumCellDeltas(handle.db);
    return { handle, made: null, marker: found };
  }
  if (!found || engine === "pglite") {
    // A database of another size or seed: start again from empty tables.
    console.error(`[bench] ${name}: regenerating (${found ? `had ${found.records} records, seed ${found.seed}` : "new"})`);
  } else {
    await handle.close();
    const admin = postgres(args.server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end({ timeout: 5 });
    handle = await open();
    await handle.migrate();
  }
  console.error(`[bench] generating ${records.toLocaleString("en-US")} records into ${name}…`);
  const made = await generateData(handle.db, { records, seed, days, fresh: Boolean(found) }, progress(records));
  process.stderr.write("\n");
  return { handle, made, marker: { records, seed, days, today: made.today } };
}

function serverUrl(database: string): string {
  const url = new URL(args.server);
  url.pathname = `/${database}`;
  return url.toString();
}

function progress(total: number) {
  let last = 0;
  return (p: { phase: string; done: number }) => {
    const now = performance.now();
    if (p.phase === "records" && now - last < 2000) return;
    last = now;
    process.stderr.write(`\r[bench] ${p.phase} ${p.phase === "records" ? `${((100 * p.done) / total).toFixed(0)}%` : ""}      `);
  };
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

interface SizeResult {
  size: string;
  records: number;
  today: string;
  generation: GenerateResult | null;
  rollupMismatches: number | null;
  queries: Record<string, { p50: number; p95: number; runs: number }>;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/**
 * Runs every dashboard query on each size; prints its table and returns its part of the JSON.
 * The sizes are open at once and timed in turns (run i of a query on every size, the order of the
 * sizes rotating each turn), so a burst of load on this shared machine falls on every size alike
 * instead of on whichever size happened to run then: the growth is a ratio measured in one run.
 * 1000 runs each: the small figures (about 2 ms) have a slow mode on this machine that takes a
 * few percent of runs, so the p95 of 200 runs fell on one side of it or the other by chance
 * (growths of 1.57 and 1.58 on identical data in two runs); of 1000, the worst was 1.27.
 */
async function runDashboards(): Promise<Record<string, unknown>> {
  const { dashboardQueries, defaultStatsFilters } = await import("@/lib/stats/registry");
  const opened: { size: string; handle: DatabaseHandle; made: GenerateResult | null; marker: Marker }[] = [];
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) opened.push({ size, ...(await openSized(size)) });
    const timings = new Map<string, Map<string, number[]>>(opened.map((o) => [o.size, new Map()]));
    const failed = new Set<string>();
    for (const q of dashboardQueries) {
      for (const o of opened) {
        try {
          for (let i = 0; i < warmup; i++) await q.run(o.handle.db, defaultStatsFilters(o.marker.today));
          timings.get(o.size)!.set(q.name, []);
        } catch (error) {
          failed.add(`${o.size}/${q.name}`);
          errors.push(`dashboards: ${o.size} ${q.name}: ${(error as Error).message.split("\n")[0]}`);
        }
      }
      for (let i = 0; i < runs; i++) {
        for (let k = 0; k < opened.length; k++) {
          const o = opened[(i + k) % opened.length];
          if (failed.has(`${o.size}/${q.name}`)) continue;
          try {
            const t = performance.now();
            await q.run(o.handle.db, defaultStatsFilters(o.marker.today));
            timings.get(o.size)!.get(q.name)!.push(performance.now() - t);
          } catch (error) {
            failed.add(`${o.size}/${q.name}`);
            timings.get(o.size)!.delete(q.name);
            errors.push(`dashboards: ${o.size} ${q.name}: ${(error as Error).message.split("\n")[0]}`);
          }
        }
      }
    }
    for (const o of opened) {
      const queries: SizeResult["queries"] = {};
      for (const [name, times] of timings.get(o.size)!) {
        times.sort((a, b) => a - b);
        queries[name] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), runs: times.length };
      }
      let rollupMismatches: number | null = null;
      try {
        const [row] = await queryRows<{ n: number }>(o.handle.db, sql`select voc_dashboard_cell_mismatches()::int as n`);
        rollupMismatches = Number(row.n);
      } catch (error) {
        errors.push(`dashboards: ${o.size} rollup check: ${(error as Error).message.split("\n")[0]}`);
      }
      results.push({ size: o.size, records: o.marker.records, today: o.marker.today, generation: o.made, rollupMismatches, queries });
    }
  } finally {
    for (const o of opened) await o.handle.close();
  }

  const smallest = results[0];
  const largest = results[results.length - 1];
  const names = dashboardQueries.map((q) => q.name);
  const growth = (name: string) => {
    const a = smallest?.queries[name]?.p95;
    const b = largest?.queries[name]?.p95;
    return a && b && results.length > 1 ? Math.round((b / a) * 100) / 100 : null;
  };
  const worstP95 = Math.max(0, ...results.flatMap((r) => Object.values(r.queries).map((q) => q.p95)));
  const growths = names.map(growth).filter((g): g is number => g !== null);

  console.log(`dashboards on ${engine} (ms, ${runs} runs after ${warmup} warm-up, the sizes in turns, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
  printTable([
    ["query", ...results.flatMap((r) => [`p50 ${r.size}`, `p95 ${r.size}`]), "p95 growth"],
    ...names.map((name) => [
      name,
      ...results.flatMap((r) => [r.queries[name]?.p50, r.queries[name]?.p95].map((v) => (v === undefined ? "error" : v.toFixed(1)))),
      growth(name)?.toFixed(2) ?? "",
    ]),
  ]);
  for (const r of results) {
    if (r.generation) {
      const g = r.generation;
      console.log(
        `generated ${r.size}: ${g.seconds.total.toFixed(1)} s, rows in at ${Math.round(g.rowsPerSecond)} rows/s vs a plain logged COPY of the same rows ${g.copyRowsPerSecond ? Math.round(g.copyRowsPerSecond) : "n/a"} rows/s (${g.ratioToCopy ? (100 * g.ratioToCopy).toFixed(0) : "n/a"}%; ${g.ratioToCopyWithIndexes ? (100 * g.ratioToCopyWithIndexes).toFixed(0) : "n/a"}% with the index rebuild)`,
      );
    }
    console.log(`rollup mismatches ${r.size}: ${r.rollupMismatches ?? "not checked"}`);
  }

  return {
    measured_at: new Date().toISOString(),
    engine,
    machine: machine(),
    command: command(),
    dashboard_sizes: Object.fromEntries(results.map((r) => [r.size, { records: r.records, today: r.today, queries: r.queries }])),
    dashboard_worst_p95_ms: results.length ? worstP95 : null,
    dashboard_worst_growth: growths.length ? Math.max(...growths) : null,
    ...(() => {
      const generated = results.filter((r) => r.generation?.ratioToCopy);
      const largest = generated[generated.length - 1];
      return largest ? { generator_ratio_vs_copy: Math.round(largest.generation!.ratioToCopy! * 1000) / 1000, generator_ratio_size: largest.size } : {};
    })(),
    rollup_mismatches: Object.fromEntries(results.map((r) => [r.size, r.rollupMismatches])),
    // A database reused from an earlier run was not generated now: keep that run's figures.
    ...(results.some((r) => r.generation)
      ? {
          generation: Object.fromEntries(
            results
              .filter((r) => r.generation)
              .map((r) => {
                const g = r.generation!;
                return [
                  r.size,
                  {
                    measured_at: new Date().toISOString(),
                    command: command(),
                    seconds: g.seconds,
                    rows_per_s: g.rowsPerSecond,
                    copy_rows_per_s: g.copyRowsPerSecond,
                    copy_rows: g.copyRows,
                    copy_freeze: g.copyFreeze,
                    ratio: g.ratioToCopy,
                    copy_unlogged_rows_per_s: g.copyUnloggedRowsPerSecond,
                    ratio_vs_unlogged: g.ratioToUnloggedCopy,
                    load_rows_per_s_with_indexes: g.loadRowsPerSecond,
                    ratio_with_indexes: g.ratioToCopyWithIndexes,
                    reference: "ratio = rows_per_s (the rows going in by COPY, built on the fly) ÷ copy_rows_per_s (a plain COPY of the same rows, already built, into a logged table with the records' columns and no index or trigger, in the same run); ratio_with_indexes counts the index rebuild too",
                  },
                ];
              }),
          ),
        }
      : {}),
  };
}

function machine() {
  return { cores: os.cpus().length, load_average_1m: Math.round(os.loadavg()[0] * 10) / 10 };
}

function command(): string {
  return `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
}

function printTable(table: string[][]): void {
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => (row[i] ?? "").length)));
  for (const [i, row] of table.entries()) {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

// ---------------------------------------------------------------------------- run and merge

const figures: Record<string, unknown> = {};
if (sections.has("dashboards")) Object.assign(figures, await runDashboards());
if (sections.has("intake") || sections.has("pages") || sections.has("memory")) {
  const { runAppSections } = await import("./bench/app");
  Object.assign(
    figures,
    await runAppSections({
      sections: { intake: sections.has("intake"), pages: sections.has("pages"), memory: sections.has("memory") },
      server: args.server,
      port: Number(args.port),
      seconds: Math.max(1, Number(args.duration)),
      pageRuns: Math.max(1, Number(args["page-runs"])),
      pageWarmup: warmup,
      pgbench: args.pgbench,
      machine: machine(),
      command: command(),
      errors,
      printTable,
    }),
  );
}

// The memory target is for ten million records: the same server on the largest generated
// database, every role reading its pages at once. peak_rss_mb is that figure when it ran.
if (sections.has("memory") && engine === "postgres") {
  const { measureMemoryAtSize } = await import("./bench/memory-at-size");
  try {
    const atSize = await measureMemoryAtSize({ server: args.server, size: args["memory-size"], port: Number(args.port) + 1, seconds: Math.max(5, Number(args["memory-seconds"])), clients: 4 });
    if ("missing" in atSize) {
      figures.memory_at_size = null;
      figures.null_reasons = { ...((figures.null_reasons as Record<string, string> | undefined) ?? {}), memory_at_size: atSize.missing };
    } else {
      const failed = Object.values(atSize.failures).reduce((a, b) => a + b, 0);
      if (failed > 0) errors.push(`memory: ${failed} of ${atSize.requests} page loads at ${atSize.size} failed: ${JSON.stringify(atSize.failures)}`);
      figures.peak_rss_mb_fresh_database = figures.peak_rss_mb ?? null;
      figures.peak_rss_mb = atSize.memory.peakRssMb;
      figures.memory_at_size = {
        measured_at: new Date().toISOString(),
        machine: machine(),
        command: command(),
        method: `the production server (scripts/start.mjs) on ${atSize.database} (${atSize.records.toLocaleString("en-US")} records), ${atSize.clients} clients in a closed loop for ${atSize.seconds} s over every demo role's pages (${atSize.pages.join(", ")}); VmHWM of the server's processes polled every ${atSize.memory.intervalMs} ms`,
        size: atSize.size,
        records: atSize.records,
        requests: atSize.requests,
        failures: atSize.failures,
        peak_rss_mb: atSize.memory.peakRssMb,
        process: atSize.memory.process,
        tree_peak_rss_mb: atSize.memory.treePeakRssMb,
        start_seconds: Math.round(atSize.startSeconds * 10) / 10,
      };
      console.log(`memory at ${atSize.size} (${atSize.records.toLocaleString("en-US")} records): server peak RSS ${atSize.memory.peakRssMb} MB over ${atSize.requests} page loads`);
    }
  } catch (error) {
    errors.push(`memory: at ${args["memory-size"]}: ${(error as Error).message.split("\n")[0]}`);
  }
}

if (sections.has("import")) {
  const { runImportSection } = await import("./bench/import");
  Object.assign(
    figures,
    await runImportSection({ engine, server: args.server, rows: Math.max(1, Number(args["import-rows"])), machine, errors, printTable }),
  );
}

/**
 * The figures of this run over those of earlier runs: a section not run keeps what it had, with
 * its own measured_at. Every null figure says why in null_reasons.
 */
const outFile = path.resolve(args.out);
let previous: Record<string, unknown> = {};
if (existsSync(outFile)) {
  try {
    previous = JSON.parse(readFileSync(outFile, "utf8")) as Record<string, unknown>;
  } catch {
    console.error(`[bench] ${args.out} is not JSON; writing it anew`);
  }
}
const reasons = { ...((previous.null_reasons as Record<string, string> | undefined) ?? {}), ...((figures.null_reasons as Record<string, string> | undefined) ?? {}) };
const json: Record<string, unknown> = {
  ...previous,
  ...figures,
  import_ratio_vs_copy: figures.import_ratio_vs_copy ?? previous.import_ratio_vs_copy ?? null,
  sections_run: { ...((previous.sections_run as Record<string, string> | undefined) ?? {}), ...Object.fromEntries([...sections].map((s) => [s, new Date().toISOString()])) },
  // Errors are "<section>: …"; an earlier run's stay only while their section is not run again.
  errors: [...((previous.errors as string[] | undefined) ?? []).filter((e) => !sections.has(sectionOf(e))), ...errors],
};
if (json.import_ratio_vs_copy === null) reasons.import_ratio_vs_copy ??= "bulk import against COPY is not measured by npm run bench yet";
// The headline figures are always there, null until their section has run.
const headline: Record<string, Section> = {
  dashboard_worst_p95_ms: "dashboards",
  intake_rps_8: "intake",
  pgbench_tps_8: "intake",
  intake_ratio_vs_pgbench: "intake",
  action_vs_route_ratio: "intake",
  pglite_vs_server_intake_ratio: "intake",
  empty_page_js_kb: "pages",
  public_page_js_kb: "pages",
  public_page_js_ratio: "pages",
  role_page_js_ratio_max: "pages",
  peak_rss_mb: "memory",
};
for (const [key, section] of Object.entries(headline)) {
  if (json[key] !== undefined) continue;
  json[key] = null;
  reasons[key] = `the ${section} section has not run (npm run bench -- --sections ${section})`;
}
for (const [key, value] of Object.entries(json)) {
  if (value !== null) delete reasons[key];
  else reasons[key] ??= "not measured by any run recorded here";
}
json.null_reasons = reasons;
json.not_measured = Object.keys(reasons);
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
console.log(`wrote ${args.out}`);
if (errors.length) console.log(`errors:\n  ${errors.join("\n  ")}`);
process.exit(errors.length ? 1 : 0);

function sectionOf(error: string): Section {
  const prefix = error.split(":")[0];
  return (allSections as readonly string[]).includes(prefix) ? (prefix as Section) : "dashboards";
}
