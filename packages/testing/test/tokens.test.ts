import { describe, expect, it } from "vitest";
import { createFakeTenant } from "../src/index.js";
import { call } from "./support/call.js";
import { OTHER_TENANT, PORTAL, ROBOT, SEED, TENANT, TOKEN } from "./support/seed.js";

function clockedFake() {
  const clock = { now: Date.UTC(2026, 0, 1) };
  const fake = createFakeTenant({ seed: SEED, token: TOKEN, randomSeed: 5, now: () => clock.now });
  return { fake, clock };
}

async function managementToken(fake: ReturnType<typeof createFakeTenant>, clientId: string, secret: string, audience?: string) {
  return call(fake, "POST", "/oauth/token", {
    token: null,
    body: { grant_type: "client_credentials", client_id: clientId, client_secret: secret, ...(audience === undefined ? {} : { audience }) },
  });
}

describe("tokens and scopes", () => {
  it("issues a client-credentials token with the credential's scopes and an expiry", async () => {
    const { fake } = clockedFake();
    const answer = await managementToken(fake, ROBOT, "robot-secret", `${fake.managementUrl}/`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 86400, scope: "read:client_grants create:client_grants update:client_grants delete:client_grants" });
    expect((await call(fake, "GET", "/client-grants", { token: answer.body.access_token })).status).toBe(200);
    // Shaped like Auth0's JWT, so code that reads its expiry or scopes can.
    const claims = JSON.parse(Buffer.from(answer.body.access_token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ sub: `${ROBOT}@clients`, aud: `${fake.managementUrl}/`, scope: answer.body.scope, exp: Date.UTC(2026, 0, 1) / 1000 + 86400 });
  });

  it("refuses a wrong secret (401), another audience (403) and a client with no credentials (401)", async () => {
    const { fake } = clockedFake();
    expect((await managementToken(fake, ROBOT, "wrong")).body).toEqual({ error: "access_denied", error_description: "Unauthorized" });
    expect((await managementToken(fake, ROBOT, "wrong")).status).toBe(401);
    expect((await managementToken(fake, ROBOT, "robot-secret", "https://billing.example.com/")).status).toBe(403);
    expect((await managementToken(fake, "stranger", "secret")).status).toBe(401);
  });

  it("answers 401 to a missing, unknown or expired bearer", async () => {
    const { fake, clock } = clockedFake();
    const { body } = await managementToken(fake, ROBOT, "robot-secret");
    expect((await call(fake, "GET", "/client-grants", { token: null })).status).toBe(401);
    const unknown = await call(fake, "GET", "/client-grants", { token: "made-up" });
    expect(unknown.body).toEqual({ statusCode: 401, error: "Unauthorized", message: "Invalid token", errorCode: "invalid_token" });
    clock.now += 86_400_000 - 1;
    expect((await call(fake, "GET", "/client-grants", { token: body.access_token })).status).toBe(200);
    clock.now += 1;
    expect((await call(fake, "GET", "/client-grants", { token: body.access_token })).status).toBe(401);
    // The fixed token never expires.
    expect((await call(fake, "GET", "/client-grants")).status).toBe(200);
  });

  it("answers 403 when the token lacks the operation's scope, naming it as Auth0 does", async () => {
    const { fake } = clockedFake();
    const { body } = await managementToken(fake, PORTAL, "portal-secret");
    expect((await call(fake, "GET", "/client-grants", { token: body.access_token })).status).toBe(200);
    const refused = await call(fake, "POST", "/client-grants", { token: body.access_token, body: { client_id: ROBOT, audience: "https://billing.example.com/" } });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ statusCode: 403, error: "Forbidden", message: "Insufficient scope, expected any of: create:client_grants", errorCode: "insufficient_scope" });
    for (const [method, path, scope] of [
      ["GET", "/clients", "read:clients"],
      ["GET", "/resource-servers", "read:resource_servers"],
      ["GET", "/organizations/org_1", "read:organizations"],
      ["GET", "/organizations/org_1/client-grants", "read:organization_client_grants"],
      ["DELETE", "/organizations/org_1/client-grants/cgr_1", "delete:organization_client_grants"],
    ] as const) {
      expect((await call(fake, method, path, { token: body.access_token })).body.message).toBe(`Insufficient scope, expected any of: ${scope}`);
    }
  });

  it("a Management API token opens nothing on Vantage, and a Vantage token is for its own tenant", async () => {
    const { fake } = clockedFake();
    const management = (await managementToken(fake, ROBOT, "robot-secret")).body.access_token;
    const form = { grant_type: "client_credentials", client_id: "provisioner", client_secret: "provisioner-secret", scope: "openid permissions global.wildcard" };
    const admin = await call(fake, "POST", "/auth2/connect/token", { form, token: null });
    expect(admin.body).toEqual({ access_token: expect.any(String), expires_in: 3600, token_type: "Bearer", scope: form.scope });
    const body = { clientId: "c", clientName: "C", allowedScopes: ["openid", "permissions", "publicapi.all"] };
    const clients = (tenant: string) => `/api/adminapi2/v1/tenants/${tenant}/clients/`;
    expect((await call(fake, "POST", clients(TENANT), { body, token: management })).body).toEqual({ title: "Unauthorized", status: 401 });
    expect((await call(fake, "GET", "/client-grants", { token: admin.body.access_token })).status).toBe(401);
    expect((await call(fake, "POST", clients(OTHER_TENANT), { body, token: admin.body.access_token })).status).toBe(403);
    expect((await call(fake, "POST", clients(TENANT), { body, token: admin.body.access_token })).status).toBe(200);
    const wrong = await call(fake, "POST", "/auth2/connect/token", { form: { ...form, client_secret: "nope" }, token: null });
    expect(wrong.body).toMatchObject({ error: "invalid_client" });
  });

  it("issues a token for a tenant whose id is very long (the claims are encoded without a call per byte on the stack)", async () => {
    const tenantId = "😀".repeat(31_358);
    const credential = { client_id: "provisioner", client_secret: "provisioner-secret", tenantId };
    const fake = createFakeTenant({ seed: { admin: { tenants: [{ id: tenantId }], credentials: [credential] } }, randomSeed: 5 });
    const form = { grant_type: "client_credentials", client_id: "provisioner", client_secret: "provisioner-secret", scope: "openid permissions global.wildcard" };
    const answer = await call(fake, "POST", "/auth2/connect/token", { form, token: null });
    expect(answer.status).toBe(200);
    const claims = JSON.parse(Buffer.from(answer.body.access_token.split(".")[1], "base64url").toString());
    expect(JSON.stringify(claims)).toContain(tenantId);
  });
});
