import { createFakeTenant, type FakeSeed } from "@grantkit/testing";
import { describe, expect, it } from "vitest";
import { createManagementClient, ManagementApiError, NetworkError } from "../src/index.js";

const ROBOT = "4Yf3vHvIkyUEoR1HXpVr0cFfaM8sFMPo";
const PORTAL = "9kQm2ZfRlD0wX5sBvT3yN8hJcP1uA6eG";
const BILLING = "https://billing.example.com/";
const REPORTS = "https://reports.example.com/";
const TOKEN = "fixed-test-token";

/** Two clients, two APIs, one system grant, and the robot's credentials. */
const SEED: FakeSeed = {
  management: {
    clients: [
      { client_id: ROBOT, name: "Invoice robot", app_type: "non_interactive" },
      { client_id: PORTAL, name: "Partner portal", app_type: "regular_web", is_first_party: false },
    ],
    resourceServers: [
      { id: "rs_billing", identifier: BILLING, name: "Billing API", scopes: [{ value: "read:invoices" }, { value: "write:invoices" }] },
      { id: "rs_reports", identifier: REPORTS, name: "Reports API", scopes: [{ value: "read:reports" }] },
    ],
    clientGrants: [{ id: "cgr_systemsystem0001", client_id: PORTAL, audience: REPORTS, scope: ["read:reports"], is_system: true }],
    credentials: [
      {
        client_id: ROBOT,
        client_secret: "robot-secret",
        scope: ["read:client_grants", "create:client_grants", "update:client_grants", "delete:client_grants"],
      },
    ],
  },
};

/** The client as its README's "Testing your code" uses it: against @grantkit/testing's fake, in process. */
describe("the client against the in-process fake tenant", () => {
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
