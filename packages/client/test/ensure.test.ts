import { describe, expect, it } from "vitest";
import { clientGrantUpdate, createManagementClient, InvalidRequestError, ManagementApiError, type ClientGrant } from "../src/index.js";
import { grant } from "./support/server.js";

/**
 * `find` and `ensure` against a scripted tenant: each request gets the next answer of the script, and every request
 * is recorded, so a test says exactly which calls a behaviour takes.
 */
function scripted(...answers: Array<() => Response>) {
  const sent: Array<{ method: string; url: URL; body: unknown }> = [];
  const client = createManagementClient({
    domain: "example.us.auth0.com",
    token: "a-token-that-is-long-enough",
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const text = await request.text();
      sent.push({ method: request.method, url: new URL(request.url), body: text === "" ? undefined : JSON.parse(text) });
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`no answer scripted for ${request.method} ${request.url}`);
      return answer();
    },
  });
  return { client, sent };
}

const page = (...grants: object[]) => () => Response.json({ client_grants: grants });
const created = (body: object) => () => Response.json(body, { status: 201 });
const conflict = () => Response.json({ statusCode: 409, error: "Conflict", message: "A client grant for this client and audience already exists" }, { status: 409 });
const key = { client_id: grant.client_id, audience: grant.audience };

describe("clientGrants.find", () => {
  it("asks for the key's client and audience, and returns the grant of the key's subject type", async () => {
    const user = { ...grant, id: "cgr_user", subject_type: "user" };
    const { client, sent } = scripted(page(user, grant));
    expect(await client.clientGrants.find(key)).toEqual(grant);
    expect(Object.fromEntries(sent[0]!.url.searchParams)).toMatchObject({ audience: grant.audience, client_id: grant.client_id });
  });

  it("takes a grant without a subject type for a client grant, as the API does", async () => {
    const { client } = scripted(page(grant), page({ ...grant, subject_type: "client" }));
    expect(await client.clientGrants.find({ ...key, subject_type: "client" })).toEqual(grant);
    expect(await client.clientGrants.find(key)).toMatchObject({ subject_type: "client" });
  });

  it("tells grants apart by subject type: a user grant is not the client grant", async () => {
    const { client } = scripted(page({ ...grant, subject_type: "user" }));
    expect(await client.clientGrants.find(key)).toBeUndefined();
  });

  it("finds a default_for grant by default_for, not by a client's grant of the same audience", async () => {
    const byDefault = { id: "cgr_default", audience: grant.audience, default_for: "third_party_clients" };
    const { client, sent } = scripted(page(grant, byDefault));
    expect(await client.clientGrants.find({ default_for: "third_party_clients", audience: grant.audience })).toEqual(byDefault);
    expect(sent[0]!.url.searchParams.get("default_for")).toBe("third_party_clients");
  });

  it("refuses a key with both client_id and default_for, or neither, before sending anything", async () => {
    const { client, sent } = scripted();
    await expect(client.clientGrants.find({ audience: "https://a/" } as never)).rejects.toThrow(/exactly one of client_id and default_for/);
    await expect(client.clientGrants.find({ ...key, default_for: "third_party_clients" } as never)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(sent).toEqual([]);
  });
});

describe("clientGrants.ensure", () => {
  it("refuses a desired grant the create would refuse before the find sends anything", async () => {
    const { client, sent } = scripted();
    await expect(client.clientGrants.ensure({ ...key, scope: [], colour: "blue" } as never)).rejects.toThrow(/unknown field "colour"/);
    await expect(client.clientGrants.ensure({ ...key, scope: ["read:invoices write:invoices"] })).rejects.toThrow(/holds a space/);
    await expect(client.clientGrants.ensure({ ...key, scope: [1] } as never)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(sent).toEqual([]);
  });

  it("creates a grant the tenant does not have, each scope once", async () => {
    const { client, sent } = scripted(page(), created({ ...grant, scope: ["read:invoices"] }));
    const result = await client.clientGrants.ensure({ ...key, scope: ["read:invoices", "read:invoices"] });
    expect(result.action).toBe("created");
    expect(sent.map((r) => r.method)).toEqual(["GET", "POST"]);
    expect(sent[1]!.body).toEqual({ ...key, scope: ["read:invoices"] });
  });

  it("leaves a grant whose scopes differ only in order, and sends no write", async () => {
    const current = { ...grant, scope: ["write:invoices", "read:invoices"] };
    const { client, sent } = scripted(page(current));
    const result = await client.clientGrants.ensure({ ...key, scope: ["read:invoices", "write:invoices"] });
    expect(result).toEqual({ action: "unchanged", grant: current });
    expect(sent.map((r) => r.method)).toEqual(["GET"]);
  });

  it("updates only the fields that differ, and leaves the fields it is not given", async () => {
    const current = { ...grant, organization_usage: "allow" };
    const { client, sent } = scripted(page(current), () => Response.json({ ...current, scope: ["write:invoices"] }));
    const result = await client.clientGrants.ensure({ ...key, scope: ["write:invoices"], allow_any_organization: false });
    expect(result.action).toBe("updated");
    expect(sent[1]).toMatchObject({ method: "PATCH", body: { scope: ["write:invoices"] } });
    expect(sent[1]!.url.pathname).toMatch(new RegExp(`/client-grants/${grant.id}$`));
  });

  it("adopts a grant made between its look and its create: the 409 is followed by a find and an update", async () => {
    const made = { ...grant, scope: [] };
    const { client, sent } = scripted(page(), conflict, page(made), () => Response.json({ ...made, scope: ["read:invoices"] }));
    const result = await client.clientGrants.ensure({ ...key, scope: ["read:invoices"] });
    expect(result.action).toBe("updated");
    expect(sent.map((r) => r.method)).toEqual(["GET", "POST", "GET", "PATCH"]);
  });

  it("throws the 409 when the grant still cannot be found", async () => {
    const { client } = scripted(page(), conflict, page());
    const error = await client.clientGrants.ensure({ ...key, scope: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManagementApiError);
    expect((error as ManagementApiError).status).toBe(409);
  });

  it("refuses to change a system grant, and sends no write", async () => {
    const system = { ...grant, is_system: true };
    const { client, sent } = scripted(page(system));
    await expect(client.clientGrants.ensure({ ...key, scope: ["write:invoices"] })).rejects.toThrow(/is a system grant/);
    expect(sent.map((r) => r.method)).toEqual(["GET"]);
  });
});

describe("clientGrantUpdate", () => {
  const current: ClientGrant = { ...grant, scope: ["a", "b"], allow_any_organization: true };

  it("is undefined when every given field already holds, repeats and order aside", () => {
    expect(clientGrantUpdate(current, { ...key, scope: ["b", "a", "a"], allow_any_organization: true })).toBeUndefined();
  });

  it("takes a boolean the tenant leaves out as false, its default", () => {
    expect(clientGrantUpdate(grant, { ...key, allow_all_scopes: false })).toBeUndefined();
    expect(clientGrantUpdate(grant, { ...key, allow_all_scopes: true })).toEqual({ allow_all_scopes: true });
  });

  it("names each field that differs with its wanted value", () => {
    expect(clientGrantUpdate(current, { ...key, scope: ["a"], organization_usage: "deny" })).toEqual({ scope: ["a"], organization_usage: "deny" });
  });
});
