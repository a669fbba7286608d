import { createFakeTenant, type FakeState } from "@grantkit/testing";
import type { SentRequest } from "@grantkit/test-support/sent-requests";

/**
 * The fake tenant of @grantkit/testing as the answer of a recording `fetch`, holding whatever a request's path names:
 * before each request reaches it, the Vantage tenant of `/tenants/{tenantId}/…` exists, and so does the API client of
 * `/tenants/{tenantId}/clients/{clientId}/secrets/`. Property tests send ids no seed can foresee; without this every
 * secret would end at the tenant's 404 instead of the answer a request for a client that exists gets. A client a body
 * names is left to be created (the tenant refuses a second one). A new fake per property run keeps runs apart. The
 * fixed `token` opens every operation of every tenant.
 */
export function namingTenant(token: string): (request: SentRequest) => Promise<Response> {
  const fake = createFakeTenant({ token, randomSeed: 1 });
  return async (request) => {
    fake.replaceState(withNames(fake.state(), new URL(request.url).pathname.split("/").map(decoded)));
    return fake.fetch(request.url, { method: request.method, headers: request.headers, body: request.body === "" ? undefined : request.body });
  };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function withNames(state: FakeState, segments: string[]): FakeState {
  const { admin } = state;
  const at = segments.indexOf("tenants");
  const tenantId = at < 0 ? undefined : segments[at + 1];
  if (tenantId === undefined) return state;
  if (!admin.tenants.some((tenant) => tenant.id === tenantId)) admin.tenants.push({ id: tenantId });
  const [clients, clientId, secrets] = segments.slice(at + 2, at + 5);
  const known = admin.clients.some((client) => client.tenantId === tenantId && client.clientId === clientId);
  if (clients === "clients" && secrets === "secrets" && clientId && !known) {
    admin.clients.push({ tenantId, clientId, clientName: clientId, allowedScopes: ["openid", "permissions", "publicapi.all"] });
  }
  return state;
}
