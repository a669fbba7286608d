import { describe, expect, it } from "vitest";
import { createFakeTenant } from "../src/index.js";
import { call } from "./support/call.js";
import { SEED, TENANT, TOKEN } from "./support/seed.js";

const CLIENT = { clientId: "invoice-robot", clientName: "Invoice robot", allowedScopes: ["openid", "permissions", "publicapi.all"] };
const clients = `/api/adminapi2/v1/tenants/${TENANT}/clients/`;
const secrets = `${clients}invoice-robot/secrets/`;

function clockedFake() {
  return createFakeTenant({ seed: SEED, token: TOKEN, randomSeed: 17, now: () => Date.UTC(2026, 2, 7, 13, 3, 38, 380) });
}

describe("Vantage tenants, their API clients and secrets", () => {
  it("creates a client with the documented defaults, and refuses its clientId twice in a tenant", async () => {
    const fake = clockedFake();
    const created = await call(fake, "POST", clients, { body: CLIENT });
    expect(created.body).toEqual({
      ...CLIENT,
      allowOfflineAccess: false,
      allowRememberConsent: true,
      backChannelLogoutSessionRequired: true,
      requireClientSecret: true,
      requireConsent: false,
      allowNoPkce: false,
      allowRopc: false,
      allowedGrantTypes: [],
      allowedCorsOrigins: [],
      postLogoutRedirectUris: [],
      redirectUris: [],
    });
    expect(fake.state().admin.clients).toEqual([{ ...created.body, tenantId: TENANT }]);
    const again = await call(fake, "POST", clients, { body: CLIENT });
    expect(again.status).toBe(400);
    expect(Object.keys(again.body.errors)).toEqual(["clientId"]);
    expect((await call(fake, "POST", `/api/adminapi2/v2/tenants/${TENANT}/clients/`, { body: { ...CLIENT, clientId: "other" } })).status).toBe(200);
  });

  it("shows a secret's value once, when it is created, and keeps only valueDisplay", async () => {
    const fake = clockedFake();
    await call(fake, "POST", clients, { body: CLIENT });
    const created = await call(fake, "POST", secrets, { body: { description: "CI" } });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ description: "CI", value: expect.stringMatching(/^[A-Za-z0-9]{32}$/), valueDisplay: created.body.value.slice(0, 3), startTime: "2026-03-07T13:03:38.380Z", expiration: "2026-09-07T13:03:38.380Z" });
    expect(fake.state().admin.secrets).toEqual([{ tenantId: TENANT, clientId: "invoice-robot", description: "CI", valueDisplay: created.body.valueDisplay, startTime: created.body.startTime, expiration: created.body.expiration }]);
  });

  it("refuses an expiration under a day or over three years after the start, and a client the tenant does not have", async () => {
    const fake = clockedFake();
    await call(fake, "POST", clients, { body: CLIENT });
    const start = "2026-01-01T00:00:00.000Z";
    expect((await call(fake, "POST", secrets, { body: { startTime: start, expiration: "2026-01-01T23:59:59.000Z" } })).body.errors).toHaveProperty("expiration");
    expect((await call(fake, "POST", secrets, { body: { startTime: start, expiration: "2029-01-01T00:00:01.000Z" } })).status).toBe(400);
    expect((await call(fake, "POST", secrets, { body: { startTime: start, expiration: "2029-01-01T00:00:00.000Z" } })).status).toBe(200);
    expect((await call(fake, "POST", `${clients}nobody/secrets/`, { body: {} })).body).toEqual({ title: "Not Found", status: 404 });
  });

  it("answers 403 for a tenant that does not exist", async () => {
    const fake = clockedFake();
    expect((await call(fake, "POST", "/api/adminapi2/v1/tenants/no-such-tenant/clients/", { body: CLIENT })).body).toEqual({ title: "Forbidden", status: 403 });
  });
});
