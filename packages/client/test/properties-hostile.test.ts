import { hostileCallOptions, hostileId, hostileSignal, hostileString, hostileValue, orHostile } from "@grantkit/test-support/arbitraries";
import { abortReasons, outcomeOf, propertySeed, unexpectedOutcome } from "@grantkit/test-support/property-runs";
import { asJson, queryPairs, rawRoute, recordingFetch, requestProblems, type ExpectedRequest } from "@grantkit/test-support/sent-requests";
import { specJudge } from "@grantkit/test-support/spec-conformance";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createManagementClient, GrantkitError, InvalidRequestError, NetworkError, type ManagementClient } from "../src/index.js";
import {
  nearClientsQuery,
  nearCreateBody,
  nearListQuery,
  nearOrganizationGrantsQuery,
  nearOrganizationsQuery,
  nearResourceServersQuery,
  nearUpdateBody,
  validId,
  validOrganizationId,
} from "./support/arbitraries.js";
import { namingTenant } from "./support/naming-tenant.js";

/**
 * Property 1 for the Management API client: whatever arguments a call gets, it either throws the package's typed
 * error (an InvalidRequestError before sending anything, or a GrantkitError) or sends exactly the request it names
 * (method, route with each id one segment, query, JSON body, the configured bearer). Every request it sent conforms to the
 * spec, so any JavaScript value for any field is either sent as the spec allows or refused before sending. Never an
 * untyped error, never a hang. A recording `fetch` hands every request to the fake tenant (@grantkit/testing, in
 * process: nothing touches the network), which holds whatever the request names, so most calls get the answer a
 * tenant gives; a call the tenant refuses must still have sent exactly the requests it names.
 */
const seed = propertySeed("client/test/properties-hostile.test.ts");
/** Reads openapi/management.yaml itself (Ajv), not the rules the client checks with. */
const judge = specJudge("management");
const NUM_RUNS = 150;
/** Far above what any call here takes; reaching it means the call hangs. */
const CALL_TIMEOUT_MS = 5_000;

const ORIGIN = "https://tenant.example";
const ROOT_PATH = "/api/v2";
const TOKEN = "tok_property_0123456789";

type Route = Omit<ExpectedRequest, "origin" | "rootPath" | "bearer">;

interface MethodCase {
  name: string;
  args: fc.Arbitrary<unknown[]>;
  run(client: ManagementClient, args: unknown[]): Promise<unknown>;
  /**
   * The requests a call that succeeded must have sent, in order; `each` when the count depends on the answers (a
   * walk): then every request sent must be the one route of its method among `requests`, and at most `writes` of
   * them other than GETs (default: no limit).
   */
  expected(args: unknown[]): { requests: Route[]; each?: boolean; writes?: number };
}

/** Arguments are hostile on purpose: no static type fits them. */
type Loose = any;
const G = (client: ManagementClient): Loose => client.clientGrants;

const walkOptions = fc.oneof(
  hostileCallOptions,
  fc.record({ signal: hostileSignal, onPage: fc.oneof(fc.constant(() => {}), hostileValue) }, { requiredKeys: [] }),
);

async function drain(walk: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of walk) if (++count > 1_000) throw new Error("the walk did not end");
  return count;
}

const grantRoute = (id: unknown, ...rest: string[]) => ["client-grants", id as string, ...rest];
const organizationRoute = (id: unknown, ...rest: string[]) => ["organizations", id as string, "client-grants", ...rest];

