// A closed-loop HTTP load: `clients` loops, each sending its next request as soon as the last
// one is answered, for a fixed time. Counts answers by status, and the latency of each.
import { spawn } from "node:child_process";
import net from "node:net";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

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
  /** CPU the load generator itself spent per request (user + system), on the cores the server shares. */
  clientCpuMsPerRequest: number | null;
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

type Read = (status: number) => boolean;

/**
 * One kept-alive HTTP/1.1 connection of the load generator, on a plain socket: each request is
 * written as one buffer and its answer parsed just far enough (status, Content-Length or chunks),
 * as wrk or pgbench would. The load generator shares this machine's two cores with the server
 * and PostgreSQL: node:http's client cost about 0.25 ms of CPU a request here, this about a
 * fifth of that (`client_cpu_ms_per_request` in the results says what it cost in each run).
 * Like a browser it asks for gzip, so the server compresses what it would compress for one; a
 * compressed body is only unpacked when it has to be read (an error, or an action's answer).
 */
export class Connection {
  private socket: net.Socket | null = null;
  private received: Buffer[] = [];
  private receivedBytes = 0;
  private waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void; read: Read } | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  request(head: string, body: Buffer | undefined, read: Read): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject, read };
      this.received = [];
      this.receivedBytes = 0;
      const socket = this.socket ?? this.connect();
      socket.write(body ? Buffer.concat([Buffer.from(head, "latin1"), body]) : Buffer.from(head, "latin1"));
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private connect(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    // A socket this connection has let go of (the server said close) may still report its end.
    socket.on("data", (chunk: Buffer) => {
      if (this.socket !== socket) return;
      this.received.push(chunk);
      this.receivedBytes += chunk.length;
      this.parse(false);
    });
    socket.on("end", () => {
      if (this.socket === socket) this.parse(true);
    });
    socket.on("error", (error) => this.fail(socket, error));
    socket.on("close", () => this.fail(socket, new Error("the server closed the connection before it answered")));
    this.socket = socket;
    return socket;
  }

  private fail(socket: net.Socket, error: Error): void {
    if (this.socket !== socket) return;
    this.socket = null;
    socket.destroy();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }

  private parse(ended: boolean): void {
    const waiting = this.waiting;
    if (!waiting) return;
    const data = this.received.length === 1 ? this.received[0] : Buffer.concat(this.received, this.receivedBytes);
    this.received = [data];
    const headEnd = data.indexOf("\r\n\r\n");
    if (headEnd === -1) return;
    const lines = data.toString("latin1", 0, headEnd).split("\r\n");
    const status = Number(lines[0].split(" ")[1]);
    const headers: Record<string, string> = {};
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(":");
      headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
    }
    const start = headEnd + 4;
    let body: Buffer | null = null;
    if (headers["content-length"] !== undefined) {
      const length = Number(headers["content-length"]);
      if (data.length >= start + length) body = data.subarray(start, start + length);
    } else if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
      body = dechunk(data, start);
    } else if (ended) {
      body = data.subarray(start);
    }
    if (body === null) return;
    this.waiting = null;
    if (/close/i.test(headers.connection ?? "")) this.close();
    if (!waiting.read(status)) return waiting.resolve({ status, body: "" });
    const encoding = headers["content-encoding"];
    const text = encoding === "gzip" ? gunzipSync(body) : encoding === "deflate" ? inflateSync(body) : encoding === "br" ? brotliDecompressSync(body) : body;
    waiting.resolve({ status, body: text.toString("utf8") });
  }
}

/** A chunked body from `start`, or null while its last chunk has not arrived. */
export function dechunk(data: Buffer, start: number): Buffer | null {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", at);
    if (lineEnd === -1) return null;
    const size = parseInt(data.toString("latin1", at, lineEnd).split(";")[0], 16);
    if (!Number.isFinite(size)) throw new Error("a malformed chunk in the answer");
    if (size === 0) return data.length >= lineEnd + 4 ? Buffer.concat(parts) : null;
    if (data.length < lineEnd + 2 + size + 2) return null;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

function requestHead(url: URL, init: RequestInit, body: Buffer | undefined): string {
  const headers: Record<string, string> = { host: url.host, "accept-encoding": "gzip, deflate", ...(init.headers as Record<string, string>) };
  if (body) headers["content-length"] = String(body.length);
  let head = `${init.method ?? "GET"} ${url.pathname}${url.search} HTTP/1.1\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  return `${head}\r\n`;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  let firstError: string | null = null;
  let sequence = 0;
  const connections: Connection[] = [];
  const urls = new Map<string, URL>();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + spec.seconds * 1000;
  const client = async () => {
    let connection: Connection | undefined;
    while (performance.now() < deadline) {
      const { url: address, init } = spec.request(++sequence);
      let url = urls.get(address);
      if (!url) urls.set(address, (url = new URL(address)));
      if (!connection) connections.push((connection = new Connection(url.hostname, Number(url.port || 80))));
      const body = typeof init.body === "string" ? Buffer.from(init.body) : undefined;
      const t = performance.now();
      try {
        const answer = await connection.request(requestHead(url, init, body), body, (status) => status !== spec.okStatus || Boolean(spec.accept));
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
  for (const connection of connections) connection.close();
  // The last requests may end after the deadline: divide by the time actually taken.
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
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
    clientCpuMsPerRequest: ok + errors > 0 ? Math.round(((cpu.user + cpu.system) / 1000 / (ok + errors)) * 1000) / 1000 : null,
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
