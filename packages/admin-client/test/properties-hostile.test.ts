import {
  hostileCallOptions,
  hostileId,
  hostileSignal,
  hostileString,
  hostileValue,
  orHostile,
  validPathId,
} from "@grantkit/test-support/arbitraries";
import { abortReasons, outcomeOf, propertySeed, unexpectedOutcome } from "@grantkit/test-support/property-runs";
import { asJson, rawRoute, recordingFetch, requestProblems, type ExpectedRequest } from "@grantkit/test-support/sent-requests";
import { specJudge } from "@grantkit/test-support/spec-conformance";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAdminClient, GrantkitError, InvalidRequestError, NetworkError, type AdminClient } from "../src/index.js";
import { nearClientBody, nearSecretOptions } from "./support/arbitraries.js";
import { namingTenant } from "./support/naming-tenant.js";

/**
 * Property 1 for the admin API client: whatever arguments a call gets, it either throws the package's typed error
 * (an InvalidRequestError before sending anything, or a GrantkitError, ProvisioningError included) or sends exactly
 * the requests it names (method, route with each id one segment, JSON body, the configured bearer). Never an untyped
 * error, never a hang. A recording `fetch` hands every request to the fake tenant (@grantkit/testing, in process:
 * nothing touches the network), which holds the tenant and client a request's path names, so most calls get the
 * answer the admin API gives; a call it refuses must still have sent exactly the requests it names.
 */
const seed = propertySeed("admin-client/test/properties-hostile.test.ts");
/** Reads openapi/admin.yaml itself (Ajv), not the rules the client checks with. */
const judge = specJudge("admin");
const NUM_RUNS = 150;
/** Far above what any call here takes; reaching it means the call hangs. */
const CALL_TIMEOUT_MS = 5_000;

const ORIGIN = "https://vantage.test";
const ROOT_PATH = "/api/adminapi2/v1";
const TENANT = "8f1f5d3a-2c4b-4e4f-9a37-6f0c8c2b7d15";
const TOKEN = "tok_property_0123456789";

type Route = Omit<ExpectedRequest, "origin" | "rootPath" | "bearer">;

/** Arguments are hostile on purpose: no static type fits them. */
type Loose = any;

interface MethodCase {
  name: string;
  args: fc.Arbitrary<unknown[]>;
  run(admin: Loose, args: unknown[]): Promise<unknown>;
  /** The requests a call must send, in order: all of them when it succeeds. */
  expected(args: Loose[]): Route[];
}

const clientRoute = (body: unknown): Route => ({
  method: "POST",
  segments: ["tenants", TENANT, "clients", ""],
  query: [],
  body: asJson(body),
});

/** The instant a `Date` or an ISO string stands for, as the client sends it. */
const iso = (date: Date | string) => new Date(date instanceof Date ? date.getTime() : Date.parse(date)).toISOString();

/** The body a secret creation sends for `options`: the description as given, the dates as ISO strings in UTC. */
function secretBody(options: Loose): Record<string, string> {
  const body: Record<string, string> = {};
  if (options?.description !== undefined) body.description = options.description;
  if (options?.startTime !== undefined) body.startTime = iso(options.startTime);
  if (options?.expiration !== undefined) body.expiration = iso(options.expiration);
  return body;
}

const secretRoute = (clientId: string, options: unknown): Route => ({
  method: "POST",
  segments: ["tenants", TENANT, "clients", clientId, "secrets", ""],
  query: [],
  body: secretBody(options),
});

const WRAPPED_METHODS: MethodCase[] = [
  {
    name: "clients.create",
    args: fc.tuple(nearClientBody, hostileCallOptions),
    run: (admin, [body, options]) => admin.clients.create(body, options),
    expected: ([body]) => [clientRoute(body)],
  },
  {
    name: "secrets.create",
    args: fc.tuple(hostileId(validPathId()), fc.oneof(fc.constant(undefined), nearSecretOptions), hostileCallOptions),
    run: (admin, [clientId, options, callOptions]) => admin.secrets.create(clientId, options, callOptions),
    expected: ([clientId, options]) => [secretRoute(clientId, options)],
  },
  {
    name: "provisionClient",
    args: fc.tuple(nearClientBody, fc.oneof(fc.constant(undefined), nearSecretOptions), hostileCallOptions),
    run: (admin, [body, secretOptions, callOptions]) => admin.provisionClient(body, secretOptions, callOptions),
    // The answer echoes the requested client, so the secret is created for the requested id.
    expected: ([body, secretOptions]) => [clientRoute(body), secretRoute(body.clientId, secretOptions)],
  },
];

