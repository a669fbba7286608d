import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManagementClient, InvalidRequestError } from "../src/index.js";
import { caught, grant, json, startServer, type TestServer } from "./support/server.js";

/** Ids are path segments: whatever a caller passes, a call must address the route it names or send nothing. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => json(res, 200, grant));
});
afterAll(() => server.close());

const client = () => createManagementClient({ baseUrl: `${server.url}/api/v2`, token: "tok_0123456789abcdef", retry: false });

const HOSTILE_IDS = [".", "..", "", "a\ud800", "\udc00b", "x\udfff\ud800"];

describe("an id that would leave its route", () => {
  const calls: Array<[string, (id: string) => Promise<unknown>]> = [
    ["get", (id) => client().clientGrants.get(id)],
    ["update", (id) => client().clientGrants.update(id, { scope: ["read:a"] })],
    ["delete", (id) => client().clientGrants.delete(id)],
    ["organizations", (id) => client().clientGrants.organizations(id)],
    ["assignToOrganization (organization)", (id) => client().clientGrants.assignToOrganization(id, "cgr_1")],
    ["assignToOrganization (grant)", (id) => client().clientGrants.assignToOrganization("org_1", id)],
    ["removeFromOrganization (organization)", (id) => client().clientGrants.removeFromOrganization(id, "cgr_1")],
    ["removeFromOrganization (grant)", (id) => client().clientGrants.removeFromOrganization("org_1", id)],
    ["listForOrganization", (id) => client().clientGrants.listForOrganization(id)],
    ["raw DELETE", (id) => client().raw.DELETE("/client-grants/{id}", { params: { path: { id } } })],
  ];
  for (const [name, call] of calls) {
    it(`is refused before sending by ${name}`, async () => {
      const before = server.received.length;
      for (const id of HOSTILE_IDS) {
        const error = await caught(call(id));
        expect(error, JSON.stringify(id)).toBeInstanceOf(InvalidRequestError);
      }
      expect(server.received.length).toBe(before);
    });
  }

  it("names the problem", async () => {
    await expect(client().clientGrants.delete("..")).rejects.toThrow('id must not be "..": it would address another route');
    await expect(client().clientGrants.get("a\ud800")).rejects.toThrow("id must be well-formed Unicode");
  });

  it("refuses an organization id longer than the spec's 50 characters, and takes 50", async () => {
    await expect(client().clientGrants.listForOrganization("o".repeat(51))).rejects.toThrow("organizationId must be at most 50 characters, got 51");
    await client().clientGrants.removeFromOrganization("o".repeat(50), "cgr_1");
    expect(server.received.at(-1)?.url).toBe(`/api/v2/organizations/${"o".repeat(50)}/client-grants/cgr_1`);
  });

  it("refuses a raw call whose path parameter is missing instead of sending a literal {id}", async () => {
    const raw = client().raw as unknown as { GET: (path: string, init: object) => Promise<unknown> };
    await expect(raw.GET("/client-grants/{id}", { params: { path: {} } })).rejects.toThrow(InvalidRequestError);
  });

  it("still encodes ids that only look like paths, so they stay one segment", async () => {
    for (const id of ["a/../b", "%2e%2e", "...", ".a", "grant?x=1#f"]) {
      await client().clientGrants.get(id);
      expect(server.received.at(-1)?.url).toBe(`/api/v2/client-grants/${encodeURIComponent(id)}`);
    }
  });
});
