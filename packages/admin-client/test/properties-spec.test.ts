import { validHeaders, validPathId, validText, validToken } from "@grantkit/test-support/arbitraries";
import { startPrism, type PrismMock } from "@grantkit/tools/prism";
import { outcomeOf, propertySeed } from "@grantkit/test-support/property-runs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient, type AdminClient, type AdminClientOptions } from "../src/index.js";
import { validClientBody, validSecretOptions } from "./support/arbitraries.js";

/**
 * Property 2 for the admin API client: every input the spec allows (and the client documents) is sent in a form
 * Prism, started from openapi/admin.yaml, accepts, the token exchange of client credentials included. Prism answers
 * a request that breaks the spec with 422 and names the rule; every answer here must be a 2xx instead.
 */
const seed = propertySeed("admin-client/test/properties-spec.test.ts");
/** Each run is one to three requests to Prism: a few per method keeps the file to seconds on a small machine. */
const NUM_RUNS = 15;
const CALL_TIMEOUT_MS = 15_000;

let prism: PrismMock;
beforeAll(async () => {
  prism = await startPrism("admin");
});
afterAll(() => prism?.stop());

/** A fixed token, a `getToken` resolving to one, or client credentials exchanged at Prism's token endpoint. */
const validAuth: fc.Arbitrary<Pick<AdminClientOptions, "token" | "getToken" | "clientCredentials">> = fc.oneof(
  validToken.map((token) => ({ token })),
  validToken.map((token) => ({ getToken: async () => token })),
  fc
    .record({ clientId: validText({ minLength: 1 }), clientSecret: validText({ minLength: 1 }) })
    .map((clientCredentials) => ({ clientCredentials })),
);

/** The tenant, the API version, how the client authenticates and what else it is given: any valid choice. */
const validClientOptions = fc.record({
  tenantId: validPathId(),
  apiVersion: fc.constantFrom("v1" as const, "v2" as const),
  auth: validAuth,
  timeoutMs: fc.integer({ min: 5_000, max: 60_000 }),
  headers: validHeaders,
});

type ClientOptions = typeof validClientOptions extends fc.Arbitrary<infer T> ? T : never;

/** Arguments are generated per method: no one static type fits them all. */
type Loose = any;

interface MethodCase {
  name: string;
  args: fc.Arbitrary<unknown[]>;
  run(admin: AdminClient, args: Loose[], tenantId: string): Promise<unknown>;
}

const METHODS: MethodCase[] = [
  { name: "clients.create", args: fc.tuple(validClientBody), run: (admin, [body]) => admin.clients.create(body) },
  {
    name: "secrets.create",
    args: fc.tuple(validPathId(), fc.option(validSecretOptions, { nil: undefined })),
    run: (admin, [clientId, options]) => admin.secrets.create(clientId, options),
  },
  {
    name: "provisionClient",
    args: fc.tuple(validClientBody, fc.option(validSecretOptions, { nil: undefined })),
    run: (admin, [body, options]) => admin.provisionClient(body, options),
  },
  {
    name: "raw.POST",
    args: fc.oneof(
      fc.tuple(fc.constant("/tenants/{tenantId}/clients/"), validClientBody),
      fc.tuple(
        fc.constant("/tenants/{tenantId}/clients/{clientId}/secrets/"),
        fc.record({ clientId: validPathId(), description: validText() }),
      ),
    ),
    run: (admin, [path, input], tenantId) =>
      path === "/tenants/{tenantId}/clients/"
        ? admin.raw.POST(path, { params: { path: { tenantId } }, body: input })
        : admin.raw.POST(path, { params: { path: { tenantId, clientId: input.clientId } }, body: { description: input.description } }),
  },
];

/** A client of the Prism mock whose `fetch` notes the status of every answer. Prism serves the API at its root. */
function prismClient({ auth, ...options }: ClientOptions, statuses: number[]): AdminClient {
  const noting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  const tokenUrl = `${prism.url}/auth2/connect/token`;
  return createAdminClient({ baseUrl: prism.url, tokenUrl, ...auth, ...options, fetch: noting, retry: false } as AdminClientOptions);
}

describe("every input the spec allows is accepted by Prism", () => {
  it.each(METHODS.map((method) => [method.name, method] as const))(
    "%s",
    async (_name, method) => {
      await fc.assert(
        fc.asyncProperty(method.args, validClientOptions, async (args, options) => {
          const statuses: number[] = [];
          const admin = prismClient(options, statuses);
          const outcome = await outcomeOf(() => method.run(admin, args as Loose[], options.tenantId), CALL_TIMEOUT_MS);
          if (outcome.kind === "rejected") throw outcome.error;
          expect(outcome.kind).toBe("resolved");
          expect(statuses.length).toBeGreaterThan(0);
          expect(statuses.filter((status) => status < 200 || status > 299)).toEqual([]);
        }),
        { seed, numRuns: NUM_RUNS },
      );
    },
    60_000,
  );
});
