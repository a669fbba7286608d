import { startPrism, type PrismMock } from "@grantkit/tools/prism";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminApiError, createAdminClient, InvalidRequestError, type AdminClientOptions } from "../src/index.js";
import { newClient } from "./support/server.js";

/**
 * Contract tests against Prism serving openapi/admin.yaml: every request the client sends must conform to the spec
 * (Prism answers 422 otherwise), and every answer the client reads is the spec's. Prism ignores the servers' base
 * path, so the client is pointed at a fictional region and a `fetch` checks the URL it built, then forwards the
 * request to Prism with the region's prefix removed.
 */
let prism: PrismMock;
beforeAll(async () => {
  prism = await startPrism("admin");
});
afterAll(() => prism?.stop());

const REGION = "https://vantage.test";
const TOKEN_URL = `${REGION}/auth2/connect/token`;
/** The access token of the spec's token example, which Prism answers with. */
const PRISM_TOKEN =
  "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJjbGllbnRfaWQiOiJpbnZvaWNlLXJvYm90In0.c2lnbmF0dXJl";

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
  contentType: string | null;
  body: string;
}

/** A `fetch` that accepts only URLs under the version's API root (or the token URL) and forwards them to Prism. */
function forwardingFetch(version: "v1" | "v2", sent: Sent[]): typeof fetch {
  const apiRoot = `${REGION}/api/adminapi2/${version}/`;
  return async (input, init) => {
    const request = new Request(input, init);
    const body = await request.text();
    sent.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.get("authorization"),
      contentType: request.headers.get("content-type"),
      body,
    });
    let target: string;
    if (request.url.startsWith(apiRoot)) target = `${prism.url}/${request.url.slice(apiRoot.length)}`;
    else if (request.url === TOKEN_URL) target = `${prism.url}/auth2/connect/token`;
    else throw new Error(`unexpected URL ${request.url}: not under ${apiRoot}`);
    return fetch(target, { method: request.method, headers: request.headers, body: body === "" ? undefined : body });
  };
}

describe.each(["v1", "v2"] as const)("admin API %s against Prism", (version) => {
  function client(sent: Sent[], auth: Partial<AdminClientOptions> = { token: "test-token" }) {
    return createAdminClient({
      regionUrl: REGION,
      tenantId: "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15",
      apiVersion: version,
      fetch: forwardingFetch(version, sent),
      retry: false,
      ...auth,
    } as AdminClientOptions);
  }

  it("creates a client at the documented URL, with a body the spec accepts", async () => {
    const sent: Sent[] = [];
    const body = {
      ...newClient,
      allowedGrantTypes: ["client_credentials"],
      redirectUris: ["https://myDomain.", "https://myApp.myDomain.com/oauth-signin.html"],
      allowedCorsOrigins: ["https://myApp.myDomain.com"],
    };
    const created = await client(sent).clients.create(body);
    expect(created).toMatchObject({ clientId: "invoice-robot", clientName: "Invoice robot", requireClientSecret: true });
    expect(created.allowedScopes).toEqual(["openid", "permissions", "publicapi.all"]);
    expect(sent).toEqual([
      {
        method: "POST",
        url: `${REGION}/api/adminapi2/${version}/tenants/8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15/clients/`,
        authorization: "Bearer test-token",
        contentType: "application/json",
        body: JSON.stringify(body),
      },
    ]);
  });

  it("creates a secret, sending its dates as ISO strings, and reads the answer", async () => {
    const sent: Sent[] = [];
    const start = new Date(Date.now() + 60_000);
    const secret = await client(sent).secrets.create("invoice-robot", {
      description: "CI pipeline",
      startTime: start,
      expiration: new Date(start.getTime() + 30 * 86_400_000),
    });
    expect(secret.toJSON()).toEqual({
      description: "CI pipeline",
      valueDisplay: "Xq7",
      startTime: "2021-03-07T13:03:38.380Z",
      expiration: "2021-09-07T13:03:38.380Z",
    });
    expect(secret.value).toBe("Xq7vR2mPz9Lk4Tn8Wc1Yb6Hd3Fg5Js0A");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(`${REGION}/api/adminapi2/${version}/tenants/8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15/clients/invoice-robot/secrets/`);
    expect(JSON.parse(sent[0]!.body)).toEqual({
      description: "CI pipeline",
      startTime: start.toISOString(),
      expiration: new Date(start.getTime() + 30 * 86_400_000).toISOString(),
    });
  });

  it("provisions a client and its first secret", async () => {
    const sent: Sent[] = [];
    const { client: created, secret } = await client(sent).provisionClient(newClient, { description: "first" });
    expect(created.clientId).toBe("invoice-robot");
    expect(secret.valueDisplay).toBe(secret.value.slice(0, 3));
    expect(sent.map((s) => s.url)).toEqual([
      `${REGION}/api/adminapi2/${version}/tenants/8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15/clients/`,
      `${REGION}/api/adminapi2/${version}/tenants/8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15/clients/invoice-robot/secrets/`,
    ]);
  });

  it("refuses a body that breaks the spec before sending it, as the mock refuses it: an AdminApiError 422 naming the rule", async () => {
    const sent: Sent[] = [];
    const body = { ...newClient, allowRopc: "yes" } as unknown as typeof newClient;
    await expect(client(sent).clients.create(body)).rejects.toThrow(new InvalidRequestError('allowRopc must be a boolean, got "yes"'));
    expect(sent).toEqual([]);
    // Sent anyway (a proxy on the way changes it), the mock refuses it by the same rule.
    const forward = forwardingFetch(version, sent);
    const proxy: typeof fetch = (input, init) =>
      forward(input, { ...init, body: JSON.stringify({ ...JSON.parse(String(init?.body)), allowRopc: "yes" }) });
    const proxied = createAdminClient({ regionUrl: REGION, tenantId: "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15", apiVersion: version, fetch: proxy, retry: false, token: "test-token" });
    const error = await proxied.clients.create(newClient).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({ status: 422, method: "POST" });
    expect((error as AdminApiError).message).toContain("allowRopc must be boolean");
    expect(sent).toHaveLength(1);
  });

  it("exchanges client credentials at the token URL (a form the spec accepts) and uses the token as the bearer", async () => {
    const sent: Sent[] = [];
    const admin = client(sent, { clientCredentials: { clientId: "invoice-robot", clientSecret: "Xq7vR2mPz9Lk4Tn8Wc1Yb6Hd3Fg5Js0A" } });
    await admin.clients.create(newClient);
    await admin.secrets.create("invoice-robot");
    expect(sent.map((s) => [s.url, s.authorization])).toEqual([
      [TOKEN_URL, null],
      [`${REGION}/api/adminapi2/${version}/tenants/8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15/clients/`, `Bearer ${PRISM_TOKEN}`],
      [`${REGION}/api/adminapi2/${version}/tenants/8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15/clients/invoice-robot/secrets/`, `Bearer ${PRISM_TOKEN}`],
    ]);
    expect(sent[0]!.contentType).toBe("application/x-www-form-urlencoded");
  });
});

describe("the token endpoint on Prism", () => {
  it("rejects a form that breaks the spec, which the client's own form does not (control for the test above)", async () => {
    const response = await fetch(`${prism.url}/auth2/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: "invoice-robot", client_secret: "s", scope: "openid" }),
    });
    expect(response.status).toBe(422);
  });
});
