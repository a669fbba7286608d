import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AllowedScopes } from "@grantkit/types";

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
 * A small local HTTP server (the same as @grantkit/client's tests): `handle` answers each request (the n-th, from
 * 0) however the test needs. Every request is recorded, so tests assert on what reached the server.
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
  const type = status >= 400 && !("error" in (body as object)) ? "application/problem+json" : "application/json";
  response.writeHead(status, { "content-type": type, ...headers });
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

export const scopes: AllowedScopes = ["openid", "permissions", "publicapi.all"];

export const newClient = { clientId: "invoice-robot", clientName: "Invoice robot", allowedScopes: scopes };

export const createdClient = {
  ...newClient,
  allowedGrantTypes: ["client_credentials"],
  requireClientSecret: true,
};

/** A secret value as the API shows it once. Long and distinctive, so a leak anywhere is found by a plain search. */
export const SECRET_VALUE = "Zk4_PLAINTEXT-SECRET-VALUE_q9Wm2";

export const createdSecret = {
  description: "CI pipeline",
  value: SECRET_VALUE,
  valueDisplay: SECRET_VALUE.slice(0, 3),
  startTime: "2025-01-15T10:00:00.000Z",
  expiration: "2025-07-15T10:00:00.000Z",
};
