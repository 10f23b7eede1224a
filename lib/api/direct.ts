import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { compressionThreshold } from "@/lib/http/compress-by-size";
import { getDb, type Database } from "@/db";
import { createRecordAnswer, type JsonAnswer, type ReadRequest } from "./records";
import { internalErrorDetail, problem } from "./problem";
import { unavailable } from "./route";
import { apiLimits } from "./schemas";

/**
 * Routes the production server (scripts/server.mjs) answers straight from Node's request,
 * before Next's routing. Next spends about a millisecond of CPU on each request before a route
 * handler runs (matching, the request's meta, its Request and Response objects, the streamed
 * answer): on two cores that, not the database, capped intake at a twentieth of what PostgreSQL
 * takes. The handler is the route's own (`createRecordAnswer`, which app/api/v1/records
 * calls), so both doors answer alike; `next dev` and a plain `next start` use the route file.
 *
 * The server finds them through lib/http/server-hooks.ts, registered at start-up.
 */
export type DirectHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;
export type DirectRoutes = Readonly<Record<string, DirectHandler>>;

/**
 * The body, at most `maxBytes + 1` bytes of it: the handler then answers 413 from what it got.
 * A larger body is not read further; the connection is closed after the answer.
 */
function readBody(request: IncomingMessage, maxBytes: number): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) {
        request.off("data", onData);
        request.off("end", onEnd);
        request.pause();
        resolve({ body: Buffer.concat(chunks, size), truncated: true });
      }
    };
    const onEnd = () => resolve({ body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size), truncated: false });
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", reject);
  });
}

/** Node's request as the handlers read it (headers and the body, already read and bounded). */
export async function readRequest(request: IncomingMessage, maxBytes: number): Promise<{ request: ReadRequest; truncated: boolean }> {
  const declared = Number(request.headers["content-length"]);
  // A declared size over the limit is refused from the header alone, without reading the body.
  const { body, truncated } = Number.isFinite(declared) && declared > maxBytes ? { body: Buffer.alloc(0), truncated: true } : await readBody(request, maxBytes);
  const headers = {
    get(name: string): string | null {
      const value = request.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
  return { request: { headers, bodyBytes: body }, truncated };
}

/** An answer written to Node's response; gzip when the client takes it and it pays. */
export async function sendAnswer(request: IncomingMessage, response: ServerResponse, answer: Response | JsonAnswer, closeAfter: boolean): Promise<void> {
  let body: Buffer;
  let headers: Record<string, string>;
  if (answer instanceof Response) {
    body = Buffer.from(await answer.arrayBuffer());
    headers = {};
    answer.headers.forEach((value, name) => (headers[name] = value));
  } else {
    body = Buffer.from(answer.body);
    headers = { ...answer.headers };
  }
  if (body.length >= compressionThreshold && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
  }
  headers["content-length"] = String(body.length);
  if (closeAfter) headers.connection = "close";
  response.writeHead(answer.status, headers);
  response.end(body);
}

/** POST /api/v1/records, as app/api/v1/records/route.ts answers it, on the database given. */
export function createRecordRoute(database: () => Promise<Database>): DirectHandler {
  return async (request, response) => {
    let answer: Response | JsonAnswer;
    let truncated = false;
    try {
      const read = await readRequest(request, apiLimits.recordBodyBytes);
      truncated = read.truncated;
      const db = await database().catch((error: unknown) => ({ unavailable: error }));
      answer = "unavailable" in db ? unavailable("POST /api/v1/records", db.unavailable) : await createRecordAnswer(db, read.request);
    } catch (error) {
      // The handler answers its own failures; this is the body's reading (a client gone mid-body).
      console.error("[api] POST /api/v1/records failed", error);
      answer = problem("internal_error", internalErrorDetail);
      truncated = true;
    }
    if (!response.destroyed) await sendAnswer(request, response, answer, truncated);
  };
}

/** Keyed by "METHOD /path" (the path without its query). */
export const directRoutes: DirectRoutes = {
  "POST /api/v1/records": createRecordRoute(getDb),
};
