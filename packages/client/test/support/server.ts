import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the test server received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * A small local HTTP server for fault tests: `handle` answers each request (the n-th, from 0) however the test
 * needs, hangs included. Every request is recorded, so tests can assert on what reached the server.
 */
export async function startServer(
  handle: (request: Received, response: ServerResponse, n: number) => void,
): Promise<TestServer> {
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
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

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

export const grant = {
  id: "cgr_4pI9a42haOLLWnwq",
  client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo",
  audience: "https://billing.example.com/",
  scope: ["read:invoices"],
};
