import { describe, expect, it } from "vitest";
import { createFakeTenant } from "../src/index.js";
import { call } from "./support/call.js";
import { BILLING, REPORTS, ROBOT, SEED, SYSTEM_GRANT, TOKEN } from "./support/seed.js";

const fakeTenant = () => createFakeTenant({ seed: SEED, token: TOKEN, randomSeed: 7 });

describe("client grants, as Auth0 keeps them", () => {
  it("creates a grant with an id in Auth0's form and answers the stored object", async () => {
    const fake = fakeTenant();
    const created = await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: BILLING, scope: ["read:invoices"] } });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^cgr_[A-Za-z0-9]{16}$/);
    expect(created.body).toEqual({ id: created.body.id, client_id: ROBOT, audience: BILLING, scope: ["read:invoices"], allow_any_organization: false, is_system: false });
    expect((await call(fake, "GET", `/client-grants/${created.body.id}`)).body).toEqual(created.body);
    expect(fake.state().management.clientGrants.at(-1)).toEqual(created.body);
  });

  it("refuses a second grant for the same client, audience and subject type with Auth0's 409", async () => {
    const fake = fakeTenant();
    const body = { client_id: ROBOT, audience: BILLING };
    expect((await call(fake, "POST", "/client-grants", { body })).status).toBe(201);
    const again = await call(fake, "POST", "/client-grants", { body: { ...body, subject_type: "client", scope: ["read:invoices"] } });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ statusCode: 409, error: "Conflict", message: "A resource with the same identifier already exists.", errorCode: "client_grant_conflict" });
    // Another subject type, or another audience, is another grant.
    expect((await call(fake, "POST", "/client-grants", { body: { ...body, subject_type: "user" } })).status).toBe(201);
    expect((await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: REPORTS } })).status).toBe(201);
  });

  it("refuses a second default_for grant for the same audience", async () => {
    const fake = fakeTenant();
    const body = { default_for: "third_party_clients", audience: BILLING };
    expect((await call(fake, "POST", "/client-grants", { body })).status).toBe(201);
    expect((await call(fake, "POST", "/client-grants", { body })).status).toBe(409);
  });

  it("answers 404 for an unknown client or audience at create, and an unknown id at get and update", async () => {
    const fake = fakeTenant();
    expect((await call(fake, "POST", "/client-grants", { body: { client_id: "nobody", audience: BILLING } })).status).toBe(404);
    expect((await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: "https://nowhere/" } })).status).toBe(404);
    const missing = await call(fake, "GET", "/client-grants/cgr_0000000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: "Not Found", errorCode: "inexistent_client_grant" });
    expect((await call(fake, "PATCH", "/client-grants/cgr_0000000000000000", { body: { scope: [] } })).status).toBe(404);
  });

  it("updates the fields given, clears those sent as null, and deletes", async () => {
    const fake = fakeTenant();
    const { body: grant } = await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: BILLING, organization_usage: "allow" } });
    const updated = await call(fake, "PATCH", `/client-grants/${grant.id}`, { body: { scope: ["write:invoices"], organization_usage: null } });
    expect(updated.status).toBe(200);
    expect(updated.body.scope).toEqual(["write:invoices"]);
    expect(updated.body).not.toHaveProperty("organization_usage");
    expect((await call(fake, "DELETE", `/client-grants/${grant.id}`)).status).toBe(204);
    expect((await call(fake, "GET", `/client-grants/${grant.id}`)).status).toBe(404);
  });

  it("refuses to update or delete an is_system grant", async () => {
    const fake = fakeTenant();
    const update = await call(fake, "PATCH", `/client-grants/${SYSTEM_GRANT}`, { body: { scope: [] } });
    expect(update.status).toBe(403);
    expect(update.body.errorCode).toBe("operation_not_supported");
    expect((await call(fake, "DELETE", `/client-grants/${SYSTEM_GRANT}`)).status).toBe(403);
    expect(fake.state().management.clientGrants.find((grant) => grant.id === SYSTEM_GRANT)?.scope).toEqual(["read:reports"]);
  });
});