const WRAPPED_METHODS: MethodCase[] = [
  {
    name: "list",
    args: fc.tuple(nearListQuery, hostileCallOptions),
    run: (c, [query, options]) => G(c).list(query, options),
    expected: ([query]) => ({ requests: [{ method: "GET", segments: ["client-grants"], query: queryPairs(query) }] }),
  },
  {
    name: "listPage",
    args: fc.tuple(nearListQuery, hostileCallOptions),
    run: (c, [query, options]) => G(c).listPage(query, options),
    expected: ([query]) => ({ requests: [{ method: "GET", segments: ["client-grants"], query: queryPairs(query) }] }),
  },
  {
    name: "all",
    args: fc.tuple(nearListQuery, walkOptions),
    run: (c, [query, options]) => drain(G(c).all(query, options)),
    // The walk sets its own paging members, so only the route is fixed.
    expected: () => ({ requests: [{ method: "GET", segments: ["client-grants"] }], each: true }),
  },
  {
    // A create body is a near-valid key: one of client_id and default_for, or both, or neither.
    name: "find",
    args: fc.tuple(nearCreateBody, hostileCallOptions),
    run: (c, [key, options]) => G(c).find(key, options),
    expected: () => ({ requests: [{ method: "GET", segments: ["client-grants"] }], each: true }),
  },
  {
    // find's walk, then at most one write: the create of the desired grant (its body is judged against the spec
    // below). The naming tenant never holds a grant of the key's client and audience, so the update path (a PATCH)
    // is not reached here: ensure.test.ts covers it.
    name: "ensure",
    args: fc.tuple(nearCreateBody, hostileCallOptions),
    run: (c, [desired, options]) => G(c).ensure(desired, options),
    expected: () => ({
      requests: [
        { method: "GET", segments: ["client-grants"] },
        { method: "POST", segments: ["client-grants"], query: [], body: () => undefined },
      ],
      each: true,
      writes: 1,
    }),
  },
  {
    name: "create",
    args: fc.tuple(nearCreateBody, hostileCallOptions),
    run: (c, [body, options]) => G(c).create(body, options),
    expected: ([body]) => ({ requests: [{ method: "POST", segments: ["client-grants"], query: [], body: asJson(body) }] }),
  },
  {
    name: "get",
    args: fc.tuple(hostileId(validId()), hostileCallOptions),
    run: (c, [id, options]) => G(c).get(id, options),
    expected: ([id]) => ({ requests: [{ method: "GET", segments: grantRoute(id), query: [] }] }),
  },
  {
    name: "update",
    args: fc.tuple(hostileId(validId()), nearUpdateBody, hostileCallOptions),
    run: (c, [id, body, options]) => G(c).update(id, body, options),
    expected: ([id, body]) => ({ requests: [{ method: "PATCH", segments: grantRoute(id), query: [], body: asJson(body) }] }),
  },
  {
    name: "delete",
    args: fc.tuple(hostileId(validId()), hostileCallOptions),
    run: (c, [id, options]) => G(c).delete(id, options),
    expected: ([id]) => ({ requests: [{ method: "DELETE", segments: grantRoute(id), query: [] }] }),
  },
  {
    name: "organizations",
    args: fc.tuple(hostileId(validId()), nearOrganizationsQuery, hostileCallOptions),
    run: (c, [id, query, options]) => G(c).organizations(id, query, options),
    expected: ([id, query]) => ({
      requests: [{ method: "GET", segments: grantRoute(id, "organizations"), query: queryPairs(query) }],
    }),
  },
  {
    name: "organizationsPage",
    args: fc.tuple(hostileId(validId()), nearOrganizationsQuery, hostileCallOptions),
    run: (c, [id, query, options]) => G(c).organizationsPage(id, query, options),
    expected: ([id, query]) => ({
      requests: [{ method: "GET", segments: grantRoute(id, "organizations"), query: queryPairs(query) }],
    }),
  },
  {
    name: "allOrganizations",
    args: fc.tuple(hostileId(validId()), nearOrganizationsQuery, walkOptions),
    run: (c, [id, query, options]) => drain(G(c).allOrganizations(id, query, options)),
    // The walk sets its own paging members, so only the route is fixed.
    expected: ([id]) => ({ requests: [{ method: "GET", segments: grantRoute(id, "organizations") }], each: true }),
  },
  {
    name: "assignToOrganization",
    args: fc.tuple(hostileId(validOrganizationId), hostileId(validId()), hostileCallOptions),
    run: (c, [organizationId, grantId, options]) => G(c).assignToOrganization(organizationId, grantId, options),
    expected: ([organizationId, grantId]) => ({
      requests: [{ method: "POST", segments: organizationRoute(organizationId), query: [], body: { grant_id: grantId } }],
    }),
  },
  {
    name: "removeFromOrganization",
    args: fc.tuple(hostileId(validOrganizationId), hostileId(validId()), hostileCallOptions),
    run: (c, [organizationId, grantId, options]) => G(c).removeFromOrganization(organizationId, grantId, options),
    expected: ([organizationId, grantId]) => ({
      requests: [{ method: "DELETE", segments: organizationRoute(organizationId, grantId as string), query: [] }],
    }),
  },
  {
    name: "clients.list",
    args: fc.tuple(nearClientsQuery, hostileCallOptions),
    run: (c, [query, options]) => (c.clients as Loose).list(query, options),
    expected: ([query]) => ({ requests: [{ method: "GET", segments: ["clients"], query: queryPairs(query) }] }),
  },
  {
    name: "clients.all",
    args: fc.tuple(nearClientsQuery, walkOptions),
    run: (c, [query, options]) => drain((c.clients as Loose).all(query, options)),
    expected: () => ({ requests: [{ method: "GET", segments: ["clients"] }], each: true }),
  },
  {
    name: "resourceServers.list",
    args: fc.tuple(nearResourceServersQuery, hostileCallOptions),
    run: (c, [query, options]) => (c.resourceServers as Loose).list(query, options),
    expected: ([query]) => ({ requests: [{ method: "GET", segments: ["resource-servers"], query: queryPairs(query) }] }),
  },
  {
    name: "resourceServers.all",
    args: fc.tuple(nearResourceServersQuery, walkOptions),
    run: (c, [query, options]) => drain((c.resourceServers as Loose).all(query, options)),
    expected: () => ({ requests: [{ method: "GET", segments: ["resource-servers"] }], each: true }),
  },
  {
    name: "organizations.get",
    args: fc.tuple(hostileId(validOrganizationId), hostileCallOptions),
    run: (c, [id, options]) => (c.organizations as Loose).get(id, options),
    expected: ([id]) => ({ requests: [{ method: "GET", segments: ["organizations", id as string], query: [] }] }),
  },
  {
    name: "listForOrganization",
    args: fc.tuple(hostileId(validOrganizationId), nearOrganizationGrantsQuery, hostileCallOptions),
    run: (c, [organizationId, query, options]) => G(c).listForOrganization(organizationId, query, options),
    expected: ([organizationId, query]) => ({
      requests: [{ method: "GET", segments: organizationRoute(organizationId), query: queryPairs(query) }],
    }),
  },
];

