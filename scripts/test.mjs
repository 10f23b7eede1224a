#!/usr/bin/env node
// `npm test`: every test. Unit and integration tests (vitest) on the engine the environment
// names (embedded PGlite, or DATABASE_URL's server), then the browser tests against the built
// app. Ends with one line that counts them all.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });
const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "embedded PGlite";
console.log(`[test] engine: ${engine}`);

const run = (args) => spawnSync(process.execPath, args, { stdio: "inherit", env: process.env }).status ?? 1;

const vitestStatus = run(["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
const playwrightStatus = run(["node_modules/@playwright/test/cli.js", "test"]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync("test-results/vitest.json")) {
  const v = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync("test-results/e2e.json")) {
  const p = JSON.parse(readFileSync("test-results/e2e.json", "utf8"));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  failed += p.stats?.unexpected ?? 0;
  skipped += p.stats?.skipped ?? 0;
}
if (vitestStatus !== 0 && failed === 0) failed = 1;
if (playwrightStatus !== 0 && failed === 0) failed = 1;
console.log(`\n[test] ${engine} done\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(vitestStatus === 0 && playwrightStatus === 0 && passed > 0 ? 0 : 1);
