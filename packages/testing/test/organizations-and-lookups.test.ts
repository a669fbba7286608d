import { describe, expect, it } from "vitest";
import { createFakeTenant } from "../src/index.js";
import { call } from "./support/call.js";
import { ACME, BILLING, GLOBEX, PORTAL, REPORTS, ROBOT, SEED, SYSTEM_GRANT, TOKEN } from "./support/seed.js";

const fakeTenant = () => createFakeTenant({ seed: SEED, token: TOKEN, randomSeed: 13 });

describe("organizations and the grants assigned to them", () => {
  it("assigns a grant, lists it both ways, refuses it twice, and unassigns it", async () => {
    const fake = fakeTenant();
    const { body: grant } = await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: BILLING, organization_usage: "allow", scope: ["read:invoices"] } });
    const assigned = await call(fake, "POST", `/organizations/${ACME}/client-grants`, { body: { grant_id: grant.id } });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toEqual({ id: grant.id, client_id: ROBOT, audience: BILLING, scope: ["read:invoices"], organization_usage: "allow", allow_any_organization: false });
    expect((await call(fake, "POST", `/organizations/${ACME}/client-grants`, { body: { grant_id: grant.id } })).status).toBe(409);
    expect((await call(fake, "GET", `/organizations/${ACME}/client-grants`)).body).toEqual([assigned.body]);
    expect((await call(fake, "GET", `/organizations/${GLOBEX}/client-grants?include_totals=true`)).body).toEqual({ start: 0, limit: 50, total: 0, client_grants: [] });
    const organizations = await call(fake, "GET", `/client-grants/${grant.id}/organizations?take=1`);
    expect(organizations.body).toEqual({ organizations: [SEED.management?.organizations?.[0]] });
    expect(fake.state().management.organizationGrants).toEqual([{ organization_id: ACME, grant_id: grant.id }]);
    expect((await call(fake, "DELETE", `/organizations/${ACME}/client-grants/${grant.id}`)).status).toBe(204);
    expect((await call(fake, "GET", `/organizations/${ACME}/client-grants`)).body).toEqual([]);
  });

  it("filters an organization's grants by audience, client_id and grant_ids", async () => {
    const fake = fakeTenant();
    const one = (await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: BILLING } })).body;
    const two = (await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: REPORTS } })).body;
    for (const grant of [one, two, { id: SYSTEM_GRANT }]) await call(fake, "POST", `/organizations/${ACME}/client-grants`, { body: { grant_id: grant.id } });
    const ids = async (query: string) => (await call(fake, "GET", `/organizations/${ACME}/client-grants?${query}`)).body.map((grant: { id: string }) => grant.id);
    expect(await ids(`audience=${encodeURIComponent(REPORTS)}`)).toEqual([SYSTEM_GRANT, two.id]);
    expect(await ids(`client_id=${PORTAL}`)).toEqual([SYSTEM_GRANT]);
    expect(await ids(`grant_ids=${one.id}&grant_ids=${two.id}`)).toEqual([one.id, two.id]);
  });

  it("answers 404 for an unknown organization or grant, and deleting a grant unassigns it", async () => {
    const fake = fakeTenant();
    const grant = (await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: BILLING } })).body;
    expect((await call(fake, "POST", "/organizations/org_none/client-grants", { body: { grant_id: grant.id } })).body.errorCode).toBe("inexistent_organization");
    expect((await call(fake, "POST", `/organizations/${ACME}/client-grants`, { body: { grant_id: "cgr_none" } })).status).toBe(404);
    expect((await call(fake, "GET", "/client-grants/cgr_none/organizations")).status).toBe(404);
    expect((await call(fake, "DELETE", `/organizations/org_none/client-grants/${grant.id}`)).status).toBe(404);
    await call(fake, "POST", `/organizations/${ACME}/client-grants`, { body: { grant_id: grant.id } });
    await call(fake, "DELETE", `/client-grants/${grant.id}`);
    expect(fake.state().management.organizationGrants).toEqual([]);
  });

  it("reads an organization, or answers 404", async () => {
    const fake = fakeTenant();
    expect((await call(fake, "GET", `/organizations/${ACME}`)).body).toEqual({ id: ACME, name: "acme", display_name: "Acme Corporation" });
    expect((await call(fake, "GET", "/organizations/org_none")).status).toBe(404);
  });
});

describe("the lookups, read-only from the seed", () => {
  it("lists clients with fields, filters and the three shapes", async () => {
    const fake = fakeTenant();
    expect((await call(fake, "GET", "/clients?fields=client_id,name")).body).toEqual([
      { client_id: ROBOT, name: "Invoice robot" },
      { client_id: PORTAL, name: "Partner portal" },
    ]);
    expect((await call(fake, "GET", "/clients?fields=name&include_fields=false&is_first_party=false")).body).toEqual([{ client_id: PORTAL, app_type: "regular_web", is_first_party: false }]);
    expect((await call(fake, "GET", "/clients?app_type=non_interactive,spa")).body.map((client: { name: string }) => client.name)).toEqual(["Invoice robot"]);
    expect((await call(fake, "GET", "/clients?q=portal")).body).toHaveLength(1);
    expect((await call(fake, "GET", "/clients?include_totals=true&per_page=1")).body).toMatchObject({ start: 0, limit: 1, total: 2 });
    const first = (await call(fake, "GET", "/clients?take=1")).body;
    const second = (await call(fake, "GET", `/clients?take=1&from=${encodeURIComponent(first.next)}`)).body;
    expect([...first.clients, ...second.clients].map((client: { client_id: string }) => client.client_id)).toEqual([ROBOT, PORTAL]);
    expect(second).not.toHaveProperty("next");
  });

  it("lists resource servers, by identifiers too", async () => {
    const fake = fakeTenant();
    expect((await call(fake, "GET", "/resource-servers")).body).toEqual(SEED.management?.resourceServers);
    const [api] = (await call(fake, "GET", `/resource-servers?identifiers=${encodeURIComponent(REPORTS)}`)).body;
    expect(api.name).toBe("Reports API");
    expect((await call(fake, "GET", "/resource-servers?include_totals=true")).body.total).toBe(2);
  });
});
