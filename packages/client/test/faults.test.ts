import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  createManagementClient,
  ManagementApiError,
  NetworkError,
  ResponseParseError,
  TimeoutError,
} from "../src/index.js";
import { caught, grant, json, startServer, type TestServer } from "./support/server.js";

const TOKEN = "eyJ.tok_Very-Secret-Bearer.sig";
let server: TestServer | undefined;
afterEach(() => server?.close());

function clientFor(url: string, overrides: Parameters<typeof createManagementClient>[0] extends infer O ? Partial<O> : never = {}) {
  return createManagementClient({ baseUrl: url, token: TOKEN, retry: { baseDelayMs: 1, maxWaitMs: 5_000 }, ...overrides } as Parameters<typeof createManagementClient>[0]);
}

describe("rate limits", () => {
  it("waits for x-ratelimit-reset after a 429, then succeeds", async () => {
    const resetSeconds = Math.ceil(Date.now() / 1000) + 1;
    server = await startServer((_req, res, n) =>
      n === 0
        ? json(res, 429, { statusCode: 429, error: "Too Many Requests", message: "Global limit has been reached" }, {
            "x-ratelimit-limit": "10",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": String(resetSeconds),
          })
        : json(res, 200, grant),
    );
    const result = await clientFor(server.url).clientGrants.get(grant.id);
    expect(result).toEqual(grant);
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.at).toBeGreaterThanOrEqual(resetSeconds * 1000);
  });

  it("reports a 429 whose reset is later than maxWaitMs instead of waiting, with the rate-limit info", async () => {
    const resetSeconds = Math.ceil(Date.now() / 1000) + 3600;
    server = await startServer((_req, res) =>
      json(res, 429, { statusCode: 429, error: "Too Many Requests", message: "Global limit has been reached", errorCode: "too_many_requests" }, {
        "x-ratelimit-limit": "10",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(resetSeconds),
      }),
    );
    const error = await caught(clientFor(server.url).clientGrants.list());
    expect(error).toBeInstanceOf(ManagementApiError);
    expect(error).toMatchObject({
      status: 429,
      errorCode: "too_many_requests",
      rateLimit: { limit: 10, remaining: 0, resetAt: new Date(resetSeconds * 1000) },
    });
    expect(server.received).toHaveLength(1);
  });

  it("retries a POST on 429 with the same body, rebuilt for the second attempt", async () => {
    server = await startServer((req, res, n) =>
      n === 0 ? json(res, 429, { statusCode: 429, error: "Too Many Requests", message: "slow down" }, { "retry-after": "0" }) : json(res, 201, { ...grant, ...JSON.parse(req.body) }),
    );
    const body = { client_id: grant.client_id, audience: "https://reports.example.com/", scope: ["read:reports"] };
    const created = await clientFor(server.url).clientGrants.create(body);
    expect(created.audience).toBe("https://reports.example.com/");
    expect(server.received.map((r) => JSON.parse(r.body))).toEqual([body, body]);
  });

  it("stops waiting between retries as soon as the call's signal aborts", async () => {
    server = await startServer((_req, res) => json(res, 429, { statusCode: 429, error: "Too Many Requests", message: "wait" }, { "retry-after": "3" }));
    const controller = new AbortController();
    const call = clientFor(server.url).clientGrants.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 100);
    await expect(call).rejects.toThrow("user gave up");
    expect(server.received).toHaveLength(1);
  });
});

