import type { IncomingMessage, ServerResponse } from "node:http";
import { directRoutes, type DirectRoutes } from "@/lib/api/direct";
import { compressBySize } from "./compress-by-size";

/**
 * What the production server (scripts/server.mjs) takes from the app: the routes it answers
 * without Next (lib/api/direct.ts) and how it prepares every other answer (compression by size).
 * This code is compiled into Next's server bundle, and the server is plain Node outside it, so
 * the app's start-up (instrumentation.ts) leaves them on globalThis under a registered symbol.
 */
export interface ServerHooks {
  directRoutes: DirectRoutes;
  prepareResponse: (request: IncomingMessage, response: ServerResponse) => void;
}

export const serverHooksKey = Symbol.for("voc.serverHooks");

export function registerServerHooks(): void {
  (globalThis as typeof globalThis & { [serverHooksKey]?: ServerHooks })[serverHooksKey] = { directRoutes, prepareResponse: compressBySize };
}
