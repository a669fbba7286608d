// A small local HTTP server for the clients' fault tests: each test decides how every request is answered (hangs
// and dropped connections included), and every request is recorded so tests assert on what reached the server.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/** A request the test server received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** When it arrived (epoch milliseconds). */
  at: number;
}

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** Starts a server on a free loopback port; `handle` answers the n-th request (from 0) however the test needs. */
export async function startServer(handle: (request: Received, response: ServerResponse, n: number) => void): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, at: Date.now() };
      received.push(request);
      handle(request, res, received.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
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

/**
 * Servers for a test that starts several (a tenant and another origin, say): `serve` starts one as `startServer`
 * does and keeps it, `closeAll` (for `afterEach`) closes every one kept.
 */
export function serverPool(): { serve: typeof startServer; closeAll(): Promise<void> } {
  const servers: TestServer[] = [];
  return {
    serve: async (handle) => {
      const server = await startServer(handle);
      servers.push(server);
      return server;
    },
    closeAll: async () => {
      await Promise.all(servers.splice(0).map((server) => server.close()));
    },
  };
}

/** Answers with a redirect to `location` (no `Location` header when it is `undefined`). */
export function redirect(response: ServerResponse, status: number, location?: string): void {
  response.writeHead(status, location === undefined ? {} : { location });
  response.end(`redirecting to ${location}`);
}

/** Answers with a JSON body; `headers` may override the content type. */
export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/** Runs `promise`, which must fail, and returns its error. */
export async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}
