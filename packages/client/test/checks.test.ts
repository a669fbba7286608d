import { describe, expect, it } from "vitest";
import { createManagementClient, InvalidRequestError } from "../src/index.js";
import { recordingClient } from "./support/server.js";


describe("checks before the request", () => {
  const cases: Array<[string, (c: ReturnType<typeof recordingClient>["client"]) => Promise<unknown>, RegExp]> = [
    ["client_id together with default_for", (c) => c.clientGrants.create({ audience: "https://a/", client_id: "x", default_for: "third_party_clients" }), /client_id and default_for are mutually exclusive/],
    ["an empty audience", (c) => c.clientGrants.create({ audience: "" }), /audience must be a non-empty string/],
    ["a scope over 280 characters", (c) => c.clientGrants.create({ audience: "https://a/", scope: ["x".repeat(281)] }), /scope\[0\] must be a string of 1 to 280 characters/],
    ["an empty authorization_details_type", (c) => c.clientGrants.create({ audience: "https://a/", authorization_details_types: [""] }), /authorization_details_types\[0\]/],
    ["per_page over 100", (c) => c.clientGrants.list({ per_page: 101 }), /per_page must be an integer from 1 to 100, got 101/],
    ["per_page of 0", (c) => c.clientGrants.list({ per_page: 0 }), /per_page must be an integer from 1 to 100, got 0/],
    ["a negative page", (c) => c.clientGrants.list({ page: -1 }), /page must be an integer >= 0, got -1/],
    ["take over 100", (c) => c.clientGrants.listPage({ take: 500 }), /take must be an integer from 1 to 100, got 500/],
    ["a fractional take on organizations", (c) => c.clientGrants.organizations("cgr_1", { take: 1.5 }), /take must be an integer/],
    ["filters on client_id and default_for at once", (c) => c.clientGrants.list({ client_id: "x", default_for: "third_party_clients" }), /mutually exclusive/],
    ["two scopes in one string", (c) => c.clientGrants.create({ audience: "https://a/", scope: ["read:a write:a"] }), /^scope\[0\] holds a space: it is 2 scopes in one string; pass each as its own item, such as \["read:a","write:a"\]$/],
    ["a scope with a trailing space", (c) => c.clientGrants.update("cgr_1", { scope: ["read:a", "write:a "] }), /^scope\[1\] starts or ends with a space, which no scope has: pass "write:a"$/],
    ["a misspelt field", (c) => c.clientGrants.create({ audience: "https://a/", ...({ scopes: ["read:a"] } as object) }), /^The client grant has an unknown field "scopes" \(did you mean "scope"\?\); the fields are client_id, audience/],
    ["an unknown query parameter", (c) => c.clientGrants.list({ ...({ per_pag: 5 } as object) }), /^query has an unknown parameter "per_pag" \(did you mean "per_page"\?\)/],
    ["a boolean given as text", (c) => c.clientGrants.create({ audience: "https://a/", allow_any_organization: "yes" as never }), /^allow_any_organization must be a boolean, got "yes"$/],
    ["a value outside the enum", (c) => c.clientGrants.create({ audience: "https://a/", organization_usage: "sometimes" as never }), /^organization_usage must be one of "deny", "allow", "require", got "sometimes"$/],
    ["a subject type that is a number", (c) => c.clientGrants.list({ subject_type: 42 as never }), /^query.subject_type must be one of "client", "user", "anonymous_user", got 42$/],
    ["include_totals as text", (c) => c.clientGrants.list({ include_totals: "1" as never }), /^query.include_totals must be a boolean, got "1"$/],
    ["an audience filter over 600 characters", (c) => c.clientGrants.listForOrganization("org_1", { audience: "a".repeat(601) }), /^query.audience must be a string of at most 600 characters, got 601 characters$/],
    ["more than 10 grant ids", (c) => c.clientGrants.listForOrganization("org_1", { grant_ids: Array.from({ length: 11 }, (_, i) => `cgr_${i}`) }), /^query.grant_ids must hold at most 10 items, got 11$/],
    ["an update without fields", (c) => c.clientGrants.update("cgr_1", {}), /The update must have at least 1 field of scope, organization_usage/],
    ["an update whose only field is undefined", (c) => c.clientGrants.update("cgr_1", { scope: undefined }), /The update must have at least 1 field of scope, organization_usage/],
    ["an empty id, which would address the list instead", (c) => c.clientGrants.get(""), /id must be a non-empty string/],
    ["an empty organization id", (c) => c.clientGrants.assignToOrganization("", "cgr_1"), /organizationId must be a non-empty string/],
  ];

  it.each(cases)("rejects %s with a clear error and sends nothing", async (_name, call, message) => {
    const { client, sent } = recordingClient();
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(sent).toEqual([]);
  });

  it("walks nothing when the query is out of range", async () => {
    const { client, sent } = recordingClient();
    expect(() => client.clientGrants.all({ per_page: 1000 })).toThrow(InvalidRequestError);
    expect(sent).toEqual([]);
  });

  it("rejects options that name no tenant or no auth, or two auths", () => {
    expect(() => createManagementClient({ token: "x" } as never)).toThrow(/Pass domain/);
    expect(() => createManagementClient({ domain: "https://example.us.auth0.com", token: "x" })).toThrow(/no scheme/);
    expect(() => createManagementClient({ domain: "example.us.auth0.com" } as never)).toThrow(/exactly one of/);
    expect(() => createManagementClient({ domain: "example.us.auth0.com", token: "x", getToken: () => "y" } as never)).toThrow(/exactly one of/);
    expect(() => createManagementClient({ domain: "example.us.auth0.com", token: "x", timeoutMs: 0 })).toThrow(/timeoutMs must be an integer from 1 to 2147483647, got 0/);
  });
});
