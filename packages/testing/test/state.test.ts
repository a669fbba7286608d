import { describe, expect, it } from "vitest";
import { createFakeTenant } from "../src/index.js";
import { call } from "./support/call.js";
import { BILLING, ROBOT, SEED, TOKEN } from "./support/seed.js";

describe("the state: one JSON format to seed, read, replace and reset", () => {
  it("starts from a partial seed, copied, with the rest empty", () => {
    const seed = { management: { organizations: [{ id: "org_1", name: "one" }] } };
    const fake = createFakeTenant({ seed });
    seed.management.organizations.push({ id: "org_2", name: "two" });
    expect(fake.state()).toEqual({
      management: { clients: [], resourceServers: [], organizations: [{ id: "org_1", name: "one" }], clientGrants: [], organizationGrants: [], credentials: [] },
      admin: { tenants: [], clients: [], secrets: [], credentials: [] },
    });
  });

  it("refuses a seed with a list it does not know or that is not an array", () => {
    expect(() => createFakeTenant({ seed: { management: { grants: [] } } as never })).toThrow(/no list grants/);
    expect(() => createFakeTenant({ seed: { admin: { tenants: {} } } as never })).toThrow(/admin.tenants must be an array/);
  });

  it("refuses a seed item the spec's schema refuses, or a grant id given twice, naming it", () => {
    const grant = { id: "cgr_1", audience: "https://a/" };
    expect(() => createFakeTenant({ seed: { management: { clientGrants: [grant, { id: "cgr_2" } as never] } } })).toThrow(
      /management\.clientGrants\[1\] is no ClientGrant of the spec: audience must have required property/,
    );
    expect(() => createFakeTenant({ seed: { management: { clientGrants: [grant, grant] } } })).toThrow(/cgr_1 twice/);
    expect(() => createFakeTenant({ seed: { management: { credentials: [{ client_id: "a", client_secret: "b", scope: "read:clients" as never }] } } })).toThrow(/scope must be an array/);
    expect(() => createFakeTenant({ seed: { admin: { clients: [{ clientId: "c", clientName: "C" } as never] } } })).toThrow(/admin\.clients\[0\]\.tenantId must be a string/);
    const fake = createFakeTenant();
    expect(() => fake.replaceState({ management: { organizations: [{ name: "no id" } as never] } })).toThrow(/organizations\[0\]/);
  });

  it("replaceState swaps everything, and reset goes back to the seed, emptying the log", async () => {
    const fake = createFakeTenant({ seed: SEED, token: TOKEN, randomSeed: 21 });
    await call(fake, "POST", "/client-grants", { body: { client_id: ROBOT, audience: BILLING } });
    expect(fake.state().management.clientGrants).toHaveLength(2);
    const saved = fake.state();
    fake.replaceState({});
    expect((await call(fake, "GET", "/client-grants")).body).toEqual([]);
    fake.replaceState(saved);
    expect((await call(fake, "GET", "/client-grants")).body).toHaveLength(2);
    fake.reset();
    expect(fake.state()).toEqual(createFakeTenant({ seed: SEED }).state());
    expect(fake.requests).toEqual([]);
  });

  it("state() is a copy: changing it changes nothing", () => {
    const fake = createFakeTenant({ seed: SEED });
    fake.state().management.clientGrants.length = 0;
    expect(fake.state().management.clientGrants).toHaveLength(1);
  });

  it("serves the control routes in process too", async () => {
    const fake = createFakeTenant({ seed: SEED, token: TOKEN });
    expect((await call(fake, "GET", "/__grantkit/state")).body).toEqual(fake.state());
    expect((await call(fake, "PUT", "/__grantkit/faults", { body: [{ kind: "status", status: 500 }] })).status).toBe(204);
    expect((await call(fake, "GET", "/client-grants")).status).toBe(500);
    expect((await call(fake, "DELETE", "/__grantkit/faults")).status).toBe(204);
    expect((await call(fake, "PUT", "/__grantkit/state", { body: { management: {} } })).status).toBe(204);
    expect((await call(fake, "GET", "/client-grants")).body).toEqual([]);
    expect((await call(fake, "PUT", "/__grantkit/faults", { body: [{ kind: "nope" }] })).body.error).toMatch(/kind/);
    expect((await call(fake, "GET", "/__grantkit/requests")).body).toEqual([
      { method: "GET", path: "/api/v2/client-grants", status: 500, fault: "status" },
      { method: "GET", path: "/api/v2/client-grants", status: 200 },
    ]);
    expect((await call(fake, "POST", "/__grantkit/reset")).status).toBe(204);
    expect(fake.state().management.clientGrants).toHaveLength(1);
  });

  it("never crashes on a request it cannot read: every answer is the vendor's", async () => {
    const fake = createFakeTenant({ seed: SEED, token: TOKEN });
    const paths = ["/client-grants/%E0%A4%A", "/client-grants?page=-1", "/organizations/%00/client-grants"];
    for (const path of paths) expect((await call(fake, "GET", path)).status).toBeLessThan(500);
    expect((await call(fake, "POST", "/client-grants", { rawBody: "null" })).status).toBe(400);
    expect((await call(fake, "POST", "/client-grants", { rawBody: "[]" })).status).toBe(400);
  });
});
