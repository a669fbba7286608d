import { describe, expect, it } from "vitest";
import { createFakeTenant } from "../src/index.js";
import { call } from "./support/call.js";
import { BILLING, ROBOT, SEED, TENANT, TOKEN } from "./support/seed.js";

const fakeTenant = () => createFakeTenant({ seed: SEED, token: TOKEN, randomSeed: 11 });

describe("every request is judged by the specs, and a bad one gets the vendor's 400", () => {
  it("an unknown body property, a wrong type, a bad enum, or a body that is not JSON", async () => {
    const fake = fakeTenant();
    const unknown = await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: BILLING, colour: "blue" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ statusCode: 400, error: "Bad Request", message: expect.stringMatching(/^Payload validation error: '.+' on property colour\.$/), errorCode: "invalid_body" });
    const wrongType = await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: BILLING, scope: "read:invoices" } });
    expect(wrongType.body.message).toContain("on property scope");
    expect((await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: BILLING, organization_usage: "maybe" } })).status).toBe(400);
    expect((await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: "" } })).status).toBe(400);
    expect((await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, default_for: "third_party_clients", audience: BILLING } })).status).toBe(400);
    expect((await call(fake, "POST", "/client-grants", { rawBody: "{not json" })).status).toBe(400);
    expect((await call(fake, "PATCH", "/client-grants/cgr_x", { body: {} })).status).toBe(400);
    expect(fake.state().management.clientGrants).toHaveLength(1);
  });

  it("an unknown query parameter, a repeated one, a value out of range or of the wrong type", async () => {
    const fake = fakeTenant();
    const unknown = await call(fake, "GET", "/client-grants?colour=blue");
    expect(unknown.body).toMatchObject({ statusCode: 400, errorCode: "invalid_query_string", message: expect.stringContaining("colour") });
    expect((await call(fake, "GET", "/client-grants?per_page=101")).status).toBe(400);
    expect((await call(fake, "GET", "/client-grants?per_page=ten")).status).toBe(400);
    expect((await call(fake, "GET", "/client-grants?audience=a&audience=b")).status).toBe(400);
    expect((await call(fake, "GET", "/client-grants?allow_any_organization=false")).status).toBe(400);
    expect((await call(fake, "GET", "/client-grants?per_page=100&include_totals=true")).status).toBe(200);
  });

  it("a path parameter out of range", async () => {
    const fake = fakeTenant();
    const answer = await call(fake, "GET", `/organizations/${"o".repeat(51)}`);
    expect(answer.body).toMatchObject({ statusCode: 400, errorCode: "invalid_uri" });
  });

  it("Vantage answers problem details with the field's messages, formats included", async () => {
    const fake = fakeTenant();
    const answer = await call(fake, "POST", `/api/adminapi2/v1/tenants/${TENANT}/clients/`, {
      body: { clientId: "c", clientName: "C", allowedScopes: ["openid", "permissions", "publicapi.all"], redirectUris: ["not a uri"] },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(answer.body).toEqual({ type: expect.any(String), title: "One or more validation errors occurred.", status: 400, errors: { "redirectUris.0": [expect.stringContaining("format")] } });
    const secret = await call(fake, "POST", `/api/adminapi2/v1/tenants/${TENANT}/clients/c/secrets/`, { body: { expiration: "tomorrow" } });
    expect(secret.status).toBe(400);
  });

  it("the token endpoints answer OAuth's invalid_request", async () => {
    const fake = fakeTenant();
    const auth0 = await call(fake, "POST", "/oauth/token", { body: { grant_type: "password", client_id: ROBOT, client_secret: "robot-secret" }, token: null });
    expect(auth0.status).toBe(400);
    expect(auth0.body).toEqual({ error: "invalid_request", error_description: expect.any(String) });
    const vantage = await call(fake, "POST", "/auth2/connect/token", { form: { grant_type: "client_credentials", client_id: "provisioner", client_secret: "provisioner-secret", scope: "openid" }, token: null });
    expect(vantage.status).toBe(400);
    expect(vantage.body.error).toBe("invalid_scope");
  });

  it("a path no operation has is the API's 404", async () => {
    const fake = fakeTenant();
    expect((await call(fake, "GET", "/users")).body).toMatchObject({ statusCode: 404, error: "Not Found" });
    expect((await call(fake, "PUT", "/client-grants")).status).toBe(404);
  });
});
