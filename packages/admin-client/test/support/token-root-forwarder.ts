import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** The token endpoints, which sit at the root of their origin rather than under the API's root. */
const TOKEN_PATHS = ["/oauth/token", "/auth2/connect/token"];

/** Headers of one connection, not of the request: the forwarded request has its own. */
const HOP_BY_HOP = new Set(["connection", "content-length", "host", "keep-alive", "transfer-encoding"]);

/**
 * An HTTP server that sends every request on to `origin`, a token endpoint's from under any API root to the root.
 * Prism's validation proxy appends each request's path to one upstream URL, the API's root (`/api/v2`), so without
 * this a token exchange would reach `/api/v2/oauth/token`, where no tenant serves it.
 */
export async function startTokenRootForwarder(origin: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const path = incoming.url ?? "/";
    const tokenPath = TOKEN_PATHS.find((candidate) => path.endsWith(candidate));
    const headers = Object.entries(incoming.headers).flatMap(([name, value]) =>
      HOP_BY_HOP.has(name) || value === undefined ? [] : [[name, String(value)] as [string, string]],
    );
    try {
      const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
      const answer = await fetch(`${origin}${tokenPath ?? path}`, { method: incoming.method ?? "GET", headers, body });
      const text = Buffer.from(await answer.arrayBuffer());
      outgoing.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([name]) => !HOP_BY_HOP.has(name) && name !== "content-encoding")));
      outgoing.end(text);
    } catch {
      outgoing.socket?.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
