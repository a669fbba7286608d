import { createAdminClient } from "@grantkit/admin-client";
import { createManagementClient } from "@grantkit/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakeTenant } from "../../src/index.js";
import { fakeTenantHandlers } from "../../src/msw.js";
import { BILLING, ROBOT, SEED, TENANT, TOKEN } from "./seed.js";

interface MswServer {
  listen(): void;
  close(): void;
}

/** The MSW handlers' tests, for the `setupServer` of one major version of msw. */
export function mswSuite(name: string, setupServer: (...handlers: never[]) => MswServer): void {
  const fake = createFakeTenant({ seed: SEED, token: TOKEN, randomSeed: 23 });
  const elsewhere = createFakeTenant({ seed: SEED, token: TOKEN, origin: "https://example.us.auth0.com" });
  // Typed loosely: msw 2's and msw 3's handler types differ, and each suite passes its own version's setupServer.
  const server = setupServer(...([...fakeTenantHandlers(fake), ...fakeTenantHandlers(elsewhere)] as never[]));

  describe(`the MSW handlers, with ${name}`, () => {
    beforeAll(() => server.listen());
    afterEach(() => {
      fake.reset();
      elsewhere.reset();
    });
    afterAll(() => server.close());

    it("let the fake answer the clients' global fetch", async () => {
      const client = createManagementClient({ baseUrl: fake.managementUrl, tokenUrl: fake.managementTokenUrl, clientCredentials: { clientId: ROBOT, clientSecret: "robot-secret" } });
      const grant = await client.clientGrants.create({ client_id: ROBOT, audience: BILLING, scope: ["read:invoices"] });
      expect((await client.clientGrants.list({ audience: BILLING })).map((each) => each.id)).toEqual([grant.id]);
      const admin = createAdminClient({ baseUrl: fake.adminUrl, tenantId: TENANT, token: TOKEN });
      const created = await admin.clients.create({ clientId: "c", clientName: "C", allowedScopes: ["openid", "permissions", "publicapi.all"] });
      expect(created.clientId).toBe("c");
      expect(fake.state().admin.clients).toHaveLength(1);
    });

    it("serve each fake on its own origin", async () => {
      const client = createManagementClient({ domain: "example.us.auth0.com", token: TOKEN });
      await client.clientGrants.create({ client_id: ROBOT, audience: BILLING });
      expect(elsewhere.state().management.clientGrants).toHaveLength(2);
      expect(fake.state().management.clientGrants).toHaveLength(1);
    });

    it("turn a dropped connection into MSW's network error, and cut a body short", async () => {
      fake.setFaults([{ route: "GET /clients", kind: "drop" }, { route: "GET /resource-servers", kind: "drop-mid-body" }]);
      const headers = { authorization: `Bearer ${TOKEN}` };
      await expect(fetch(`${fake.managementUrl}/clients`, { headers })).rejects.toThrow(TypeError);
      // msw 3 intercepts at the socket, where the cut fails the fetch itself; msw 2 fails the body's read.
      await expect(fetch(`${fake.managementUrl}/resource-servers`, { headers }).then((cut) => cut.text())).rejects.toThrow(TypeError);
    });
  });
}
