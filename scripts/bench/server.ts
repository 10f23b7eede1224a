// The built app, started for a bench section the way `npm start` starts it (scripts/start.mjs:
// build once, again only when the sources changed, then `next start`), and the peak memory of
// its processes while it runs.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface BenchServer {
  url: string;
  /** The pid of scripts/start.mjs; `next start` and anything it forks are its descendants. */
  pid: number;
  log: string;
  /** Seconds from spawn to the first healthy answer (includes a build when one was needed). */
  startSeconds: number;
  memory: MemoryPoller;
  stop(): Promise<void>;
}

export interface ServerOptions {
  port: number;
  env: Record<string, string | undefined>;
  label: string;
  /** How long to wait for /api/health, build included. */
  timeoutMs?: number;
}

export async function startServer(options: ServerOptions): Promise<BenchServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const log = path.join(os.tmpdir(), `voc-bench-${options.label}-${options.port}.log`);
  const out = createWriteStream(log);
  const env: Record<string, string | undefined> = { ...process.env, ...options.env, PORT: String(options.port), NEXT_TELEMETRY_DISABLED: "1" };
  // Explicitly unset variables must not leak in from the bench's own environment.
  for (const [k, v] of Object.entries(options.env)) if (v === undefined) delete env[k];
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  let exited: number | string | null = null;
  child.on("exit", (code, signal) => (exited = code ?? signal ?? "exit"));
  const pid = child.pid!;
  // Polled from the first healthy answer: before it, the tree may hold `next build`, which is
  // not the server. VmHWM still counts the server's own start.
  let memory: MemoryPoller | null = null;

  const stop = async () => {
    memory?.stop();
    if (exited === null) {
      const tree = [pid, ...descendants(pid)].map((p) => ({ pid: p, command: commandOf(p) }));
      child.kill("SIGTERM");
      const deadline = Date.now() + 15_000;
      while (exited === null && Date.now() < deadline) await sleep(100);
      await sleep(500);
      // start.mjs forwards SIGTERM to `next start`; whatever of the tree it had is still alive
      // (same pid, same command line, so never a reused pid) is ours to end.
      for (const p of tree) {
        if (!p.command || commandOf(p.pid) !== p.command) continue;
        try {
          process.kill(p.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
    out.end();
  };

  const timeout = options.timeoutMs ?? 20 * 60_000;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`the ${options.label} server exited (${exited}) before it was healthy; see ${log}:\n${tail(log)}`);
    }
    if (performance.now() - started > timeout) {
      await stop();
      throw new Error(`the ${options.label} server was not healthy after ${timeout / 1000} s; see ${log}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  const startSeconds = (performance.now() - started) / 1000;
  memory = pollMemory(pid);
  return { url, pid, log, startSeconds, memory, stop };
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "";
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------- memory

/** The pids below `root`, read from /proc (Linux only). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const entry of entries) {
    try {
      // The command name is in parentheses and may hold spaces; the fields after it are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // Exited while we looked.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 4).join(" ");
  } catch {
    return "";
  }
}

export interface MemoryPeak {
  /** The largest peak (VmHWM) of one process of the tree: the Next server. */
  peakRssMb: number | null;
  process: string | null;
  /** The largest sum of the tree's resident sizes seen at one poll (start.mjs, next start and any workers). */
  treePeakRssMb: number | null;
  polls: number;
  intervalMs: number;
}

export interface MemoryPoller {
  stop(): void;
  result(): MemoryPeak;
}

export function pollMemory(root: number, intervalMs = 200): MemoryPoller {
  const peaks = new Map<number, { kb: number; command: string }>();
  let treeKb = 0;
  let polls = 0;
  const poll = () => {
    let sum = 0;
    for (const pid of [root, ...descendants(root)]) {
      const rss = statusKb(pid, "VmRSS");
      const hwm = statusKb(pid, "VmHWM") ?? rss;
      if (rss !== null) sum += rss;
      if (hwm !== null && hwm > (peaks.get(pid)?.kb ?? 0)) peaks.set(pid, { kb: hwm, command: peaks.get(pid)?.command ?? commandOf(pid) });
    }
    treeKb = Math.max(treeKb, sum);
    polls++;
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  timer.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      poll();
      stopped = true;
      clearInterval(timer);
    },
    result() {
      const top = [...peaks.values()].sort((a, b) => b.kb - a.kb)[0];
      return {
        peakRssMb: top ? Math.round(top.kb / 102.4) / 10 : null,
        process: top?.command ?? null,
        treePeakRssMb: polls ? Math.round(treeKb / 102.4) / 10 : null,
        polls,
        intervalMs,
      };
    },
  };
}
