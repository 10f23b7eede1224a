import type { IncomingMessage, ServerResponse } from "node:http";
import { Duplex } from "node:stream";
import compression from "compression";

/**
 * Response compression that looks at the size of what it compresses, for the production server
 * (scripts/server.mjs; next.config.ts turns Next's own off).
 *
 * Next streams most answers without a Content-Length (pages, route handlers, and every server
 * action's answer), so a compression middleware cannot apply a threshold to them and gzips each
 * one, however small: a new zlib stream per answer costs more CPU than it saves bytes under a
 * kilobyte, and server actions, which answer a few hundred bytes, pay it on every call. Here an
 * answer without a length is held back until it reaches the threshold (then it is compressed
 * as a stream, as before), ends below it (then it goes as it is, with its length), or pauses
 * for `holdMs` (a stream that waits on something: sent on, compressed, without more delay).
 * An answer with a length (static files, direct routes) goes straight to the middleware,
 * which applies the same threshold.
 */
export const compressionThreshold = 1024;
export const holdMs = 4;

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
const compress = compression({ threshold: compressionThreshold }) as unknown as Middleware;

type WriteCallback = (error?: Error | null) => void;
type Chunk = string | Uint8Array;

/** Sets up compression for one answer; call before handing the request to Next. */
export function compressBySize(request: IncomingMessage, response: ServerResponse): void {
  compress(request, response, () => {});
  // A client that goes away mid-answer leaves the middleware's zlib stream open; end it.
  response.once("close", () => {
    if (!response.writableFinished) releaseCompressionStream(response);
  });
  if (request.method !== "HEAD") holdUntilSized(response);
}

/** The middleware hands back its zlib stream from `on("drain")` while it compresses. */
function releaseCompressionStream(response: ServerResponse): void {
  const noop = () => {};
  const stream: unknown = response.on("drain", noop);
  if (stream === response || !(stream instanceof Duplex)) {
    response.off("drain", noop);
    return;
  }
  stream.destroy();
}

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  // A copy: the producer may reuse its array once write() has returned.
  return typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
}

const bodiless = new Set([204, 205, 304]);

/** Holds an unsized answer's first kilobyte until its size decides whether it is compressed. */
export function holdUntilSized(response: ServerResponse): void {
  const write = response.write as (chunk: Chunk, encoding?: BufferEncoding, callback?: WriteCallback) => boolean;
  const end = response.end as (chunk?: Chunk | (() => void), encoding?: BufferEncoding, callback?: () => void) => ServerResponse;
  const writeHead = response.writeHead;
  const flushHeaders = response.flushHeaders;
  const flush = (response as ServerResponse & { flush?: () => void }).flush;
  let held: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  let headersWanted = false;
  let holding = true;

  const restore = () => {
    holding = false;
    if (timer) clearTimeout(timer);
    response.write = write as ServerResponse["write"];
    response.end = end as ServerResponse["end"];
    response.writeHead = writeHead;
    response.flushHeaders = flushHeaders;
    (response as ServerResponse & { flush?: () => void }).flush = flush;
  };
  /** From here on it is a stream: the middleware compresses it when it is worth it. */
  const release = (): boolean => {
    restore();
    let ok = true;
    if (held.length > 0) ok = write.call(response, held.length === 1 ? held[0] : Buffer.concat(held, size));
    else if (headersWanted) flushHeaders.call(response);
    held = [];
    return ok;
  };
  const sized = () => response.getHeader("content-length") !== undefined || response.getHeader("content-encoding") !== undefined;

  response.flushHeaders = () => {
    headersWanted = true;
  };
  (response as ServerResponse & { flush?: () => void }).flush = () => {};
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    // Explicit headers (a redirect, an error page): nothing has been written yet.
    restore();
    const result = writeHead.apply(this, args);
    if (held.length > 0) write.call(response, Buffer.concat(held, size));
    held = [];
    return result;
  } as ServerResponse["writeHead"];

  response.write = function (chunk: Chunk, encodingOrCallback?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
    const encoding = typeof encodingOrCallback === "string" ? encodingOrCallback : undefined;
    const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    if (!holding || sized()) {
      release();
      return write.call(response, chunk, encoding, done);
    }
    const buffer = toBuffer(chunk, encoding);
    held.push(buffer);
    size += buffer.length;
    if (done) process.nextTick(done);
    if (size >= compressionThreshold) return release();
    timer ??= setTimeout(() => {
      if (!holding) return;
      release();
      flush?.call(response);
    }, holdMs);
    return true;
  } as ServerResponse["write"];

  response.end = function (chunkOrCallback?: Chunk | (() => void), encodingOrCallback?: BufferEncoding | (() => void), callback?: () => void) {
    const chunk = typeof chunkOrCallback === "function" ? undefined : chunkOrCallback;
    const encoding = typeof encodingOrCallback === "string" ? encodingOrCallback : undefined;
    const done = typeof chunkOrCallback === "function" ? chunkOrCallback : typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    if (!holding || sized()) {
      release();
      return chunk === undefined ? end.call(response, done) : end.call(response, chunk, encoding, done);
    }
    if (chunk !== undefined && chunk.length > 0) {
      const buffer = toBuffer(chunk, encoding);
      held.push(buffer);
      size += buffer.length;
    }
    restore();
    const body = held.length === 1 ? held[0] : Buffer.concat(held, size);
    held = [];
    // The whole answer is here: its length lets the middleware apply the threshold.
    if (!response.headersSent && !bodiless.has(response.statusCode)) response.setHeader("content-length", body.length);
    return end.call(response, body, undefined, done);
  } as ServerResponse["end"];
}
