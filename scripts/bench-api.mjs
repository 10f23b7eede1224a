#!/usr/bin/env node
// A benchmark, not a test: how many records a second the integration API takes in, for single
// POSTs at 1 and 8 connections and for bulk POSTs of 100 records. Every record has its own
// externalId, so nothing is a replay. Bounded in time, and only against this machine.
//
//   node scripts/bench-api.mjs --url http://127.0.0.1:3210 --token voc_… [--duration 10]
//   BENCH_URL=… BENCH_TOKEN=… node scripts/bench-api.mjs      (the token falls back to DEMO_API_TOKEN)
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    token: { type: "string" },
    duration: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (args.help) {
  console.log("usage: node scripts/bench-api.mjs --url http://127.0.0.1:3210 --token voc_… [--duration 10]");
  process.exit(0);
}

const url = new URL(args.url ?? process.env.BENCH_URL ?? "http://127.0.0.1:3000");
const token = args.token ?? process.env.BENCH_TOKEN ?? process.env.DEMO_API_TOKEN;
const duration = Math.min(Math.max(Number(args.duration ?? process.env.BENCH_DURATION ?? 10) || 10, 1), 60);

if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) || url.protocol !== "http:") {
  console.error(`Refusing ${url.origin}: the benchmark only runs against http://127.0.0.1 (or localhost).`);
  process.exit(2);
}
if (!token) {
  console.error("Give a token with records:write: --token voc_… (or BENCH_TOKEN / DEMO_API_TOKEN).");
  process.exit(2);
}

const run = randomBytes(3).toString("hex");
let sequence = 0;
const nextExternalId = (phase) => `bench-${run}-${phase}-${++sequence}`;

/** A realistic hotline record, valid against the demo reference data. */
function record(phase) {
  return {
    kind: "complaint",
    channel: "hotline",
    categoryCode: "pin.letter",
    siteCode: "SZ",
    region: "苏州",
    callReference: `CTI-${sequence}`,
    summary: "密码函开卡后两周仍未收到，无法消费",
    customerWords: "卡已经激活两周了，密码函一直没寄到，商场刷卡用不了。",
    urgency: "normal",
    externalId: nextExternalId(phase),
  };
}

const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };

async function preflight() {
  const response = await fetch(new URL("/api/v1/records", url), { method: "POST", headers, body: JSON.stringify(record("preflight")) });
  if (response.status !== 201) {
    console.error(`The first POST answered ${response.status}, not 201:\n${await response.text()}`);
    process.exit(1);
  }
}

async function phase({ title, path, connections, recordsPerRequest }) {
  const slug = `${recordsPerRequest === 1 ? "single" : "bulk"}${connections}`;
  let records = 0;
  let failures = 0;
  const result = await autocannon({
    url: url.origin,
    title,
    connections,
    duration,
    timeout: 30,
    headers,
    requests: [
      {
        method: "POST",
        path,
        setupRequest: (request) => {
          const body =
            recordsPerRequest === 1 ? record(slug) : { records: Array.from({ length: recordsPerRequest }, () => record(slug)) };
          return { ...request, body: JSON.stringify(body) };
        },
        onResponse: (status, body) => {
          if (recordsPerRequest === 1) {
            if (status === 201) records += 1;
            else failures += 1;
            return;
          }
          try {
            const parsed = JSON.parse(body);
            records += parsed.created ?? 0;
            failures += parsed.failed ?? recordsPerRequest;
          } catch {
            failures += recordsPerRequest;
          }
        },
      },
    ],
  });
  const seconds = result.duration;
  return {
    title,
    connections,
    requests: result.requests.total,
    non2xx: result.non2xx + result.errors + result.timeouts,
    records,
    failures,
    recordsPerSecond: records / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

const phases = [
  { title: "single POST", path: "/api/v1/records", connections: 1, recordsPerRequest: 1 },
  { title: "single POST", path: "/api/v1/records", connections: 8, recordsPerRequest: 1 },
  { title: "bulk POST ×100", path: "/api/v1/records/bulk", connections: 1, recordsPerRequest: 100 },
  { title: "bulk POST ×100", path: "/api/v1/records/bulk", connections: 8, recordsPerRequest: 100 },
];

console.log(`[bench] ${url.origin}, ${duration} s per phase, run ${run}`);
await preflight();
const rows = [];
for (const spec of phases) {
  process.stdout.write(`[bench] ${spec.title} at ${spec.connections} connection(s)…\n`);
  rows.push(await phase(spec));
}

const table = [
  ["phase", "conn", "requests", "non-2xx", "records", "failed", "records/s", "p50 ms", "p99 ms"],
  ...rows.map((r) => [r.title, r.connections, r.requests, r.non2xx, r.records, r.failures, r.recordsPerSecond.toFixed(1), r.p50, r.p99].map(String)),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log("");
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
