import { afterEach, describe, expect, it } from "vitest";
import { AdminApiError, ApiError, createAdminClient } from "../src/index.js";
import { caught, createdClient, createdSecret, json, newClient, startServer, type TestServer } from "./support/server.js";

let server: TestServer | undefined;
afterEach(() => server?.close());

const credentials = { clientId: "invoice-robot", clientSecret: "s3cr3t &=+ value" };

/** A region root on the local server: the token endpoint and the admin API at their default paths. */
async function region(expiresIn = 3600) {
  let issued = 0;
  server = await startServer((req, res) => {
    if (req.url === "/auth2/connect/token") {
      issued += 1;
      // Answer a little later, so concurrent callers overlap with the exchange in flight.
      setTimeout(() => json(res, 200, { access_token: `token-${issued}`, expires_in: expiresIn, token_type: "Bearer" }), 50);
    } else {
      json(res, 200, req.url.endsWith("/secrets/") ? createdSecret : createdClient);
    }
  });
  return server;
}

const tokenRequests = (s: TestServer) => s.received.filter((r) => r.url === "/auth2/connect/token");
const apiRequests = (s: TestServer) => s.received.filter((r) => r.url !== "/auth2/connect/token");

describe("client credentials", () => {
  it("drop a token the API answers 401 to, and retry once with a new one", async () => {
    let issued = 0;
    server = await startServer((req, res) => {
      if (req.url === "/auth2/connect/token") return json(res, 200, { access_token: `token-${++issued}`, expires_in: 3600 });
      if (req.headers.authorization === "Bearer token-1") return json(res, 401, { title: "Unauthorized", status: 401 });
      json(res, 200, createdSecret);
    });
    const admin = createAdminClient({ regionUrl: server.url, tenantId: "t1", clientCredentials: credentials, retry: false });
    const secret = await admin.secrets.create("invoice-robot");
    expect(secret.valueDisplay).toBe(createdSecret.valueDisplay);
    expect(apiRequests(server).map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("fetch one token for 20 concurrent calls, and send it as the bearer of each", async () => {
    const s = await region();
    const admin = createAdminClient({ regionUrl: s.url, tenantId: "t1", clientCredentials: credentials });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? admin.clients.create(newClient) : admin.secrets.create("invoice-robot"))));
    expect(tokenRequests(s)).toHaveLength(1);
    expect(apiRequests(s)).toHaveLength(20);
    expect(new Set(apiRequests(s).map((r) => r.headers.authorization))).toEqual(new Set(["Bearer token-1"]));
  });

  it("send the documented form to {regionUrl}/auth2/connect/token, and call the API under /api/adminapi2/v1", async () => {
    const s = await region();
    await createAdminClient({ regionUrl: `${s.url}/`, tenantId: "t1", clientCredentials: credentials }).clients.create(newClient);
    const [token] = tokenRequests(s);
    expect(token!.method).toBe("POST");
    expect(token!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(token!.headers.authorization).toBeUndefined();
    expect([...new URLSearchParams(token!.body)]).toEqual([
      ["grant_type", "client_credentials"],
      ["client_id", "invoice-robot"],
      ["client_secret", "s3cr3t &=+ value"],
      ["scope", "openid permissions global.wildcard"],
    ]);
    expect(token!.body).toBe("grant_type=client_credentials&client_id=invoice-robot&client_secret=s3cr3t+%26%3D%2B+value&scope=openid+permissions+global.wildcard");
    expect(apiRequests(s).map((r) => r.url)).toEqual(["/api/adminapi2/v1/tenants/t1/clients/"]);
  });

  it("keep the token until shortly before it expires, then fetch a new one", async () => {
    const s = await region(2); // refreshed half-way through its 2 s life
    const admin = createAdminClient({ regionUrl: s.url, apiVersion: "v2", tenantId: "t1", clientCredentials: credentials });
    await admin.clients.create(newClient);
    await admin.clients.create(newClient);
    expect(tokenRequests(s)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await admin.clients.create(newClient);
    expect(tokenRequests(s)).toHaveLength(2);
    expect(apiRequests(s).map((r) => [r.url, r.headers.authorization])).toEqual([
      ["/api/adminapi2/v2/tenants/t1/clients/", "Bearer token-1"],
      ["/api/adminapi2/v2/tenants/t1/clients/", "Bearer token-1"],
      ["/api/adminapi2/v2/tenants/t1/clients/", "Bearer token-2"],
    ]);
  });

  it("use tokenUrl and baseUrl when given instead of regionUrl", async () => {
    const s = await region();
    s.received.length = 0;
    await createAdminClient({ baseUrl: `${s.url}/proxy/admin`, tokenUrl: `${s.url}/auth2/connect/token`, tenantId: "t 1", clientCredentials: credentials }).clients.create(newClient);
    expect(s.received.map((r) => r.url)).toEqual(["/auth2/connect/token", "/proxy/admin/tenants/t%201/clients/"]);
  });

  it("report a refused exchange as an AdminApiError with the OAuth error, and call no API", async () => {
    server = await startServer((_req, res) => json(res, 400, { error: "invalid_client" }));
    const error = await caught(createAdminClient({ regionUrl: server.url, tenantId: "t1", clientCredentials: credentials }).clients.create(newClient));
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: "AdminApiError", status: 400, error: "invalid_client", body: { error: "invalid_client" }, url: `${server.url}/auth2/connect/token` });
    expect(server.received.map((r) => r.url)).toEqual(["/auth2/connect/token"]);
  });
});

describe("the other auth modes", () => {
  it("send a fixed token as the bearer", async () => {
    server = await startServer((_req, res) => json(res, 200, createdClient));
    await createAdminClient({ baseUrl: server.url, tenantId: "t1", token: "fixed" }).clients.create(newClient);
    expect(server.received[0]!.headers.authorization).toBe("Bearer fixed");
  });

  it("ask getToken before each request", async () => {
    server = await startServer((_req, res) => json(res, 200, createdClient));
    let calls = 0;
    const admin = createAdminClient({ baseUrl: server.url, tenantId: "t1", getToken: async () => `dynamic-${++calls}`, headers: { "x-request-source": "test" } });
    await admin.clients.create(newClient);
    await admin.clients.create(newClient);
    expect(server.received.map((r) => [r.headers.authorization, r.headers["x-request-source"]])).toEqual([
      ["Bearer dynamic-1", "test"],
      ["Bearer dynamic-2", "test"],
    ]);
  });

  it("expose the typed raw client over the same transport", async () => {
    server = await startServer((_req, res) => json(res, 200, createdClient));
    const admin = createAdminClient({ baseUrl: server.url, tenantId: "t1", token: "fixed" });
    const { data } = await admin.raw.POST("/tenants/{tenantId}/clients/", { params: { path: { tenantId: "t1" } }, body: newClient });
    expect(data).toEqual(createdClient);
    expect(server.received[0]!.headers.authorization).toBe("Bearer fixed");
  });
});
