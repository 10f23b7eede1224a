// A closed-loop HTTP load: `clients` loops, each sending its next request as soon as the last
// one is answered, for a fixed time. Counts answers by status, and the latency of each.
import { spawn } from "node:child_process";
import http from "node:http";
import { gunzipSync, inflateSync } from "node:zlib";

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  ok: number;
  errors: number;
  rps: number;
  p50Ms: number | null;
  p99Ms: number | null;
  statuses: Record<string, number>;
  /** The first failure's status and body, to say why when errors is not 0. */
  firstError: string | null;
}

export interface LoadSpec {
  clients: number;
  seconds: number;
  okStatus: number;
  /** A further check of an answer with okStatus (a server action answers 200 whatever it returned). */
  accept?: (body: string) => boolean;
  request: (n: number) => { url: string; init: RequestInit };
}

interface Answer {
  status: number;
  body: string;
}

/**
 * One request on a kept-alive socket through node:http, which costs the load generator about
 * a third of what Node's fetch does per request (measured: ~0.5 against ~1.5 ms of CPU), CPU
 * the server and PostgreSQL share on this machine. Like fetch it asks for gzip, so the server
 * compresses what it would compress for a browser; a compressed body is only unpacked when it
 * has to be read (an error, or a check of what an action answered).
 */
function send(agent: http.Agent, url: string, init: RequestInit, read: (status: number) => boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "accept-encoding": "gzip, deflate", ...(init.headers as Record<string, string>) };
    const body = typeof init.body === "string" ? Buffer.from(init.body) : undefined;
    if (body) headers["content-length"] = String(body.length);
    const request = http.request(url, { method: init.method ?? "GET", headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        if (!read(status)) return resolve({ status, body: "" });
        const raw = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"];
        const text = encoding === "gzip" ? gunzipSync(raw) : encoding === "deflate" ? inflateSync(raw) : raw;
        resolve({ status, body: text.toString("utf8") });
      });
    });
    request.on("error", reject);
    request.end(body);
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  let firstError: string | null = null;
  let sequence = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.clients });
  const started = performance.now();
  const deadline = started + spec.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const { url, init } = spec.request(++sequence);
      const t = performance.now();
      try {
        const answer = await send(agent, url, init, (status) => status !== spec.okStatus || Boolean(spec.accept));
        latencies.push(performance.now() - t);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        if (answer.status === spec.okStatus && (!spec.accept || spec.accept(answer.body))) ok++;
        else {
          errors++;
          firstError ??= `${answer.status} ${answer.body.slice(0, 300)}`;
        }
      } catch (error) {
        errors++;
        statuses.network = (statuses.network ?? 0) + 1;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: spec.clients }, client));
  agent.destroy();
  // The last requests may end after the deadline: divide by the time actually taken.
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] * 10) / 10 : null);
  return {
    clients: spec.clients,
    seconds: Math.round(seconds * 100) / 100,
    requests: ok + errors,
    ok,
    errors,
    rps: Math.round((ok / seconds) * 10) / 10,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    statuses,
    firstError,
  };
}

// ---------------------------------------------------------------------------- pgbench

export interface PgbenchResult {
  clients: number;
  seconds: number;
  transactions: number;
  failed: number;
  tps: number;
  latencyAvgMs: number | null;
}

/** pgbench with a custom script for `seconds` at `clients` connections (prepared statements). */
export function runPgbench(pgbench: string, databaseUrl: string, script: string, clients: number, seconds: number): Promise<PgbenchResult> {
  const url = new URL(databaseUrl);
  const args = ["-n", "-M", "prepared", "-f", script, "-c", String(clients), "-j", String(Math.min(clients, 2)), "-T", String(seconds)];
  args.push("-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username || "postgres"), decodeURIComponent(url.pathname.slice(1)));
  const env = { ...process.env, ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(pgbench, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const number = (re: RegExp) => {
        const m = re.exec(out);
        return m ? Number(m[1]) : null;
      };
      const transactions = number(/number of transactions actually processed: (\d+)/);
      const tps = number(/tps = ([\d.]+) \(without initial connection time\)/);
      if (code !== 0 || transactions === null || tps === null) {
        reject(new Error(`pgbench exited ${code}: ${out.trim().split("\n").slice(-5).join(" | ")}`));
        return;
      }
      resolve({
        clients,
        seconds: number(/duration: (\d+) s/) ?? seconds,
        transactions,
        failed: number(/number of failed transactions: (\d+)/) ?? 0,
        tps: Math.round(tps * 10) / 10,
        latencyAvgMs: number(/latency average = ([\d.]+) ms/),
      });
    });
  });
}
