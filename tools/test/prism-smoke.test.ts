import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrism, type PrismMock } from "../prism.mjs";

const auth = { authorization: "Bearer smoke-test-token" };

describe("Prism mock from openapi/management.yaml", () => {
  let prism: PrismMock;
  beforeAll(async () => {
    prism = await startPrism("management");
  });
  afterAll(() => prism?.stop());

  it("answers a valid list request with the documented totals shape", async () => {
    const response = await fetch(`${prism.url}/client-grants?per_page=2&include_totals=true`, { headers: auth });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ start: 0, limit: 2, total: expect.any(Number) });
    expect(body.client_grants[0]).toMatchObject({ id: expect.stringMatching(/^cgr_/), audience: expect.any(String) });
  });

  it("answers per_page=101 with 422 naming the broken rule", async () => {
    const response = await fetch(`${prism.url}/client-grants?per_page=101`, { headers: auth });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.validation).toEqual([expect.objectContaining({ location: ["query", "per_page"], code: "maximum" })]);
  });

  it("answers a create without audience with 422", async () => {
    const response = await fetch(`${prism.url}/client-grants`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ client_id: "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo", scope: ["read:invoices"] }),
    });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.validation).toEqual([expect.objectContaining({ code: "required", message: expect.stringContaining("audience") })]);
  });

  it("answers a create with both client_id and default_for with 422", async () => {
    const response = await fetch(`${prism.url}/client-grants`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ audience: "https://billing.example.com/", client_id: "abc", default_for: "third_party_clients" }),
    });
    expect(response.status).toBe(422);
  });

  it("serves the documented 429 with its rate-limit headers on request", async () => {
    const response = await fetch(`${prism.url}/client-grants`, { headers: { ...auth, prefer: "code=429" } });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ statusCode: 429, error: "Too Many Requests" });
  });
});

describe("Prism mock from openapi/admin.yaml", () => {
  let prism: PrismMock;
  beforeAll(async () => {
    prism = await startPrism("admin");
  });
  afterAll(() => prism?.stop());

  const client = {
    clientId: "invoice-robot",
    clientName: "Invoice robot",
    allowedScopes: ["openid", "permissions", "publicapi.all"],
  };

  it("answers a valid client creation with the documented client", async () => {
    const response = await fetch(`${prism.url}/tenants/t1/clients/`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify(client),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ clientId: expect.any(String), requireClientSecret: true });
  });

  it("answers scopes other than the one allowed value with 422", async () => {
    const response = await fetch(`${prism.url}/tenants/t1/clients/`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ ...client, allowedScopes: ["openid"] }),
    });
    expect(response.status).toBe(422);
  });

  it("keeps the docs' trailing slash: the path without it is not served", async () => {
    const response = await fetch(`${prism.url}/tenants/t1/clients`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify(client),
    });
    expect(response.status).toBe(404);
  });

  it("answers a secret creation with the value shown once", async () => {
    const response = await fetch(`${prism.url}/tenants/t1/clients/invoice-robot/secrets/`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ description: "CI" }),
    });
    expect(response.status).toBe(200);
    const secret = await response.json();
    expect(secret.valueDisplay).toBe(secret.value.slice(0, 3));
  });

  it("answers the form-encoded client credentials grant with a token", async () => {
    const response = await fetch(`${prism.url}/auth2/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: "invoice-robot",
        client_secret: "s3cret",
        scope: "openid permissions global.wildcard",
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ access_token: expect.any(String), expires_in: expect.any(Number) });
  });
});
