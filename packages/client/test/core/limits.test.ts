import { json, startServer, type TestServer } from "@grantkit/test-support/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { InvalidRequestError } from "../../src/core/index.js";
import { Redactor } from "../../src/core/redaction.js";
import { createThingsClient, thing } from "./support/things-api.js";

/** The edges a long-running script meets: bad options, huge numbers, servers that redirect or lose answers. */
let server: TestServer | undefined;
afterEach(() => server?.close());

const api = { baseUrl: "https://api.example/v1", tokenUrl: "https://api.example/oauth/token" };

describe("options", () => {
  it("refuses bad client credentials when the client is created, not at the first call", () => {
    for (const clientCredentials of [{ clientId: "", clientSecret: "s" }, { clientId: "a", clientSecret: "" }, null]) {
      expect(() => createThingsClient({ ...api, clientCredentials: clientCredentials as never })).toThrow(InvalidRequestError);
    }
    expect(() => createThingsClient({ ...api, clientCredentials: { clientId: "a", clientSecret: "s" } })).not.toThrow();
  });

  it("refuses a timeout or delay that setTimeout cannot hold (2^31 ms and more), and takes the largest it can", () => {
    const huge = 2 ** 31;
    expect(() => createThingsClient({ ...api, token: "t", timeoutMs: huge })).toThrow("timeoutMs must be an integer from 1 to 2147483647");
    expect(() => createThingsClient({ ...api, token: "t", retry: { maxWaitMs: huge } })).toThrow("retry.maxWaitMs must be an integer from 0 to 2147483647");
    expect(() => createThingsClient({ ...api, token: "t", retry: { baseDelayMs: huge } })).toThrow(InvalidRequestError);
    expect(() => createThingsClient({ ...api, token: "t", timeoutMs: huge - 1, retry: { maxWaitMs: huge - 1, backoffLimit: huge - 1 } })).not.toThrow();
  });
});

describe("a redirected write", () => {
  for (const status of [307, 308]) {
    it(`follows a ${status} for POST and PATCH, sending the same body again`, async () => {
      server = await startServer((req, res) => {
        if (!req.url.startsWith("/moved")) {
          res.writeHead(status, { location: `/moved${req.url}` });
          return res.end();
        }
        json(res, req.method === "POST" ? 201 : 200, { ...thing, ...JSON.parse(req.body) });
      });
      const client = createThingsClient({ baseUrl: server.url, token: "t", retry: false });
      const body = { name: "a moved thing" };
      expect((await client.create(body)).name).toBe(body.name);
      expect((await client.update(thing.id, { name: "renamed" })).name).toBe("renamed");
      expect(server.received.map((r) => [r.method, r.url, r.body])).toEqual([
        ["POST", "/things", JSON.stringify(body)],
        ["POST", "/moved/things", JSON.stringify(body)],
        ["PATCH", `/things/${thing.id}`, '{"name":"renamed"}'],
        ["PATCH", `/moved/things/${thing.id}`, '{"name":"renamed"}'],
      ]);
    });
  }
});

describe("the values a client redacts", () => {
  it("stay bounded: after 10,000 added secrets, the latest 100 and the fixed ones are kept", () => {
    const redactor = new Redactor(["the-authenticating-client-secret"]);
    const added = Array.from({ length: 10_000 }, (_, i) => `created-secret-value-${String(i).padStart(5, "0")}`);
    for (const value of added) redactor.add(value);
    const text = (value: string) => `echo ${value} end`;
    expect(redactor.redact(text("the-authenticating-client-secret"))).toBe("echo [redacted] end");
    for (const value of added.slice(-100)) expect(redactor.redact(text(value))).toBe("echo [redacted] end");
    expect(redactor.redact(text(added[9_899]!))).toBe(text(added[9_899]!));
  });
});

describe("a DELETE sent again after its answer was lost", () => {
  const notFound = { statusCode: 404, error: "Not Found", message: "The thing does not exist" };
  const client = () => createThingsClient({ baseUrl: server!.url, token: "t", retry: { baseDelayMs: 1 } });

  it("succeeds when the retry is answered 404: the first attempt deleted it", async () => {
    server = await startServer((_req, res, n) => (n === 0 ? res.socket?.destroy() : json(res, 404, notFound)));
    await expect(client().delete(thing.id)).resolves.toBeUndefined();
    await server.close();
    server = await startServer((_req, res, n) => (n === 0 ? json(res, 503, { statusCode: 503, error: "Service Unavailable" }) : json(res, 404, notFound)));
    await expect(client().delete(thing.id)).resolves.toBeUndefined();
    expect(server.received).toHaveLength(2);
  });

  it("still fails with 404 when no earlier attempt can have acted: a first answer, or after a 429", async () => {
    server = await startServer((_req, res) => json(res, 404, notFound));
    await expect(client().delete(thing.id)).rejects.toMatchObject({ status: 404 });
    await server.close();
    server = await startServer((_req, res, n) => (n === 0 ? json(res, 429, { statusCode: 429, error: "Too Many Requests" }, { "retry-after": "0" }) : json(res, 404, notFound)));
    await expect(client().delete(thing.id)).rejects.toMatchObject({ status: 404 });
  });
});
