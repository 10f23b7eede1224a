import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dechunk, runLoad } from "../../scripts/bench/load";

let server: http.Server;
let base: string;
const seenBodies: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seenBodies.push(body);
      const n = Number(req.url?.split("/").pop());
      if (req.url?.startsWith("/length/")) {
        res.writeHead(201, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
        res.end(body);
      } else if (req.url?.startsWith("/chunked/")) {
        res.writeHead(200, { "content-type": "text/x-component" });
        res.write("0:");
        res.write(`{"n":${n}}`);
        res.end("\n");
      } else if (req.url?.startsWith("/gzip/")) {
        const packed = gzipSync(`{"n":${n}}`);
        res.writeHead(200, { "content-encoding": "gzip", "content-length": packed.length });
        res.end(packed);
      } else if (req.url?.startsWith("/close/")) {
        res.writeHead(201, { connection: "close", "content-length": 2 });
        res.end("ok");
      } else {
        res.writeHead(422, { "content-type": "application/problem+json", "content-length": 13 });
        res.end('{"title":"no"}'.slice(0, 13));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("the bench's load generator", () => {
  it("sends each request's body and counts answers with a Content-Length", async () => {
    seenBodies.length = 0;
    const result = await runLoad({ clients: 3, seconds: 0.3, okStatus: 201, request: (n) => ({ url: `${base}/length/${n}`, init: { method: "POST", body: JSON.stringify({ n }) } }) });
    expect(result.errors).toBe(0);
    expect(result.ok).toBeGreaterThan(10);
    expect(result.ok).toBe(seenBodies.length);
    expect(new Set(seenBodies).size).toBe(seenBodies.length);
    expect(result.clientCpuMsPerRequest).toBeGreaterThan(0);
  });

  it("reads chunked and gzip answers when it checks them", async () => {
    const chunked = await runLoad({ clients: 2, seconds: 0.2, okStatus: 200, accept: (body) => /^0:\{"n":\d+\}\n$/.test(body), request: (n) => ({ url: `${base}/chunked/${n}`, init: {} }) });
    expect(chunked.errors).toBe(0);
    expect(chunked.ok).toBeGreaterThan(5);
    const gzip = await runLoad({ clients: 2, seconds: 0.2, okStatus: 200, accept: (body) => /^\{"n":\d+\}$/.test(body), request: (n) => ({ url: `${base}/gzip/${n}`, init: {} }) });
    expect(gzip.errors).toBe(0);
    expect(gzip.ok).toBeGreaterThan(5);
  });

  it("opens a new connection when the server closes one, and reports failures with their body", async () => {
    const closing = await runLoad({ clients: 2, seconds: 0.2, okStatus: 201, request: (n) => ({ url: `${base}/close/${n}`, init: {} }) });
    expect(closing.errors).toBe(0);
    expect(closing.ok).toBeGreaterThan(5);
    const failing = await runLoad({ clients: 1, seconds: 0.1, okStatus: 201, request: () => ({ url: `${base}/fail`, init: {} }) });
    expect(failing.ok).toBe(0);
    expect(failing.errors).toBeGreaterThan(0);
    expect(failing.statuses["422"]).toBe(failing.errors);
    expect(failing.firstError).toBe('422 {"title":"no"');
  });

  it("takes a chunked body apart only once its last chunk is there", () => {
    const whole = Buffer.from("HEAD\r\n\r\n4\r\nabcd\r\n3;ext=1\r\nefg\r\n0\r\n\r\n");
    expect(dechunk(whole, 8)?.toString()).toBe("abcdefg");
    expect(dechunk(whole.subarray(0, whole.length - 2), 8)).toBeNull();
    expect(dechunk(whole.subarray(0, 15), 8)).toBeNull();
  });
});