describe("server errors", () => {
  it("retries a 500 for GET", async () => {
    server = await startServer((_req, res, n) => (n < 2 ? json(res, 500, { statusCode: 500, error: "Internal Server Error", message: "oops" }) : json(res, 200, grant)));
    expect(await clientFor(server.url).clientGrants.get(grant.id)).toEqual(grant);
    expect(server.received).toHaveLength(3);
  });

  it("does not retry a 500 for POST: the server may have acted on it", async () => {
    server = await startServer((_req, res) => json(res, 500, { statusCode: 500, error: "Internal Server Error", message: "oops" }));
    const error = await caught(clientFor(server.url).clientGrants.create({ audience: "https://billing.example.com/" }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe(`POST ${server.url}/client-grants failed with 500 Internal Server Error: oops`);
    expect(server.received).toHaveLength(1);
  });

  it("gives up after retry.limit and throws the last error", async () => {
    server = await startServer((_req, res) => json(res, 503, { statusCode: 503, error: "Service Unavailable", message: "down" }));
    const error = await caught(clientFor(server.url, { retry: { limit: 2, baseDelayMs: 1 } }).clientGrants.delete(grant.id));
    expect(error).toMatchObject({ status: 503, method: "DELETE", path: `/client-grants/${grant.id}` });
    expect(server.received).toHaveLength(3);
  });

  it("surfaces an undocumented error status with a non-JSON body as an ApiError with its text", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad gateway</html>");
    });
    const error = await caught(clientFor(server.url, { retry: false }).clientGrants.get(grant.id));
    expect(error).toMatchObject({ status: 502, error: "Bad Gateway", body: "<html>Bad gateway</html>" });
  });
});

describe("the bearer token", () => {
  it("is sent to the server", async () => {
    server = await startServer((_req, res) => json(res, 200, grant));
    await clientFor(server.url).clientGrants.get(grant.id);
    expect(server.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("never appears in an error's message, stack or JSON, even when the server echoes it", async () => {
    const errors: Error[] = [];
    server = await startServer((req, res) => json(res, 401, { statusCode: 401, error: "Unauthorized", message: `Invalid token: ${req.headers.authorization}` }));
    errors.push(await caught(clientFor(server.url).clientGrants.get(grant.id)));
    await server.close();
    server = await startServer((_req, res) => res.socket?.destroy());
    errors.push(await caught(clientFor(server.url, { retry: false }).clientGrants.get(grant.id)));
    await server.close();
    server = await startServer(() => {});
    errors.push(await caught(clientFor(server.url, { timeoutMs: 100 }).clientGrants.get(grant.id)));

    expect(errors.map((e) => e.constructor)).toEqual([ManagementApiError, NetworkError, TimeoutError]);
    expect(errors[0]!.message).toContain("Invalid token: Bearer [redacted]");
    for (const error of errors) {
      const shown = [error.message, error.stack, JSON.stringify(error), String(error), JSON.stringify(error.cause ?? null)].join("\n");
      expect(shown).not.toContain("tok_Very-Secret-Bearer");
    }
  });
});

describe("request bodies", () => {
  it("sends null to clear a field on PATCH", async () => {
    server = await startServer((_req, res) => json(res, 200, grant));
    await clientFor(server.url).clientGrants.update(grant.id, { scope: null, organization_usage: null });
    expect(server.received[0]).toMatchObject({ method: "PATCH", body: '{"scope":null,"organization_usage":null}' });
  });
});

describe("error bodies", () => {
  it("names the fields of a problem-details validation answer", async () => {
    server = await startServer((_req, res) =>
      json(res, 400, { title: "One or more validation errors occurred.", status: 400, errors: { audience: ["The audience field is required."] } }),
    );
    const error = await caught(clientFor(server.url).clientGrants.get(grant.id));
    expect(error.message).toBe(
      `GET ${server.url}/client-grants/${grant.id} failed with 400 One or more validation errors occurred.: audience: The audience field is required.`,
    );
  });
});

describe("answers without the documented body", () => {
  it("reports a 204 to a GET, naming the request", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const error = await caught(clientFor(server.url).clientGrants.get(grant.id));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe(`GET ${server.url}/client-grants/${grant.id} answered 204 with no body where the API documents one`);
  });

  it("accepts a DELETE answered 200 with an empty body, and reports the same answer to a GET", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end();
    });
    await expect(clientFor(server.url).clientGrants.delete(grant.id)).resolves.toBeUndefined();
    await expect(clientFor(server.url).clientGrants.removeFromOrganization("org_1", grant.id)).resolves.toBeUndefined();
    await expect(clientFor(server.url).clientGrants.get(grant.id)).rejects.toThrow(/answered 200 with no body where the API documents one/);
  });

  it("accepts valid JSON without a content type (as Auth0's own SDK does), and refuses invalid JSON without one", async () => {
    let body = JSON.stringify(grant);
    server = await startServer((_req, res) => {
      res.removeHeader("content-type");
      res.writeHead(200);
      res.end(body);
    });
    expect(await clientFor(server.url).clientGrants.get(grant.id)).toEqual(grant);
    expect(server.received).toHaveLength(1);
    body = "<html>";
    await expect(clientFor(server.url).clientGrants.get(grant.id)).rejects.toThrow(/answered 200 with a body that is not valid JSON/);
  });
});

