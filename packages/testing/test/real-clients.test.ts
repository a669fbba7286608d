import { createAdminClient } from "@grantkit/admin-client";
import { createManagementClient, ManagementApiError, NetworkError } from "@grantkit/client";
import { describe, expect, it } from "vitest";
import { createFakeTenant } from "../src/index.js";
import { BILLING, ROBOT, SEED, TENANT, TOKEN } from "./support/seed.js";

describe("the real clients against the in-process fake", () => {
  it("createManagementClient exchanges its credentials, then creates, lists, updates and deletes a grant", async () => {
    const fake = createFakeTenant({ seed: SEED, randomSeed: 1 });
    const client = createManagementClient({
      baseUrl: fake.managementUrl,
      tokenUrl: fake.managementTokenUrl,
      clientCredentials: { clientId: ROBOT, clientSecret: "robot-secret" },
      fetch: fake.fetch,
    });
    const grant = await client.clientGrants.create({ client_id: ROBOT, audience: BILLING, scope: ["read:invoices"] });
    expect(grant.id).toMatch(/^cgr_[A-Za-z0-9]{16}$/);
    const listed = await client.clientGrants.list({ audience: BILLING });
    expect(listed.map((each) => each.id)).toEqual([grant.id]);
    const walked = [];
    for await (const each of client.clientGrants.all()) walked.push(each.id);
    expect(walked).toContain(grant.id);
    await client.clientGrants.update(grant.id, { scope: ["read:invoices", "write:invoices"] });
    expect((await client.clientGrants.get(grant.id)).scope).toEqual(["read:invoices", "write:invoices"]);
    await client.clientGrants.delete(grant.id);
    const error = await client.clientGrants.get(grant.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManagementApiError);
    expect((error as ManagementApiError).status).toBe(404);
    expect(fake.requests.map(({ method, path, status }) => `${method} ${path} ${status}`)[0]).toBe("POST /oauth/token 200");
  });

  it("createAdminClient provisions a client and its secret, whose value the state never shows", async () => {
    const fake = createFakeTenant({ seed: SEED, randomSeed: 2 });
    const admin = createAdminClient({
      baseUrl: fake.adminUrl,
      tokenUrl: fake.adminTokenUrl,
      tenantId: TENANT,
      clientCredentials: { clientId: "provisioner", clientSecret: "provisioner-secret" },
      fetch: fake.fetch,
    });
    const { client, secret } = await admin.provisionClient(
      { clientId: "invoice-robot", clientName: "Invoice robot", allowedScopes: ["openid", "permissions", "publicapi.all"] },
      { description: "CI" },
    );
    expect(client.clientId).toBe("invoice-robot");
    expect(client.requireClientSecret).toBe(true);
    expect(secret.value).toHaveLength(32);
    const [stored] = fake.state().admin.secrets;
    expect(stored).toEqual({ tenantId: TENANT, clientId: "invoice-robot", description: "CI", valueDisplay: secret.value.slice(0, 3), startTime: expect.any(String), expiration: expect.any(String) });
    expect(JSON.stringify(fake.state())).not.toContain(secret.value);
  });

  it("the management client rides out the fake's faults: a 429 and a 503 retried, a lost create not sent twice", async () => {
    const fake = createFakeTenant({ seed: SEED, token: TOKEN, randomSeed: 3 });
    const client = createManagementClient({ baseUrl: fake.managementUrl, token: TOKEN, fetch: fake.fetch, retry: { baseDelayMs: 1 } });
    fake.setFaults([
      { route: "POST /client-grants", kind: "status", status: 429, nth: 1 },
      { route: "GET /client-grants", kind: "status", status: 503, nth: 1 },
      { route: "POST /client-grants", kind: "drop", nth: 3, afterServing: true },
    ]);
    await client.clientGrants.create({ client_id: ROBOT, audience: BILLING });
    expect(await client.clientGrants.list()).toHaveLength(2);
    await expect(client.clientGrants.create({ client_id: ROBOT, audience: "https://reports.example.com/" })).rejects.toBeInstanceOf(NetworkError);
    expect(fake.state().management.clientGrants).toHaveLength(3);
    expect(fake.requests.map(({ method, status }) => `${method} ${status}`)).toEqual(["POST 429", "POST 201", "GET 503", "GET 200", "POST null"]);
  });
});