const RAW_PATHS = ["/tenants/{tenantId}/clients/", "/tenants/{tenantId}/clients/{clientId}/secrets/", "/auth2/connect/token"];

/** The init of a raw call: hostile as a whole, or its params, body, signal, headers and parseAs each hostile or not. */
const rawInit = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: hostileValue, weight: 1 },
  {
    arbitrary: fc.record(
      {
        params: orHostile(
          fc.record(
            {
              path: orHostile(fc.record({ tenantId: hostileId(validPathId()), clientId: hostileId(validPathId()) }, { requiredKeys: [] })),
              query: orHostile(fc.dictionary(fc.stringMatching(/^[a-z_]{1,10}$/), fc.oneof(fc.string(), fc.integer(), fc.boolean()))),
            },
            { requiredKeys: [] },
          ),
        ),
        body: fc.oneof(nearClientBody, nearSecretOptions),
        signal: hostileSignal,
        headers: orHostile(fc.dictionary(fc.oneof(hostileString, fc.constantFrom("x-trace", "accept")), orHostile(fc.string())), 1),
        parseAs: orHostile(fc.constantFrom("json", "text", "blob", "arrayBuffer", "stream")),
      },
      { requiredKeys: [] },
    ),
    weight: 6,
  },
);

const RAW_METHODS: MethodCase[] = (["GET", "POST", "PATCH", "DELETE"] as const).map((method) => ({
  name: `raw.${method}`,
  args: fc.tuple(fc.constantFrom(...RAW_PATHS), rawInit),
  run: (admin, [path, init]) => admin.raw[method](path, init),
  expected: ([path, init]) => [rawRoute(method, path, init)],
}));

function admin(fetch: typeof globalThis.fetch): AdminClient {
  return createAdminClient({ regionUrl: ORIGIN, tenantId: TENANT, token: TOKEN, fetch, retry: false });
}

describe("any arguments to any method: a typed error or exactly the requests the method names", () => {
  it.each([...WRAPPED_METHODS, ...RAW_METHODS].map((method) => [method.name, method] as const))("%s", async (_name, method) => {
    await fc.assert(
      fc.asyncProperty(method.args, async (args) => {
        const { fetch, sent } = recordingFetch(namingTenant(TOKEN));
        const outcome = await outcomeOf(() => method.run(admin(fetch), args), CALL_TIMEOUT_MS);
        const rules = { invalidRequest: InvalidRequestError, typed: [GrantkitError], network: NetworkError, sent: sent.length, allowed: abortReasons(args) };
        expect(unexpectedOutcome(outcome, rules)).toBeUndefined();
        // Whatever the outcome, each request that was sent conforms to the spec, as a judge that reads it says.
        for (const request of sent) expect(judge.problems(request, ROOT_PATH), `${request.method} ${request.url}`).toEqual([]);
        // A call the tenant refused sent what it names too, up to the refused request; one that resolved sent all of it.
        if (outcome.kind !== "resolved" && sent.length === 0) return;
        const requests = method.expected(args);
        if (outcome.kind === "resolved") expect(sent).toHaveLength(requests.length);
        else expect(sent.length).toBeLessThanOrEqual(requests.length);
        sent.forEach((request, index) => {
          expect(requestProblems(request, { ...requests[index]!, origin: ORIGIN, rootPath: ROOT_PATH, bearer: TOKEN })).toEqual([]);
        });
      }),
      { seed, numRuns: NUM_RUNS },
    );
  }, 60_000);
});
