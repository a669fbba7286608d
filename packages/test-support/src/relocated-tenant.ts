// The fake tenant of @grantkit/testing under whatever API root and token URL a property test generates.
import type { SentRequest } from "./sent-requests.js";

/** Where the fake tenant serves each API and its token endpoint, on any origin. */
const FAKE_PATHS = {
  management: { root: "/api/v2", token: "/oauth/token" },
  admin: { root: "/api/adminapi2/v1", token: "/auth2/connect/token" },
} as const;

/** What {@link relocatedTenant} is given: which API the client calls, and the API root its options name. */
export interface Whereabouts {
  /** Auth0's Management API, or the Vantage admin API (v1). */
  api: keyof typeof FAKE_PATHS;
  apiRoot: string;
}

/**
 * The fake tenant wherever a client's options put the API: a property test gives any root, token URL (and, for
 * Auth0, audience), and the fake serves fixed paths and knows one audience per origin, so each request is moved onto
 * them first (the request recorded, which the test judges, is the one the client sent). A client-credentials token
 * request goes to the fake's token endpoint (an Auth0 one without its audience: the fake's default is its Management
 * API), a request under `apiRoot` to the same route under the fake's root, each on the origin it was sent to.
 * `issued()` is the access token the tenant last issued.
 *
 * `fake` is the tenant that answers (`createFakeTenant(…)`): the caller makes it, because tools' tests use this
 * package too and @grantkit/testing builds with tools, so depending on it here would close a package cycle.
 */
export function relocatedTenant(fake: { fetch: typeof globalThis.fetch }, { api, apiRoot }: Whereabouts) {
  const paths = FAKE_PATHS[api];
  let issued: string | undefined;
  const answer = async (request: SentRequest): Promise<Response> => {
    const { method, headers } = request;
    const { origin } = new URL(request.url);
    const tokenBody = tokenRequestBody(api, request);
    if (tokenBody !== undefined) {
      const response = await fake.fetch(`${origin}${paths.token}`, { method, headers, body: tokenBody });
      if (response.ok) issued = ((await response.clone().json()) as { access_token: string }).access_token;
      return response;
    }
    // One trailing slash of the root separates it from the route; any more are part of the root, as the client reads it.
    const root = URL.canParse(apiRoot) ? new URL(apiRoot).href.replace(/\/$/, "") : undefined;
    const url = root && request.url.startsWith(`${root}/`) ? `${origin}${paths.root}${request.url.slice(root.length)}` : request.url;
    return fake.fetch(url, { method, headers, body: request.body === "" ? undefined : request.body });
  };
  return { answer, issued: () => issued };
}

/**
 * The body to send the fake's token endpoint when `request` asks for a client-credentials token (Auth0's as JSON,
 * Vantage's as a form), or undefined for any other request.
 */
function tokenRequestBody(api: Whereabouts["api"], request: SentRequest): string | undefined {
  if (request.method !== "POST" || request.headers.authorization !== undefined) return undefined;
  if (api === "admin") return new URLSearchParams(request.body).get("grant_type") === "client_credentials" ? request.body : undefined;
  try {
    const body = JSON.parse(request.body) as { grant_type?: unknown; audience?: unknown } | null;
    if (body?.grant_type !== "client_credentials") return undefined;
    const { audience: _named, ...rest } = body;
    return JSON.stringify(rest);
  } catch {
    return undefined;
  }
}
