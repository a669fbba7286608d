import { afterEach, describe, expect, it } from "vitest";
import { Redactor } from "../src/core/redaction.js";
import { createManagementClient, InvalidRequestError } from "../src/index.js";
import { grant, json, startServer, type TestServer } from "./support/server.js";

/** The edges a long-running script meets: bad options, huge numbers, servers that ignore paging or redirect. */
let server: TestServer | undefined;
afterEach(() => server?.close());

const tenant = { domain: "example.us.auth0.com" };

describe("options", () => {
  it("refuses bad client credentials when the client is created, not at the first call", () => {
    for (const clientCredentials of [{ clientId: "", clientSecret: "s" }, { clientId: "a", clientSecret: "" }, null]) {
      expect(() => createManagementClient({ ...tenant, clientCredentials: clientCredentials as never })).toThrow(InvalidRequestError);
    }
  });

  it("refuses a timeout or delay that setTimeout cannot hold (2^31 ms and more), and takes the largest it can", () => {
    const huge = 2 ** 31;
    expect(() => createManagementClient({ ...tenant, token: "t", timeoutMs: huge })).toThrow("timeoutMs must be an integer from 1 to 2147483647");
    expect(() => createManagementClient({ ...tenant, token: "t", retry: { maxWaitMs: huge } })).toThrow("retry.maxWaitMs must be an integer from 0 to 2147483647");
    expect(() => createManagementClient({ ...tenant, token: "t", retry: { baseDelayMs: huge } })).toThrow(InvalidRequestError);
    expect(() => createManagementClient({ ...tenant, token: "t", timeoutMs: huge - 1, retry: { maxWaitMs: huge - 1, backoffLimit: huge - 1 } })).not.toThrow();
  });
});

describe("a server that ignores paging", () => {
  const fullPage = Array.from({ length: 50 }, (_, i) => ({ ...grant, id: `cgr_${i}` }));
  const walk = async (query = {}) => {
    const client = createManagementClient({ baseUrl: server!.url, token: "t", retry: false });
    const ids: string[] = [];
    for await (const item of client.clientGrants.all(query)) ids.push(item.id);
    return ids;
  };

  it("stops the page-number walk when a page repeats the previous one", async () => {
    server = await startServer((_req, res) => json(res, 200, { start: 0, limit: 50, total: 1000, client_grants: fullPage }));
    expect(await walk({ per_page: 50 })).toHaveLength(50);
    expect(server.received).toHaveLength(2);
  });

  it("stops the page-number walk on a plain array answered again and again", async () => {
    server = await startServer((_req, res) => json(res, 200, fullPage));
    expect(await walk({ page: 0 })).toHaveLength(50);
    expect(server.received).toHaveLength(2);
  });

  it("stops the checkpoint walk when new cursors bring the same page", async () => {
    server = await startServer((_req, res, n) => json(res, 200, { client_grants: fullPage, next: `cursor-${n}` }));
    expect(await walk()).toHaveLength(50);
    expect(server.received).toHaveLength(2);
  });

  it("bounds the page-number walk by the total", async () => {
    server = await startServer((req, res) => {
      const page = Number(new URL(req.url, "http://x").searchParams.get("page"));
      json(res, 200, { start: page * 50, limit: 50, total: 120, client_grants: fullPage.map((g) => ({ ...g, id: `${g.id}_p${page}` })) });
    });
    expect(await walk({ per_page: 50 })).toHaveLength(150);
    expect(server.received).toHaveLength(3);
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
        json(res, req.method === "POST" ? 201 : 200, { ...grant, ...JSON.parse(req.body) });
      });
      const client = createManagementClient({ baseUrl: server.url, token: "t", retry: false });
      const body = { client_id: grant.client_id, audience: "https://moved.example.com/" };
      expect((await client.clientGrants.create(body)).audience).toBe(body.audience);
      expect((await client.clientGrants.update(grant.id, { scope: ["read:a"] })).scope).toEqual(["read:a"]);
      expect(server.received.map((r) => [r.method, r.url, r.body])).toEqual([
        ["POST", "/client-grants", JSON.stringify(body)],
        ["POST", "/moved/client-grants", JSON.stringify(body)],
        ["PATCH", `/client-grants/${grant.id}`, '{"scope":["read:a"]}'],
        ["PATCH", `/moved/client-grants/${grant.id}`, '{"scope":["read:a"]}'],
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
  const notFound = { statusCode: 404, error: "Not Found", message: "The client grant does not exist" };
  const client = () => createManagementClient({ baseUrl: server!.url, token: "t", retry: { baseDelayMs: 1 } });

  it("succeeds when the retry is answered 404: the first attempt deleted it", async () => {
    server = await startServer((_req, res, n) => (n === 0 ? res.socket?.destroy() : json(res, 404, notFound)));
    await expect(client().clientGrants.delete(grant.id)).resolves.toBeUndefined();
    await server.close();
    server = await startServer((_req, res, n) => (n === 0 ? json(res, 503, { statusCode: 503, error: "Service Unavailable" }) : json(res, 404, notFound)));
    await expect(client().clientGrants.removeFromOrganization("org_1", grant.id)).resolves.toBeUndefined();
    expect(server.received).toHaveLength(2);
  });

  it("still fails with 404 when no earlier attempt can have acted: a first answer, or after a 429", async () => {
    server = await startServer((_req, res) => json(res, 404, notFound));
    await expect(client().clientGrants.delete(grant.id)).rejects.toMatchObject({ status: 404 });
    await server.close();
    server = await startServer((_req, res, n) => (n === 0 ? json(res, 429, { statusCode: 429, error: "Too Many Requests" }, { "retry-after": "0" }) : json(res, 404, notFound)));
    await expect(client().clientGrants.delete(grant.id)).rejects.toMatchObject({ status: 404 });
  });
});
