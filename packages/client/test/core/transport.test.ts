import { caught, json, startServer, type TestServer } from "@grantkit/test-support/test-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NetworkError, ResponseParseError, TimeoutError } from "../../src/core/index.js";
import { createThingsClient, thing, type ThingsClientOptions } from "./support/things-api.js";

/**
 * The transport's faults, as a client built on the core meets them: a server that never answers or stops in the
 * body, a 2xx that is not JSON, a dropped connection, a `getToken` that never settles.
 */
let server: TestServer | undefined;
afterEach(() => server?.close());

const client = (url: string, options: Partial<ThingsClientOptions> = {}) =>
  createThingsClient({ baseUrl: url, token: "tok_0123456789", retry: { baseDelayMs: 1 }, ...options } as ThingsClientOptions);

describe("the transport", () => {
  it("times out on a server that never answers, without retrying", async () => {
    server = await startServer(() => {});
    const error = await caught(client(server.url, { timeoutMs: 200 }).get(thing.id));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(`GET ${server.url}/things/${thing.id} timed out after 200 ms`);
    expect(server.received).toHaveLength(1);
  });

  it("times out on a server that sends headers and then hangs in the body", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id":');
    });
    await expect(client(server.url, { timeoutMs: 200 }).get(thing.id)).rejects.toBeInstanceOf(TimeoutError);
  });

  it("reports a 200 whose body is not valid JSON clearly", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id": "thing_1", ');
    });
    const error = await caught(client(server.url).get("thing_1"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe(`GET ${server.url}/things/thing_1 answered 200 with a body that is not valid JSON`);
  });

  it("reports a 200 with an HTML page (a proxy's, say) as not the documented JSON", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>Sign in</html>");
    });
    await expect(client(server.url).get(thing.id)).rejects.toThrow(/answered 200 with a text\/html body where JSON was expected/);
  });

  it("retries a dropped connection for GET, then reports it", async () => {
    server = await startServer((_req, res) => res.socket?.destroy());
    const error = await caught(client(server.url, { retry: { limit: 2, baseDelayMs: 1 } }).get(thing.id));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(new RegExp(`^GET ${server.url}/things/${thing.id} failed before a response arrived`));
    expect(server.received).toHaveLength(3);
  });

  it("retries a dropped connection and succeeds when the next attempt gets through", async () => {
    server = await startServer((_req, res, n) => (n === 0 ? res.socket?.destroy() : json(res, 200, thing)));
    expect(await client(server.url).get(thing.id)).toEqual(thing);
    expect(server.received).toHaveLength(2);
  });
});

describe("the global fetch", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is looked up at each call, so one patched after the client was made (as MSW 2 does) gets the calls", async () => {
    const things = createThingsClient({ baseUrl: "https://things.example/api", token: "tok_0123456789" });
    const seen: string[] = [];
    vi.stubGlobal("fetch", async (input: string | URL | Request) => {
      seen.push(String(input));
      return Response.json(thing);
    });
    expect(await things.get(thing.id)).toEqual(thing);
    expect(seen).toEqual([`https://things.example/api/things/${thing.id}`]);
  });
});

describe("getting the token", () => {
  const never = () => new Promise<string>(() => {});

  it("stops waiting for getToken when the call's signal aborts", async () => {
    const things = createThingsClient({ baseUrl: "http://127.0.0.1:9", getToken: never });
    const controller = new AbortController();
    const call = things.get(thing.id, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    await expect(call).rejects.toThrow("user gave up");
  });

  it("times out on a getToken that never settles", async () => {
    const things = createThingsClient({ baseUrl: "http://127.0.0.1:9", getToken: never, timeoutMs: 100 });
    await expect(things.get(thing.id)).rejects.toBeInstanceOf(TimeoutError);
  });
});
