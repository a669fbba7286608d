import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, createManagementClient, ResponseParseError, type ManagementClientOptions } from "../src/index.js";
import { caught, grant, json, startServer, type TestServer } from "./support/server.js";

// With characters servers escape (`+`, `/`, `=`), so an echo in any encoding is looked for.
const CLIENT_SECRET = "sEcReT+cLiEnT/sEcReT=0123456789";
let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
});

/** A tenant whose /oauth/token issues numbered tokens and whose API answers any grant. */
async function tenant(expiresIn = 86_400) {
  let issued = 0;
  server = await startServer((req, res) => {
    if (req.url === "/oauth/token") {
      issued += 1;
      return json(res, 200, { access_token: `token-number-${issued}`, expires_in: expiresIn, token_type: "Bearer" });
    }
    json(res, 200, grant);
  });
  const client = createManagementClient({
    baseUrl: `${server.url}/api/v2`,
    tokenUrl: `${server.url}/oauth/token`,
    clientCredentials: { clientId: "m2m-app", clientSecret: CLIENT_SECRET },
  });
  return { client, server };
}

const tokenRequests = (s: TestServer) => s.received.filter((r) => r.url === "/oauth/token");
const bearers = (s: TestServer) => s.received.filter((r) => r.url !== "/oauth/token").map((r) => r.headers.authorization);

function credentialsClient(s: TestServer, options: Partial<ManagementClientOptions> = {}) {
  return createManagementClient({
    baseUrl: `${s.url}/api/v2`,
    tokenUrl: `${s.url}/oauth/token`,
    clientCredentials: { clientId: "m2m-app", clientSecret: CLIENT_SECRET },
    ...options,
  } as ManagementClientOptions);
}

describe("client credentials", () => {
  it("exchanges the credentials for a Management API token", async () => {
    const { client, server } = await tenant();
    await client.clientGrants.get(grant.id);
    expect(JSON.parse(tokenRequests(server)[0]!.body)).toEqual({
      grant_type: "client_credentials",
      client_id: "m2m-app",
      client_secret: CLIENT_SECRET,
      audience: `${server.url}/api/v2/`,
    });
    expect(bearers(server)).toEqual(["Bearer token-number-1"]);
  });

  it("fetches the token once for 20 concurrent calls", async () => {
    const { client, server } = await tenant();
    await Promise.all(Array.from({ length: 20 }, () => client.clientGrants.get(grant.id)));
    expect(tokenRequests(server)).toHaveLength(1);
    expect(new Set(bearers(server))).toEqual(new Set(["Bearer token-number-1"]));
  });

  it("refreshes the token once it is about to expire", async () => {
    const { client, server } = await tenant(3600);
    await client.clientGrants.get(grant.id);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3_540_000 - 1_000);
    await client.clientGrants.get(grant.id);
    expect(tokenRequests(server)).toHaveLength(1);
    vi.setSystemTime(Date.now() + 2_000);
    await client.clientGrants.get(grant.id);
    expect(tokenRequests(server)).toHaveLength(2);
    expect(bearers(server)).toEqual(["Bearer token-number-1", "Bearer token-number-1", "Bearer token-number-2"]);
  });

  it("uses the tenant's token URL and Management API audience from the domain", async () => {
    const seen: string[] = [];
    const client = createManagementClient({
      domain: "example.us.auth0.com",
      clientCredentials: { clientId: "m2m-app", clientSecret: CLIENT_SECRET },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(`${request.method} ${request.url} ${request.method === "POST" ? JSON.parse(await request.text()).audience : ""}`);
        return request.url.endsWith("/oauth/token")
          ? Response.json({ access_token: "token-from-domain", expires_in: 60 })
          : Response.json(grant);
      },
    });
    await client.clientGrants.get(grant.id);
    expect(seen).toEqual([
      "POST https://example.us.auth0.com/oauth/token https://example.us.auth0.com/api/v2/",
      `GET https://example.us.auth0.com/api/v2/client-grants/${grant.id} `,
    ]);
  });

  it("uses the tenant's Management API as the audience when a proxy baseUrl is given too", async () => {
    let audience: unknown;
    const client = createManagementClient({
      domain: "example.us.auth0.com",
      baseUrl: "https://proxy.internal/api/v2",
      clientCredentials: { clientId: "m2m-app", clientSecret: CLIENT_SECRET },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.url.endsWith("/oauth/token")) {
          audience = JSON.parse(await request.text()).audience;
          return Response.json({ access_token: "token-from-domain", expires_in: 60 });
        }
        return Response.json(grant);
      },
    });
    await client.clientGrants.get(grant.id);
    expect(audience).toBe("https://example.us.auth0.com/api/v2/");
  });

  it("retries a token exchange answered 503 once, and none of the calls waiting for it fails", async () => {
    let exchanges = 0;
    server = await startServer((req, res) => {
      if (req.url !== "/oauth/token") return json(res, 200, grant);
      exchanges += 1;
      if (exchanges === 1) return json(res, 503, { error: "temporarily_unavailable" });
      json(res, 200, { access_token: "token-after-503", expires_in: 86_400 });
    });
    const client = credentialsClient(server, { retry: { baseDelayMs: 1 } });
    const results = await Promise.all(Array.from({ length: 10 }, () => client.clientGrants.get(grant.id)));
    expect(results).toEqual(Array.from({ length: 10 }, () => grant));
    expect(tokenRequests(server)).toHaveLength(2);
    expect(new Set(bearers(server))).toEqual(new Set(["Bearer token-after-503"]));
  });

  it("retries a token exchange whose connection dropped or timed out", async () => {
    let exchanges = 0;
    server = await startServer((req, res) => {
      if (req.url !== "/oauth/token") return json(res, 200, grant);
      exchanges += 1;
      if (exchanges === 1) return res.socket?.destroy();
      if (exchanges === 2) return; // never answered: the attempt times out
      json(res, 200, { access_token: "token-third-try", expires_in: 86_400 });
    });
    const client = credentialsClient(server, { retry: { baseDelayMs: 1 }, timeoutMs: 300 });
    await Promise.all([client.clientGrants.get(grant.id), client.clientGrants.get(grant.id)]);
    expect(tokenRequests(server)).toHaveLength(3);
    expect(bearers(server)).toEqual(["Bearer token-third-try", "Bearer token-third-try"]);
  });

  it("gives up on a token endpoint that keeps failing after the policy's retries, with its error", async () => {
    server = await startServer((_req, res) => json(res, 503, { error: "temporarily_unavailable" }));
    const client = credentialsClient(server, { retry: { baseDelayMs: 1, limit: 2 } });
    await expect(client.clientGrants.get(grant.id)).rejects.toMatchObject({ status: 503, path: "/oauth/token" });
    expect(server.received.map((r) => r.url)).toEqual(["/oauth/token", "/oauth/token", "/oauth/token"]);
  });

  for (const answer of ["null", "42", '"token"', "[]", "{}"]) {
    it(`reports a token answer of ${answer} as a ResponseParseError`, async () => {
      server = await startServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(answer);
      });
      const error = await caught(credentialsClient(server).clientGrants.get(grant.id));
      expect(error).toBeInstanceOf(ResponseParseError);
      expect(error.message).toContain("a token answer without access_token and expires_in");
    });
  }

  it("never shows the client secret in a token error, even when the server echoes it", async () => {
    server = await startServer((req, res) =>
      json(res, 401, { error: "access_denied", error_description: `Unauthorized: ${req.body}` }),
    );
    const client = createManagementClient({
      baseUrl: `${server.url}/api/v2`,
      tokenUrl: `${server.url}/oauth/token`,
      clientCredentials: { clientId: "m2m-app", clientSecret: CLIENT_SECRET },
    });
    const error = (await client.clientGrants.list().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, error: "access_denied", path: "/oauth/token" });
    expect(error.message).toContain("[redacted]");
    const shown = [error.message, error.stack, JSON.stringify(error), String(error)].join("\n");
    expect(shown).not.toContain(CLIENT_SECRET);
    expect(server.received).toHaveLength(1);
  });

  it("never shows the client secret when the echo escapes it, as JSON (\\u002B) or a URL does", async () => {
    const escaped = JSON.stringify(CLIENT_SECRET).slice(1, -1).replaceAll("+", "\\u002B");
    server = await startServer((_req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(`{"error":"access_denied","error_description":"${escaped} / ${encodeURIComponent(CLIENT_SECRET)}"}`);
    });
    const client = createManagementClient({
      baseUrl: `${server.url}/api/v2`,
      tokenUrl: `${server.url}/oauth/token`,
      clientCredentials: { clientId: "m2m-app", clientSecret: CLIENT_SECRET },
    });
    const error = (await client.clientGrants.list().catch((e: unknown) => e)) as ApiError;
    expect(error.message).toMatch(/access_denied: \[redacted\] \/ \[redacted\]$/);
    expect(JSON.stringify(error)).not.toContain(encodeURIComponent(CLIENT_SECRET));
    expect(JSON.stringify(error.body)).not.toMatch(/sEcReT/);
  });
});

