// @ts-check
// The loopback Management API stand-in: node:http on 127.0.0.1, an OS-chosen port, keep-alive, the answers of
// fixtures.mjs (request bodies checked on every call). calls.mjs forks it so the server has its own process, and on
// a 2-core machine its own core, instead of sharing the client's event loop.
//
// It is bounded and stops by itself: when the parent goes away (IPC disconnect), after MAX_SECONDS (calls.mjs sets
// it from the planned run time), or after MAX_REQUESTS requests, whichever comes first. It only ever listens on
// 127.0.0.1.
import { createServer } from "node:http";
import { answer, RESPONSE_HEADERS } from "./fixtures.mjs";

const MAX_SECONDS = Number(process.env.BENCH_SERVER_MAX_SECONDS ?? 300);
const MAX_REQUESTS = 10_000_000;

let served = 0;
const server = createServer((req, res) => {
  /** @type {Buffer[]} */
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const { status, body } = answer({
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    res.writeHead(status, { ...RESPONSE_HEADERS, "content-length": Buffer.byteLength(body) });
    res.end(body);
    if (++served >= MAX_REQUESTS) stop("request limit reached");
  });
});
server.keepAliveTimeout = 10_000;

// A connection that ends before the server stops fails the client's call, and the bench does not retry it: say which
// side ended it and why, so that the next "fetch failed: other side closed" comes with its cause. (In two full
// loopback runs of the calls part the client kept two sockets, used in turn, never idle for more than 0.07 s, so the
// keep-alive timeout above cannot end one while it is measured.)
let stopping = false;
server.on("connection", (socket) => {
  const opened = performance.now();
  let clientEnded = false;
  let timedOut = false;
  /** @type {string | undefined} */
  let failed;
  socket.on("end", () => (clientEnded = true));
  socket.on("timeout", () => (timedOut = true));
  // Beside Node's own listener (which answers a request it cannot parse with a 400, then destroys the socket).
  socket.on("error", (error) => (failed ??= /** @type {{ code?: string }} */ (error).code ?? error.message));
  socket.on("close", () => {
    if (stopping) return;
    const why = timedOut ? "the keep-alive timeout" : clientEnded ? "the client" : failed ? `an error (${failed})` : "the server";
    const age = ((performance.now() - opened) / 1000).toFixed(1);
    console.error(`bench server: a connection closed by ${why} after ${age} s (${socket.bytesRead} B read, ${socket.bytesWritten} B written)`);
  });
});

/** @param {string} [why] */
function stop(why) {
  stopping = true;
  if (why) console.error(`bench server: stopping (${why}) after ${served} requests`);
  server.close();
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 100).unref();
}

setTimeout(() => stop(`${MAX_SECONDS} s limit`), MAX_SECONDS * 1000).unref();
process.on("disconnect", () => stop());

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") process.send?.({ port: address.port });
});
