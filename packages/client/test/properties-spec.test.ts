import { startPrism, type PrismMock } from "@grantkit/tools/prism";
import { validHeaders, validText, validToken } from "@grantkit/test-support/arbitraries";
import { outcomeOf, propertySeed } from "@grantkit/test-support/property-runs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManagementClient, type ManagementClient, type ManagementClientOptions } from "../src/index.js";
import {
  validClientsQuery,
  validCreateBody,
  validId,
  validListQuery,
  validOrganizationGrantsQuery,
  validOrganizationId,
  validOrganizationsQuery,
  validResourceServersQuery,
  validUpdateBody,
} from "./support/arbitraries.js";

/**
 * Property 2 for the Management API client: every input the spec allows (and the client documents) is sent in a
 * form Prism, started from openapi/management.yaml, accepts, the token exchange of client credentials included.
 * Prism answers a request that breaks the spec with 422 and names the rule; every answer here must be a 2xx instead.
 */
const seed = propertySeed("client/test/properties-spec.test.ts");
/** Each run is one to three requests to Prism: a few per method keeps the file to seconds on a small machine. */
const NUM_RUNS = 15;
const CALL_TIMEOUT_MS = 15_000;

let prism: PrismMock;
beforeAll(async () => {
  prism = await startPrism("management");
});
afterAll(() => prism?.stop());

/** A fixed token, a `getToken` resolving to one, or client credentials exchanged at Prism's `/oauth/token`. */
const validAuth: fc.Arbitrary<Pick<ManagementClientOptions, "token" | "getToken" | "clientCredentials">> = fc.oneof(
  validToken.map((token) => ({ token })),
  validToken.map((token) => ({ getToken: async () => token })),
  fc
    .record(
      { clientId: validText({ minLength: 1 }), clientSecret: validText({ minLength: 1 }), audience: fc.webUrl() },
      { requiredKeys: ["clientId", "clientSecret"] },
    )
    .map((clientCredentials) => ({ clientCredentials })),
);

/** How the client authenticates and what else it is given: any valid choice. */
const validClientOptions = fc.record({
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
  run(client: ManagementClient, args: Loose[]): Promise<unknown>;
}

async function drain(walk: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of walk);
}