describe("a revoked token (401)", () => {
  it("is dropped: one new exchange for all the calls that got 401, each retried once", async () => {
    let issued = 0;
    let revoked = false;
    server = await startServer((req, res) => {
      if (req.url === "/oauth/token") return json(res, 200, { access_token: `token-number-${++issued}`, expires_in: 86_400 });
      if (revoked && req.headers.authorization === "Bearer token-number-1") return json(res, 401, { statusCode: 401, error: "Unauthorized", message: "Invalid token" });
      json(res, 200, grant);
    });
    const client = credentialsClient(server, { retry: false });
    await client.clientGrants.get(grant.id);
    expect(tokenRequests(server)).toHaveLength(1);
    // Not expired, but revoked since: every concurrent call is answered 401, then retried with the new token.
    revoked = true;
    server.received.length = 0;
    const results = await Promise.all(Array.from({ length: 8 }, () => client.clientGrants.delete(grant.id)));
    expect(results).toHaveLength(8);
    expect(tokenRequests(server)).toHaveLength(1);
    expect(bearers(server).filter((b) => b === "Bearer token-number-2")).toHaveLength(8);
  });

  it("is reported when the new token is refused too, after exactly one new exchange", async () => {
    server = await startServer((req, res) =>
      req.url === "/oauth/token"
        ? json(res, 200, { access_token: `token-${req.at}`, expires_in: 86_400 })
        : json(res, 401, { statusCode: 401, error: "Unauthorized", message: "Invalid token" }),
    );
    const client = credentialsClient(server);
    await expect(client.clientGrants.create({ client_id: "c", audience: "https://a/" })).rejects.toMatchObject({ status: 401 });
    expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /oauth/token",
      "POST /api/v2/client-grants",
      "POST /oauth/token",
      "POST /api/v2/client-grants",
    ]);
  });

  it("is not retried with a fixed token, which cannot change", async () => {
    server = await startServer((_req, res) => json(res, 401, { statusCode: 401, error: "Unauthorized", message: "Invalid token" }));
    const client = createManagementClient({ baseUrl: server.url, token: "fixed-token-value" });
    await expect(client.clientGrants.get(grant.id)).rejects.toMatchObject({ status: 401 });
    expect(server.received).toHaveLength(1);
  });
});
