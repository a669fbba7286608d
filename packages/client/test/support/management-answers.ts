import type { SentRequest } from "@grantkit/tools/sent-requests";
import { grant } from "./server.js";

/**
 * A plausible 2xx answer to any Management API request, by route (matched on the end of the path, so any API root
 * works): what a healthy tenant would send. A token request (client credentials) gets {@link ISSUED_TOKEN}.
 */
export function managementAnswer(request: SentRequest): Response {
  if (isTokenRequest(request)) return Response.json({ access_token: ISSUED_TOKEN, expires_in: 86_400, token_type: "Bearer" });
  if (request.method === "DELETE") return new Response(null, { status: 204 });
  const url = new URL(request.url);
  const created = request.method === "POST" ? { status: 201 } : undefined;
  if (/\/organizations\/[^/]+\/client-grants$/.test(url.pathname)) {
    return Response.json(created ? organizationGrant : [organizationGrant], created);
  }
  if (/\/client-grants\/[^/]+\/organizations$/.test(url.pathname)) {
    return Response.json(listOf("organizations", organization, url.searchParams));
  }
  if (/\/client-grants$/.test(url.pathname)) {
    return request.method === "GET" ? Response.json(listOf("client_grants", grant, url.searchParams)) : Response.json(grant, created);
  }
  if (/\/client-grants\/[^/]+$/.test(url.pathname)) return Response.json(grant);
  if (/\/clients$/.test(url.pathname)) return Response.json(listOf("clients", client, url.searchParams));
  if (/\/resource-servers$/.test(url.pathname)) return Response.json(listOf("resource_servers", resourceServer, url.searchParams));
  if (/\/organizations\/[^/]+$/.test(url.pathname)) return Response.json(organization);
  // A route no answer is written for: a new method's property test must not pass by answering anything.
  return Response.json({ statusCode: 404, error: "Not Found", message: `no answer for ${request.method} ${url.pathname}` }, { status: 404 });
}

/** The access token {@link managementAnswer} issues for client credentials. */
export const ISSUED_TOKEN = "issued-token_0123456789";

function isTokenRequest(request: SentRequest): boolean {
  if (request.method !== "POST" || request.headers.authorization !== undefined) return false;
  try {
    return (JSON.parse(request.body) as { grant_type?: unknown }).grant_type === "client_credentials";
  } catch {
    return false;
  }
}

/** One item, in the shape the query asks for: with totals, as a last checkpoint page, or a plain array. */
function listOf(key: string, item: object, query: URLSearchParams): unknown {
  if (query.get("include_totals") === "true") return { start: 0, limit: 50, total: 1, [key]: [item] };
  if (query.has("from") || query.has("take")) return { [key]: [item] };
  return [item];
}

const organization = { id: "org_W3fQ8nTzxRk2Lp0a", name: "acme" };
const client = { client_id: grant.client_id, name: "Invoice robot", app_type: "non_interactive", is_first_party: true };
const resourceServer = { id: "rs_1", identifier: grant.audience, name: "Billing", scopes: [{ value: "read:invoices" }] };
const organizationGrant = { id: grant.id, audience: grant.audience, client_id: grant.client_id };
