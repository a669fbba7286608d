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

    it("let the fake answer the global fetch, as the clients call it", async () => {
      const json = { "content-type": "application/json" };
      const exchange = await fetch(fake.managementTokenUrl, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ grant_type: "client_credentials", client_id: ROBOT, client_secret: "robot-secret" }),
      });
      const bearer = { ...json, authorization: `Bearer ${(await exchange.json()).access_token}` };
      const grant = await (await fetch(`${fake.managementUrl}/client-grants`, { method: "POST", headers: bearer, body: JSON.stringify({ client_id: ROBOT, audience: BILLING, scope: ["read:invoices"] }) })).json();
      const listed = await (await fetch(`${fake.managementUrl}/client-grants?audience=${encodeURIComponent(BILLING)}`, { headers: bearer })).json();
      expect(listed.map((each: { id: string }) => each.id)).toEqual([grant.id]);
      const admin = { ...json, authorization: `Bearer ${TOKEN}` };
      const created = await fetch(`${fake.adminUrl}/tenants/${TENANT}/clients/`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ clientId: "c", clientName: "C", allowedScopes: ["openid", "permissions", "publicapi.all"] }),
      });
      expect((await created.json()).clientId).toBe("c");
      expect(fake.state().admin.clients).toHaveLength(1);
    });

    it("serve each fake on its own origin", async () => {
      const headers = { "content-type": "application/json", authorization: `Bearer ${TOKEN}` };
      await fetch("https://example.us.auth0.com/api/v2/client-grants", { method: "POST", headers, body: JSON.stringify({ client_id: ROBOT, audience: BILLING }) });
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