describe("walking every page", () => {
  it("follows the checkpoint the server hands back, page after page", async () => {
    const pages: Record<string, { next?: string; client_grants: (typeof grant)[] }> = {
      "": { next: "cgr_2", client_grants: [grant] },
      cgr_2: { next: "cgr_3", client_grants: [{ ...grant, id: "cgr_2" }] },
      cgr_3: { client_grants: [{ ...grant, id: "cgr_3" }] },
    };
    server = await startServer((req, res) => json(res, 200, pages[new URL(req.url, "http://x").searchParams.get("from") ?? ""]));
    const ids: string[] = [];
    for await (const item of clientFor(server.url).clientGrants.all({ audience: grant.audience })) ids.push(item.id);
    expect(ids).toEqual([grant.id, "cgr_2", "cgr_3"]);
    const audience = encodeURIComponent(grant.audience);
    expect(server.received.map((r) => new URL(r.url, "http://x").search)).toEqual([
      `?audience=${audience}&take=50`,
      `?audience=${audience}&from=cgr_2&take=50`,
      `?audience=${audience}&from=cgr_3&take=50`,
    ]);
  });

  it("stops when the server hands back a checkpoint it already gave", async () => {
    server = await startServer((_req, res, n) => json(res, 200, { next: "cgr_2", client_grants: [{ ...grant, id: `cgr_${n}` }] }));
    const ids: string[] = [];
    for await (const item of clientFor(server.url).clientGrants.all()) ids.push(item.id);
    expect(ids).toHaveLength(2);
    expect(server.received).toHaveLength(2);
  });

  it("stops on a short page in page-number mode, before the total says so", async () => {
    server = await startServer((_req, res, n) =>
      json(res, 200, { start: n * 2, limit: 2, total: 100, client_grants: n === 0 ? [grant, grant] : [grant] }),
    );
    const ids: string[] = [];
    for await (const item of clientFor(server.url).clientGrants.all({ per_page: 2 })) ids.push(item.id);
    expect(ids).toHaveLength(3);
    expect(server.received.map((r) => new URL(r.url, "http://x").searchParams.get("page"))).toEqual(["0", "1"]);
  });
});

describe("odd aborts and readers", () => {
  it("rejects with an AbortError when the signal's reason is falsy, instead of crashing", async () => {
    const client = createManagementClient({ baseUrl: "http://127.0.0.1:9", token: TOKEN });
    const error = await client.clientGrants.get(grant.id, { signal: AbortSignal.abort(0) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
  });

  it("lets a raw call read the body as a blob or an ArrayBuffer, from the one read", async () => {
    server = await startServer((_req, res) => json(res, 200, grant));
    const { raw } = clientFor(server.url);
    const blob = await raw.GET("/client-grants/{id}", { params: { path: { id: grant.id } }, parseAs: "blob" });
    expect(JSON.parse(await (blob.data as Blob).text())).toEqual(grant);
    const buffer = await raw.GET("/client-grants/{id}", { params: { path: { id: grant.id } }, parseAs: "arrayBuffer" });
    expect(JSON.parse(new TextDecoder().decode(buffer.data as ArrayBuffer))).toEqual(grant);
  });
});