const RAW_PATHS = [
  "/clients",
  "/resource-servers",
  "/organizations/{id}",
  "/client-grants",
  "/client-grants/{id}",
  "/client-grants/{id}/organizations",
  "/organizations/{id}/client-grants",
  "/organizations/{id}/client-grants/{grant_id}",
];

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
              path: orHostile(fc.record({ id: hostileId(validId()), grant_id: hostileId(validId()) }, { requiredKeys: [] })),
              query: nearListQuery,
            },
            { requiredKeys: [] },
          ),
        ),
        body: fc.oneof(nearCreateBody, nearUpdateBody),
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
  run: (c, [path, init]) => (c.raw as Loose)[method](path, init),
  expected: ([path, init]) => ({ requests: [rawRoute(method, path as string, init)] }),
}));

function client(fetch: typeof globalThis.fetch) {
  return createManagementClient({ baseUrl: `${ORIGIN}${ROOT_PATH}`, token: TOKEN, fetch, retry: false });
}

describe("any arguments to any method: a typed error or exactly the request the method names", () => {
  it.each([...WRAPPED_METHODS, ...RAW_METHODS].map((method) => [method.name, method] as const))("%s", async (_name, method) => {
    await fc.assert(
      fc.asyncProperty(method.args, async (args) => {
        const { fetch, sent } = recordingFetch(namingTenant(TOKEN));
        const outcome = await outcomeOf(() => method.run(client(fetch), args), CALL_TIMEOUT_MS);
        const rules = { invalidRequest: InvalidRequestError, typed: [GrantkitError], network: NetworkError, sent: sent.length, allowed: abortReasons(args) };
        expect(unexpectedOutcome(outcome, rules)).toBeUndefined();
        // Whatever the outcome, each request that was sent conforms to the spec, as a judge that reads it says.
        for (const request of sent) expect(judge.problems(request, ROOT_PATH), `${request.method} ${request.url}`).toEqual([]);
        // A call the tenant refused sent what it names too, up to the refused request; one that resolved sent all of it.
        if (outcome.kind !== "resolved" && sent.length === 0) return;
        const { requests, each, writes } = method.expected(args);
        if (outcome.kind === "resolved") {
          if (each) expect(sent.length).toBeGreaterThan(0);
          else expect(sent).toHaveLength(requests.length);
        } else if (!each) expect(sent.length).toBeLessThanOrEqual(requests.length);
        if (writes !== undefined) expect(sent.filter((request) => request.method !== "GET").length).toBeLessThanOrEqual(writes);
        sent.forEach((request, index) => {
          const route = each ? requests.find((candidate) => candidate.method === request.method) : requests[index];
          expect(route, `${request.method} ${request.url}`).toBeDefined();
          expect(requestProblems(request, { ...route!, origin: ORIGIN, rootPath: ROOT_PATH, bearer: TOKEN })).toEqual([]);
        });
      }),
      { seed, numRuns: NUM_RUNS },
    );
  }, 60_000);
});
