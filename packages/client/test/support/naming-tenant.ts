import { createFakeTenant, type FakeState } from "@grantkit/testing";
import type { SentRequest } from "@grantkit/test-support/sent-requests";

/** Names the spec allows an organization's id to have: at most 50 code points. */
const ORGANIZATION_ID_LIMIT = 50;

/**
 * The fake tenant of @grantkit/testing as the answer of a recording `fetch`, holding whatever a request names: before
 * each request reaches it, every string of the request's path, query and body becomes a client grant, an
 * organization, a client and an API of the tenant. Property tests send ids no seed can foresee; without this almost
 * every call would end at the tenant's 404 instead of the answer a request for something that exists gets. A new
 * fake per property run keeps runs apart. The fixed `token` opens every operation.
 */
export function namingTenant(token: string): (request: SentRequest) => Promise<Response> {
  const fake = createFakeTenant({ token, randomSeed: 1 });
  return async (request) => {
    fake.replaceState(withNames(fake.state(), namesIn(request)));
    return fake.fetch(request.url, { method: request.method, headers: request.headers, body: request.body === "" ? undefined : request.body });
  };
}

/** Every string a request carries: its decoded path segments, its query's values, its JSON body's strings. */
function namesIn(request: SentRequest): Set<string> {
  const url = new URL(request.url);
  const names = new Set<string>();
  for (const segment of url.pathname.split("/")) names.add(decoded(segment));
  // A number or a flag in a query names nothing (a page, a page size, include_totals); taken as a name, each page
  // of a walk would add one more item to the tenant, and the walk would never end.
  for (const value of url.searchParams.values()) if (!/^(\d+|true|false)$/.test(value)) names.add(value);
  const visit = (value: unknown): void => {
    if (typeof value === "string") names.add(value);
    else if (value && typeof value === "object") for (const member of Object.values(value)) visit(member);
  };
  try {
    visit(JSON.parse(request.body));
  } catch {
    // No body, or not JSON: the spec judge reports a body that should have been JSON.
  }
  names.delete("");
  return names;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function withNames(state: FakeState, names: Set<string>): FakeState {
  const { management } = state;
  const has = <T>(list: T[], key: (item: T) => string) => new Set(list.map(key));
  const grants = has(management.clientGrants, (grant) => grant.id);
  const organizations = has(management.organizations, (organization) => organization.id);
  const clients = has(management.clients, (client) => client.client_id ?? "");
  const apis = has(management.resourceServers, (api) => api.identifier);
  for (const name of names) {
    // Its own client and audience: a grant the tenant is given never makes a create that names other ones a 409.
    if (!grants.has(name)) management.clientGrants.push({ id: name, client_id: `${name}.client`, audience: `${name}.api`, scope: [] });
    if (!organizations.has(name) && [...name].length <= ORGANIZATION_ID_LIMIT) management.organizations.push({ id: name });
    if (!clients.has(name)) management.clients.push({ client_id: name, name });
    if (!apis.has(name)) management.resourceServers.push({ identifier: name, name });
  }
  return state;
}
