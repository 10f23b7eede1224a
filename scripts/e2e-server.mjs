#!/usr/bin/env node
// The server the browser tests run against: the built app on a fresh database with demo data.
// Embedded by default; with DATABASE_URL, a new database on that server, dropped on exit.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const env = {
  ...process.env,
  SEED_DEMO: "1",
  DEMO_API_TOKEN: process.env.DEMO_API_TOKEN ?? "voc_demo_token_for_browser_tests_0001",
  // A server database needs a shared secret in production; the test server makes its own.
  AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(48).toString("base64url"),
};
let cleanup = async () => {};

if (process.env.DATABASE_URL) {
  const { default: postgres } = await import("postgres");
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  // Databases of earlier runs whose server was killed before it could drop them.
  const stale = await admin`select datname from pg_database where datname like 'voc_e2e_%'`;
  for (const { datname } of stale) {
    const startedAt = Number(datname.split("_")[2]);
    if (Number.isFinite(startedAt) && Date.now() - startedAt > 6 * 3600_000) await admin.unsafe(`drop database if exists ${datname} with (force)`).catch(() => {});
  }
  const name = `voc_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end({ timeout: 2 });
  };
} else {
  env.PGLITE_DIR = path.join(root, "data", "e2e", "pglite");
}

const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs"), "--fresh"], { stdio: "inherit", env, cwd: root });
const stop = (signal) => child.kill(signal);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
