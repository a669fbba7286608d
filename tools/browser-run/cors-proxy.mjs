// @ts-check
// A reverse proxy in front of a mock with a CORS policy of its own, as an API gateway would have: it answers
// preflights itself, allowing only the listed request headers, and exposes only the listed response headers.
import { createServer, request } from "node:http";

/**
 * @typedef {{ allowHeaders: string[]; exposeHeaders: string[] }} CorsPolicy
 * @param {string} target the root requests are forwarded to, for example Prism's URL
 * @param {CorsPolicy} policy
 * @returns {Promise<{ url: string; stop: () => Promise<void> }>}
 */
export async function startCorsProxy(target, policy) {
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const origin = incoming.headers.origin ?? "*";
    if (incoming.method === "OPTIONS" && incoming.headers["access-control-request-method"]) {
      outgoing.writeHead(204, {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "GET, POST, PATCH, DELETE",
        "access-control-allow-headers": policy.allowHeaders.join(", "),
        "access-control-max-age": "0",
        vary: "origin",
      });
      outgoing.end();
      return;
    }
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        // The upstream's own CORS answer is replaced by the policy's.
        const headers = Object.fromEntries(
          Object.entries(answer.headers).filter(([name]) => !name.startsWith("access-control-")),
        );
        outgoing.writeHead(answer.statusCode ?? 502, {
          ...headers,
          "access-control-allow-origin": origin,
          ...(policy.exposeHeaders.length > 0 && { "access-control-expose-headers": policy.exposeHeaders.join(", ") }),
          vary: "origin",
        });
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
