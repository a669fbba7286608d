import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Outcome } from "../answer.js";
import { createFakeTenant, outcomeOf, type FakeTenant, type FakeTenantOptions } from "../fake-tenant.js";

/** Options of {@link startFakeServer}: the fake's, and where to listen. */
export interface FakeServerOptions extends Omit<FakeTenantOptions, "origin"> {
  /** The port; 0 (the default) for any free one. */
  port?: number | undefined;
  /** The address to listen on. Default `127.0.0.1`. */
  host?: string | undefined;
}

/** A fake tenant served over HTTP, for tests in any language. */
export interface FakeServer {
  readonly managementUrl: string;
  readonly managementTokenUrl: string;
  readonly adminUrl: string;
  readonly adminTokenUrl: string;
  /** The fake it serves, to drive from this process (or use the `/__grantkit/` control routes). */
  readonly fake: FakeTenant;
  /** Stops listening and closes every connection, stalled ones too. */
  close(): Promise<void>;
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** The Fetch API request the fake serves, with a signal that aborts when the caller goes away. */
async function fetchRequest(origin: string, incoming: IncomingMessage, response: ServerResponse): Promise<Request> {
  const headers = new Headers();
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index] as string, incoming.rawHeaders[index + 1] as string);
  }
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort(new Error("the caller closed the connection"));
  });
  const body = await readBody(incoming);
  const method = incoming.method ?? "GET";
  return new Request(`${origin}${incoming.url ?? "/"}`, {
    method,
    headers,
    signal: controller.signal,
    ...(method === "GET" || method === "HEAD" ? {} : { body: new Uint8Array(body) }),
  });
}

/** Sends an outcome over the socket: the answer, or a dropped or stalled connection. */
function send(outcome: Outcome, response: ServerResponse): void {
  switch (outcome.type) {
    case "answer":
      response.writeHead(outcome.answer.status, outcome.answer.headers).end(outcome.answer.body);
      return;
    case "drop":
      response.socket?.destroy();
      return;
    case "drop-mid-body": {
      const bytes = Buffer.from(outcome.answer.body);
      response.writeHead(outcome.answer.status, { ...outcome.answer.headers, "content-length": String(bytes.length) });
      // Destroyed once the first half is out: the caller sees a body that stops short of its length.
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => response.socket?.destroy());
      return;
    }
    case "stall":
      // Nothing is sent; `close()` ends the connection if the caller does not.
      return;
  }
}

/**
 * Starts a fake tenant behind `node:http`: both APIs, their token endpoints, and the control routes under
 * `/__grantkit/` (`GET`/`PUT /__grantkit/state`, `POST /__grantkit/reset`, `PUT`/`DELETE /__grantkit/faults`).
 *
 * @example
 * import { createManagementClient } from "@grantkit/client";
 * import { startFakeServer } from "@grantkit/testing/server";
 *
 * const server = await startFakeServer({ token: "test-token" });
 * const client = createManagementClient({ baseUrl: server.managementUrl, token: "test-token" });
 * console.log(await client.clientGrants.list());
 * await server.close();
 */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const { port = 0, host = "127.0.0.1", ...fakeOptions } = options;
  const server = createServer();
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const address = await listen(server, port, host);
  const origin = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  let fake: FakeTenant;
  try {
    fake = createFakeTenant({ ...fakeOptions, origin });
  } catch (error) {
    server.close();
    throw error;
  }
  server.on("request", (incoming: IncomingMessage, response: ServerResponse) => {
    fetchRequest(origin, incoming, response)
      .then((request) => outcomeOf(fake, request))
      .then((outcome) => send(outcome, response))
      // An aborted latency, a broken upload or a failed write: the connection is beyond answering.
      .catch(() => response.socket?.destroy());
  });
  return {
    managementUrl: fake.managementUrl,
    managementTokenUrl: fake.managementTokenUrl,
    adminUrl: fake.adminUrl,
    adminTokenUrl: fake.adminTokenUrl,
    fake,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
