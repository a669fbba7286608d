import { describe, expect, it } from "vitest";
import { createFakeTenant } from "../src/index.js";

describe("createFakeTenant's options", () => {
  it("names its four URLs on the origin given, and answers whatever origin it is sent", async () => {
    const fake = createFakeTenant({ origin: "http://localhost:8080", token: "t" });
    expect([fake.managementUrl, fake.managementTokenUrl, fake.adminUrl, fake.adminTokenUrl]).toEqual([
      "http://localhost:8080/api/v2",
      "http://localhost:8080/oauth/token",
      "http://localhost:8080/api/adminapi2/v1",
      "http://localhost:8080/auth2/connect/token",
    ]);
    const elsewhere = await fake.fetch("https://anywhere.example/api/v2/clients", { headers: { authorization: "Bearer t" } });
    expect(elsewhere.status).toBe(200);
    expect(createFakeTenant().managementUrl).toBe("https://fake-tenant.grantkit.test/api/v2");
  });

  it("replays ids and tokens from randomSeed, and tells the seed it drew", async () => {
    const create = (fake: ReturnType<typeof createFakeTenant>) =>
      fake
        .fetch(`${fake.managementUrl}/client-grants`, {
          method: "POST",
          headers: { authorization: "Bearer t", "content-type": "application/json" },
          body: JSON.stringify({ client_id: "c", audience: "https://a/" }),
        })
        .then((response) => response.json());
    const seed = { management: { clients: [{ client_id: "c" }], resourceServers: [{ identifier: "https://a/" }] } };
    const first = createFakeTenant({ seed, token: "t" });
    const again = createFakeTenant({ seed, token: "t", randomSeed: first.randomSeed });
    expect((await create(again)).id).toBe((await create(first)).id);
  });

  it("refuses options it cannot use, naming them", () => {
    expect(() => createFakeTenant({ token: "two words" })).toThrow(/token/);
    expect(() => createFakeTenant({ randomSeed: -1 })).toThrow(/randomSeed/);
    expect(() => createFakeTenant({ now: 5 as never })).toThrow(/now/);
    expect(() => createFakeTenant({ origin: "https://fake.example/api" })).toThrow(/origin/);
  });
});
