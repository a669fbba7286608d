import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createAdminClient,
  InvalidRequestError,
  ResponseParseError,
  type AdminClient,
  type AdminClientOptions,
  type CreateTenantClientRequest,
  type SecretOptions,
} from "../src/index.js";
import { caught, createdClient, createdSecret, json, newClient, startServer, type TestServer } from "./support/server.js";

/**
 * The checks made before a request. Each rejected call must throw a clear InvalidRequestError and send nothing: the
 * local server's `received` list is the proof. Accepted calls are answered, so the same server shows what was sent.
 */
let server: TestServer;
let admin: AdminClient;
beforeEach(async () => {
  server = await startServer((req, res) => json(res, 200, req.url.endsWith("/secrets/") ? createdSecret : createdClient));
  admin = createAdminClient({ baseUrl: server.url, tenantId: "t1", token: "test-token", retry: false });
});
afterEach(() => server.close());

/** Runs a call that must be refused before sending, and returns its message. */
async function refused(call: Promise<unknown>): Promise<string> {
  const error = await caught(call);
  expect(error).toBeInstanceOf(InvalidRequestError);
  expect(error).toBeInstanceOf(TypeError);
  expect(server.received).toEqual([]);
  return error.message;
}

/** The secret body that reached the server. */
function sentSecret(): Record<string, unknown> {
  expect(server.received).toHaveLength(1);
  expect(server.received[0]!.url).toBe("/tenants/t1/clients/invoice-robot/secrets/");
  return JSON.parse(server.received[0]!.body);
}

// 2027 to 2030 spans 29 February 2028: 3 calendar years are 1096 days here, so a count of days cannot pass.
const START = "2027-01-15T10:00:00.000Z";
const secret = (options: SecretOptions) => admin.secrets.create("invoice-robot", options);

describe("the spec's rules, checked before sending", () => {
  it("refuses a start whose date-time RFC 3339 cannot write (a year past 9999), which the spec's format forbids", async () => {
    const message = await refused(secret({ startTime: new Date(8.64e15) }));
    expect(message).toBe('startTime must be an RFC 3339 date-time such as 2021-09-07T13:03:38.380Z, got "+275760-09-13T00:00:00.000Z"');
  });

  it("refuses a flag given as text", async () => {
    const message = await refused(admin.clients.create({ ...newClient, allowRopc: "true" as never }));
    expect(message).toBe('allowRopc must be a boolean, got "true"');
  });

  it("refuses a secret option the spec does not know, naming the known ones", async () => {
    expect(await refused(secret({ expires: START } as never))).toMatch(/^Unknown secret option `expires`/);
  });
});

