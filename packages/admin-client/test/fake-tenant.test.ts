import { createFakeTenant, type FakeSeed } from "@grantkit/testing";
import { describe, expect, it } from "vitest";
import { createAdminClient } from "../src/index.js";

const TENANT = "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15";
const SEED: FakeSeed = {
  admin: {
    tenants: [{ id: TENANT, name: "Acme" }],
    credentials: [{ client_id: "provisioner", client_secret: "provisioner-secret", tenantId: TENANT }],
  },
};

/** The client as its README's "Testing your code" uses it: against @grantkit/testing's fake, in process. */
describe("the admin client against the in-process fake tenant", () => {
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
});
