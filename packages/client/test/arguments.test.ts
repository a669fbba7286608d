import { everythingShown } from "@grantkit/tools/error-views";
import { describe, expect, it } from "vitest";
import { createManagementClient, InvalidRequestError, type ManagementClient } from "../src/index.js";
import { recordingClient } from "./support/server.js";

/**
 * Arguments of the wrong type, as untyped JavaScript or a cast passes them: each call must throw an
 * InvalidRequestError and send nothing.
 */

const cycle: Record<string, unknown> = { audience: "https://a/" };
cycle.self = cycle;
const any = (value: unknown) => value as never;

const CALLS: Array<[string, (c: ManagementClient) => unknown, RegExp]> = [
  ["a null query", (c) => c.clientGrants.list(any(null)), /query must be an object/],
  ["null options", (c) => c.clientGrants.get("cgr_1", any(null)), /options must be an object/],
  ["a signal that is not an AbortSignal", (c) => c.clientGrants.list({}, { signal: any("x") }), /options.signal must be an AbortSignal/],
  ["a nested object in a query", (c) => c.clientGrants.list({ audience: any({ $ne: 1 }) }), /query.audience must be a string/],
  ["a Symbol in a query", (c) => c.clientGrants.listPage({ audience: any(Symbol("x")) }), /query.audience/],
  ["NaN as a page", (c) => c.clientGrants.list({ page: Number.NaN }), /query.page must be a string, a finite number/],
  ["a string as per_page", (c) => c.clientGrants.listForOrganization("org_1", { per_page: any("10") }), /per_page must be an integer/],
  ["a null body", (c) => c.clientGrants.create(any(null)), /must be an object/],
  ["a sparse scope", (c) => c.clientGrants.create({ audience: "https://a/", scope: any([, "read:a"]) }), /scope\[0\] must be a string/],
  ["a BigInt in a body", (c) => c.clientGrants.create({ audience: "https://a/", client_id: any(1n) }), /client_id cannot be sent as JSON \(a bigint\)/],
  ["a cycle in a body", (c) => c.clientGrants.create(any(cycle)), /refers back to itself/],
  ["NaN in a body", (c) => c.clientGrants.update("cgr_1", any({ allow_any_organization: Number.NaN })), /finite number/],
  ["a null update", (c) => c.clientGrants.update("cgr_1", any(null)), /must be an object/],
  ["a number as an id", (c) => c.clientGrants.get(any(42)), /id must be a non-empty string/],
  ["null walk options", (c) => c.clientGrants.all({}, any(null)), /options must be an object/],
  ["a null walk query", (c) => c.clientGrants.all(any(null)), /query must be an object/],
  ["an onPage that is not a function", (c) => c.clientGrants.all({}, { onPage: any(5) }), /onPage must be a function/],
  ["null options walking organizations", (c) => c.clientGrants.allOrganizations("cgr_1", {}, any(null)), /options must be an object/],
  ["an onPage that is not a function walking organizations", (c) => c.clientGrants.allOrganizations("cgr_1", {}, { onPage: any(5) }), /onPage must be a function/],
  ["a raw call with a nested query", (c) => c.raw.GET("/client-grants", { params: { query: { audience: any({ a: 1 }) } } }), /query.audience/],
  ["a raw call with a BigInt body", (c) => c.raw.POST("/client-grants", { body: any({ audience: 1n }) }), /The request body.audience/],
];

describe("arguments of the wrong type", () => {
  it.each(CALLS)("%s: an InvalidRequestError, nothing sent", async (_name, call, message) => {
    const { client, sent } = recordingClient();
    const error = await (async () => call(client))().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(sent).toEqual([]);
  });
});

describe("client options of the wrong type", () => {
  const base = { domain: "example.us.auth0.com", token: "a-token-that-is-long-enough" };
  const OPTIONS: Array<[string, unknown, RegExp]> = [
    ["null options", null, /The client options must be an object/],
    ["a number as domain", { ...base, domain: 5 }, /domain must be a host name/],
    ["null headers", { ...base, headers: null }, /headers must be an object/],
    ["a header that is not a string", { ...base, headers: { "x-a": 1 } }, /headers.x-a must be a string/],
    ["a fetch that is not a function", { ...base, fetch: "fetch" }, /fetch must be a function/],
    ["a retry that is not an object", { ...base, retry: "always" }, /retry \(an object, or false\) must be an object/],
    ["a baseUrl without a scheme", { token: "t", baseUrl: "example.us.auth0.com/api/v2" }, /baseUrl must be an absolute http\(s\) URL/],
    ["a tokenUrl that is not a string", { ...base, tokenUrl: 5 }, /tokenUrl must be an absolute http\(s\) URL/],
  ];
  it.each(OPTIONS)("%s: an InvalidRequestError at construction", (_name, options, message) => {
    expect(() => createManagementClient(any(options))).toThrow(InvalidRequestError);
    expect(() => createManagementClient(any(options))).toThrow(message);
  });

  it("refuses a URL with user info without repeating the password", () => {
    for (const options of [
      { token: "t", baseUrl: "https://admin:Pa55-w0rd-XYZ@example.us.auth0.com/api/v2" },
      { ...base, tokenUrl: "https://admin:Pa55-w0rd-XYZ@example.us.auth0.com/oauth/token" },
      { token: "t", domain: "admin:Pa55-w0rd-XYZ@example.us.auth0.com" },
    ]) {
      let error: unknown;
      try {
        createManagementClient(any(options));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(everythingShown(error)).not.toContain("Pa55-w0rd-XYZ");
    }
  });
});
