#!/usr/bin/env node
// `npm start`: builds the app once (again only when its sources change), then serves it.
// The server migrates and seeds its database on start (see instrumentation.ts).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

const args = new Set(process.argv.slice(2));
const port = process.env.PORT || "3000";
const sourceRoots = ["app", "components", "db", "lib", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const stampFile = path.join(".next", "voc-source-hash");

function* files(entry) {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

function sourceHash() {
  const hash = createHash("sha256");
  for (const entry of sourceRoots) for (const file of files(entry)) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

function ensureBuild() {
  const wanted = sourceHash();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
  if (built === wanted && !args.has("--rebuild")) return;
  console.log("[voc] building the app (once; again only after the sources change)…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, wanted);
}

if (args.has("--fresh") && process.env.PGLITE_DIR && !process.env.DATABASE_URL) {
  // For test servers: start from an empty embedded database (and forget a stale lock).
  rmSync(process.env.PGLITE_DIR, { recursive: true, force: true });
  rmSync(`${process.env.PGLITE_DIR}.lock`, { force: true });
}

ensureBuild();
if (args.has("--build-only")) process.exit(0);

// A bounded heap: left alone, V8 sizes its old generation from the machine's memory (gigabytes
// here) and lets garbage pile up toward it, so the server's resident size follows the machine,
// not its work. VOC_HEAP_MB (default 320) sets it; a --max-old-space-size in NODE_OPTIONS wins.
const callerOptions = process.env.NODE_OPTIONS ?? "";
const heapMb = Number(process.env.VOC_HEAP_MB || 320);
if (!Number.isInteger(heapMb) || heapMb < 128) {
  console.error(`[voc] VOC_HEAP_MB must be a whole number of megabytes, at least 128 (got ${process.env.VOC_HEAP_MB}).`);
  process.exit(2);
}
const nodeOptions = /--max-old-space-size/.test(callerOptions) ? callerOptions : `${callerOptions} --max-old-space-size=${heapMb}`.trim();

// scripts/server.mjs: Next's handler behind Node's own server (direct routes, compression by size).
const server = spawn(process.execPath, ["scripts/server.mjs"], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: "production", NODE_OPTIONS: nodeOptions, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
