// @ts-check
// An API on its own origin that answers every call with a 307 to a path of its own, with the CORS headers a browser
// needs to hand the page that answer at all. It records every request but the preflights: a client that followed
// the redirect would show up as a request to `/moved/...`.
import { createServer } from "node:http";

/** @returns {Promise<{ url: string; received: string[]; stop: () => Promise<void> }>} */
export async function startRedirectingServer() {
  /** @type {string[]} */
  const received = [];
  const server = createServer((incoming, outgoing) => {
    const cors = { "access-control-allow-origin": incoming.headers.origin ?? "*", vary: "origin" };
    incoming.resume();
    if (incoming.method === "OPTIONS" && incoming.headers["access-control-request-method"]) {
      outgoing.writeHead(204, { ...cors, "access-control-allow-methods": "GET, POST, PATCH, DELETE", "access-control-allow-headers": "authorization, content-type" });
      outgoing.end();
      return;
    }
    received.push(`${incoming.method} ${incoming.url}`);
    outgoing.writeHead(307, { ...cors, location: `/moved${incoming.url}` });
    outgoing.end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
