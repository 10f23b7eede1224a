// @ts-check
// The production server `npm start` runs (through scripts/start.mjs): Next's request handler
// behind Node's own HTTP server, for two things `next start` cannot do.
//
// 1. Direct routes. The integration API's intake (POST /api/v1/records) is answered by its
//    handler straight from Node's request (lib/api/direct.ts), before Next's routing, which
//    costs about a millisecond of CPU per request: on two cores the limit of the whole intake.
// 2. Compression that looks at the size. Next streams most answers without a length, so its
//    compression gzips every one of them, however small: a fresh zlib stream per answer costs
//    more than it saves under a kilobyte, and server actions, whose answers are mostly a few
//    hundred bytes, pay it on every call. Here an answer without a length is held until it
//    passes the threshold, ends or pauses (lib/http/compress-by-size.ts).
import http from "node:http";
import path from "node:path";
import next from "next";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT || 3000);
const hostname = "localhost";

const app = next({ dev: false, dir: root, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * What the app leaves on globalThis when it starts (instrumentation.ts → lib/http/server-hooks.ts).
 * Next runs that start-up with the first request it handles, so until then (one request: the
 * warm-up below) every request goes to Next as it is.
 * @typedef {(req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>} DirectHandler
 * @type {() => { directRoutes: Record<string, DirectHandler>, prepareResponse: (req: http.IncomingMessage, res: http.ServerResponse) => void } | undefined}
 */
const serverHooks = () => /** @type {any} */ (globalThis)[Symbol.for("voc.serverHooks")];

/**
 * The last resort for a request whose handler threw past its own error handling: log it, and
 * end the answer (a 500 when nothing has been sent yet), so the client is not left waiting.
 * @param {http.ServerResponse} res @param {unknown} error
 */
function fail(res, error) {
  console.error("[voc] request failed", error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = 500;
  res.end();
}

const server = http.createServer((req, res) => {
  const hooks = serverHooks();
  if (hooks) {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const direct = hooks.directRoutes[`${req.method} ${query === -1 ? url : url.slice(0, query)}`];
    if (direct) {
      direct(req, res).catch((error) => fail(res, error));
      return;
    }
    hooks.prepareResponse(req, res);
  }
  handle(req, res).catch((error) => fail(res, error));
});

server.listen(port, () => {
  // The warm-up: Next starts the app (database, migrations, these hooks) on its first request.
  http
    .get({ host: "127.0.0.1", port, path: "/api/health" }, (answer) => {
      answer.resume();
      answer.on("end", () => {
        if (!serverHooks()) console.error("[voc] the app did not register its server hooks (lib/http/server-hooks.ts): every request goes through Next.");
        console.log(`[voc] ready on http://${hostname}:${port}`);
      });
    })
    .on("error", (error) => console.error("[voc] the warm-up request failed", error));
});
process.once("SIGTERM", () => server.close());
process.once("SIGINT", () => server.close());