describe("secret expiration", () => {
  it("accepts exactly 1 day after the start", async () => {
    await secret({ startTime: START, expiration: "2027-01-16T10:00:00.000Z" });
    expect(sentSecret()).toEqual({ startTime: START, expiration: "2027-01-16T10:00:00.000Z" });
  });

  it("rejects one second less than 1 day", async () => {
    const message = await refused(secret({ startTime: START, expiration: "2027-01-16T09:59:59.000Z" }));
    expect(message).toBe(
      "expiration must be at least 1 day after the secret's start (startTime, 2027-01-15T10:00:00.000Z): the earliest is 2027-01-16T10:00:00.000Z, got 2027-01-16T09:59:59.000Z",
    );
  });

  it("accepts exactly 3 calendar years after the start", async () => {
    await secret({ startTime: START, expiration: "2030-01-15T10:00:00.000Z" });
    expect(sentSecret()).toEqual({ startTime: START, expiration: "2030-01-15T10:00:00.000Z" });
  });

  it("rejects one second more than 3 years", async () => {
    const message = await refused(secret({ startTime: START, expiration: "2030-01-15T10:00:01.000Z" }));
    expect(message).toBe(
      "expiration must be at most 3 years after the secret's start (startTime, 2027-01-15T10:00:00.000Z): the latest is 2030-01-15T10:00:00.000Z, got 2030-01-15T10:00:01.000Z",
    );
  });

  it("counts 3 years from a 29 February start to 28 February, not into March", async () => {
    await refused(secret({ startTime: "2024-02-29T00:00:00Z", expiration: "2027-03-01T00:00:00Z" }));
    await secret({ startTime: "2024-02-29T00:00:00Z", expiration: "2027-02-28T00:00:00Z" });
    expect(sentSecret().expiration).toBe("2027-02-28T00:00:00.000Z");
  });

  it("rejects an expiration before the start, saying so", async () => {
    const message = await refused(secret({ startTime: START, expiration: "2027-01-14T10:00:00Z" }));
    expect(message).toBe("expiration 2027-01-14T10:00:00.000Z is before the secret's start (startTime, 2027-01-15T10:00:00.000Z)");
  });

  it("measures from now when startTime is left out", async () => {
    const now = Date.now();
    const tooSoon = await refused(secret({ expiration: new Date(now + 12 * 3_600_000) }));
    expect(tooSoon).toMatch(/^expiration must be at least 1 day after the secret's start \(now, /);
    const tooLate = await refused(secret({ expiration: new Date(now + (3 * 366 + 1) * 86_400_000) }));
    expect(tooLate).toMatch(/^expiration must be at most 3 years after the secret's start \(now, /);
    const inTwoDays = new Date(now + 2 * 86_400_000);
    await secret({ expiration: inTwoDays });
    expect(sentSecret()).toEqual({ expiration: inTwoDays.toISOString() });
  });

  it("accepts a start in the past: the docs bound only the expiration, relative to the start (their own example is from 2021)", async () => {
    await secret({ description: "CI pipeline", startTime: "2021-03-07T13:03:38.380Z", expiration: "2021-09-07T13:03:38.380Z" });
    expect(sentSecret()).toEqual({ description: "CI pipeline", startTime: "2021-03-07T13:03:38.380Z", expiration: "2021-09-07T13:03:38.380Z" });
  });

  it("still bounds a past start's expiration by that start, not by now", async () => {
    const message = await refused(secret({ startTime: "2021-03-07T13:03:38.380Z", expiration: "2024-03-07T13:03:38.381Z" }));
    expect(message).toContain("at most 3 years after the secret's start (startTime, 2021-03-07T13:03:38.380Z)");
  });

  it("leaves the expiration out when it is not given (the API defaults to 6 months)", async () => {
    await secret({ description: "default expiry" });
    expect(sentSecret()).toEqual({ description: "default expiry" });
  });

  it("sends an empty body when no options are given", async () => {
    await admin.secrets.create("invoice-robot");
    expect(sentSecret()).toEqual({});
  });
});

describe("secret dates", () => {
  it("accepts Date objects and ISO strings with an offset, sending UTC ISO strings", async () => {
    await secret({ startTime: new Date(START), expiration: "2027-02-15T19:00:00+09:00" });
    expect(sentSecret()).toEqual({ startTime: START, expiration: "2027-02-15T10:00:00.000Z" });
  });

  it("accepts a date alone as midnight UTC", async () => {
    await secret({ startTime: "2025-01-15", expiration: "2025-03-01" });
    expect(sentSecret()).toEqual({ startTime: "2025-01-15T00:00:00.000Z", expiration: "2025-03-01T00:00:00.000Z" });
  });

  it.each([
    ["next tuesday"],
    ["2025-13-01T00:00:00Z"],
    ["2025-02-30T00:00:00Z"],
    ["15/01/2025"],
    ["January 15, 2025 10:00 UTC"],
    [""],
  ])("rejects the unparsable string %j, quoting it", async (value) => {
    const message = await refused(secret({ startTime: START, expiration: value }));
    expect(message).toBe(`expiration must be an ISO-8601 date-time with a time zone, such as 2021-09-07T13:03:38.380Z; got ${JSON.stringify(value)}`);
  });

  it("rejects a date-time without a time zone, which would be read in the machine's local time", async () => {
    const message = await refused(secret({ startTime: "2025-01-15T10:00:00", expiration: "2025-03-01T00:00:00Z" }));
    expect(message).toMatch(/^startTime must be an ISO-8601 date-time with a time zone/);
  });

  it("rejects an invalid Date and a non-date", async () => {
    expect(await refused(secret({ startTime: new Date("nope") }))).toBe("startTime is an invalid Date");
    expect(await refused(secret({ expiration: 1_767_225_600_000 as unknown as Date }))).toBe(
      "expiration must be a Date or an ISO-8601 string, got number",
    );
  });

  it("rejects an unknown option rather than dropping it", async () => {
    const message = await refused(secret({ expires: "2025-03-01T00:00:00Z" } as SecretOptions));
    expect(message).toBe("Unknown secret option `expires`: pass description, startTime or expiration");
  });

  it("rejects an empty clientId", async () => {
    expect(await refused(admin.secrets.create(""))).toBe("clientId must be a non-empty string");
  });
});

describe("client creation", () => {
  const create = (changes: Record<string, unknown>) =>
    admin.clients.create({ ...newClient, ...changes } as CreateTenantClientRequest);

  it("sends a valid client, with redirect URI prefixes and origins with ports", async () => {
    const body = {
      ...newClient,
      redirectUris: ["https://myDomain.", "https://myApp.myDomain.com/oauth-signin.html", "com.example.app:/callback"],
      postLogoutRedirectUris: ["https://myApp.myDomain.com/"],
      allowedCorsOrigins: ["https://app.example.com", "http://localhost:3000"],
    };
    await admin.clients.create(body);
    expect(server.received.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([["POST", "/tenants/t1/clients/", body]]);
  });

  it("sends a member named __proto__ as a member, as JSON has it, not as the copy's prototype", async () => {
    // The schema allows members it does not name; JSON.parse makes `__proto__` an own member like any other.
    const body = JSON.parse(`{"clientId":"invoice-robot","clientName":"Invoice robot","allowedScopes":["openid","permissions","publicapi.all"],"__proto__":{"note":"kept"}}`);
    await admin.clients.create(body);
    expect(JSON.parse(server.received[0]!.body)).toEqual(body);
    expect(server.received[0]!.body).toContain(`"__proto__":{"note":"kept"}`);
  });

  it.each([
    [["openid"]],
    [["openid", "permissions"]],
    [["permissions", "openid", "publicapi.all"]],
    [["openid", "permissions", "publicapi.all", "offline_access"]],
    ["openid permissions publicapi.all"],
  ])("rejects allowedScopes %j, saying what is allowed", async (allowedScopes) => {
    const message = await refused(create({ allowedScopes }));
    expect(message).toBe(
      `allowedScopes must be exactly ["openid","permissions","publicapi.all"], the only value the admin API accepts; got ${JSON.stringify(allowedScopes)}`,
    );
  });

  it("rejects missing allowedScopes", async () => {
    expect(await refused(create({ allowedScopes: undefined }))).toMatch(/^allowedScopes must be exactly .*; got nothing$/);
  });

  it.each([["myApp.example.com/callback"], ["/oauth-signin.html"], ["not a url"]])(
    "rejects the redirect URI %j, quoting it",
    async (uri) => {
      const message = await refused(create({ redirectUris: ["https://myDomain.", uri] }));
      expect(message).toBe(`redirectUris[1] must be an absolute URL such as https://app.example.com/callback, got ${JSON.stringify(uri)}`);
    },
  );

  it("rejects a relative post-logout redirect URI", async () => {
    expect(await refused(create({ postLogoutRedirectUris: ["/signed-out"] }))).toMatch(/^postLogoutRedirectUris\[0\] must be an absolute URL/);
  });

  it.each([
    ["https://app.example.com/"],
    ["https://app.example.com/path"],
    ["app.example.com"],
    ["https://app.example.com?x=1"],
    ["https://app.example.com#top"],
    ["https://user@app.example.com"],
    ["https://"],
  ])("rejects the CORS origin %j, quoting it", async (origin) => {
    const message = await refused(create({ allowedCorsOrigins: [origin] }));
    expect(message).toBe(
      `allowedCorsOrigins[0] must be an origin (scheme://host[:port], no path, query or fragment, not even a trailing "/"), such as https://app.example.com; got ${JSON.stringify(origin)}`,
    );
  });

  it("rejects a list given as a string", async () => {
    expect(await refused(create({ allowedCorsOrigins: "https://app.example.com" }))).toBe('allowedCorsOrigins must be an array of strings, got "https://app.example.com"');
  });

  it("rejects an empty clientId or clientName, and an empty grant type", async () => {
    expect(await refused(create({ clientId: "" }))).toBe("clientId must be a non-empty string");
    expect(await refused(create({ clientName: "" }))).toBe("clientName must be a non-empty string");
    expect(await refused(create({ allowedGrantTypes: [""] }))).toBe("allowedGrantTypes[0] must be a non-empty string");
  });
});

describe("provisioning", () => {
  it("checks the secret options before creating the client, so a bad date creates nothing", async () => {
    const message = await refused(admin.provisionClient(newClient, { startTime: START, expiration: "2027-01-15T11:00:00Z" }));
    expect(message).toMatch(/^expiration must be at least 1 day/);
  });

  it("checks the client before anything is sent", async () => {
    await refused(admin.provisionClient({ ...newClient, allowedCorsOrigins: ["https://app.example.com/"] }));
  });
});

describe("client options", () => {
  const options = (changes: Record<string, unknown>) => ({ baseUrl: server.url, tenantId: "t1", token: "t", ...changes }) as AdminClientOptions;
  const refusedOptions = (changes: Record<string, unknown>) => {
    try {
      createAdminClient(options(changes));
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRequestError);
      return (error as Error).message;
    }
    throw new Error("expected createAdminClient to throw");
  };

  it("require a non-empty tenantId", () => {
    expect(refusedOptions({ tenantId: "" })).toBe("tenantId must be a non-empty string");
    expect(refusedOptions({ tenantId: undefined })).toBe("tenantId must be a non-empty string");
  });

  it("require exactly one way to authenticate", () => {
    expect(refusedOptions({ getToken: () => "x" })).toBe("Pass exactly one of `token`, `getToken` or `clientCredentials`");
    expect(refusedOptions({ token: undefined })).toBe("Pass exactly one of `token`, `getToken` or `clientCredentials`");
  });

  it("require regionUrl or baseUrl, and a token endpoint for client credentials", () => {
    expect(refusedOptions({ baseUrl: undefined })).toBe(
      "Pass regionUrl (the Vantage region's root, such as https://vantage-us.abbyy.com) or baseUrl (the API root)",
    );
    expect(refusedOptions({ token: undefined, clientCredentials: { clientId: "a", clientSecret: "b" } })).toBe(
      "clientCredentials need a token endpoint: pass regionUrl, or tokenUrl alongside baseUrl",
    );
  });

  it("reject a regionUrl that is not an absolute http(s) URL, and an unknown apiVersion", () => {
    expect(refusedOptions({ regionUrl: "vantage-us.abbyy.com" })).toBe(
      'regionUrl must be an absolute http(s) URL such as https://vantage-us.abbyy.com, got "vantage-us.abbyy.com"',
    );
    expect(refusedOptions({ apiVersion: "v3" })).toBe('apiVersion must be "v1" or "v2", got "v3"');
  });

  it("reject an apiVersion that cannot be printed, and credentials holding a lone surrogate", () => {
    expect(refusedOptions({ apiVersion: 1n })).toBe('apiVersion must be "v1" or "v2", got a bigint');
    expect(refusedOptions({ token: undefined, tokenUrl: "https://vantage.test/token", clientCredentials: { clientId: "a", clientSecret: "s\ud800" } })).toMatch(
      /well-formed Unicode/,
    );
  });

  it("reject options of the wrong type", () => {
    expect(() => createAdminClient(null as never)).toThrow("The client options must be an object");
    expect(refusedOptions({ headers: { "x-a": 5 } })).toBe("headers.x-a must be a string");
    expect(refusedOptions({ fetch: 5 })).toBe("fetch must be a function");
    expect(refusedOptions({ baseUrl: 5 })).toBe("baseUrl must be an absolute http(s) URL such as https://vantage-us.abbyy.com/api/adminapi2/v1");
  });

  it("reject a regionUrl that already holds the API's (or the token endpoint's) path", () => {
    for (const path of ["/api/adminapi2", "/api/adminapi2/v1/", "/API/AdminApi2/v2", "/auth2/connect/token"]) {
      expect(refusedOptions({ baseUrl: undefined, regionUrl: `https://vantage-eu.abbyy.com${path}` })).toBe(
        `regionUrl must be the Vantage region's root, such as https://vantage-eu.abbyy.com, not a URL under it (got https://vantage-eu.abbyy.com${path.replace(/\/$/, "")}); pass the admin API's own root as baseUrl`,
      );
    }
    // A proxy may serve a region under a path of its own.
    expect(() => createAdminClient(options({ baseUrl: undefined, regionUrl: "https://proxy.example.com/vantage" }))).not.toThrow();
  });

  it("reject a baseUrl on ABBYY's hosts without the API's path: a region's root passed as the API root", () => {
    expect(refusedOptions({ baseUrl: "https://vantage-us.abbyy.com" })).toBe(
      'baseUrl must be the admin API\'s root, such as https://vantage-us.abbyy.com/api/adminapi2/v1 (got https://vantage-us.abbyy.com/); to name the region, pass regionUrl: "https://vantage-us.abbyy.com"',
    );
    expect(refusedOptions({ baseUrl: "https://vantage-au.abbyy.com/vantage/" })).toMatch(/^baseUrl must be the admin API's root/);
    for (const baseUrl of ["https://vantage-us.abbyy.com/api/adminapi2/v2", "http://127.0.0.1:4010", "https://proxy.example.com"]) {
      expect(() => createAdminClient(options({ baseUrl }))).not.toThrow();
    }
  });

  it("reject a URL with a user name and password, without repeating the password", () => {
    for (const name of ["regionUrl", "baseUrl", "tokenUrl"]) {
      const message = refusedOptions({ [name]: "https://robot:Pa55-w0rd-XYZ@vantage-us.abbyy.com" });
      expect(message).toMatch(new RegExp(`^${name} must not hold a user name or password`));
      expect(message).not.toContain("Pa55-w0rd-XYZ");
    }
  });

  it("reject empty client credentials without echoing them", () => {
    const message = refusedOptions({ token: undefined, tokenUrl: server.url, clientCredentials: { clientId: "robot", clientSecret: "" } });
    expect(message).toBe("clientCredentials.clientSecret must be a non-empty string");
  });
});

describe("ids that would leave their route", () => {
  for (const id of [".", "..", "a\ud800"]) {
    it(`refuses the client id ${JSON.stringify(id)} for secrets.create and clients.create, sending nothing`, async () => {
      expect(await refused(admin.secrets.create(id))).toMatch(/^clientId must /);
      expect(await refused(admin.clients.create({ ...newClient, clientId: id }))).toMatch(/^clientId must /);
      expect(await refused(admin.provisionClient({ ...newClient, clientId: id }))).toMatch(/^clientId must /);
    });

    it(`refuses the tenant id ${JSON.stringify(id)} when the client is created`, () => {
      expect(() => createAdminClient({ baseUrl: server.url, tenantId: id, token: "test-token" })).toThrow(/^tenantId must /);
    });
  }
});

describe("arguments of the wrong type", () => {
  const any = (value: unknown) => value as never;
  const cycle: Record<string, unknown> = { ...newClient };
  cycle.self = cycle;
  const calls: Array<[string, () => Promise<unknown>, RegExp]> = [
    ["a null client", () => admin.clients.create(any(null)), /The client must be an object/],
    ["null call options", () => admin.clients.create(newClient, any(null)), /options must be an object/],
    ["a signal that is not an AbortSignal", () => admin.secrets.create("invoice-robot", {}, { signal: any("x") }), /callOptions.signal must be an AbortSignal/],
    ["null secret options", () => admin.secrets.create("invoice-robot", any(null)), /The secret options must be an object/],
    ["null provisioning call options", () => admin.provisionClient(newClient, {}, any(null)), /callOptions must be an object/],
    ["a sparse allowedGrantTypes", () => admin.clients.create({ ...newClient, allowedGrantTypes: any([, "client_credentials"]) }), /allowedGrantTypes\[0\] is missing \(a hole in the array\)/],
    ["a BigInt in a body", () => admin.clients.create({ ...newClient, requireClientSecret: any(1n) }), /requireClientSecret must be a boolean, got a bigint/],
    ["a cycle in a body", () => admin.provisionClient(any(cycle)), /refers back to itself/],
    ["a BigInt in allowedScopes", () => admin.clients.create({ ...newClient, allowedScopes: any([0n]) }), /allowedScopes must be exactly .*got an array/],
    ["a BigInt as a redirect URI", () => admin.clients.create({ ...newClient, redirectUris: any([1n]) }), /redirectUris\[0\] must be an absolute URL .*got a bigint/],
  ];
  for (const [name, call, message] of calls) {
    it(`refuse ${name}, sending nothing`, async () => {
      expect(await refused(call())).toMatch(message);
    });
  }
});

describe("answers of the wrong shape", () => {
  for (const body of ["null", "42", '"invoice-robot"', "[]"]) {
    it(`report a created client answered as ${body} as a ResponseParseError`, async () => {
      await server.close();
      server = await startServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(body);
      });
      const admin = createAdminClient({ baseUrl: server.url, tenantId: "t1", token: "test-token", retry: false });
      for (const call of [admin.clients.create(newClient), admin.secrets.create("invoice-robot")]) {
        const error = await caught(call);
        expect(error).toBeInstanceOf(ResponseParseError);
        expect(error.message).toContain("where an object was expected");
      }
    });
  }
});
