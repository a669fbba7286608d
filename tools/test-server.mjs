// @ts-check
// A small local HTTP server for the clients' fault tests: each test decides how every request is answered (hangs
// and dropped connections included), and every request is recorded so tests assert on what reached the server.
import { createServer } from "node:http";

/** @type {import("./test-server.d.mts").startServer} */
export async function startServer(handle) {
  /** @type {import("./test-server.d.mts").Received[]} */
  const received = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, at: Date.now() };
      received.push(request);
      handle(request, res, received.length - 1);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** @type {import("./test-server.d.mts").json} */
export function json(response, status, body, headers = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/** @type {import("./test-server.d.mts").caught} */
export async function caught(promise) {
  try {
    await promise;
  } catch (error) {
    return /** @type {Error} */ (error);
  }
  throw new Error("expected the call to fail");
}
