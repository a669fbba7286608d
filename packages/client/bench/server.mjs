// The loopback Management API stand-in for the "loopback HTTP" rows: node:http on 127.0.0.1, an OS-chosen port,
// the canned answers of fixtures.mjs. calls.mjs forks it, so the server has its own process (and, on a 2-core
// machine, its own core) instead of sharing the client's event loop.
//
// It is bounded and stops by itself: when the parent goes away (IPC disconnect), after MAX_SECONDS, or after
// MAX_REQUESTS requests, whichever comes first. It only ever listens on 127.0.0.1.
import { createServer } from "node:http";
import { answer, RESPONSE_HEADERS } from "./fixtures.mjs";

const MAX_SECONDS = Number(process.env.BENCH_SERVER_MAX_SECONDS ?? 240);
const MAX_REQUESTS = 5_000_000;

let served = 0;
const server = createServer((req, res) => {
  // Read the whole request body before answering, as a real server would.
  req.resume();
  req.on("end", () => {
    const queryAt = req.url.indexOf("?");
    const pathname = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
    const { status, body } = answer(req.method, pathname, req.headers.authorization);
    res.writeHead(status, { ...RESPONSE_HEADERS, "content-length": Buffer.byteLength(body) });
    res.end(body);
    if (++served >= MAX_REQUESTS) stop("request limit reached");
  });
});
server.keepAliveTimeout = 10_000;

function stop(why) {
  if (why) console.error(`bench server: stopping (${why}) after ${served} requests`);
  server.close();
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 100).unref();
}

const deadline = setTimeout(() => stop(`${MAX_SECONDS} s limit`), MAX_SECONDS * 1000);
deadline.unref();
process.on("disconnect", () => stop());

server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: server.address().port });
});