const METHODS: MethodCase[] = [
  { name: "list", args: fc.tuple(validListQuery), run: (c, [query]) => c.clientGrants.list(query) },
  { name: "listPage", args: fc.tuple(validListQuery), run: (c, [query]) => c.clientGrants.listPage(query) },
  { name: "all", args: fc.tuple(validListQuery), run: (c, [query]) => drain(c.clientGrants.all(query)) },
  { name: "create", args: fc.tuple(validCreateBody), run: (c, [body]) => c.clientGrants.create(body) },
  { name: "get", args: fc.tuple(validId()), run: (c, [id]) => c.clientGrants.get(id) },
  { name: "update", args: fc.tuple(validId(), validUpdateBody), run: (c, [id, body]) => c.clientGrants.update(id, body) },
  { name: "delete", args: fc.tuple(validId()), run: (c, [id]) => c.clientGrants.delete(id) },
  {
    name: "organizations",
    args: fc.tuple(validId(), validOrganizationsQuery),
    run: (c, [id, query]) => c.clientGrants.organizations(id, query),
  },
  {
    name: "organizationsPage",
    args: fc.tuple(validId(), validOrganizationsQuery),
    run: (c, [id, query]) => c.clientGrants.organizationsPage(id, query),
  },
  {
    name: "allOrganizations",
    args: fc.tuple(validId(), validOrganizationsQuery),
    run: (c, [id, query]) => drain(c.clientGrants.allOrganizations(id, query)),
  },
  {
    name: "assignToOrganization",
    args: fc.tuple(validOrganizationId, validId()),
    run: (c, [organizationId, grantId]) => c.clientGrants.assignToOrganization(organizationId, grantId),
  },
  {
    name: "removeFromOrganization",
    args: fc.tuple(validOrganizationId, validId()),
    run: (c, [organizationId, grantId]) => c.clientGrants.removeFromOrganization(organizationId, grantId),
  },
  {
    name: "listForOrganization",
    args: fc.tuple(validOrganizationId, validOrganizationGrantsQuery),
    run: (c, [organizationId, query]) => c.clientGrants.listForOrganization(organizationId, query),
  },
  { name: "clients.list", args: fc.tuple(validClientsQuery), run: (c, [query]) => c.clients.list(query) },
  { name: "clients.all", args: fc.tuple(validClientsQuery), run: (c, [query]) => drain(c.clients.all(query)) },
  { name: "resourceServers.list", args: fc.tuple(validResourceServersQuery), run: (c, [query]) => c.resourceServers.list(query) },
  { name: "resourceServers.all", args: fc.tuple(validResourceServersQuery), run: (c, [query]) => drain(c.resourceServers.all(query)) },
  { name: "organizations.get", args: fc.tuple(validOrganizationId), run: (c, [id]) => c.organizations.get(id) },
  {
    name: "raw.GET",
    args: fc.oneof(
      fc.tuple(fc.constant("/client-grants"), validListQuery.map((query) => ({ params: { query } }))),
      fc.tuple(fc.constant("/client-grants/{id}"), validId().map((id) => ({ params: { path: { id } } }))),
      fc.tuple(
        fc.constant("/client-grants/{id}/organizations"),
        fc.record({ id: validId(), query: validOrganizationsQuery }).map(({ id, query }) => ({ params: { path: { id }, query } })),
      ),
      fc.tuple(
        fc.constant("/organizations/{id}/client-grants"),
        fc
          .record({ id: validOrganizationId, query: validOrganizationGrantsQuery })
          .map(({ id, query }) => ({ params: { path: { id }, query } })),
      ),
    ),
    run: (c, [path, init]) => c.raw.GET(path, init),
  },
  {
    name: "raw.POST",
    args: fc.oneof(
      fc.tuple(fc.constant("/client-grants"), validCreateBody.map((body) => ({ body }))),
      fc.tuple(
        fc.constant("/organizations/{id}/client-grants"),
        fc.record({ id: validOrganizationId, grantId: validId() }).map(({ id, grantId }) => ({ params: { path: { id } }, body: { grant_id: grantId } })),
      ),
    ),
    run: (c, [path, init]) => c.raw.POST(path, init),
  },
  {
    name: "raw.PATCH",
    args: fc.tuple(
      fc.constant("/client-grants/{id}"),
      fc.record({ id: validId(), body: validUpdateBody }).map(({ id, body }) => ({ params: { path: { id } }, body })),
    ),
    run: (c, [path, init]) => c.raw.PATCH(path, init),
  },
  {
    name: "raw.DELETE",
    args: fc.oneof(
      fc.tuple(fc.constant("/client-grants/{id}"), validId().map((id) => ({ params: { path: { id } } }))),
      fc.tuple(
        fc.constant("/organizations/{id}/client-grants/{grant_id}"),
        fc.record({ id: validOrganizationId, grant_id: validId() }).map((path) => ({ params: { path } })),
      ),
    ),
    run: (c, [path, init]) => c.raw.DELETE(path, init),
  },
];

/** A client of the Prism mock whose `fetch` notes the status of every answer. */
function prismClient({ auth, timeoutMs, headers }: ClientOptions, statuses: number[]): ManagementClient {
  const noting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  const tokenUrl = `${prism.url}/oauth/token`;
  const options = { baseUrl: prism.url, tokenUrl, ...auth, timeoutMs, headers, fetch: noting, retry: false };
  return createManagementClient(options as ManagementClientOptions);
}

describe("every input the spec allows is accepted by Prism", () => {
  it.each(METHODS.map((method) => [method.name, method] as const))("%s", async (_name, method) => {
    await fc.assert(
      fc.asyncProperty(method.args, validClientOptions, async (args, options) => {
        const statuses: number[] = [];
        const outcome = await outcomeOf(() => method.run(prismClient(options, statuses), args as Loose[]), CALL_TIMEOUT_MS);
        if (outcome.kind === "rejected") throw outcome.error;
        expect(outcome.kind).toBe("resolved");
        expect(statuses.length).toBeGreaterThan(0);
        expect(statuses.filter((status) => status < 200 || status > 299)).toEqual([]);
      }),
      { seed, numRuns: NUM_RUNS },
    );
  });
});
