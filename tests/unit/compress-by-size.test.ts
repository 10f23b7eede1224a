import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressBySize, compressionThreshold, holdMs } from "@/lib/http/compress-by-size";

/** Answers the way Next does: a stream (headers flushed, chunks written and flushed, then end) or a whole body. */
type Answer = (res: http.ServerResponse & { flush?: () => void }) => Promise<void> | void;
const answers = new Map<string, Answer>();
let server: http.Server;
let port: number;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stream(res: http.ServerResponse & { flush?: () => void }, chunks: (string | number)[], contentType = "text/x-component") {
  res.statusCode = 200;
  res.setHeader("content-type", contentType);
  res.flushHeaders();
  for (const chunk of chunks) {
    if (typeof chunk === "number") {
      await wait(chunk);
      continue;
    }
    res.write(new TextEncoder().encode(chunk));
    res.flush?.();
  }
  res.end();
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    compressBySize(req, res);
    void answers.get(req.url ?? "")?.(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

interface Received {
  status: number;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  text: string;
}

function request(path: string, answer: Answer, { method = "GET", encoding = "gzip, deflate" } = {}): Promise<Received> {
  answers.set(path, answer);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers: { "accept-encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const coding = res.headers["content-encoding"];
        const text = (coding === "gzip" ? gunzipSync(raw) : coding === "br" ? brotliDecompressSync(raw) : raw).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const small = '0:{"a":"$@1","f":"","b":"build"}\n1:{"ok":true,"id":1234}\n';
const large = "x".repeat(compressionThreshold * 3);

describe("compression by size", () => {
  it("sends a small streamed answer (a server action's) as it is, with its length", async () => {
    const got = await request("/small", (res) => stream(res, [small.slice(0, 20), small.slice(20)]));
    expect(got.headers["content-encoding"]).toBeUndefined();
    expect(got.headers["content-length"]).toBe(String(Buffer.byteLength(small)));
    expect(got.headers["transfer-encoding"]).toBeUndefined();
    expect(got.text).toBe(small);
  });

  it("compresses a streamed answer once it passes the threshold, as a stream", async () => {
    const got = await request("/large", (res) => stream(res, ["<html>", large, "</html>"], "text/html; charset=utf-8"));
    expect(got.headers["content-encoding"]).toBe("gzip");
    expect(got.headers["content-length"]).toBeUndefined();
    expect(got.raw.length).toBeLessThan(large.length / 10);
    expect(got.text).toBe(`<html>${large}</html>`);
  });

  it("prefers brotli when the browser offers it", async () => {
    const got = await request("/brotli", (res) => stream(res, [large]), { encoding: "gzip, deflate, br, zstd" });
    expect(got.headers["content-encoding"]).toBe("br");
    expect(got.text).toBe(large);
  });

  it("does not hold a stream that pauses: its first part goes out (compressed) without waiting for the rest", async () => {
    let firstArrivedWhileWaiting = false;
    const got = await new Promise<Received>((resolve, reject) => {
      answers.set("/paused", (res) => stream(res, ["<p>shell</p>", holdMs * 25, "<p>late</p>"], "text/html"));
      const started = Date.now();
      const req = http.request({ host: "127.0.0.1", port, path: "/paused", headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => {
          if (chunks.length === 0 && Date.now() - started < holdMs * 20) firstArrivedWhileWaiting = true;
          chunks.push(c);
        });
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text: gunzipSync(raw).toString("utf8") });
        });
      });
      req.on("error", reject);
      req.end();
    });
    expect(firstArrivedWhileWaiting).toBe(true);
    expect(got.headers["content-encoding"]).toBe("gzip");
    expect(got.text).toBe("<p>shell</p><p>late</p>");
  });

  it("applies the threshold to an answer whose length is known (static files)", async () => {
    const body = Buffer.from(`console.log(${JSON.stringify(large)});`);
    const big = await request("/static.js", (res) => {
      res.setHeader("content-type", "application/javascript; charset=UTF-8");
      res.setHeader("content-length", body.length);
      res.end(body);
    });
    expect(big.headers["content-encoding"]).toBe("gzip");
    expect(big.text).toBe(body.toString());

    const tiny = await request("/tiny.js", (res) => {
      res.setHeader("content-type", "application/javascript; charset=UTF-8");
      res.setHeader("content-length", 9);
      res.end("let a=1;\n");
    });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.text).toBe("let a=1;\n");
  });

  it("leaves explicit headers, empty answers and HEAD requests alone", async () => {
    const redirect = await request("/redirect", (res) => {
      res.writeHead(307, { location: "/signin" });
      res.end();
    });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.location).toBe("/signin");

    const notModified = await request("/not-modified", (res) => {
      res.statusCode = 304;
      res.end();
    });
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-length"]).toBeUndefined();

    const head = await request("/head", (res) => stream(res, [large], "text/html"), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.raw.length).toBe(0);
  });

  it("does not compress for a client that does not ask for it", async () => {
    const got = await request("/identity", (res) => stream(res, [large], "text/html"), { encoding: "identity" });
    expect(got.headers["content-encoding"]).toBeUndefined();
    expect(got.text).toBe(large);
  });
});
