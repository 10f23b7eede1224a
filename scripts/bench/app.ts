// The sections of `npm run bench` that need the running app: intake, pages and memory. One
// production server on a fresh PostgreSQL database serves all three (pages first, on the freshly
// seeded data, then intake); a second one on the embedded engine gives intake at 1 client there.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { bareRows, benchActionPage, benchToken, measureAction, measureBareRoute, measureFrameworkFloor, measureIntake, measurePgbench, preflightIntake, preparePgbench, readBuiltActionId, removeDir, sampleWaits, type WaitSample } from "./intake";
import type { LoadResult, PgbenchResult } from "./load";
import { measurePages, type PageResult } from "./pages";
import { startServer, type BenchServer, type MemoryPeak } from "./server";

export interface AppSectionsOptions {
  sections: { intake: boolean; pages: boolean; memory: boolean };
  /** The maintenance database of the PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres. */
  server: string;
  port: number;
  seconds: number;
  pageRuns: number;
  pageWarmup: number;
  pgbench: string;
  machine: { cores: number; load_average_1m: number };
  command: string;
  errors: string[];
  printTable: (rows: string[][]) => void;
}

const clientCounts = [1, 8] as const;
const warmupSeconds = 2;

const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? Math.round((a / b) * 1000) / 1000 : null);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function runAppSections(options: AppSectionsOptions): Promise<Record<string, unknown>> {
  const { sections, errors } = options;
  const figures: Record<string, unknown> = {};
  const reasons: Record<string, string> = {};
  const admin = postgres(options.server, { max: 1, onnotice: () => {} });
  const database = `voc_bench_intake_${Date.now()}_${randomBytes(2).toString("hex")}`;
  const databaseUrl = withDatabase(options.server, database);
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => {});
    cleanups.length = 0;
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  let server: BenchServer | null = null;
  let memory: MemoryPeak | null = null;
  const memoryDuring: string[] = [];
  let intake: Record<string, LoadResult> = {};
  const waits: Record<string, WaitSample> = {};
  const pgbench: Record<string, PgbenchResult> = {};
  let pglite: { result: LoadResult; peak: MemoryPeak; startSeconds: number } | null = null;
  let pages: Awaited<ReturnType<typeof measurePages>> | null = null;
  let synchronousCommit: string | null = null;
  const started = new Date().toISOString();

  try {
    // Databases of earlier runs that were killed before they could drop theirs.
    const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'voc\\_bench\\_intake\\_%'`;
    for (const { datname } of stale) {
      const at = Number(datname.split("_")[3]);
      if (Number.isFinite(at) && Date.now() - at > 3600_000) await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
    }
    await admin.unsafe(`create database "${database}"`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists "${database}" with (force)`);
    });
    [{ synchronous_commit: synchronousCommit }] = await admin<{ synchronous_commit: string }[]>`show synchronous_commit`;

    console.error(`[bench] starting the app on ${database} (port ${options.port}; builds first if the sources changed)…`);
    server = await startServer({
      port: options.port,
      label: "postgres",
      env: { DATABASE_URL: databaseUrl, SEED_DEMO: "1", DEMO_API_TOKEN: benchToken, AUTH_SECRET: randomBytes(48).toString("base64url"), BENCH_ROUTES: "1", DATABASE_READ_URL: undefined, PGLITE_DIR: undefined },
    });
    const running = server;
    cleanups.push(() => running.stop());
    console.error(`[bench] server healthy after ${server.startSeconds.toFixed(1)} s (log ${server.log})`);

    if (sections.pages) {
      try {
        console.error("[bench] pages…");
        pages = await measurePages(server.url, options.pageWarmup, options.pageRuns);
        memoryDuring.push("pages");
      } catch (error) {
        errors.push(`pages: ${(error as Error).message}`);
      }
    }

    if (sections.intake) {
      try {
        const target = { url: server.url, token: benchToken };
        const { regionCode } = await preflightIntake(target);
        const rows = await bareRows(databaseUrl, regionCode);
        const actionId = readBuiltActionId();
        const { scripts, dir } = await preparePgbench(databaseUrl, rows);
        cleanups.push(async () => removeDir(dir));
        const url = server.url;
        // What the database's backends wait on during a phase, sampled from pg_stat_activity.
        const sampled = async <T>(name: string, phase: () => Promise<T>): Promise<T> => {
          const sampler = sampleWaits(options.server, database);
          try {
            return await phase();
          } finally {
            waits[name] = await sampler.stop();
          }
        };
        // Interleaved, so that whatever else the machine does falls on all of them alike.
        for (const clients of clientCounts) {
          console.error(`[bench] intake at ${clients} client(s)…`);
          intake[`api_${clients}`] = await sampled(`api_${clients}`, () => measureIntake(target, clients, options.seconds, warmupSeconds));
          console.error(`[bench] bare route at ${clients} client(s)…`);
          intake[`bare_${clients}`] = await sampled(`bare_${clients}`, () => measureBareRoute(url, rows, clients, options.seconds, warmupSeconds));
          console.error(`[bench] framework floor (no database) at ${clients} client(s)…`);
          intake[`floor_${clients}`] = await measureFrameworkFloor(url, rows, clients, options.seconds, warmupSeconds);
          console.error(`[bench] server action at ${clients} client(s)…`);
          intake[`action_${clients}`] = await sampled(`action_${clients}`, () => measureAction(url, actionId, rows, clients, options.seconds, warmupSeconds));
          console.error(`[bench] server action, answer not compressed, at ${clients} client(s)…`);
          intake[`action_identity_${clients}`] = await measureAction(url, actionId, rows, clients, options.seconds, warmupSeconds, "identity");
          console.error(`[bench] pgbench at ${clients} client(s)…`);
          pgbench[`insert_${clients}`] = await measurePgbench(options.pgbench, databaseUrl, scripts.plain, clients, options.seconds);
          console.error(`[bench] pgbench into records at ${clients} client(s)…`);
          pgbench[`records_${clients}`] = await sampled(`pgbench_records_${clients}`, () => measurePgbench(options.pgbench, databaseUrl, scripts.records, clients, options.seconds));
        }
        memoryDuring.push("intake");
      } catch (error) {
        errors.push(`intake: ${(error as Error).message}`);
      }
    }

    await server.stop();
    memory = server.memory.result();
    server = null;

    if (sections.intake) {
      const dir = mkdtempSync(path.join(os.tmpdir(), "voc-bench-pglite-"));
      cleanups.push(async () => removeDir(dir));
      let embedded: BenchServer | null = null;
      try {
        console.error(`[bench] starting the app on PGlite in ${dir}…`);
        embedded = await startServer({
          port: options.port + 1,
          label: "pglite",
          env: { DATABASE_URL: undefined, DATABASE_READ_URL: undefined, PGLITE_DIR: path.join(dir, "pglite"), SEED_DEMO: "1", DEMO_API_TOKEN: benchToken, AUTH_SECRET: randomBytes(48).toString("base64url"), BENCH_ROUTES: "1" },
        });
        const target = { url: embedded.url, token: benchToken };
        await preflightIntake(target);
        console.error("[bench] intake on PGlite at 1 client…");
        const result = await measureIntake(target, 1, options.seconds, warmupSeconds);
        pglite = { result, peak: embedded.memory.result(), startSeconds: embedded.startSeconds };
      } catch (error) {
        errors.push(`intake: PGlite: ${(error as Error).message}`);
      } finally {
        await embedded?.stop();
      }
    }
  } catch (error) {
    errors.push(`${sections.intake ? "intake" : sections.pages ? "pages" : "memory"}: ${(error as Error).message}`);
  } finally {
    if (server) {
      await server.stop();
      memory ??= server.memory.result();
    }
    await cleanup();
    await admin.end({ timeout: 5 });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }

  const context = { measured_at: started, command: options.command, machine: options.machine };
  const loadAverage = `${options.machine.cores} cores, load ${os.loadavg()[0].toFixed(1)}`;

  if (sections.intake) {
    const api = (n: number) => intake[`api_${n}`]?.rps ?? null;
    const bare = (n: number) => intake[`bare_${n}`]?.rps ?? null;
    const action = (n: number) => intake[`action_${n}`]?.rps ?? null;
    const floor = (n: number) => intake[`floor_${n}`]?.rps ?? null;
    const actionIdentity = (n: number) => intake[`action_identity_${n}`]?.rps ?? null;
    const pg = (n: number) => pgbench[`insert_${n}`]?.tps ?? null;
    const pgRecords = (n: number) => pgbench[`records_${n}`]?.tps ?? null;
    Object.assign(figures, {
      intake_rps_1: api(1),
      intake_rps_8: api(8),
      bare_route_rps_1: bare(1),
      bare_route_rps_8: bare(8),
      pgbench_tps_1: pg(1),
      pgbench_tps_8: pg(8),
      pgbench_records_tps_1: pgRecords(1),
      pgbench_records_tps_8: pgRecords(8),
      intake_ratio_vs_pgbench: ratio(api(8), pg(8)),
      intake_ratio_vs_pgbench_records: ratio(api(8), pgRecords(8)),
      api_vs_route_ratio: ratio(api(8), bare(8)),
      action_rps_1: action(1),
      action_rps_8: action(8),
      action_vs_route_ratio: ratio(action(8), bare(8)),
      action_vs_route_ratio_1: ratio(action(1), bare(1)),
      action_uncompressed_vs_route_ratio: ratio(actionIdentity(8), bare(8)),
      action_uncompressed_vs_route_ratio_1: ratio(actionIdentity(1), bare(1)),
      framework_floor_rps_1: floor(1),
      framework_floor_rps_8: floor(8),
      framework_floor_ratio_vs_pgbench: ratio(floor(8), pg(8)),
      intake_vs_framework_floor_ratio: ratio(api(8), floor(8)),
      pglite_intake_rps_1: pglite?.result.rps ?? null,
      pglite_vs_server_intake_ratio: ratio(pglite?.result.rps, api(1)),
      intake: {
        ...context,
        database: `PostgreSQL, a fresh database seeded with the demo data (${database}, dropped after); synchronous_commit ${synchronousCommit}`,
        server: "production build, started by scripts/start.mjs (scripts/server.mjs: Next's handler behind Node's server, POST /api/v1/records answered directly, compression by size), BENCH_ROUTES=1",
        seconds_each: options.seconds,
        warmup_seconds_each: warmupSeconds,
        load: "closed loop from the bench process (one kept-alive HTTP/1.1 socket per client, scripts/bench/load.ts), on the same machine as the server and PostgreSQL; client_cpu_ms_per_request = the bench process's own CPU per request in that phase",
        api: "POST /api/v1/records: bearer token, JSON body validated, text masked, record + audit row + idempotency key in one transaction (a new Idempotency-Key and externalId each request); answered by the server before Next's routing (lib/api/direct.ts), by the route file's own handler, the token's check and the writes in one statement",
        bare_route: "POST /api/bench/insert: the same record row by one drizzle INSERT (lib/services/bench-insert.ts), no token, validation, audit or idempotency",
        framework_floor: "POST /api/bench/noop: the bare route's request, its JSON read and a 201 answered, no database: the most a route of this server reaches on this machine",
        action: `POST ${benchActionPage} as React calls a server action (Next-Action: the id of benchInsertAction read from .next/server/server-reference-manifest.json, Origin: the server, Accept: text/x-component, body: the JSON array of its one argument); the same insert function as the bare route; counted only when the answer carries {"created":true,…}`,
        traffic_mix: "sites by the seed's weights (SH 5, SZ 4, TJ 3) times categories by the generator's ranking (1/rank^0.95), 240 (site, category) slots taken in turn by the HTTP loads and at random by pgbench: concurrent inserts fall on different dashboard cells as real traffic does, not all on one",
        waits_method: "pg_stat_activity of the bench database sampled every 20 ms during each phase: active backends by wait_event_type:wait_event (cpu = not waiting); lockShare = the share waiting on a lock (a dashboard cell row held by another insert until its commit)",
        pgbench: `${options.pgbench} -n -M prepared -T ${options.seconds} (-j 2 at 8 clients): INSERT of the same row with \\set random values into a table LIKE records (defaults, identity, primary key; no other index, no trigger, no foreign key): pgbench_tps_*; the same INSERT into records itself (its indexes, foreign keys and dashboard triggers): pgbench_records_tps_*`,
        phases: intake,
        waits,
        pgbench_runs: pgbench,
        pglite: pglite && { ...pglite.result, server_start_seconds: Math.round(pglite.startSeconds * 10) / 10, peak_rss_mb: pglite.peak.peakRssMb },
        notes: [
          "action_vs_route_ratio = the bench server action at 8 clients / the bare route at 8 clients (action_vs_route_ratio_1 at 1 client), the action asked for gzip as browsers do; action_uncompressed_vs_route_ratio = the same with Accept-Encoding: identity. The server compresses by size (lib/http/compress-by-size.ts): an answer under 1 KB goes as it is, so the two should be alike; under Next's own compression every streamed action answer was gzipped. api_vs_route_ratio = intake at 8 / bare route at 8 (intake is answered before Next's routing, the bare route through it).",
          "pglite_vs_server_intake_ratio = intake at 1 client on the embedded engine (a second server, PGLITE_DIR in a temporary folder) / intake at 1 client on the server.",
        ],
      },
    });
    if (action(8) === null || bare(8) === null) reasons.action_vs_route_ratio = "the server action or bare route run failed; see errors";
    if (api(8) === null) reasons.intake_rps_8 = "the intake run failed; see errors";
    if (pg(8) === null) reasons.pgbench_tps_8 = "pgbench failed; see errors";
    if (!pglite) reasons.pglite_vs_server_intake_ratio = "the PGlite server or its run failed; see errors";

    console.log(`\nintake (records/s, ${options.seconds} s each after ${warmupSeconds} s warm-up, ${loadAverage}; synchronous_commit ${synchronousCommit})`);
    const row = (name: string, r: LoadResult | undefined): string[] =>
      r
        ? [name, String(r.clients), r.seconds.toFixed(1), String(r.ok), String(r.errors), r.rps.toFixed(1), String(r.p50Ms ?? ""), String(r.p99Ms ?? ""), String(r.clientCpuMsPerRequest ?? "")]
        : [name, "", "", "", "failed", "", "", "", ""];
    const pgbenchRow = (name: string, n: number, r: PgbenchResult | undefined): string[] =>
      r ? [name, String(n), r.seconds.toFixed(1), String(r.transactions), String(r.failed), r.tps.toFixed(1), String(r.latencyAvgMs ?? ""), "", ""] : [name, String(n), "", "", "failed", "", "", "", ""];
    options.printTable([
      ["path", "clients", "seconds", "rows", "errors", "rows/s", "p50 ms (pgbench: mean)", "p99 ms", "client CPU ms/req"],
      ...clientCounts.flatMap((n) => [
        row("POST /api/v1/records", intake[`api_${n}`]),
        row("POST /api/bench/insert (bare)", intake[`bare_${n}`]),
        row("POST /api/bench/noop (no database)", intake[`floor_${n}`]),
        row(`server action on ${benchActionPage}`, intake[`action_${n}`]),
        row(`the same, answer not compressed`, intake[`action_identity_${n}`]),
        pgbenchRow("pgbench INSERT, plain table", n, pgbench[`insert_${n}`]),
        pgbenchRow("pgbench INSERT into records", n, pgbench[`records_${n}`]),
      ]),
      row("POST /api/v1/records on PGlite", pglite?.result),
    ]);
    console.log(
      `framework floor 8 / pgbench 8 = ${figures.framework_floor_ratio_vs_pgbench ?? "n/a"}; intake 8 / floor 8 = ${figures.intake_vs_framework_floor_ratio ?? "n/a"}; intake 8 / pgbench 8 = ${figures.intake_ratio_vs_pgbench ?? "n/a"} (into records: ${figures.intake_ratio_vs_pgbench_records ?? "n/a"}); API / bare route at 8 = ${figures.api_vs_route_ratio ?? "n/a"}; PGlite / server at 1 = ${figures.pglite_vs_server_intake_ratio ?? "n/a"}; action / bare route at 8 = ${figures.action_vs_route_ratio ?? "n/a"} (at 1: ${figures.action_vs_route_ratio_1 ?? "n/a"}; not compressed: ${figures.action_uncompressed_vs_route_ratio ?? "n/a"}, at 1: ${figures.action_uncompressed_vs_route_ratio_1 ?? "n/a"})`,
    );
    console.log(
      `lock waits (share of active backends waiting on a lock): ${Object.entries(waits)
        .map(([name, w]) => `${name} ${w.lockShare ?? "n/a"}`)
        .join(", ")}`,
    );
  }

  if (sections.pages) {
    const floor = pages?.floor;
    const publicPage = pages?.pages.find((p) => p.path === "/");
    const rolePages = pages?.pages.filter((p) => p.path !== "/") ?? [];
    const maxRole = rolePages.length ? Math.max(...rolePages.map((p) => p.jsGzipBytes)) : null;
    const view = (p: PageResult) => ({
      path: p.path,
      as: p.as,
      status: p.status,
      ttfb_ms: p.ttfbMs,
      total_ms: p.totalMs,
      runs: p.runs,
      scripts: p.scripts,
      js_kb: kb(p.jsBytes),
      js_gzip_kb: kb(p.jsGzipBytes),
      html_gzip_kb: kb(p.htmlGzipBytes),
      js_ratio_to_floor: floor ? ratio(p.jsGzipBytes, floor.jsGzipBytes) : null,
    });
    Object.assign(figures, {
      empty_page_js_kb: floor ? kb(floor.jsGzipBytes) : null,
      public_page_js_kb: publicPage ? kb(publicPage.jsGzipBytes) : null,
      public_page_js_ratio: floor && publicPage ? ratio(publicPage.jsGzipBytes, floor.jsGzipBytes) : null,
      role_page_js_ratio_max: floor && maxRole ? ratio(maxRole, floor.jsGzipBytes) : null,
      role_page_js_kb_max: maxRole ? kb(maxRole) : null,
      page_ttfb_ms_max: pages ? Math.max(...pages.pages.map((p) => p.ttfbMs)) : null,
      pages: pages && {
        ...context,
        method: `median of ${options.pageRuns} requests after ${options.pageWarmup} warm-up, per page; TTFB = until the response headers (Node fetch), total = until the last byte. Role pages signed in as <role>@demo.local through /api/auth/csrf and /api/auth/callback/credentials. JS = every <script src> of the page's HTML but the nomodule polyfills (which module-capable browsers skip), fetched and gzip-compressed one by one (zlib level 6), summed.`,
        floor_page: `${floor!.path} (the smaller in JS of ${pages.floorCandidates.map((p) => p.path).join(" and ")}; /bench-no-such-page is the not-found page)`,
        pages: pages.pages.map(view),
        floor_candidates: pages.floorCandidates.map(view),
      },
    });
    if (!pages) for (const key of ["empty_page_js_kb", "public_page_js_kb", "public_page_js_ratio", "role_page_js_ratio_max"]) reasons[key] = "the pages run failed; see errors";
    if (pages) {
      console.log(`\npages (median of ${options.pageRuns} after ${options.pageWarmup} warm-up; JS gzip level 6; floor ${floor!.path})`);
      options.printTable([
        ["page", "as", "TTFB ms", "total ms", "scripts", "JS kB", "JS gzip kB", "HTML gzip kB", "JS / floor"],
        ...[...pages.pages, ...pages.floorCandidates].map((p) => {
          const v = view(p);
          return [v.path, v.as, v.ttfb_ms.toFixed(1), v.total_ms.toFixed(1), String(v.scripts), v.js_kb.toFixed(1), v.js_gzip_kb.toFixed(1), v.html_gzip_kb.toFixed(1), String(v.js_ratio_to_floor ?? "")];
        }),
      ]);
      console.log(`public / floor = ${figures.public_page_js_ratio}; largest role page / floor = ${figures.role_page_js_ratio_max}`);
    }
  }

  if (sections.memory) {
    Object.assign(figures, {
      peak_rss_mb: memory?.peakRssMb ?? null,
      memory: memory && {
        ...context,
        method: `VmHWM (peak resident set) of each process under scripts/start.mjs, read from /proc every ${memory.intervalMs} ms; peak_rss_mb is the largest one's (the Next server); tree_peak_rss_mb the largest sum of VmRSS over the tree at one poll`,
        process: memory.process,
        tree_peak_rss_mb: memory.treePeakRssMb,
        polls: memory.polls,
        during: memoryDuring.length ? memoryDuring : ["start and migration only (no other section ran)"],
        pglite_server_peak_rss_mb: pglite?.peak.peakRssMb ?? null,
      },
    });
    if (!memory) reasons.peak_rss_mb = "the server did not start; see errors";
    console.log(
      `\nmemory: peak RSS of the server ${memory?.peakRssMb ?? "n/a"} MB (${memory?.process ?? "n/a"}), tree ${memory?.treePeakRssMb ?? "n/a"} MB, during ${memoryDuring.join(", ") || "start only"}${pglite ? `; the PGlite server ${pglite.peak.peakRssMb} MB` : ""}`,
    );
  }

  figures.null_reasons = reasons;
  return figures;
}
