// Memory at scale: the built app on the largest generated database (voc_bench_<size>, made by the
// dashboards section), every role signed in and reading its home page, its dashboard and the
// records behind a figure, several clients at once, for a while; the server's peak resident set.
// The fresh-database memory of the other sections says what the app costs idle; this says what
// it costs when its queries meet ten million records.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { demoRoles, signIn } from "./pages";
import { startServer, type BenchServer, type MemoryPeak } from "./server";

export interface MemoryAtSizeOptions {
  /** The maintenance database of the PostgreSQL server. */
  server: string;
  size: string;
  port: number;
  seconds: number;
  clients: number;
}

export interface MemoryAtSize {
  size: string;
  database: string;
  records: number;
  seconds: number;
  clients: number;
  requests: number;
  /** Answers other than 200, by path and status: a page that fails is not a page measured. */
  failures: Record<string, number>;
  pages: string[];
  memory: MemoryPeak;
  startSeconds: number;
}

/** The pages each role reads: its home, the dashboard, and the records behind the dashboard's figures. */
function pagesOf(role: (typeof demoRoles)[number]): string[] {
  return [`/${role}`, "/dashboard", "/dashboard/records", "/notifications"];
}

export async function measureMemoryAtSize(options: MemoryAtSizeOptions): Promise<MemoryAtSize | { missing: string }> {
  const database = `voc_bench_${options.size}`;
  const url = new URL(options.server);
  url.pathname = `/${database}`;
  const admin = postgres(options.server, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!exists) return { missing: `${database} does not exist: npm run bench -- --sections dashboards --sizes ${options.size} makes it` };
  } finally {
    await admin.end({ timeout: 5 });
  }
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  let records: number;
  try {
    const [row] = await db<{ n: string }[]>`select reltuples::bigint as n from pg_class where relname = 'records'`;
    records = Number(row?.n ?? 0);
  } finally {
    await db.end({ timeout: 5 });
  }

  let server: BenchServer | null = null;
  try {
    console.error(`[bench] starting the app on ${database} for the memory at ${options.size}…`);
    server = await startServer({
      port: options.port,
      label: `memory-${options.size}`,
      env: { DATABASE_URL: url.toString(), SEED_DEMO: undefined, AUTH_SECRET: randomBytes(48).toString("base64url"), BENCH_ROUTES: undefined, DATABASE_READ_URL: undefined, PGLITE_DIR: undefined },
    });
    const base = server.url;
    const sessions = await Promise.all(demoRoles.map(async (role) => ({ role, cookie: await signIn(base, `${role}@demo.local`) })));
    const work = sessions.flatMap(({ role, cookie }) => pagesOf(role).map((path) => ({ path, cookie })));
    work.push({ path: "/", cookie: "" }, { path: "/improvements", cookie: "" });
    const failures: Record<string, number> = {};
    let requests = 0;
    let next = 0;
    const deadline = performance.now() + options.seconds * 1000;
    const client = async () => {
      while (performance.now() < deadline) {
        const item = work[next++ % work.length];
        const response = await fetch(`${base}${item.path}`, { headers: item.cookie ? { cookie: item.cookie } : {}, redirect: "manual" });
        await response.arrayBuffer();
        requests++;
        if (response.status !== 200) failures[`${item.path} ${response.status}`] = (failures[`${item.path} ${response.status}`] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: options.clients }, client));
    server.memory.stop();
    return {
      size: options.size,
      database,
      records,
      seconds: options.seconds,
      clients: options.clients,
      requests,
      failures,
      pages: [...new Set(work.map((w) => w.path))],
      memory: server.memory.result(),
      startSeconds: server.startSeconds,
    };
  } finally {
    await server?.stop();
  }
}
