import { everythingShown } from "@grantkit/test-support/error-views";
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
  ["a nested object in a query", (c) => c.clientGrants.list({ audience: any({ $ne: 1 }) }), /query.audience must be a well-formed string/],
  ["a Symbol in a query", (c) => c.clientGrants.listPage({ audience: any(Symbol("x")) }), /query.audience/],
  ["NaN as a page", (c) => c.clientGrants.list({ page: Number.NaN }), /query.page must be a well-formed string, a finite number/],
  ["a string as per_page", (c) => c.clientGrants.listForOrganization("org_1", { per_page: any("10") }), /per_page must be an integer/],
  ["a null body", (c) => c.clientGrants.create(any(null)), /must be an object/],
  ["a sparse scope", (c) => c.clientGrants.create({ audience: "https://a/", scope: any([, "read:a"]) }), /scope\[0\] is missing \(a hole in the array\)/],
  ["a BigInt in a body", (c) => c.clientGrants.create({ audience: "https://a/", client_id: any(1n) }), /client_id must be a string, got a bigint/],
  ["a member the spec does not know", (c) => c.clientGrants.create(any(cycle)), /The client grant has an unknown field "self"/],
  ["NaN in a body", (c) => c.clientGrants.update("cgr_1", any({ allow_any_organization: Number.NaN })), /allow_any_organization must be a boolean or null, got NaN/],
  ["a null update", (c) => c.clientGrants.update("cgr_1", any(null)), /must be an object/],
  ["a number as an id", (c) => c.clientGrants.get(any(42)), /id must be a non-empty string/],
  ["null walk options", (c) => c.clientGrants.all({}, any(null)), /options must be an object/],
  ["a null walk query", (c) => c.clientGrants.all(any(null)), /query must be an object/],
  ["an onPage that is not a function", (c) => c.clientGrants.all({}, { onPage: any(5) }), /onPage must be a function/],
  ["null options walking organizations", (c) => c.clientGrants.allOrganizations("cgr_1", {}, any(null)), /options must be an object/],
  ["an onPage that is not a function walking organizations", (c) => c.clientGrants.allOrganizations("cgr_1", {}, { onPage: any(5) }), /onPage must be a function/],
  ["a lone surrogate in a query value", (c) => c.clientGrants.list({ audience: "\ud800" }), /query.audience must be a well-formed string/],
  ["an inherited query member", (c) => c.clientGrants.list(any(Object.create({ audience: "x" }))), /query must be a plain object/],
  ["a URL as a query", (c) => c.clientGrants.list(any(new URL("https://user:password@example.com/"))), /query must be a plain object/],
  ["a query name that would change the query", (c) => c.clientGrants.list(any({ "x&audience": "y" })), /query has a parameter named "x&audience"/],
  ["a scope of 281 code points (the spec counts code points)", (c) => c.clientGrants.create({ audience: "https://a/", scope: ["😀".repeat(281)] }), /scope\[0\] must be a string of 1 to 280 characters/],
  ["a raw call without its path parameter", (c) => c.raw.DELETE(any("/client-grants/{id}")), /path parameter id must be a non-empty string/],
  ["a raw call with null params", (c) => c.raw.GET("/client-grants", any({ params: null })), /params must be an object/],
  ["a raw call with a header HTTP cannot carry", (c) => c.raw.GET("/client-grants", any({ headers: { "a b": "x" } })), /headers has a header that HTTP cannot carry/],
  ["a raw call with an unknown parseAs", (c) => c.raw.GET("/client-grants", any({ parseAs: "x" })), /parseAs must be one of/],
  ["a raw call with a signal that is not one", (c) => c.raw.GET("/client-grants", any({ signal: "x" })), /signal must be an AbortSignal/],
  ["a raw GET with a body", (c) => c.raw.GET("/client-grants", any({ body: {} })), /A GET call takes no body/],
  ["a query for an operation that takes none", (c) => c.raw.DELETE("/client-grants/{id}", any({ params: { path: { id: "cgr_1" }, query: { force: true } } })), /query has an unknown parameter "force"; it takes no parameters$/],
  ["a raw call with a nested query", (c) => c.raw.GET("/client-grants", { params: { query: { audience: any({ a: 1 }) } } }), /query.audience/],
  ["a raw call with a BigInt body", (c) => c.raw.POST("/client-grants", { body: any({ audience: 1n }) }), /audience must be a non-empty string, got a bigint/],
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
    ["a baseUrl with a query", { token: "t", baseUrl: "https://tenant.example/api?x=1" }, /baseUrl is the root the calls' paths are appended to/],
    ["a baseUrl with a fragment", { token: "t", baseUrl: "https://tenant.example/api#f" }, /no query, fragment/],
    ["a baseUrl with a path template", { token: "t", baseUrl: "https://tenant.example/{id}/api" }, /no query, fragment, "\{" or "\}"/],
    ["a token with a line break", { ...base, token: "a\nb" }, /token must be a non-empty string of visible ASCII/],
    ["a token with a trailing space", { ...base, token: "abc " }, /token must be a non-empty string of visible ASCII/],
    ["a token with its Bearer prefix", { ...base, token: "Bearer eyJhbGciOi.payload.sig" }, /^token starts with "Bearer ": pass the token without the `Bearer ` prefix/],
    ["a token read from a file, with its line break", { ...base, token: "eyJhbGciOi.payload.sig\n" }, /^token ends with a line break \(read from a file\?\): pass it trimmed/],
    ["a token read from a Windows file", { ...base, token: "eyJhbGciOi.payload.sig\r\n" }, /^token ends with a line break/],
    ["a header name HTTP cannot carry", { ...base, headers: { "a b": "x" } }, /headers has a header that HTTP cannot carry/],
    ["a timeout that cannot be printed", { ...base, timeoutMs: Object.create(null) }, /timeoutMs must be an integer from 1 to 2147483647, got \{\}/],
    ["a domain whose port is out of range", { ...base, domain: "tenant.example:99999" }, /domain must be a host name/],
    ["an audience that is not a string", { domain: "tenant.example", clientCredentials: { clientId: "a", clientSecret: "b", audience: new Set() } }, /clientCredentials.audience must be a non-empty string/],
  ];
  it.each(OPTIONS)("%s: an InvalidRequestError at construction", (_name, options, message) => {
    expect(() => createManagementClient(any(options))).toThrow(InvalidRequestError);
    expect(() => createManagementClient(any(options))).toThrow(message);
  });

  it("a baseUrl without a scheme: the clear error, not Invalid URL from a token URL it would compute", () => {
    expect(() => createManagementClient({ baseUrl: "example.us.auth0.com/api/v2", token: "t" })).toThrow(
      'baseUrl must be an absolute http(s) URL such as https://example.us.auth0.com/api/v2, got "example.us.auth0.com/api/v2"',
    );
  });

  it("refuses a URL on an Auth0 domain without its path: a domain passed as a URL, where every call would miss", () => {
    expect(() => createManagementClient({ baseUrl: "https://example.us.auth0.com", token: "t" })).toThrow(
      'baseUrl must be the API root, with its path: https://example.us.auth0.com/api/v2 (got https://example.us.auth0.com, where Auth0 serves no API); or pass domain: "example.us.auth0.com" instead',
    );
    expect(() => createManagementClient({ ...base, tokenUrl: "https://example.eu.auth0.com/" })).toThrow(
      /^tokenUrl must be the token endpoint, with its path: https:\/\/example\.eu\.auth0\.com\/oauth\/token /,
    );
    // A custom domain is known to be Auth0's when it is the tenant's `domain` too.
    expect(() => createManagementClient({ domain: "login.example.com", baseUrl: "https://login.example.com/", token: "t" })).toThrow(
      /^baseUrl must be the API root, with its path: https:\/\/login\.example\.com\/api\/v2 /,
    );
    // A proxy or a mock may serve the API at its root.
    for (const baseUrl of ["https://auth0-proxy.example.com", "http://127.0.0.1:4010", "https://example.us.auth0.com/api/v2/"]) {
      expect(() => createManagementClient({ baseUrl, token: "t" })).not.toThrow();
    }
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