describe("listing client grants", () => {
  async function withGrants(count: number) {
    const fake = createFakeTenant({ seed: { ...SEED, management: { ...SEED.management, clientGrants: [] } }, token: TOKEN, randomSeed: 3 });
    const clients = Array.from({ length: count }, (_, index) => ({ client_id: `client-${index}`, name: `Client ${index}` }));
    fake.replaceState({ management: { ...fake.state().management, clients } });
    for (const [index, client] of clients.entries()) {
      const audience = index % 2 === 0 ? BILLING : REPORTS;
      await call(fake, "POST", "/client-grants", { body: { client_id: client.client_id, audience, ...(index % 3 === 0 ? { allow_any_organization: true } : {}) } });
    }
    return fake;
  }

  it("answers a plain array by default, pages of per_page, and totals that add up", async () => {
    const fake = await withGrants(7);
    const plain = await call(fake, "GET", "/client-grants?per_page=3&page=2");
    expect(plain.body).toHaveLength(1);
    const pages = [];
    for (let page = 0; page < 3; page++) pages.push((await call(fake, "GET", `/client-grants?include_totals=true&per_page=3&page=${page}`)).body);
    expect(pages.map(({ start, limit, total }) => [start, limit, total])).toEqual([[0, 3, 7], [3, 3, 7], [6, 3, 7]]);
    const ids = pages.flatMap((page) => page.client_grants.map((grant: { id: string }) => grant.id));
    expect(new Set(ids).size).toBe(7);
    expect(ids).toEqual(fake.state().management.clientGrants.map((grant) => grant.id));
  });

  it("pages with checkpoints: next is opaque, absent on the last page, and a bad one is a 400", async () => {
    const fake = await withGrants(5);
    const first = await call(fake, "GET", "/client-grants?take=2");
    expect(first.body.client_grants).toHaveLength(2);
    expect(first.body.next).toEqual(expect.any(String));
    expect(first.body.next).not.toContain("cgr_");
    const second = await call(fake, "GET", `/client-grants?take=2&from=${encodeURIComponent(first.body.next)}`);
    const third = await call(fake, "GET", `/client-grants?take=2&from=${encodeURIComponent(second.body.next)}`);
    expect(third.body.client_grants).toHaveLength(1);
    expect(third.body).not.toHaveProperty("next");
    expect((await call(fake, "GET", "/client-grants?from=garbage")).status).toBe(400);
  });

  it("filters by audience, client_id, allow_any_organization and subject_type", async () => {
    const fake = await withGrants(6);
    const byAudience = (await call(fake, "GET", `/client-grants?audience=${encodeURIComponent(BILLING)}`)).body;
    expect(byAudience.map((grant: { client_id: string }) => grant.client_id)).toEqual(["client-0", "client-2", "client-4"]);
    expect((await call(fake, "GET", "/client-grants?client_id=client-1")).body).toHaveLength(1);
    expect((await call(fake, "GET", "/client-grants?allow_any_organization=true")).body.map((grant: { client_id: string }) => grant.client_id)).toEqual(["client-0", "client-3"]);
    expect((await call(fake, "GET", "/client-grants?subject_type=client")).body).toHaveLength(6);
    expect((await call(fake, "GET", "/client-grants?subject_type=user")).body).toHaveLength(0);
    expect((await call(fake, "GET", "/client-grants?default_for=third_party_clients")).body).toHaveLength(0);
  });

  it("walks every grant that exists throughout exactly once, while others are created and deleted", async () => {
    const fake = await withGrants(30);
    const before = fake.state().management.clientGrants.map((grant) => grant.id);
    const doomed = new Set(before.filter((_, index) => index % 4 === 1));
    const lasting = before.filter((id) => !doomed.has(id));
    const seen: string[] = [];
    let from: string | undefined;
    let round = 0;
    do {
      const query = `take=4${from === undefined ? "" : `&from=${encodeURIComponent(from)}`}`;
      // Each page races a delete of a doomed grant and a create of a new one.
      const doomedId = [...doomed][round];
      const [page] = await Promise.all([
        call(fake, "GET", `/client-grants?${query}`),
        doomedId === undefined ? undefined : call(fake, "DELETE", `/client-grants/${doomedId}`),
        call(fake, "POST", "/client-grants", { body: { default_for: "third_party_clients", audience: BILLING, subject_type: round % 2 === 0 ? "user" : "client", scope: [`s${round}`] } }).then(
          () => call(fake, "DELETE", `/client-grants/${fake.state().management.clientGrants.find((grant) => grant.default_for !== undefined)?.id}`),
        ),
      ]);
      seen.push(...page.body.client_grants.map((grant: { id: string }) => grant.id));
      from = page.body.next;
      round += 1;
    } while (from !== undefined);
    for (const id of lasting) expect(seen.filter((each) => each === id)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
